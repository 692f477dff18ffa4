using System.Collections.Generic;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2002: one operation that involves both client funds (reserve funds included) and proprietary funds —
/// arithmetic combining them, a call or creation taking both (or passing one into a parameter declared as the
/// other), an assignment of one into the other — outside an <c>[AuthorizedTransfer]</c> method (GO 221 (十四)).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientFundsCommingledAnalyzer : FinComplianceAnalyzer
{
    private const TagKind Client = FundsTagPolicy.AnyClientFunds;
    private const TagKind Proprietary = TagKind.ProprietaryFunds;

    public ClientFundsCommingledAnalyzer()
        : base(Rules.ClientFundsCommingled)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.ProprietaryFunds is null || (symbols.ClientFunds is null && symbols.CustomerReserveFunds is null))
        {
            return;
        }

        var policy = FundsTagPolicy.For(context.Compilation, symbols);
        context.RegisterOperationBlockAction(block => AnalyzeBlock(block, policy, symbols));
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, FundsTagPolicy policy, FinComplianceSymbols symbols)
    {
        // A reviewed transfer may move money between the two; its lambdas and local functions are part of it.
        if (context.OwningSymbol is IMethodSymbol owner && IsAuthorizedTransfer(owner, symbols))
        {
            return;
        }

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
                    case IBinaryOperation binary when TagMixture.IsArithmetic(binary.OperatorKind)
                                                      && binary.Type?.SpecialType != SpecialType.System_String:
                        parts.Add(new TagPart(analysis.GetOperandTags(binary.LeftOperand, binary), binary.Syntax));
                        parts.Add(new TagPart(analysis.GetOperandTags(binary.RightOperand, binary), binary.Syntax));
                        how = " in '" + TagMixture.Describe(binary.Syntax) + "'";
                        break;

                    case IInvocationOperation invocation when !TagMixture.IsFrameworkMethod(invocation.TargetMethod)
                                                              && !IsAuthorizedTransfer(invocation.TargetMethod, symbols):
                        if (invocation.Instance is { } instance)
                        {
                            parts.Add(new TagPart(analysis.GetOperandTags(instance, invocation), invocation.Syntax));
                        }

                        TagMixture.AddArguments(parts, analysis, invocation, invocation.Arguments, policy.GetSymbolTags);
                        how = " in the call to '" + invocation.TargetMethod.Name + "'";
                        break;

                    case IObjectCreationOperation creation when creation.Constructor is { } constructor
                                                                && !TagMixture.IsFrameworkMethod(constructor):
                        parts.Add(new TagPart(policy.GetTypeTags(creation.Type), creation.Syntax));
                        TagMixture.AddArguments(parts, analysis, creation, creation.Arguments, policy.GetSymbolTags);
                        how = " in 'new " + creation.Type?.Name + "'";
                        break;

                    case IAssignmentOperation assignment when assignment is not IDeconstructionAssignmentOperation:
                        parts.Add(new TagPart(TagMixture.TargetTags(analysis, assignment), assignment.Syntax));
                        parts.Add(new TagPart(analysis.GetOperandTags(assignment.Value, assignment), assignment.Syntax));
                        how = " by assigning to '" + TagMixture.Describe(assignment.Target.Syntax) + "'";
                        break;
                }

                if (how is not null && TagMixture.FindCompletingPart(parts, Client, Proprietary) is { } anchor)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.ClientFundsCommingled, anchor.GetLocation(), how));
                }
            }
        }
    }

    private static bool IsAuthorizedTransfer(IMethodSymbol method, FinComplianceSymbols symbols)
    {
        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            if (current.OriginalDefinition.HasAttribute(symbols.AuthorizedTransfer))
            {
                return true;
            }
        }

        return false;
    }
}
