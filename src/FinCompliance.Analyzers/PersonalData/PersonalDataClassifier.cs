using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// Answers "is this symbol personal financial information, of which kind and level?" for the analyzers and the
/// generators alike, from <c>[PersonalData]</c>, attribute aliases (<c>fincompliance.attribute_aliases</c>) and
/// Microsoft.Extensions.Compliance <c>DataClassificationAttribute</c> subclasses. One instance per compilation.
/// </summary>
public sealed class PersonalDataClassifier
{
    private const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
    private const string RedactorName = "Microsoft.Extensions.Compliance.Redaction.Redactor";

    private static readonly ConditionalWeakTable<Compilation, PersonalDataClassifier> Cache = new();

    private readonly INamedTypeSymbol? dataClassificationAttribute;
    private readonly INamedTypeSymbol? redactor;

    private PersonalDataClassifier(Compilation compilation, FinComplianceAttributes attributes)
    {
        Attributes = attributes;
        Symbols = attributes.Symbols;
        Aliases = attributes.Aliases;
        dataClassificationAttribute = compilation.GetTypeByMetadataName(DataClassificationAttributeName);
        redactor = compilation.GetTypeByMetadataName(RedactorName);
    }

    public FinComplianceSymbols Symbols { get; }

    /// <summary>The alias-aware attribute matching of the compilation, shared with every other rule.</summary>
    public FinComplianceAttributes Attributes { get; }

    /// <summary>The parsed aliases; <see cref="AttributeAliases.Errors"/> are reported as FIN0001.</summary>
    public AttributeAliases Aliases { get; }

    /// <summary>The classifier of <paramref name="compilation"/>, built on first use with the project's global options.</summary>
    public static PersonalDataClassifier For(Compilation compilation, AnalyzerConfigOptions globalOptions)
        => Cache.GetValue(compilation, c => new PersonalDataClassifier(c, FinComplianceAttributes.For(c, globalOptions)));

    public static PersonalDataClassifier For(Compilation compilation, AnalyzerOptions options)
        => For(compilation, options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>
    /// The classification of a field, property, parameter or method (its return value), from the symbol's own
    /// attributes, else from its type's. Null when it is not personal data or is marked <c>[NotPersonalData]</c>.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public PersonalDataClass? Classify(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        var own = ClassifyAttributes(symbol);
        if (own is not null)
        {
            return own;
        }

        if (symbol is IPropertySymbol property && PositionalParameterOf(property) is { } parameter
            && ClassifyAttributes(parameter) is { } fromParameter)
        {
            // record R([PersonalData(Phone)] string Phone): the attribute targets the parameter, but users mean the property.
            return fromParameter;
        }

        if (symbol is IMethodSymbol method)
        {
            foreach (var attribute in method.GetReturnTypeAttributes())
            {
                var fromReturn = FromAttribute(attribute);
                if (fromReturn is not null)
                {
                    return fromReturn;
                }
            }
        }

        if (Has(symbol, Symbols.NotPersonalData)
            || (symbol is IPropertySymbol positional && PositionalParameterOf(positional) is { } opted && Has(opted, Symbols.NotPersonalData)))
        {
            return null;
        }

        return ClassifyType(TypeOf(symbol));
    }

    /// <summary>The classification of a type marked as personal data itself (or through a base type).</summary>
    public PersonalDataClass? ClassifyType(ITypeSymbol? type)
    {
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            if (current is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                return ClassifyType(nullable.TypeArguments[0]);
            }

            var classified = ClassifyAttributes(current);
            if (classified is not null)
            {
                return classified;
            }
        }

        return null;
    }

    /// <summary>Whether the symbol carries the FinCompliance attribute, or an alias of it.</summary>
    public bool Has(ISymbol symbol, INamedTypeSymbol? finComplianceAttribute) => Attributes.Has(symbol, finComplianceAttribute);

    /// <summary>Whether a member's value is stored encrypted: <c>[Encrypted]</c> on the member or on its type (or base type).</summary>
    public bool IsEncrypted(ISymbol member)
    {
        if (Has(member, Symbols.Encrypted)
            || (member is IPropertySymbol property && PositionalParameterOf(property) is { } parameter && Has(parameter, Symbols.Encrypted)))
        {
            return true;
        }

        for (var type = TypeOf(member); type is not null; type = type.BaseType)
        {
            if (Has(type, Symbols.Encrypted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a call to <paramref name="method"/> masks its input: <c>[MasksPersonalData]</c> or <c>Redactor.Redact</c>.</summary>
    public bool IsMaskingMethod(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        if (Has(method, Symbols.MasksPersonalData) || Has(method.OriginalDefinition, Symbols.MasksPersonalData))
        {
            return true;
        }

        if (method.Name.StartsWith("Redact", StringComparison.Ordinal) && method.ContainingType.IsOrDerivesFrom(redactor))
        {
            return true;
        }

        return false;
    }

    /// <summary>The primary-constructor parameter a positional record property is declared by, if it is one.</summary>
    public static IParameterSymbol? PositionalParameterOf(IPropertySymbol property)
    {
        if (property.ContainingType is not { IsRecord: true } record || property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = property.DeclaringSyntaxReferences[0];
        foreach (var constructor in record.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                foreach (var reference in parameter.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span)
                    {
                        return parameter;
                    }
                }
            }
        }

        return null;
    }

    private PersonalDataClass? ClassifyAttributes(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var classified = FromAttribute(attribute);
            if (classified is not null)
            {
                return classified;
            }
        }

        return null;
    }

    private PersonalDataClass? FromAttribute(AttributeData attribute)
    {
        var attributeClass = attribute.AttributeClass;
        if (attributeClass is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(attributeClass, Symbols.PersonalData))
        {
            var kind = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int kindValue
                && Enum.IsDefined(typeof(PersonalInformationKind), kindValue)
                ? (PersonalInformationKind)kindValue
                : PersonalInformationKind.Other;
            var level = PersonalDataClass.DefaultLevel(kind);
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Level" && named.Value.Value is int levelValue && levelValue is >= 1 and <= 3)
                {
                    level = (SensitivityLevel)levelValue;
                }
            }

            return new PersonalDataClass(kind, level);
        }

        var aliased = Aliases.PersonalDataOf(attributeClass);
        if (aliased is not null)
        {
            return aliased;
        }

        if (attributeClass.BaseType.IsOrDerivesFrom(dataClassificationAttribute))
        {
            return PersonalDataClass.Other;
        }

        return null;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        IMethodSymbol method => method.ReturnType,
        ITypeSymbol type => type,
        _ => null,
    };
}
