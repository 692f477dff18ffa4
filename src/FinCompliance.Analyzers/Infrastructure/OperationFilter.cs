using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// An operation action with the cheap test that rejects most of the operations it is registered for, stated apart
/// from the action: the rule host runs the test before it sets up a context for the operation (the public
/// <see cref="OperationAnalysisContext"/> constructor allocates), so that an invocation no rule cares about costs a
/// few tests and nothing else. Registered outside the host, the action simply runs the test first.
/// </summary>
internal static class OperationFilter
{
    /// <summary>
    /// <paramref name="action"/>, for the operations <paramref name="appliesTo"/> accepts (given the operation and the
    /// symbol whose declaration contains it). The test must be cheap, free of side effects, and true for every
    /// operation the action could report on.
    /// </summary>
    public static Action<OperationAnalysisContext> Where(Func<IOperation, ISymbol, bool> appliesTo, Action<OperationAnalysisContext> action)
        => new Filtered(appliesTo, action).Run;

    /// <summary>The test and the action, found by the rule host as the target of the delegate <see cref="Where"/> returns.</summary>
    internal sealed class Filtered(Func<IOperation, ISymbol, bool> appliesTo, Action<OperationAnalysisContext> action)
    {
        public Func<IOperation, ISymbol, bool> AppliesTo { get; } = appliesTo;

        public Action<OperationAnalysisContext> Action { get; } = action;

        public void Run(OperationAnalysisContext context)
        {
            if (AppliesTo(context.Operation, context.ContainingSymbol))
            {
                Action(context);
            }
        }
    }
}
