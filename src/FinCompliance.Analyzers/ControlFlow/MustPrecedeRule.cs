using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
    /// <param name="symbols">The FinCompliance symbols of the compilation.</param>
    /// <param name="guardedRole">The attribute of methods that must be preceded by a check.</param>
    /// <param name="checkRole">The attribute of the check methods.</param>
    /// <param name="descriptor">Reported at the unguarded call; its message argument is the called method's name.</param>
    public static void Register(
        CompilationStartAnalysisContext context,
        FinComplianceSymbols symbols,
        MustPrecedeRoles guardedRole,
        MustPrecedeRoles checkRole,
        DiagnosticDescriptor descriptor)
    {
        if (AttributeOf(symbols, guardedRole) is null || AttributeOf(symbols, checkRole) is null)
        {
            return;
        }

        var marks = MarkedMethods.For(context.Compilation, FinComplianceAttributes.For(context.Compilation, context.Options));
        var engine = new MustPrecedeEngine(method => marks.Has(method, checkRole), method => marks.Has(method, guardedRole));

        // A method that is itself guarded passes the obligation on to its callers: its own calls are exempt.
        bool IsExempt(ISymbol? symbol) => symbol is IMethodSymbol method && marks.Has(method, guardedRole);

        context.RegisterOperationBlockAction([MethodImpl(JitOptions.Optimized)] (block) =>
        {
            IOperation? firstRoot = null;
            HashSet<IOperation>? otherRoots = null;
            HashSet<SyntaxNode>? reported = null;
            foreach (var operationBlock in block.OperationBlocks)
            {
                // The graph is built for the root of the block (e.g. the IMethodBodyOperation around the body).
                var root = OperationTree.RootOf(operationBlock);

                if (!IsGraphRoot(root) || !IsFirstVisit(root, ref firstRoot, ref otherRoots))
                {
                    continue;
                }

                // Cheap pre-scan: most bodies call no guarded method and never get a control-flow graph. The
                // exemption of the owner is only looked up for the few that do.
                if (!CallsGuardedMethod(root, marks, guardedRole) || IsExempt(block.OwningSymbol))
                {
                    continue;
                }

                AnalyzeGraph(block, operationBlock, engine, descriptor, reported ??= [], IsExempt);
            }
        });
    }

    /// <summary>
    /// Builds the graph of one block and reports the guarded calls it finds unchecked. A method of its own, so that the
    /// closures the engine's callbacks need are allocated only for the few blocks that get a graph, not for every block.
    /// </summary>
    private static void AnalyzeGraph(
        OperationBlockAnalysisContext block,
        IOperation operationBlock,
        MustPrecedeEngine engine,
        DiagnosticDescriptor descriptor,
        HashSet<SyntaxNode> reported,
        Func<ISymbol?, bool> isExempt)
    {
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
            localFunction => isExempt(localFunction),
            block.CancellationToken);
    }

    private static INamedTypeSymbol? AttributeOf(FinComplianceSymbols symbols, MustPrecedeRoles role) => role switch
    {
        MustPrecedeRoles.ProductSale => symbols.ProductSale,
        MustPrecedeRoles.SuitabilityCheck => symbols.SuitabilityCheck,
        MustPrecedeRoles.RequiresCustomerIdentification => symbols.RequiresCustomerIdentification,
        MustPrecedeRoles.CustomerIdentification => symbols.CustomerIdentification,
        _ => null,
    };

    [MethodImpl(JitOptions.Optimized)]
    private static bool IsFirstVisit(IOperation root, ref IOperation? firstRoot, ref HashSet<IOperation>? otherRoots)
    {
        // Almost every block has one root: no set is allocated for it.
        if (firstRoot is null)
        {
            firstRoot = root;
            return true;
        }

        return root != firstRoot && (otherRoots ??= []).Add(root);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool IsGraphRoot(IOperation operation)
        => operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
               or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation;

    /// <summary>Whether any invocation under <paramref name="root"/> calls a method with <paramref name="role"/>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool CallsGuardedMethod(IOperation root, MarkedMethods marks, MustPrecedeRoles role)
        => (marks.GuardedRolesCalledUnder(root) & role) != 0;
}
