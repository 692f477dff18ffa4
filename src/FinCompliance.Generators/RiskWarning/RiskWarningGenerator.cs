using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// Gives every partial <c>[ProductPromotion]</c> class, struct or record that has no <c>[RiskWarning]</c> member (own or
/// inherited) the standard risk warning for its product kind:
/// <c>[RiskWarning] public const string RiskWarning = "基金有风险，投资需谨慎。…";</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RiskWarningGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only partial declarations (in partial containing types) can get a generated part, and the syntax tells: every
        // part of a partial type says so. Filtering here, before ForAttributeWithMetadataName binds a candidate, keeps
        // the generator from binding the promotion types that FIN1002 reports instead (issue #6).
        var promotions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "FinCompliance.ProductPromotionAttribute",
                static (node, _) => node is TypeDeclarationSyntax declaration && TypeDeclaration.IsPartialWithContainers(declaration),
                RiskWarningParser.Parse)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.RiskWarningPromotions);

        // Broken code may put the attribute on two parts of one type: one model per type.
        var targets = promotions
            .Collect()
            .SelectMany(static (models, _) => Distinct(models))
            .Combine(AttributeAliasOption.Create(context))
            .Select(static (pair, _) => RiskWarningParser.HasAliasedRiskWarning(pair.Left!, AttributeAliases.Parse(pair.Right)) ? null : pair.Left)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.RiskWarningTargets);

        context.RegisterSourceOutput(targets.Combine(LanguageSupport.Nullable(context)), static (output, pair) =>
            output.AddSource(RiskWarningEmitter.HintName(pair.Left!), RiskWarningEmitter.Emit(pair.Left!, pair.Right)));
    }

    private static ImmutableArray<RiskWarningModel> Distinct(ImmutableArray<RiskWarningModel?> models)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<RiskWarningModel>(models.Length);
        foreach (var model in models)
        {
            if (model is not null && seen.Add(model.Declaration.MetadataName))
            {
                result.Add(model);
            }
        }

        return result.ToImmutable();
    }
}
