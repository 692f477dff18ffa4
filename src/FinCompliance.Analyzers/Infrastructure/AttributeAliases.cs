using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The <c>fincompliance.attribute_aliases</c> option: teams map their own or a vendor's attributes onto FinCompliance
/// meanings instead of re-annotating, e.g.
/// <c>Vendor.SensitiveAttribute=PersonalData(Other), Pay.PrivacyPropertyAttribute=Encrypted</c>.
/// Keys are attribute metadata names; a target is any FinCompliance attribute usable without arguments (the
/// <c>Attribute</c> suffix optional) or <c>PersonalData(&lt;kind&gt;)</c>.
/// </summary>
public sealed class AttributeAliases
{
    // Attributes whose constructor can be called without arguments (SPEC §2).
    private static readonly ImmutableHashSet<string> ArgumentlessTargets = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ProductPromotion", "RiskWarning", "ProductYield", "PromotionalReward", "RequiresDisclosure",
        "ClientFunds", "CustomerReserveFunds", "ProprietaryFunds", "Redemption", "InformationIntermediary", "CreditEnhancement",
        "Encrypted", "MasksPersonalData", "DataEgress", "PersistedEntity", "NotPersonalData",
        "ProductSale", "SuitabilityCheck", "RequiresCustomerIdentification", "CustomerIdentification", "OptIn", "RetainedRecord");

    public static AttributeAliases Empty { get; } = new(
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, PersonalDataClass>.Empty, ImmutableArray<string>.Empty);

    private readonly ImmutableDictionary<string, string> targetsByAlias;
    private readonly ImmutableDictionary<string, PersonalDataClass> personalDataByAlias;

    private AttributeAliases(
        ImmutableDictionary<string, string> targetsByAlias,
        ImmutableDictionary<string, PersonalDataClass> personalDataByAlias,
        ImmutableArray<string> errors)
    {
        this.targetsByAlias = targetsByAlias;
        this.personalDataByAlias = personalDataByAlias;
        Errors = errors;
    }

    /// <summary>Entries that could not be read, as messages for FIN0001; those entries are ignored.</summary>
    public ImmutableArray<string> Errors { get; }

    public bool IsEmpty => targetsByAlias.Count == 0 && personalDataByAlias.Count == 0;

    /// <summary>Whether some attribute is mapped onto an argument-less FinCompliance attribute (not <c>PersonalData</c>).</summary>
    public bool HasTargets => targetsByAlias.Count != 0;

    /// <summary>The metadata names of the FinCompliance attributes aliases map onto (<c>FinCompliance.ClientFundsAttribute</c>).</summary>
    public IEnumerable<string> TargetNames => targetsByAlias.Values;

    /// <summary>
    /// The metadata name of the FinCompliance attribute that the attribute named <paramref name="attributeMetadataName"/>
    /// (as <see cref="MetadataName"/> gives it) is an alias of, or null.
    /// </summary>
    public string? TargetOf(string attributeMetadataName)
        => targetsByAlias.Count != 0 && targetsByAlias.TryGetValue(attributeMetadataName, out var target) ? target : null;

    /// <summary>Parses the option value; never throws.</summary>
    public static AttributeAliases Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty;
        }

        var targets = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var personalData = ImmutableDictionary.CreateBuilder<string, PersonalDataClass>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<string>();

        foreach (var rawEntry in SplitEntries(value!))
        {
            var entry = rawEntry.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.IndexOf('=');
            if (equals <= 0 || equals == entry.Length - 1)
            {
                errors.Add($"attribute alias '{entry}' is not of the form <attribute metadata name>=<FinCompliance attribute>");
                continue;
            }

            var alias = entry.Substring(0, equals).Trim();
            var target = entry.Substring(equals + 1).Trim();
            if (!IsMetadataName(alias))
            {
                errors.Add($"attribute alias '{alias}' is not an attribute metadata name");
                continue;
            }

            if (target.StartsWith("PersonalData(", StringComparison.Ordinal) && target.EndsWith(")", StringComparison.Ordinal))
            {
                var kindName = target.Substring("PersonalData(".Length, target.Length - "PersonalData(".Length - 1).Trim();
                if (kindName.StartsWith("PersonalDataKind.", StringComparison.Ordinal))
                {
                    kindName = kindName.Substring("PersonalDataKind.".Length);
                }

                if (!TryParseKind(kindName, out var kind))
                {
                    errors.Add($"attribute alias '{alias}': '{kindName}' is not a PersonalDataKind");
                    continue;
                }

                personalData[alias] = PersonalDataClass.OfKind(kind);
                continue;
            }

            var name = target.EndsWith("Attribute", StringComparison.Ordinal) ? target.Substring(0, target.Length - "Attribute".Length) : target;
            if (name.StartsWith("FinCompliance.", StringComparison.Ordinal))
            {
                name = name.Substring("FinCompliance.".Length);
            }

            if (name == "PersonalData")
            {
                personalData[alias] = PersonalDataClass.Other;
            }
            else if (ArgumentlessTargets.Contains(name))
            {
                targets[alias] = "FinCompliance." + name + "Attribute";
            }
            else
            {
                errors.Add($"attribute alias '{alias}': '{target}' is not a FinCompliance attribute usable without arguments (or PersonalData(<kind>))");
            }
        }

        return new AttributeAliases(targets.ToImmutable(), personalData.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>The personal-data classification an aliased attribute stands for, if it is a <c>PersonalData</c> alias.</summary>
    public PersonalDataClass? PersonalDataOf(INamedTypeSymbol? attributeClass)
        => attributeClass is not null && personalDataByAlias.Count != 0
           && personalDataByAlias.TryGetValue(MetadataName(attributeClass), out var value)
            ? value
            : null;

    /// <summary>
    /// Whether the attribute of metadata name <paramref name="attributeMetadataName"/> (<c>Namespace.Outer+Inner</c>, as
    /// <see cref="MetadataName"/> gives it) is an alias of <paramref name="finComplianceMetadataName"/>, for generators
    /// whose equatable models keep names, not symbols (analyzers ask <see cref="FinComplianceAttributes"/>).
    /// </summary>
    public bool IsAliasOf(string attributeMetadataName, string finComplianceMetadataName)
        => targetsByAlias.Count != 0
           && targetsByAlias.TryGetValue(attributeMetadataName, out var target)
           && target == finComplianceMetadataName;

    /// <summary><see cref="PersonalDataOf(INamedTypeSymbol?)"/> by metadata name, for generators.</summary>
    public PersonalDataClass? PersonalDataOf(string attributeMetadataName)
        => personalDataByAlias.Count != 0 && personalDataByAlias.TryGetValue(attributeMetadataName, out var value)
            ? value
            : null;

    /// <summary>The metadata name of a type as users write it in the option: <c>Namespace.Outer+Inner</c>.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private static bool TryParseKind(string name, out PersonalInformationKind kind)
    {
        // Enum.TryParse accepts numbers and ignores nothing we want ignored: require a declared name.
        foreach (PersonalInformationKind candidate in Enum.GetValues(typeof(PersonalInformationKind)))
        {
            if (candidate.ToString() == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static bool IsMetadataName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '+' or '`'))
            {
                return false;
            }
        }

        return name.Length > 0 && !name.StartsWith(".", StringComparison.Ordinal) && !name.EndsWith(".", StringComparison.Ordinal);
    }

    private static IEnumerable<string> SplitEntries(string value)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' or ';' when depth == 0:
                    yield return value.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }

        yield return value.Substring(start);
    }
}
