using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2001: one invocation, object creation or assignment that involves both a value carrying customer reserve
/// funds and a redemption target — a <c>[Redemption]</c> method (or a method of a <c>[Redemption]</c> type),
/// parameter, receiver or argument (GO 221 (十): 客户备付金…不得用于垫付基金和其他理财产品的资金赎回).
/// </summary>
public sealed class ReserveFundsUsedForRedemptionAnalyzer : FinComplianceAnalyzer
{
    private static readonly TagSet RedemptionTag = new(TagKind.Redemption);

    public ReserveFundsUsedForRedemptionAnalyzer()
        : base(Rules.ReserveFundsUsedForRedemption)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.CustomerReserveFunds is null || symbols.Redemption is null)
        {
            return;
        }

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        var policy = FundsTagPolicy.For(context.Compilation, attributes);
        // Made once: a lambda over AnalyzeBlock's parameters would allocate its closure on every block.
        System.Func<IParameterSymbol, TagSet> redemptionSlot = parameter => policy.GetSymbolTags(parameter).Only(TagKind.Redemption);
        context.RegisterOperationBlockAction(block => AnalyzeBlock(block, policy, attributes, redemptionSlot));
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeBlock(
        OperationBlockAnalysisContext context, FundsTagPolicy policy, FinComplianceAttributes attributes, System.Func<IParameterSymbol, TagSet> redemptionSlot)
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
                parts.Clear();
                string? how = null;
                switch (operation)
                {
                    case IInvocationOperation invocation when !TagMixture.IsFrameworkMethod(invocation.TargetMethod):
                        var method = invocation.TargetMethod;
                        if (IsRedemptionMethod(method, attributes))
                        {
                            parts.Add(new TagPart(RedemptionTag, invocation.Syntax));
                        }

                        if (invocation.Instance is { } instance)
                        {
                            parts.Add(new TagPart(analysis.GetOperandTags(instance, invocation), invocation.Syntax));
                        }

                        AddArguments(parts, analysis, invocation, invocation.Arguments, redemptionSlot);
                        how = " through the call to '" + method.Name + "'";
                        break;

                    case IObjectCreationOperation creation when creation.Constructor is { } constructor
                                                                && !TagMixture.IsFrameworkMethod(constructor):
                        parts.Add(new TagPart(policy.GetTypeTags(creation.Type).Only(TagKind.Redemption), creation.Syntax));
                        AddArguments(parts, analysis, creation, creation.Arguments, redemptionSlot);
                        how = " by creating '" + creation.Type?.Name + "'";
                        break;

                    case IAssignmentOperation assignment when assignment is not IDeconstructionAssignmentOperation:
                        var target = TagMixture.TargetTags(analysis, assignment);
                        if (assignment.Target is IMemberReferenceOperation { Instance: { } owner })
                        {
                            // A member of a redemption object (including the one an object initializer fills).
                            target |= analysis.GetTags(owner).Only(TagKind.Redemption) | policy.GetTypeTags(owner.Type).Only(TagKind.Redemption);
                        }

                        parts.Add(new TagPart(target, assignment.Syntax));
                        parts.Add(new TagPart(
                            FundsTagPolicy.IsText(assignment.Value) ? TagSet.Empty : analysis.GetOperandTags(assignment.Value, assignment),
                            assignment.Syntax));
                        how = " by assigning to '" + TagMixture.Describe(assignment.Target.Syntax) + "'";
                        break;
                }

                if (how is not null
                    && TagMixture.FindCompletingPart(parts, TagKind.CustomerReserveFunds, TagKind.Redemption) is { } anchor)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.ReserveFundsUsedForRedemption, anchor.GetLocation(), how));
                }
            }
        }
    }

    /// <summary>
    /// The arguments as parts (see <see cref="TagMixture.AddArguments"/>), except that text arguments bring no funds:
    /// <c>payer.Audit($"reserve {reserve.Balance}")</c> mentions the reserve, it does not pay out of it.
    /// </summary>
    private static void AddArguments(
        List<TagPart> parts, TagFlowAnalysis analysis, IOperation context, IEnumerable<IArgumentOperation> arguments,
        System.Func<IParameterSymbol, TagSet> slotTags)
    {
        var start = parts.Count;
        TagMixture.AddArguments(parts, analysis, context, arguments, slotTags);
        var index = start;
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.Parameter is { } parameter && !slotTags(parameter).IsEmpty)
            {
                index++;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray
                && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    ClearText(parts, index++, element);
                }
            }
            else
            {
                ClearText(parts, index++, argument.Value);
            }
        }
    }

    private static void ClearText(List<TagPart> parts, int index, IOperation value)
    {
        if (index < parts.Count && FundsTagPolicy.IsText(value))
        {
            parts[index] = new TagPart(parts[index].Tags.Only(TagKind.Redemption), parts[index].Anchor);
        }
    }

    /// <summary>A <c>[Redemption]</c> method (own, overridden or extension), or any method of a <c>[Redemption]</c> type.</summary>
    private static bool IsRedemptionMethod(IMethodSymbol method, FinComplianceAttributes attributes)
    {
        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            if (attributes.Has(current.OriginalDefinition, attributes.Symbols.Redemption))
            {
                return true;
            }
        }

        return method.IsStatic && attributes.HasOnTypeOrBase(method.ContainingType, attributes.Symbols.Redemption);
    }
}
