using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// The compilation-start context the rule host hands to the rules. It collects their operation, symbol, operation-block
/// and operation-block-start actions, and <see cref="RegisterCombined"/> registers with the compiler one symbol action,
/// one block-start action and one block action, which call every rule's callbacks in turn; the rules' operation actions
/// are called from the block action, for each operation of the block. Every other registration goes to the compiler as
/// it is.
/// </summary>
/// <remarks>
/// Why: the analyzer driver pays for every registered action on every item it applies to (a context, an exception
/// guard, the analyzer's state), and for operation actions it loops over every operation of every body once per
/// analyzer. Several rules act on the same items: six act on each invocation, six have a block action for every body,
/// and two pre-checks walk every body. Combined, the driver dispatches once per declaration and the rules share one
/// listing of its operations (<see cref="BlockOperations"/>; docs/performance.md, "Seventh round" and "Eighth round").
/// A callback that throws stops the others for that declaration only; the rules do not throw (the robustness suite),
/// and the driver reports it as it would have.
/// </remarks>
// RS1012 (a start-action context that registers nothing) does not apply: this class is a context, whose registrations
// go to the compiler's context through RegisterCombined or directly.
#pragma warning disable RS1012
internal sealed class CombinedActions(CompilationStartAnalysisContext compilerContext)
    : CompilationStartAnalysisContext(compilerContext.Compilation, compilerContext.Options, compilerContext.CancellationToken)
#pragma warning restore RS1012
{
    private readonly Dictionary<OperationKind, List<OperationEntry>> operationActions = [];
    private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> symbolActions = [];
    private readonly List<Action<OperationBlockAnalysisContext>> blockActions = [];
    private readonly List<Action<OperationBlockStartAnalysisContext>> blockStartActions = [];

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
    {
        // An action made by OperationFilter.Where: its test runs before the context is set up.
        var entry = action.Target is OperationFilter.Filtered filtered
            ? new OperationEntry(filtered.AppliesTo, filtered.Action)
            : new OperationEntry(null, action);
        foreach (var kind in operationKinds)
        {
            Add(operationActions, kind, entry);
        }
    }

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
    {
        foreach (var kind in symbolKinds)
        {
            Add(symbolActions, kind, action);
        }
    }

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => blockActions.Add(action);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => blockStartActions.Add(action);

    /// <summary>Registers the combined actions with the compiler; call once, after every rule has registered.</summary>
    public void RegisterCombined()
    {
        if (symbolActions.Count > 0)
        {
            var bySymbolKind = Table(symbolActions, kind => (int)kind);
            compilerContext.RegisterSymbolAction(
                context => Run(bySymbolKind[(int)context.Symbol.Kind], context),
                symbolActions.Keys.ToImmutableArray());
        }

        // Operation actions are not registered with the compiler: the block action lists each block's operations
        // once (BlockOperations) and hands them to the rules itself, so the driver does not loop over every operation
        // for FinCompliance, nor set up a context and an exception guard per call; the pre-checks read the same list.
        if (operationActions.Count > 0 || blockActions.Count > 0)
        {
            var byOperationKind = operationActions.Count > 0 ? Table(operationActions, kind => (int)kind) : null;
            var inTurn = blockActions.ToArray();
            compilerContext.RegisterOperationBlockAction(context => AnalyzeBlock(context, byOperationKind, inTurn));
        }

        if (blockStartActions.Count > 0)
        {
            compilerContext.RegisterOperationBlockStartAction(InTurn(blockStartActions.ToArray()));
        }
    }

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        => compilerContext.RegisterCompilationEndAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        => compilerContext.RegisterSemanticModelAction(action);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        => compilerContext.RegisterSymbolStartAction(action, symbolKind);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        => compilerContext.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        => compilerContext.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        => compilerContext.RegisterSyntaxTreeAction(action);

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        => compilerContext.RegisterAdditionalFileAction(action);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        => compilerContext.RegisterSyntaxNodeAction(action, syntaxKinds);

    private static void Add<TKind, TAction>(Dictionary<TKind, List<TAction>> actions, TKind kind, TAction action)
        where TKind : notnull
    {
        if (!actions.TryGetValue(kind, out var list))
        {
            actions.Add(kind, list = []);
        }

        list.Add(action);
    }

    /// <summary>One action that calls every action in turn.</summary>
    private static Action<TContext> InTurn<TContext>(Action<TContext>[] actions) => context => Run(actions, context);

    /// <summary>The actions by the value of their kind, in an array indexed by it (empty for kinds nobody registered).</summary>
    private static TAction[][] Table<TKind, TAction>(Dictionary<TKind, List<TAction>> actions, Func<TKind, int> index)
        where TKind : notnull
    {
        var max = 0;
        foreach (var kind in actions.Keys)
        {
            max = Math.Max(max, index(kind));
        }

        var byKind = new TAction[max + 1][];
        for (var i = 0; i < byKind.Length; i++)
        {
            byKind[i] = [];
        }

        foreach (var pair in actions)
        {
            byKind[index(pair.Key)] = pair.Value.ToArray();
        }

        return byKind;
    }

    /// <summary>
    /// One declaration's operation blocks: every operation to the rules' operation actions for its kind (in the
    /// driver's order, with the context the driver would give them), then the rules' block actions.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeBlock(
        OperationBlockAnalysisContext context, OperationEntry[][]? byOperationKind, Action<OperationBlockAnalysisContext>[] blockActions)
    {
        using var listing = BlockOperations.Enter(context.OperationBlocks);
        if (byOperationKind is not null)
        {
            Dispatch(context, listing.All, byOperationKind);
        }

        Run(blockActions, context);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void Dispatch(OperationBlockAnalysisContext context, ArraySegment<IOperation> operations, OperationEntry[][] byKind)
    {
        Action<Diagnostic>? report = null;
        var owner = context.OwningSymbol;
        var array = operations.Array!;
        for (var i = operations.Offset; i < operations.Offset + operations.Count; i++)
        {
            var operation = array[i];
            var kind = (int)operation.Kind;
            if (kind >= byKind.Length || byKind[kind] is not { Length: > 0 } entries)
            {
                continue;
            }

            OperationAnalysisContext? operationContext = null;
            foreach (var entry in entries)
            {
                if (entry.AppliesTo is { } appliesTo && !appliesTo(operation, owner))
                {
                    continue;
                }

                if (operationContext is null)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();

                    // One delegate per block with something to dispatch, made on first need. The diagnostics go through
                    // the block context, which checks them as the driver checks an operation context's.
                    report ??= context.ReportDiagnostic;
#pragma warning disable CS0618 // the public constructor: what the driver's own one adds (a graph provider, filters) no rule uses here
                    operationContext = new OperationAnalysisContext(
                        operation, owner, context.Compilation, context.Options, report, AnySupported, context.CancellationToken);
#pragma warning restore CS0618
                }

                entry.Action(operationContext.Value);
            }
        }
    }

    /// <summary>A rule's operation action, with the cheap test to run before a context is set up for it (null: none).</summary>
    private readonly struct OperationEntry(Func<IOperation, ISymbol, bool>? appliesTo, Action<OperationAnalysisContext> action)
    {
        public Func<IOperation, ISymbol, bool>? AppliesTo { get; } = appliesTo;

        public Action<OperationAnalysisContext> Action { get; } = action;
    }

    // The block context's ReportDiagnostic checks that the analyzer supports the diagnostic.
    private static readonly Func<Diagnostic, bool> AnySupported = _ => true;

    private static void Run<TContext>(Action<TContext>[] actions, TContext context)
    {
        foreach (var action in actions)
        {
            action(context);
        }
    }
}
