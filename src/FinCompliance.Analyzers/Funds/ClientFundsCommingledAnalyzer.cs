using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2002: one operation that involves both client funds (reserve funds included) and proprietary funds —
/// arithmetic combining them, a call or creation that moves one into the other (an amount of one passed to the
/// other's account object or to a parameter declared as the other, or both account objects passed to one call),
/// an assignment of one into the other — outside an <c>[AuthorizedTransfer]</c> method (GO 221 (十四)). Amounts
/// passed side by side (a reconciliation report of both totals, a log line) are reporting, not commingling.
/// </summary>
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

        var policy = FundsTagPolicy.For(context.Compilation, FinComplianceAttributes.For(context.Compilation, context.Options));
        context.RegisterOperationBlockAction(block => AnalyzeBlock(block, policy, symbols));
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeBlock(OperationBlockAnalysisContext context, FundsTagPolicy policy, FinComplianceSymbols symbols)
    {
        List<TagPart>? parts = null;
        List<TagPart>? sideBySide = null;
        foreach (var block in context.OperationBlocks)
        {
            var analysis = policy.Analyze(block, context.CancellationToken);
            if (analysis.IsEmpty)
            {
                continue;
            }

            // A reviewed transfer may move money between the two; its lambdas and local functions are part of it.
            // Asked only for blocks with funds in them: reading a method's attributes is the dearer test.
            if (parts is null && context.OwningSymbol is IMethodSymbol owner && IsAuthorizedTransfer(owner, symbols))
            {
                return;
            }

            parts ??= new List<TagPart>();
            sideBySide ??= new List<TagPart>();
            foreach (var operation in analysis.Operations)
            {
                parts.Clear();
                sideBySide.Clear();
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

                        AddCallArguments(parts, sideBySide, analysis, policy, invocation, invocation.Arguments);
                        how = " in the call to '" + invocation.TargetMethod.Name + "'";
                        break;

                    case IObjectCreationOperation creation when creation.Constructor is { } constructor
                                                                && !TagMixture.IsFrameworkMethod(constructor):
                        parts.Add(new TagPart(policy.GetTypeTags(creation.Type), creation.Syntax));
                        AddCallArguments(parts, sideBySide, analysis, policy, creation, creation.Arguments);
                        how = " in 'new " + creation.Type?.Name + "'";
                        break;

                    case IAssignmentOperation assignment when assignment is not IDeconstructionAssignmentOperation:
                        parts.Add(new TagPart(TagMixture.TargetTags(analysis, assignment), assignment.Syntax));
                        parts.Add(new TagPart(MoneyTags(analysis, assignment.Value, assignment), assignment.Syntax));
                        how = " by assigning to '" + TagMixture.Describe(assignment.Target.Syntax) + "'";
                        break;
                }

                if (how is not null && FindMixture(parts, sideBySide) is { } anchor)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.ClientFundsCommingled, anchor.GetLocation(), how));
                }
            }
        }
    }

    /// <summary>
    /// Sorts the arguments of a call or creation: an amount or text passed into a parameter that is not declared
    /// as funds, or is declared as the funds it is, goes to <paramref name="sideBySide"/> (reports, reconciliations
    /// and log lines take a client total and an own total next to each other, which CASS 7 prescribes rather than
    /// forbids); everything else — the account or ledger objects themselves, and an amount of one passed into a
    /// parameter declared as the other — goes to <paramref name="parts"/>, with the parameter's declared tags.
    /// </summary>
    private static void AddCallArguments(
        List<TagPart> parts, List<TagPart> sideBySide, TagFlowAnalysis analysis, FundsTagPolicy policy, IOperation context,
        IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var slot = argument.Parameter is { } parameter ? policy.GetSymbolTags(parameter) : TagSet.Empty;
            if (!slot.IsEmpty && argument.ArgumentKind != ArgumentKind.ParamArray)
            {
                var tags = MoneyTags(analysis, argument.Value, context);
                var mismatch = (slot.HasAny(Client) && tags.HasAny(Proprietary)) || (slot.HasAny(Proprietary) && tags.HasAny(Client));
                if (!mismatch && IsPlainValue(argument.Value, policy))
                {
                    // An amount in the slot declared for its kind: new Report([ClientFunds] clientTotal, [ProprietaryFunds] ownTotal).
                    sideBySide.Add(new TagPart(slot | tags, argument.Syntax));
                }
                else
                {
                    parts.Add(new TagPart(slot, argument.Syntax));
                    parts.Add(new TagPart(tags, argument.Syntax));
                }

                continue;
            }

            if (!slot.IsEmpty)
            {
                parts.Add(new TagPart(slot, argument.Syntax));
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray
                && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    var part = new TagPart(MoneyTags(analysis, element, context), element.Syntax);
                    (slot.IsEmpty && IsPlainValue(element, policy) ? sideBySide : parts).Add(part);
                }
            }
            else
            {
                var part = new TagPart(MoneyTags(analysis, argument.Value, context), argument.Syntax);
                (slot.IsEmpty && IsPlainValue(argument.Value, policy) ? sideBySide : parts).Add(part);
            }
        }
    }

    /// <summary>The funds an operand brings; none for text, which only describes money.</summary>
    private static TagSet MoneyTags(TagFlowAnalysis analysis, IOperation value, IOperation context)
        => FundsTagPolicy.IsText(value) ? TagSet.Empty : analysis.GetOperandTags(value, context);

    /// <summary>
    /// An amount (number, <c>Money</c>/<c>Amount</c> value) or a piece of text, as opposed to an account, ledger or
    /// wallet object through which money can be moved.
    /// </summary>
    private static bool IsPlainValue(IOperation value, FundsTagPolicy policy)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        var type = value.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_DateTime)
        {
            return true;
        }

        return policy.IsMonetary(type) && !policy.GetTypeTags(type).HasAny(Client | Proprietary);
    }

    /// <summary>
    /// The anchor of the part that completes a mixture: two of <paramref name="parts"/>, or a side-by-side value
    /// with one of <paramref name="parts"/> (money going into the other's account or slot). Side-by-side values
    /// never mix with each other. A part that already carries both was mixed upstream and is left alone.
    /// </summary>
    private static SyntaxNode? FindMixture(List<TagPart> parts, List<TagPart> sideBySide)
    {
        foreach (var value in sideBySide)
        {
            if (value.Tags.HasAny(Client) && value.Tags.HasAny(Proprietary))
            {
                return null;
            }
        }

        if (TagMixture.FindCompletingPart(parts, Client, Proprietary) is { } anchor)
        {
            return anchor;
        }

        foreach (var part in parts)
        {
            if (part.Tags.HasAny(Client) && part.Tags.HasAny(Proprietary))
            {
                return null;
            }
        }

        foreach (var value in sideBySide)
        {
            var opposite = value.Tags.HasAny(Client) ? Proprietary : value.Tags.HasAny(Proprietary) ? Client : TagKind.None;
            if (opposite == TagKind.None)
            {
                continue;
            }

            foreach (var part in parts)
            {
                if (part.Tags.HasAny(opposite))
                {
                    return part.Anchor.SpanStart > value.Anchor.SpanStart ? part.Anchor : value.Anchor;
                }
            }
        }

        return null;
    }

    [MethodImpl(JitOptions.Optimized)]
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
