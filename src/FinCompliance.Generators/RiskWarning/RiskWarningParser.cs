using System.Collections.Generic;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>Turns a <c>[ProductPromotion]</c> type into a <see cref="RiskWarningModel"/>, or null when nothing is to be generated.</summary>
internal static class RiskWarningParser
{
    // Names of FinCompliance.ProductKind by value (SPEC §3); an undefined value falls back to General, like the texts.
    private static readonly string[] ProductKindNames =
        ["General", "Fund", "Wealth", "Insurance", "Lending", "Crowdfunding", "Trust", "ConsumerFinance", "Payment"];

    public static RiskWarningModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
            || type.Name == StandardRiskWarnings.MemberName)
        {
            return null;
        }

        var declaration = TypeDeclaration.For(type);
        if (declaration is null)
        {
            return null; // not partial: FIN1002 reports it
        }

        var riskWarningAttribute = context.SemanticModel.Compilation.GetTypeByMetadataName("FinCompliance.RiskWarningAttribute");
        var aliasCandidates = new SortedSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in current.GetMembers())
            {
                // Any member of that name (a risk warning or not) would clash with the generated constant.
                if (member.Name == StandardRiskWarnings.MemberName)
                {
                    return null;
                }

                if (member is IFieldSymbol or IPropertySymbol)
                {
                    if (member.HasAttribute(riskWarningAttribute))
                    {
                        return null; // own or inherited risk warning
                    }

                    AttributeAliasOption.AddAliasCandidates(member, aliasCandidates);
                }
            }
        }

        var kind = 0;
        if (context.Attributes.Length > 0
            && context.Attributes[0].ConstructorArguments is [{ Value: int value }]
            && value >= 0 && value < ProductKindNames.Length)
        {
            kind = value;
        }

        return new RiskWarningModel(declaration, kind, ProductKindNames[kind], aliasCandidates.ToEquatableArray());
    }

    /// <summary>Whether one of the type's members carries an alias of <c>[RiskWarning]</c>: then it has a warning already.</summary>
    public static bool HasAliasedRiskWarning(RiskWarningModel model, AttributeAliases aliases)
    {
        if (aliases.IsEmpty)
        {
            return false;
        }

        foreach (var name in model.MemberAttributeNames)
        {
            if (aliases.IsAliasOf(name, "FinCompliance.RiskWarningAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
