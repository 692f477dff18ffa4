using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// Wires <see cref="MustPrecedeEngine"/> into an analyzer: every operation block that calls a guarded method gets its
/// control-flow graph analysed, and every guarded call that some path reaches without a passing check is reported.
/// Used by FIN4001 (sale after suitability check) and FIN5001 (money movement after customer identification).
/// </summary>
internal static class MustPrecedeRule
{
    /// <param name="context">The compilation-start context of the rule.</param>
    /// <param name="guardedAttribute">The attribute of methods that must be preceded by a check.</param>
    /// <param name="checkAttribute">The attribute of the check methods.</param>
    /// <param name="descriptor">Reported at the unguarded call; its message argument is the called method's name.</param>
    public static void Register(
        CompilationStartAnalysisContext context,
        INamedTypeSymbol? guardedAttribute,
        INamedTypeSymbol? checkAttribute,
        DiagnosticDescriptor descriptor)
    {
        if (guardedAttribute is null || checkAttribute is null)
        {
            return;
        }

        var guarded = new MarkedMethods(guardedAttribute);
        var checks = new MarkedMethods(checkAttribute);
        var engine = new MustPrecedeEngine(checks.IsMarked, guarded.IsMarked);

        // A method that is itself guarded passes the obligation on to its callers: its own calls are exempt.
        bool IsExempt(ISymbol? symbol) => symbol is IMethodSymbol method && guarded.IsMarked(method);

        context.RegisterOperationBlockAction(block =>
        {
            if (IsExempt(block.OwningSymbol))
            {
                return;
            }

            var analysedRoots = new HashSet<IOperation>();
            var reported = new HashSet<SyntaxNode>();
            foreach (var operationBlock in block.OperationBlocks)
            {
                // The graph is built for the root of the block (e.g. the IMethodBodyOperation around the body).
                var root = operationBlock;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                // Cheap pre-scan: most bodies call no guarded method and never get a control-flow graph.
                if (!IsGraphRoot(root) || !analysedRoots.Add(root) || !CallsGuardedMethod(root, guarded))
                {
                    continue;
                }

                var graph = block.GetControlFlowGraph(operationBlock);
                engine.Analyze(
                    graph,
                    call =>
                    {
                        // The CFG may evaluate one call in two blocks (e.g. the captured operand of a lowered &&).
                        if (reported.Add(call.Syntax))
                        {
                            block.ReportDiagnostic(Diagnostic.Create(descriptor, call.Syntax.GetLocation(), call.TargetMethod.Name));
                        }
                    },
                    localFunction => IsExempt(localFunction),
                    block.CancellationToken);
            }
        });
    }

    private static bool IsGraphRoot(IOperation operation)
        => operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
               or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation;

    private static bool CallsGuardedMethod(IOperation root, MarkedMethods guarded)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && guarded.IsMarked(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }
}
