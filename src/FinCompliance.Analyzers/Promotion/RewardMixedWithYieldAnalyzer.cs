using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using FinCompliance.Analyzers.Funds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Promotion;

/// <summary>
/// FIN1003: arithmetic combining a <c>[ProductYield]</c> value with a <c>[PromotionalReward]</c> value, or a
/// promotional reward assigned (or passed) to a <c>[ProductYield]</c> member or parameter
/// (GO 221 (十): 不得与基金产品收益混同). Showing them side by side or comparing them is fine.
/// </summary>
public sealed class RewardMixedWithYieldAnalyzer : FinComplianceAnalyzer
{
    public RewardMixedWithYieldAnalyzer()
        : base(Rules.RewardMixedWithYield)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.ProductYield is null || symbols.PromotionalReward is null)
        {
            return;
        }

        var policy = FundsTagPolicy.For(context.Compilation, FinComplianceAttributes.For(context.Compilation, context.Options));
        context.RegisterOperationBlockAction(block => AnalyzeBlock(block, policy));
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeBlock(OperationBlockAnalysisContext context, FundsTagPolicy policy)
    {
        List<TagPart>? parts = null;
        foreach (var block in context.OperationBlocks)
        {
            var analysis = policy.Analyze(block, context.CancellationToken);
            if (analysis.IsEmpty)
            {
                continue;
            }

            parts ??= new List<TagPart>();
            foreach (var operation in analysis.Operations)
            {
                switch (operation)
                {
                    case IBinaryOperation binary when TagMixture.IsArithmetic(binary.OperatorKind)
                                                      && binary.Type?.SpecialType != SpecialType.System_String:
                        parts.Clear();
                        parts.Add(new TagPart(analysis.GetOperandTags(binary.LeftOperand, binary), binary.Syntax));
                        parts.Add(new TagPart(analysis.GetOperandTags(binary.RightOperand, binary), binary.Syntax));
                        Report(context, parts, " in '" + TagMixture.Describe(binary.Syntax) + "'");
                        break;

                    case ISimpleAssignmentOperation assignment:
                        // Only a reward written into a yield is mixing; a yield copied into a reward field is not this rule.
                        if (analysis.GetDeclaredTags(assignment.Target).HasAny(TagKind.ProductYield))
                        {
                            parts.Clear();
                            parts.Add(new TagPart(analysis.GetDeclaredTags(assignment.Target), assignment.Syntax));
                            parts.Add(new TagPart(analysis.GetOperandTags(assignment.Value, assignment), assignment.Syntax));
                            Report(context, parts, " by assigning to '" + TagMixture.Describe(assignment.Target.Syntax) + "'");
                        }

                        break;

                    case IAssignmentOperation assignment when assignment is ICompoundAssignmentOperation or ICoalesceAssignmentOperation:
                        parts.Clear();
                        parts.Add(new TagPart(TagMixture.TargetTags(analysis, assignment), assignment.Syntax));
                        parts.Add(new TagPart(analysis.GetOperandTags(assignment.Value, assignment), assignment.Syntax));
                        Report(context, parts, " by assigning to '" + TagMixture.Describe(assignment.Target.Syntax) + "'");
                        break;

                    case IArgumentOperation { Parameter: { } parameter } argument
                        when argument.ArgumentKind != ArgumentKind.DefaultValue
                             && policy.GetSymbolTags(parameter).HasAny(TagKind.ProductYield):
                        // Passing a reward as the product's yield is assigning it to a [ProductYield] slot.
                        parts.Clear();
                        parts.Add(new TagPart(policy.GetSymbolTags(parameter), argument.Syntax));
                        parts.Add(new TagPart(analysis.GetOperandTags(argument.Value, argument.Parent ?? argument), argument.Syntax));
                        Report(context, parts, " by passing it as '" + parameter.Name + "'");
                        break;
                }
            }
        }
    }

    private static void Report(OperationBlockAnalysisContext context, List<TagPart> parts, string how)
    {
        if (TagMixture.FindCompletingPart(parts, TagKind.ProductYield, TagKind.PromotionalReward) is { } anchor)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.RewardMixedWithYield, anchor.GetLocation(), how));
        }
    }
}
