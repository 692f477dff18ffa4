using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.PersonalData;

/// <summary>
/// The tag policy of personal financial information (FIN3003, FIN3005): C2/C3 symbols and types produce the
/// <see cref="TagKind.PersonalData"/> tag; masking calls end it; derived facts (comparisons, lengths, counts,
/// hash codes, <c>bool</c>s) never carry it.
/// </summary>
/// <remarks>
/// Payload layout (64 bits, merged by OR): bits 0–20 the kinds present at level C2, bits 21–41 the kinds present at
/// level C3, bits 42–62 the kinds of which at least one contributing value was NOT <c>[Encrypted]</c>. Kind index:
/// 0–5 for the C3 kinds (Password…Biometric), 6–19 for Name…Other, 20 for InternalReference.
/// </remarks>
public sealed class PersonalDataTagPolicy : TagPolicy
{
    private const int KindCount = 21;
    private const int C3Shift = KindCount;
    private const int PlaintextShift = 2 * KindCount;
    private const ulong KindMask = (1UL << KindCount) - 1;
    private const int MaxMemberDepth = 3;

    private static readonly ConditionalWeakTable<Compilation, PersonalDataTagPolicy> Cache = new();

    // Methods whose result is a fact about their input (a position, a count, a hash), never the input itself.
    private static readonly ImmutableHashSet<string> FactMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "GetHashCode", "GetType", "Count", "LongCount", "Compare", "CompareTo", "CompareOrdinal", "IndexOf", "IndexOfAny",
        "LastIndexOf", "LastIndexOfAny", "GetLength", "GetLongLength", "HashData", "ComputeHash", "TryHashData",
        "TryComputeHash", "GetByteCount", "GetCharCount", "Length");

    // Member names of an annotated type that are identifiers or facts, not its content.
    private static readonly string[] NonContentSuffixes = ["Id", "ID", "Count", "Length", "Version", "Index", "Hash", "HashCode"];

    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<PersonalDataMember>> membersByType = new(SymbolEqualityComparer.Default);

    private PersonalDataTagPolicy(PersonalDataClassifier classifier) => Classifier = classifier;

    public PersonalDataClassifier Classifier { get; }

    /// <summary>The policy of <paramref name="compilation"/>, shared by FIN3003 and FIN3005.</summary>
    public static PersonalDataTagPolicy For(Compilation compilation, AnalyzerOptions options)
        => Cache.GetValue(compilation, c => new PersonalDataTagPolicy(PersonalDataClassifier.For(c, options)));

    /// <summary>The tag of one C2/C3 classification (null and C1 produce nothing).</summary>
    public static TagSet Encode(PersonalDataClass? classification, bool encrypted)
    {
        if (classification is not { IsProtected: true } value || IndexOf(value.Kind) is not { } index)
        {
            return TagSet.Empty;
        }

        var payload = value.Level == SensitivityLevel.C3 ? 1UL << (C3Shift + index) : 1UL << index;
        if (!encrypted)
        {
            payload |= 1UL << (PlaintextShift + index);
        }

        return new TagSet(TagKind.PersonalData, payload);
    }

    /// <summary>The classifications a tag set carries; with <paramref name="plaintextOnly"/>, only those with an unencrypted contributor.</summary>
    public static ImmutableArray<PersonalDataClass> Decode(TagSet tags, bool plaintextOnly = false)
    {
        if (!tags.HasAny(TagKind.PersonalData))
        {
            return ImmutableArray<PersonalDataClass>.Empty;
        }

        var payload = tags.Payload;
        var plaintext = (payload >> PlaintextShift) & KindMask;
        var builder = ImmutableArray.CreateBuilder<PersonalDataClass>();
        for (var index = 0; index < KindCount; index++)
        {
            if (plaintextOnly && (plaintext & (1UL << index)) == 0)
            {
                continue;
            }

            var kind = KindAt(index);
            if ((payload & (1UL << index)) != 0)
            {
                builder.Add(new PersonalDataClass(kind, SensitivityLevel.C2));
            }

            if ((payload & (1UL << (C3Shift + index))) != 0)
            {
                builder.Add(new PersonalDataClass(kind, SensitivityLevel.C3));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>For messages: <c>BankCardNumber, C2; Phone, C2</c>.</summary>
    public static string Describe(ImmutableArray<PersonalDataClass> classes)
        => string.Join("; ", classes);

    protected override TagSet ComputeSymbolTags(ISymbol symbol)
    {
        switch (symbol)
        {
            case IFieldSymbol or IParameterSymbol or IMethodSymbol:
                return Encode(Classifier.Classify(symbol), IsEncrypted(symbol));
            case IPropertySymbol property:
                // An override or implementation without its own attribute keeps the overridden one's.
                for (var current = property; current is not null; current = current.OverriddenProperty)
                {
                    var tags = Encode(Classifier.Classify(current), IsEncrypted(current));
                    if (!tags.IsEmpty || Classifier.Has(current, Classifier.Symbols.NotPersonalData))
                    {
                        return tags;
                    }
                }

                return TagSet.Empty;
            default:
                return TagSet.Empty;
        }
    }

    protected override TagSet ComputeTypeTags(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return GetTypeTags(array.ElementType);
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return TagSet.Empty;
        }

        return Encode(Classifier.ClassifyType(type), IsEncryptedType(type));
    }

    /// <summary>
    /// A member read of a personal-data object keeps its tag when it yields the object's content: a string,
    /// character, number, monetary or annotated value of a type annotated <c>[PersonalData]</c> as a whole (its
    /// identifiers, counts, hashes, flags and dates do not), or any member of an anonymous object or tuple built from
    /// personal data.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public override TagSet ReadFromCarrier(TagSet carrier, ISymbol member, ITypeSymbol? resultType)
    {
        if (!carrier.HasAny(TagKind.PersonalData) || resultType is null)
        {
            return TagSet.Empty;
        }

        var owner = member.ContainingType;
        if (owner is { IsAnonymousType: true } or { IsTupleType: true })
        {
            return member is IMethodSymbol ? TagSet.Empty : carrier.Only(TagKind.PersonalData);
        }

        if (IsElementAccess(member) && owner is not null && IsSystemType(owner))
        {
            // phones[0], pending.Value, lookup["k"], task.Result: the element is the data (Count/Length are not).
            return carrier.Only(TagKind.PersonalData);
        }

        if (owner is null || !GetTypeTags(owner).HasAny(TagKind.PersonalData)
            || FactMethods.Contains(member.Name) || HasNonContentName(member.Name)
            || Classifier.Has(member, Classifier.Symbols.NotPersonalData) || !IsContentType(resultType))
        {
            return TagSet.Empty;
        }

        return carrier.Only(TagKind.PersonalData);
    }

    /// <summary>A masking call (<c>[MasksPersonalData]</c>, <c>Redactor.Redact</c>) or a cryptographic transform ends the tag.</summary>
    public override TagSet AfterCall(IInvocationOperation call, TagSet tags)
    {
        if (!tags.HasAny(TagKind.PersonalData))
        {
            return tags;
        }

        var method = call.TargetMethod;
        return Classifier.IsMaskingMethod(method) || Classifier.IsMaskingMethod(method.ReducedFrom) || IsCryptography(method)
            ? tags.Without(TagKind.PersonalData)
            : tags;
    }

    /// <summary>Booleans, enums and facts (<c>GetHashCode</c>, <c>Count()</c>, <c>IndexOf</c>, …) do not carry personal data.</summary>
    public override TagSet OnDerivedValue(IOperation derived, TagSet tags)
    {
        if (derived.Type is { } type && (type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Enum))
        {
            return tags.Without(TagKind.PersonalData);
        }

        return derived is IInvocationOperation invocation && FactMethods.Contains(invocation.TargetMethod.Name)
            ? tags.Without(TagKind.PersonalData)
            : base.OnDerivedValue(derived, tags);
    }

    /// <summary>
    /// The C2/C3 members a whole object of <paramref name="type"/> exposes when serialized or destructured: its
    /// public instance fields and properties (inherited ones included) classified as personal data, and, up to three
    /// levels deep, those of its members' types. Empty for strings, primitives, enums and delegates. Cached.
    /// </summary>
    public ImmutableArray<PersonalDataMember> GetPersonalDataMembers(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return ImmutableArray<PersonalDataMember>.Empty;
        }

        if (membersByType.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var builder = ImmutableArray.CreateBuilder<PersonalDataMember>();
        CollectMembers(type, builder, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), 0, null);
        return membersByType.GetOrAdd(type, builder.ToImmutable());
    }

    private void CollectMembers(ITypeSymbol type, ImmutableArray<PersonalDataMember>.Builder builder, HashSet<ITypeSymbol> visited, int depth, string? path)
    {
        type = ElementType(type);
        if (depth > MaxMemberDepth || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            || !visited.Add(type) || IsSystemType(type))
        {
            return;
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                var name = path is null ? member.Name : path + "." + member.Name;
                var tags = GetSymbolTags(member);
                if (!tags.IsEmpty)
                {
                    foreach (var classification in Decode(tags))
                    {
                        builder.Add(new PersonalDataMember(name, classification, IsEncrypted(member)));
                    }
                }
                else if (!Classifier.Has(member, Classifier.Symbols.NotPersonalData))
                {
                    CollectMembers(memberType, builder, visited, depth + 1, name);
                }
            }
        }
    }

    private static ITypeSymbol ElementType(ITypeSymbol type)
    {
        for (var i = 0; i < 4; i++)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    type = array.ElementType;
                    continue;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                    when generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || IsSystemType(generic):
                    // Nullable<T>, List<T>, IEnumerable<T>, Task<T>: what they expose is T's members.
                    type = generic.TypeArguments[0];
                    continue;
            }

            break;
        }

        return type;
    }

    private static bool IsSystemType(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    private bool IsEncrypted(ISymbol symbol)
        => symbol is not IMethodSymbol && Classifier.IsEncrypted(symbol);

    private bool IsEncryptedType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Classifier.Has(current, Classifier.Symbols.Encrypted))
            {
                return true;
            }
        }

        return false;
    }

    // Personal data lives in text as well as in numbers: strings and characters count besides SPEC's monetary values.
    private bool IsContentType(ITypeSymbol type)
        => type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte }
           || UnwrapValue(type).SpecialType is SpecialType.System_String or SpecialType.System_Char
           || IsNumericOrMonetary(type, TagKind.PersonalData);

    private static bool IsElementAccess(ISymbol member)
        => member is IPropertySymbol { IsIndexer: true }
           || (member is IPropertySymbol or IFieldSymbol && member.Name is "Value" or "Values" or "Result" or "Current");

    private static bool HasNonContentName(string name)
    {
        foreach (var suffix in NonContentSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCryptography(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace;
        return ns is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }

    private static int? IndexOf(PersonalInformationKind kind) => kind switch
    {
        >= PersonalInformationKind.Password and <= PersonalInformationKind.Biometric => (int)kind,
        >= PersonalInformationKind.Name and <= PersonalInformationKind.Other => 6 + ((int)kind - (int)PersonalInformationKind.Name),
        PersonalInformationKind.InternalReference => 20,
        _ => null,
    };

    private static PersonalInformationKind KindAt(int index) => index switch
    {
        < 6 => (PersonalInformationKind)index,
        < 20 => (PersonalInformationKind)((int)PersonalInformationKind.Name + index - 6),
        _ => PersonalInformationKind.InternalReference,
    };
}

/// <summary>A C2/C3 member a whole object exposes (<c>Card.Number</c>), for FIN3003/FIN3005 messages.</summary>
public readonly record struct PersonalDataMember(string Path, PersonalDataClass Classification, bool Encrypted)
{
    public override string ToString() => $"{Path}: {Classification}";
}
