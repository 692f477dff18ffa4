using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// Answers "is this call reached only after a passing check, on every path?" for one control-flow graph.
/// <para>
/// A forward must-analysis over the CFG's basic blocks (intersection at joins) of the fact "a passing check has
/// happened", plus, for each local and flow capture, what its boolean value proves: <see cref="WhenTrue"/> (the value
/// being true implies a check passed), <see cref="WhenFalse"/>, both, or nothing. Roslyn's CFG lowers <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, <c>?:</c>, <c>?.</c>, <c>switch</c> and <c>using</c> into branches and flow captures, so
/// mapping a conditional branch back to the check's result covers all of them: the branch taken when its
/// <see cref="BasicBlock.BranchValue"/> is true (or false) carries "passed" when the value proves it.
/// </para>
/// <para>
/// What counts as a passing check: a <c>bool</c> result (or an awaited <c>Task&lt;bool&gt;</c> /
/// <c>ValueTask&lt;bool&gt;</c>, or its <c>.Result</c>) that guards the path; any other check (<c>void</c>, or a
/// <c>Task</c> that is awaited) passes by completing normally, because it throws when the check fails. An ignored
/// <c>bool</c> result proves nothing. Catch and finally handlers start from what held when their <c>try</c> was
/// entered (exceptional edges are not in the CFG): a catch that swallows a failed check does not count as passing.
/// Lambdas and local functions are analysed as graphs of their own, starting with nothing proven: they may run
/// later, elsewhere, or more than once, so a check in the enclosing method does not guard them.
/// </para>
/// </summary>
internal sealed class MustPrecedeEngine
{
    /// <summary>The value being true proves a check passed.</summary>
    internal const int WhenTrue = 1;

    /// <summary>The value being false proves a check passed.</summary>
    internal const int WhenFalse = 2;

    private const int Both = WhenTrue | WhenFalse;

    // Round-robin iteration converges in (loop nesting depth + 2) passes; this bound only protects against pathological graphs.
    private const int MaxPasses = 64;

    private readonly Func<IMethodSymbol, bool> isCheck;
    private readonly Func<IMethodSymbol, bool> isGuarded;

    /// <param name="isCheck">Whether a called method is a check (e.g. <c>[SuitabilityCheck]</c>).</param>
    /// <param name="isGuarded">Whether a called method must be preceded by a passing check (e.g. <c>[ProductSale]</c>).</param>
    public MustPrecedeEngine(Func<IMethodSymbol, bool> isCheck, Func<IMethodSymbol, bool> isGuarded)
    {
        this.isCheck = isCheck;
        this.isGuarded = isGuarded;
    }

    /// <summary>
    /// Reports every guarded call of <paramref name="graph"/> (and of the lambdas and local functions in it) that some
    /// path reaches without a passing check. Local functions for which <paramref name="isExemptFunction"/> is true
    /// are skipped.
    /// </summary>
    public void Analyze(
        ControlFlowGraph graph,
        Action<IInvocationOperation> reportUnguarded,
        Func<IMethodSymbol, bool>? isExemptFunction,
        CancellationToken cancellationToken)
    {
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(graph);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            var nested = new List<IFlowAnonymousFunctionOperation>();
            AnalyzeGraph(current, reportUnguarded, nested);

            foreach (var lambda in nested)
            {
                pending.Push(current.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken));
            }

            foreach (var localFunction in current.LocalFunctions)
            {
                if (isExemptFunction is null || !isExemptFunction(localFunction))
                {
                    pending.Push(current.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken));
                }
            }
        }
    }

    private void AnalyzeGraph(ControlFlowGraph graph, Action<IInvocationOperation> report, List<IFlowAnonymousFunctionOperation> nested)
    {
        var blocks = graph.Blocks;
        var conditionalOut = new State?[blocks.Length];
        var fallThroughOut = new State?[blocks.Length];
        var input = new State?[blocks.Length];

        if (IsAcyclic(blocks))
        {
            // Without back edges every predecessor precedes its block in ordinal order, so one sweep computes the
            // final entry state of each block: transfer and report in that same sweep.
            foreach (var block in blocks)
            {
                if (block.IsReachable && EntryState(block, conditionalOut, fallThroughOut, input) is { } entry)
                {
                    input[block.Ordinal] = entry;
                    var (onCondition, onFallThrough) = Transfer(block, entry, report, nested);
                    conditionalOut[block.Ordinal] = onCondition;
                    fallThroughOut[block.Ordinal] = onFallThrough;
                }
            }

            return;
        }

        var converged = false;
        for (var pass = 0; pass < MaxPasses && !converged; pass++)
        {
            converged = true;
            foreach (var block in blocks)
            {
                if (!block.IsReachable)
                {
                    continue;
                }

                var entry = EntryState(block, conditionalOut, fallThroughOut, input);
                if (entry is null || (input[block.Ordinal] is { } previous && previous.Equals(entry)))
                {
                    continue;
                }

                input[block.Ordinal] = entry;
                converged = false;
                var (onCondition, onFallThrough) = Transfer(block, entry, reporter: null, nested: null);
                conditionalOut[block.Ordinal] = onCondition;
                fallThroughOut[block.Ordinal] = onFallThrough;
            }
        }

        if (!converged)
        {
            // Never guess: a graph we could not solve reports nothing.
            return;
        }

        foreach (var block in blocks)
        {
            if (block.IsReachable && input[block.Ordinal] is { } entry)
            {
                Transfer(block, entry, report, nested);
            }
        }
    }

    private static bool IsAcyclic(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var branch in block.Predecessors)
            {
                if (branch.Source.Ordinal >= block.Ordinal)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static State? EntryState(BasicBlock block, State?[] conditionalOut, State?[] fallThroughOut, State?[] input)
    {
        if (block.Kind == BasicBlockKind.Entry)
        {
            return State.Initial;
        }

        if (block.Predecessors.IsEmpty)
        {
            // The first block of a catch, filter or finally handler: entered by an exception (or, for finally, by
            // any exit of the try). Only "passed when the try was entered" is certain there; locals may have changed.
            var tryEntry = TryRegionEntryOfHandler(block);
            return tryEntry is { } ordinal && input[ordinal] is { } tryState ? tryState.WithoutFacts() : null;
        }

        State? result = null;
        foreach (var branch in block.Predecessors)
        {
            var source = branch.Source;
            var state = branch.IsConditionalSuccessor ? conditionalOut[source.Ordinal] : fallThroughOut[source.Ordinal];
            if (state is null)
            {
                continue; // not computed yet: the identity of the meet
            }

            result = result is null ? state : State.Meet(result, state);
        }

        return result;
    }

    private static int? TryRegionEntryOfHandler(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter
                or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
            {
                for (var outer = region.EnclosingRegion; outer is not null; outer = outer.EnclosingRegion)
                {
                    if (outer.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally
                        && !outer.NestedRegions.IsEmpty)
                    {
                        return outer.NestedRegions[0].FirstBlockOrdinal;
                    }
                }

                return null;
            }
        }

        return null;
    }

    private (State OnCondition, State OnFallThrough) Transfer(
        BasicBlock block, State entry, Action<IInvocationOperation>? reporter, List<IFlowAnonymousFunctionOperation>? nested)
    {
        var walker = new Walker(this, entry.ToBuilder(), reporter, nested);
        foreach (var operation in block.Operations)
        {
            walker.Visit(operation);
        }

        if (block.BranchValue is not { } branchValue)
        {
            var after = walker.State.ToState();
            return (after, after);
        }

        walker.Visit(branchValue);
        var state = walker.State.ToState();
        if (block.ConditionalSuccessor is null || block.ConditionKind == ControlFlowConditionKind.None)
        {
            return (state, state);
        }

        // The conditional successor is taken when the branch value equals ConditionKind (true for WhenTrue).
        var proof = walker.Classify(branchValue);
        var conditionBit = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? WhenTrue : WhenFalse;
        var otherBit = Both & ~conditionBit;
        return (
            (proof & conditionBit) != 0 ? State.PassedState : state,
            (proof & otherBit) != 0 ? State.PassedState : state);
    }

    private bool IsCheck(IInvocationOperation invocation) => invocation.TargetMethod is { } method && isCheck(method);

    /// <summary>Walks one operation tree in evaluation order (operands before the operation) and updates the state.</summary>
    private sealed class Walker
    {
        private readonly MustPrecedeEngine engine;
        private readonly Action<IInvocationOperation>? reporter;
        private readonly List<IFlowAnonymousFunctionOperation>? nested;

        public Walker(MustPrecedeEngine engine, StateBuilder state, Action<IInvocationOperation>? reporter, List<IFlowAnonymousFunctionOperation>? nested)
        {
            this.engine = engine;
            State = state;
            this.reporter = reporter;
            this.nested = nested;
        }

        public StateBuilder State { get; }

        public void Visit(IOperation operation)
        {
            switch (operation)
            {
                case IFlowAnonymousFunctionOperation lambda:
                    nested?.Add(lambda);
                    return;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return;
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child);
            }

            switch (operation)
            {
                case IInvocationOperation invocation when invocation.TargetMethod is { } method:
                    if (reporter is not null && !State.Passed && engine.isGuarded(method))
                    {
                        reporter(invocation);
                    }

                    // Once a check has passed nothing can change that: skip the attribute reads.
                    if (!State.Passed
                        && ((engine.isCheck(method) && PassesByCompleting(method) && !IsIgnoredResult(invocation, method.ReturnType))
                            || DoesNotReturn(method)))
                    {
                        // After a [DoesNotReturn] call (ThrowHelper.NotSuitable()) nothing is reached: any fact holds.
                        State.SetPassed();
                    }

                    break;

                case IAwaitOperation awaitOperation when IsAwaitedCheck(awaitOperation.Operation, out var awaitedMethod)
                                                 && !IsTaskOfBoolean(awaitedMethod.ReturnType)
                                                 && !IsIgnoredResult(awaitOperation, awaitOperation.Type):
                    // An awaited check that does not answer with a bool (Task, ValueTask, Task<Result>) throws through
                    // the await when it fails.
                    State.SetPassed();
                    break;

                case IFlowCaptureOperation capture:
                    State.Set(capture.Id, Classify(capture.Value));
                    break;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    State.Set(target.Local, Classify(assignment.Value));
                    break;

                case ILocalReferenceOperation local when IsWrittenOtherwise(local):
                    State.Set(local.Local, 0);
                    break;
            }
        }

        /// <summary>What the boolean <paramref name="value"/>, evaluated in the current state, proves.</summary>
        public int Classify(IOperation? value)
        {
            if (State.Passed)
            {
                return Both;
            }

            value = SkipConversions(value);
            if (value is null)
            {
                return 0;
            }

            if (value.ConstantValue is { HasValue: true, Value: bool constant })
            {
                // A constant true is never false, so "false proves a check passed" holds vacuously (and vice versa).
                // This is what makes the flow captures of lowered && and || precise.
                return constant ? WhenFalse : WhenTrue;
            }

            switch (value)
            {
                case IInvocationOperation invocation when engine.IsCheck(invocation) && IsBoolean(invocation.TargetMethod.ReturnType):
                    return WhenTrue;
                case IAwaitOperation awaitOperation when IsAwaitedCheck(awaitOperation.Operation, out var method) && IsTaskOfBoolean(method.ReturnType):
                    return WhenTrue;
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: IInvocationOperation task }
                    when engine.IsCheck(task) && IsTaskOfBoolean(task.TargetMethod.ReturnType):
                    return WhenTrue;
                case ILocalReferenceOperation local:
                    return State.Get(local.Local);
                case IFlowCaptureReferenceOperation capture:
                    return State.Get(capture.Id);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Swap(Classify(not.Operand));
                case IBinaryOperation binary:
                    return ClassifyBinary(binary);
                case IIsPatternOperation isPattern:
                    return ClassifyPattern(Classify(isPattern.Value), isPattern.Pattern);
                default:
                    return 0;
            }
        }

        private int ClassifyBinary(IBinaryOperation binary)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                {
                    int proof;
                    bool constant;
                    if (ConstantBoolean(binary.RightOperand) is { } right)
                    {
                        (proof, constant) = (Classify(binary.LeftOperand), right);
                    }
                    else if (ConstantBoolean(binary.LeftOperand) is { } left)
                    {
                        (proof, constant) = (Classify(binary.RightOperand), left);
                    }
                    else
                    {
                        return 0;
                    }

                    // (x == true) is x; (x == false) and (x != true) are !x.
                    var notEquals = binary.OperatorKind == BinaryOperatorKind.NotEquals;
                    var result = !constant ^ notEquals ? Swap(proof) : proof;

                    // Lifted (bool?) comparisons: only the outcome meaning "x is exactly the constant" says anything.
                    return binary.IsLifted ? result & (notEquals ? WhenFalse : WhenTrue) : result;
                }

                case BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd:
                {
                    // a & b is true only when both are; it is false when either is.
                    var left = Classify(binary.LeftOperand);
                    var right = Classify(binary.RightOperand);
                    return ((left | right) & WhenTrue) | (left & right & WhenFalse);
                }

                case BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr:
                {
                    var left = Classify(binary.LeftOperand);
                    var right = Classify(binary.RightOperand);
                    return (left & right & WhenTrue) | ((left | right) & WhenFalse);
                }

                default:
                    return 0;
            }
        }

        private static int ClassifyPattern(int proof, IPatternOperation pattern)
            => pattern switch
            {
                IConstantPatternOperation constantPattern when ConstantBoolean(constantPattern.Value) is { } constant
                    => constant ? proof : Swap(proof),
                INegatedPatternOperation negated => Swap(ClassifyPattern(proof, negated.Pattern)) & (negated.Pattern is IConstantPatternOperation ? Both : 0),
                _ => 0,
            };

        private bool IsAwaitedCheck(IOperation awaited, out IMethodSymbol method)
        {
            awaited = SkipConversions(awaited)!;

            // await CheckAsync().ConfigureAwait(false)
            if (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
            {
                awaited = SkipConversions(configured)!;
            }

            if (awaited is IInvocationOperation invocation && engine.IsCheck(invocation))
            {
                method = invocation.TargetMethod;
                return true;
            }

            method = null!;
            return false;
        }

        private static bool IsWrittenOtherwise(ILocalReferenceOperation local)
            => local.Parent switch
            {
                ICompoundAssignmentOperation compound => compound.Target == local,
                ICoalesceAssignmentOperation coalesce => coalesce.Target == local,
                IIncrementOrDecrementOperation => true,
                IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                IDeclarationExpressionOperation => true,
                ITupleOperation tuple => tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple,
                _ => local.IsDeclaration,
            };
    }

    private static bool DoesNotReturn(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "DoesNotReturnAttribute", ContainingNamespace.Name: "CodeAnalysis" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool PassesByCompleting(IMethodSymbol method)
    {
        // bool results must guard the path; tasks (generic or not) count only when awaited.
        var returnType = method.ReturnType;
        return !IsBoolean(returnType) && !IsTask(returnType);
    }

    /// <summary>
    /// Whether the value of a check that answers with something other than a <c>bool</c> (an assessment object, a
    /// risk level) is thrown away: <c>Assess(c);</c>, <c>_ = Assess(c);</c>, <c>await AssessAsync(c);</c>. Such a
    /// result proves nothing, like an ignored <c>bool</c>. A <c>void</c> (or plain <c>Task</c>) check has no value and
    /// passes by completing.
    /// </summary>
    private static bool IsIgnoredResult(IOperation value, ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_Void || IsTask(type))
        {
            return false;
        }

        var parent = value.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            value = parent;
            parent = parent.Parent;
        }

        return parent is null or IExpressionStatementOperation
               || (parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard && discard.Value == value);
    }

    private static bool IsBoolean(ITypeSymbol type)
        => type.SpecialType == SpecialType.System_Boolean
           || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
               && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);

    private static bool IsTask(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks" } };

    private static bool IsTaskOfBoolean(ITypeSymbol type)
        => IsTask(type) && type is INamedTypeSymbol { IsGenericType: true } generic && IsBoolean(generic.TypeArguments[0]);

    private static bool? ConstantBoolean(IOperation? operation)
        => SkipConversions(operation)?.ConstantValue is { HasValue: true, Value: bool value } ? value : null;

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static int Swap(int proof) => ((proof & WhenTrue) << 1) | ((proof & WhenFalse) >> 1);

    /// <summary>An immutable dataflow fact: whether a check has passed, and what each local / capture proves.</summary>
    private sealed class State : IEquatable<State>
    {
        public static readonly State Initial = new(false, new Dictionary<object, int>(KeyComparer.Instance));
        public static readonly State PassedState = new(true, new Dictionary<object, int>(KeyComparer.Instance));

        private State(bool passed, Dictionary<object, int> facts)
        {
            Passed = passed;
            Facts = facts;
        }

        public bool Passed { get; }

        public Dictionary<object, int> Facts { get; }

        public int Get(object key) => Passed ? Both : Facts.TryGetValue(key, out var proof) ? proof : 0;

        public static State Create(bool passed, Dictionary<object, int> facts) => passed ? PassedState : new State(false, facts);

        public State WithoutFacts() => Passed ? PassedState : Initial;

        public StateBuilder ToBuilder() => new(Passed, Facts.Count == 0
            ? new Dictionary<object, int>(KeyComparer.Instance)
            : new Dictionary<object, int>(Facts, KeyComparer.Instance));

        public static State Meet(State left, State right)
        {
            if (left.Passed)
            {
                return right;
            }

            if (right.Passed)
            {
                return left;
            }

            if (left.Facts.Count == 0 || right.Facts.Count == 0)
            {
                return Initial;
            }

            var facts = new Dictionary<object, int>(KeyComparer.Instance);
            foreach (var pair in left.Facts)
            {
                var proof = pair.Value & right.Get(pair.Key);
                if (proof != 0)
                {
                    facts[pair.Key] = proof;
                }
            }

            return new State(false, facts);
        }

        public bool Equals(State? other)
        {
            if (other is null || other.Passed != Passed || other.Facts.Count != Facts.Count)
            {
                return false;
            }

            foreach (var pair in Facts)
            {
                if (!other.Facts.TryGetValue(pair.Key, out var proof) || proof != pair.Value)
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as State);

        public override int GetHashCode() => Passed ? 1 : Facts.Count + 2;
    }

    /// <summary>The mutable state while walking one block.</summary>
    private sealed class StateBuilder
    {
        private readonly Dictionary<object, int> facts;

        public StateBuilder(bool passed, Dictionary<object, int> facts)
        {
            Passed = passed;
            this.facts = facts;
        }

        public bool Passed { get; private set; }

        public int Get(object key) => Passed ? Both : facts.TryGetValue(key, out var proof) ? proof : 0;

        public void SetPassed()
        {
            Passed = true;
            facts.Clear();
        }

        public void Set(object key, int proof)
        {
            if (Passed)
            {
                return;
            }

            if (proof == 0)
            {
                facts.Remove(key);
            }
            else
            {
                facts[key] = proof;
            }
        }

        // Most states prove nothing about locals: share the empty ones instead of copying an empty dictionary.
        public State ToState()
            => Passed ? State.PassedState
               : facts.Count == 0 ? State.Initial
               : State.Create(false, new Dictionary<object, int>(facts, KeyComparer.Instance));
    }

    /// <summary>Keys are locals (compared as symbols) and flow-capture ids (compared by value).</summary>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y)
            => x is ISymbol left && y is ISymbol right
                ? SymbolEqualityComparer.Default.Equals(left, right)
                : object.Equals(x, y);

        public int GetHashCode(object obj)
            => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
