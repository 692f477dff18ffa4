using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// The compilation-start context the rule host hands to the rules. It collects their operation, symbol, operation-block
/// and operation-block-start actions, and <see cref="RegisterCombined"/> registers one action of each with the compiler,
/// which calls every rule's callback in turn. Every other registration goes to the compiler as it is.
/// </summary>
/// <remarks>
/// Why: the analyzer driver pays for every registered action on every item it applies to (a context, an exception
/// guard, the analyzer's state), and several rules act on the same items: six act on each invocation, six have a block
/// action for every body. Combined, the driver dispatches once per item and the rules share that
/// (docs/performance.md, "Seventh round"). A callback that throws stops the others for that item only; the rules do not
/// throw (the robustness suite), and the driver reports it as it would have.
/// </remarks>
// RS1012 (a start-action context that registers nothing) does not apply: this class is a context, whose registrations
// go to the compiler's context through RegisterCombined or directly.
#pragma warning disable RS1012
internal sealed class CombinedActions(CompilationStartAnalysisContext compilerContext)
    : CompilationStartAnalysisContext(compilerContext.Compilation, compilerContext.Options, compilerContext.CancellationToken)
#pragma warning restore RS1012
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> operationActions = [];
    private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> symbolActions = [];
    private readonly List<Action<OperationBlockAnalysisContext>> blockActions = [];
    private readonly List<Action<OperationBlockStartAnalysisContext>> blockStartActions = [];

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
    {
        foreach (var kind in operationKinds)
        {
            Add(operationActions, kind, action);
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
        if (operationActions.Count > 0)
        {
            compilerContext.RegisterOperationAction(
                ByKind(operationActions, kind => (int)kind, context => (int)context.Operation.Kind),
                operationActions.Keys.ToImmutableArray());
        }

        if (symbolActions.Count > 0)
        {
            compilerContext.RegisterSymbolAction(
                ByKind(symbolActions, kind => (int)kind, context => (int)context.Symbol.Kind),
                symbolActions.Keys.ToImmutableArray());
        }

        if (blockActions.Count > 0)
        {
            compilerContext.RegisterOperationBlockAction(InTurn(blockActions.ToArray()));
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

    private static void Add<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> actions, TKind kind, Action<TContext> action)
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

    /// <summary>
    /// One action that calls the actions registered for the item's kind, found in an array indexed by the kind's value
    /// (empty for kinds nobody registered).
    /// </summary>
    private static Action<TContext> ByKind<TKind, TContext>(
        Dictionary<TKind, List<Action<TContext>>> actions, Func<TKind, int> index, Func<TContext, int> kindOf)
        where TKind : notnull
    {
        var max = 0;
        foreach (var kind in actions.Keys)
        {
            max = Math.Max(max, index(kind));
        }

        var byKind = new Action<TContext>[max + 1][];
        for (var i = 0; i < byKind.Length; i++)
        {
            byKind[i] = [];
        }

        foreach (var pair in actions)
        {
            byKind[index(pair.Key)] = pair.Value.ToArray();
        }

        return context => Run(byKind[kindOf(context)], context);
    }

    private static void Run<TContext>(Action<TContext>[] actions, TContext context)
    {
        foreach (var action in actions)
        {
            action(context);
        }
    }
}
