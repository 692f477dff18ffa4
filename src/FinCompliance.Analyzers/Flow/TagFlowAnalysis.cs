using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Flow;

/// <summary>
/// Intraprocedural tag flow over one operation block (a method body with its lambdas and local functions):
/// which operations carry which tags. Obtain it through <see cref="TagPolicy.Analyze"/>.
/// </summary>
/// <remarks>
/// <para>
/// Variables: a read of a local sees the values assigned to it that can reach it. The engine does not build a
/// control-flow graph; it uses one cheap, sound rule: an unconditional <c>x = …;</c> or <c>var x = …;</c>
/// statement that precedes the read in an enclosing block (with no lambda or local-function boundary in between)
/// dominates the read and kills every earlier assignment; within a loop crossed on the way, the whole loop
/// counts (back edges). Otherwise — conditional assignments, locals written inside lambdas or local functions,
/// methods with <c>goto</c>, parameters, local-function parameters — a variable carries the union of every value
/// assigned to it anywhere in the block (flow-insensitive, over-approximating). Rules should read the tags of an
/// assignment's target local from its type only (a local is a holder, not a source): <see cref="GetDeclaredTags"/>.
/// </para>
/// <para>
/// Cost: a block is analysed only when a recursive, allocation-free pre-check finds an operation whose type or
/// referenced symbol the policy tags; otherwise <see cref="Empty"/> is returned. A tagged block is evaluated in
/// post-order (children before parents, no recursion), repeated until the locals reach a fixed point (two passes
/// in straight-line code). After construction the analysis is read-only and safe to share between rules.
/// </para>
/// </remarks>
public sealed class TagFlowAnalysis
{
    private const int MaxPasses = 8;
    private const int MaxPrecheckDepth = 400;

    /// <summary>The analysis of a block in which nothing carries a tag.</summary>
    public static readonly TagFlowAnalysis Empty = new(null, ImmutableArray<IOperation>.Empty, null, null);

    private readonly TagPolicy? policy;
    private readonly OperationTagMap? tags;

    private readonly VariableFlow? variables;

    private TagFlowAnalysis(
        TagPolicy? policy, ImmutableArray<IOperation> operations, OperationTagMap? tags, VariableFlow? variables)
    {
        this.policy = policy;
        Operations = operations;
        this.tags = tags;
        this.variables = variables;
    }

    /// <summary>Whether no operation of the block carries a tag (rules can return at once).</summary>
    public bool IsEmpty => tags is null || tags.Count == 0;

    /// <summary>Every operation of the block, lambdas and local functions included, children before parents.</summary>
    public ImmutableArray<IOperation> Operations { get; }

    /// <summary>The tags <paramref name="operation"/>'s value carries (empty for operations outside the block).</summary>
    [MethodImpl(JitOptions.Optimized)]
    public TagSet GetTags(IOperation? operation)
        => operation is not null && tags is not null && tags.TryGetValue(operation, out var set) ? set : TagSet.Empty;

    /// <summary>
    /// The tags of an assignment target or argument that a rule should treat as "what this location is": the
    /// flowed tags for members, parameters and other expressions, but only the declared type's tags for a local
    /// (whose flowed tags include whatever else was assigned to it).
    /// </summary>
    public TagSet GetDeclaredTags(IOperation? target)
    {
        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        return target is ILocalReferenceOperation local
            ? policy?.GetTypeTags(local.Local.Type) ?? TagSet.Empty
            : GetTags(target);
    }

    /// <summary>
    /// The tags <paramref name="operand"/> brings into <paramref name="context"/> (an operation that uses it). Like
    /// <see cref="GetTags"/>, except that a variable read ignores the values assigned to it by
    /// <paramref name="context"/> itself or by an operation enclosing it: in <c>total += x</c> or
    /// <c>total = total + x</c>, <c>total</c> brings what it held before, not <c>x</c>.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public TagSet GetOperandTags(IOperation? operand, IOperation context)
    {
        var inner = operand;
        while (inner is IConversionOperation or IParenthesizedOperation)
        {
            inner = inner is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)inner).Operand;
        }

        if (policy is null || variables is null)
        {
            return GetTags(operand);
        }

        switch (inner)
        {
            case ILocalReferenceOperation local:
                return policy.GetTypeTags(operand!.Type) | policy.GetTypeTags(local.Type)
                       | variables.Reaching(local.Local, local, context);
            case IParameterReferenceOperation parameter:
                return policy.GetTypeTags(operand!.Type) | policy.GetTypeTags(parameter.Type)
                       | policy.GetSymbolTags(parameter.Parameter)
                       | variables.Reaching(parameter.Parameter.OriginalDefinition, null, context);
            default:
                return GetTags(operand);
        }
    }

    internal static bool IsAncestorOrSelf(IOperation candidate, IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == candidate)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    internal static TagFlowAnalysis Compute(IOperation block, TagPolicy policy, CancellationToken cancellationToken)
    {
        var mayCarryTags = BlockOperations.TryGet(block, out var listed) ? AnyMayCarryTags(listed, policy) : MayCarryTags(block, policy, 0);
        if (!mayCarryTags)
        {
            return Empty;
        }

        var builder = new Builder(policy, cancellationToken);
        builder.Collect(block);
        builder.Run();
        return new TagFlowAnalysis(policy, builder.Operations.ToImmutable(), builder.Tags, builder.Variables);
    }

    /// <summary>The cheap pre-check: does any operation reference a tagged symbol or have a tagged type?</summary>
    /// <remarks>
    /// It visits every operation of every block of the compilation, so it is kept lean: a switch on
    /// <see cref="IOperation.Kind"/> instead of interface type tests, reference-keyed tag caches in the policy, and
    /// compiled optimised at once (<see cref="JitOptions.Optimized"/>). Inside the rule host's block action the
    /// operations are already listed (<see cref="BlockOperations"/>); this walk is for the other callers.
    /// </remarks>
    [MethodImpl(JitOptions.Optimized)]
    private static bool MayCarryTags(IOperation operation, TagPolicy policy, int depth)
    {
        if (depth > MaxPrecheckDepth)
        {
            // Pathologically deep trees: let the (non-recursive) analysis decide.
            return true;
        }

        if (MayCarryTagsItself(operation, policy))
        {
            return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (MayCarryTags(child, policy, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pre-check over operations listed already.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool AnyMayCarryTags(ArraySegment<IOperation> operations, TagPolicy policy)
    {
        var array = operations.Array!;
        for (var i = operations.Offset; i < operations.Offset + operations.Count; i++)
        {
            if (MayCarryTagsItself(array[i], policy))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the operation has a tagged type or references a tagged symbol (its children aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayCarryTagsItself(IOperation operation, TagPolicy policy)
    {
        if (operation.Type is { } type && !policy.GetTypeTags(type).IsEmpty)
        {
            return true;
        }

        ISymbol? symbol = operation.Kind switch
        {
            OperationKind.FieldReference => ((IFieldReferenceOperation)operation).Field,
            OperationKind.PropertyReference => ((IPropertyReferenceOperation)operation).Property,
            OperationKind.MethodReference => ((IMethodReferenceOperation)operation).Method,
            OperationKind.EventReference => ((IEventReferenceOperation)operation).Event,
            OperationKind.ParameterReference => ((IParameterReferenceOperation)operation).Parameter,
            OperationKind.Invocation => ((IInvocationOperation)operation).TargetMethod,
            _ => null,
        };
        return symbol is not null && !policy.GetSymbolTags(symbol).IsEmpty;
    }

    private enum FlowKind : byte
    {
        /// <summary>The target receives the source's tags.</summary>
        Value,

        /// <summary>The target is an out/ref argument: it receives what the call writes into it.</summary>
        OutArgument,
    }

    /// <summary>A value flowing into a variable: applied right after its source operation is evaluated.</summary>
    private readonly struct Flow(ISymbol target, IOperation source, FlowKind kind)
    {
        public ISymbol Target { get; } = target;
        public IOperation Source { get; } = source;
        public FlowKind Kind { get; } = kind;
    }

    private sealed class Builder(TagPolicy policy, CancellationToken cancellationToken)
    {
        private readonly Dictionary<IOperation, List<Flow>> flowsBySource = new();
        private bool hasGoto;

        public ImmutableArray<IOperation>.Builder Operations { get; } = ImmutableArray.CreateBuilder<IOperation>();

        public OperationTagMap Tags { get; } = new();

        public VariableFlow Variables { get; } = new();

        /// <summary>What each lambda or local function returns (by its operation, and local functions by symbol).</summary>
        private readonly OperationTagMap functionReturns = new();
        private readonly Dictionary<IMethodSymbol, ILocalFunctionOperation> localFunctions = new(SymbolEqualityComparer.Default);
        private bool returnsChanged;

        /// <summary>Lists the block's operations in post-order (explicit stack: no deep recursion).</summary>
        [MethodImpl(JitOptions.Optimized)]
        public void Collect(IOperation root)
        {
            var stack = new Stack<(IOperation Operation, bool Expanded)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (operation, expanded) = stack.Pop();
                if (expanded)
                {
                    Operations.Add(operation);
                    CollectFlows(operation);
                    continue;
                }

                stack.Push((operation, true));
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push((child, false));
                }
            }

            if (hasGoto)
            {
                // Jumps break the "preceding statement dominates" rule: stay flow-insensitive.
                Variables.Windows.Clear();
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void Run()
        {
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                Variables.Changed = false;
                returnsChanged = false;
                foreach (var operation in Operations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var set = Evaluate(operation);
                    Tags.Set(operation, set);

                    if (flowsBySource.TryGetValue(operation, out var flows))
                    {
                        foreach (var flow in flows)
                        {
                            Variables.Add(flow.Target, flow.Source, FlowValue(flow, set));
                        }
                    }
                }

                if (!Variables.Changed && !returnsChanged)
                {
                    return;
                }
            }
        }

        /// <summary>The lambda or local function whose body contains <paramref name="operation"/>, if any.</summary>
        private static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return parent;
                }
            }

            return null;
        }

        [MethodImpl(JitOptions.Optimized)]
        private void CollectFlows(IOperation operation)
        {
            switch (operation)
            {
                case ILocalFunctionOperation localFunction:
                    localFunctions[localFunction.Symbol] = localFunction;
                    break;

                case IVariableDeclaratorOperation declarator:
                    if (declarator.GetVariableInitializer()?.Value is { } initial)
                    {
                        AddFlow(declarator.Symbol, initial, FlowKind.Value);
                    }

                    break;

                case IAssignmentOperation assignment when assignment is not IDeconstructionAssignmentOperation:
                    if (VariableOf(assignment.Target) is { } assigned)
                    {
                        AddFlow(assigned, assignment, FlowKind.Value);
                    }

                    break;

                case IDeconstructionAssignmentOperation deconstruction:
                    AddFlowsToAllVariables(deconstruction.Target, deconstruction.Value);
                    break;

                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        AddFlow(local, loop.Collection, FlowKind.Value);
                    }

                    break;

                case IArgumentOperation argument:
                    if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } && VariableOf(argument.Value) is { } written)
                    {
                        AddFlow(written, argument, FlowKind.OutArgument);
                    }

                    if (argument.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }
                        && argument.Parameter is { } parameter)
                    {
                        AddFlow(parameter.OriginalDefinition, argument.Value, FlowKind.Value);
                    }

                    break;

                case IDeclarationPatternOperation { DeclaredSymbol: { } declared, Parent: IIsPatternOperation isPattern }:
                    AddFlow(declared, isPattern.Value, FlowKind.Value);
                    break;

                case ILocalReferenceOperation { IsDeclaration: false } read:
                    if (ReachingWindow(read) is { } window)
                    {
                        Variables.Windows[read] = window;
                    }

                    break;

                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    hasGoto = true;
                    break;
            }
        }

        private void AddFlowsToAllVariables(IOperation targets, IOperation source)
        {
            if (VariableOf(targets) is { } single)
            {
                AddFlow(single, source, FlowKind.Value);
                return;
            }

            foreach (var child in targets.ChildOperations)
            {
                AddFlowsToAllVariables(child, source);
            }
        }

        private static ISymbol? VariableOf(IOperation? target)
            => target switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
                IDeclarationExpressionOperation declaration => VariableOf(declaration.Expression),
                _ => null,
            };

        /// <summary>
        /// The source span whose assignments can reach <paramref name="read"/>: from the nearest preceding
        /// unconditional definition in an enclosing block to the read (or the end of a loop crossed on the way).
        /// </summary>
        private static (int Start, int End)? ReachingWindow(ILocalReferenceOperation read)
        {
            var end = read.Syntax.SpanStart;
            IOperation child = read;
            for (var parent = read.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                    case ILoopOperation loop:
                        end = Math.Max(end, loop.Syntax.Span.End);
                        break;
                    case IBlockOperation block:
                        var statements = block.Operations;
                        for (var i = statements.IndexOf(child) - 1; i >= 0; i--)
                        {
                            if (DefinesUnconditionally(statements[i], read.Local))
                            {
                                return (statements[i].Syntax.SpanStart, end);
                            }
                        }

                        break;
                }
            }

            return null;
        }

        private static bool DefinesUnconditionally(IOperation statement, ILocalSymbol local)
        {
            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } })
            {
                return SymbolEqualityComparer.Default.Equals(target.Local, local);
            }

            if (statement is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                        {
                            return declarator.GetVariableInitializer() is not null;
                        }
                    }
                }
            }

            return false;
        }

        private void AddFlow(ISymbol target, IOperation source, FlowKind kind)
        {
            if (IsInNestedFunction(source))
            {
                // Written by a lambda or local function: it may run at any time, so no assignment kills another.
                Variables.CapturedWrites.Add(target);
            }

            if (!flowsBySource.TryGetValue(source, out var flows))
            {
                flows = new List<Flow>(1);
                flowsBySource.Add(source, flows);
            }

            flows.Add(new Flow(target, source, kind));
        }

        private TagSet FlowValue(Flow flow, TagSet sourceTags)
        {
            if (flow.Kind == FlowKind.Value || flow.Source is not IArgumentOperation { Parameter: { } parameter } argument)
            {
                return sourceTags;
            }

            // What a call writes into an out argument: the parameter's own tags, or what a member of a tagged
            // receiver hands out (e.g. reserve.TryWithdraw(100, out var amount)).
            var written = policy.GetSymbolTags(parameter);
            if (argument.Parent is IInvocationOperation invocation)
            {
                written |= policy.ReadFromCarrier(Tag(invocation.Instance), invocation.TargetMethod, parameter.Type);
            }

            return written;
        }

        private static bool IsInNestedFunction(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(JitOptions.Optimized)]
        private TagSet Tag(IOperation? operation)
            => operation is not null && Tags.TryGetValue(operation, out var set) ? set : TagSet.Empty;

        /// <summary>The tags of one operation from its children's (already computed) tags.</summary>
        [MethodImpl(JitOptions.Optimized)]
        private TagSet Evaluate(IOperation operation)
        {
            var set = policy.GetTypeTags(operation.Type);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return set | Variables.Reaching(local.Local, local, null);

                case IParameterReferenceOperation parameter:
                    return set | policy.GetSymbolTags(parameter.Parameter) | Variables.Reaching(parameter.Parameter.OriginalDefinition, null, null);

                case IFieldReferenceOperation field:
                    return set | policy.GetSymbolTags(field.Field) | policy.ReadFromCarrier(Tag(field.Instance), field.Field, operation.Type);

                case IPropertyReferenceOperation property:
                    return set | policy.GetSymbolTags(property.Property) | policy.ReadFromCarrier(Tag(property.Instance), property.Property, operation.Type);

                case IInvocationOperation invocation:
                    return EvaluateInvocation(invocation, set);

                case IArgumentOperation argument:
                    return Tag(argument.Value);

                case IConversionOperation conversion:
                    return set | Tag(conversion.Operand);

                case IParenthesizedOperation parenthesized:
                    return set | Tag(parenthesized.Operand);

                case IAwaitOperation awaited:
                    return set | Tag(awaited.Operation);

                case IBinaryOperation binary:
                    return set | policy.OnDerivedValue(binary, Tag(binary.LeftOperand) | Tag(binary.RightOperand));

                case IUnaryOperation unary:
                    return set | policy.OnDerivedValue(unary, Tag(unary.Operand));

                case ICoalesceOperation coalesce:
                    return set | Tag(coalesce.Value) | Tag(coalesce.WhenNull);

                case IConditionalOperation conditional when operation.Type is not null:
                    return set | Tag(conditional.WhenTrue) | Tag(conditional.WhenFalse);

                case IConditionalAccessOperation access:
                    return set | Tag(access.WhenNotNull);

                case IConditionalAccessInstanceOperation:
                    return set | Tag(ConditionalAccessReceiver(operation));

                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        set |= Tag(part);
                    }

                    return set;

                case IInterpolationOperation interpolation:
                    return Tag(interpolation.Expression);

                case IInterpolatedStringHandlerCreationOperation handler:
                    // Debug.Assert/WriteIf, StringBuilder.Append($"…"): the handler's content is the string.
                    return set | Tag(handler.Content);

                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }:
                    // AppendFormatted(value) returns void or bool; the hole's value is its argument.
                    foreach (var argument in append.Arguments)
                    {
                        set |= Tag(argument);
                    }

                    return set;

                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        set |= Tag(argument);
                    }

                    return set | Tag(creation.Initializer);

                case IObjectOrCollectionInitializerOperation initializer:
                    foreach (var element in initializer.Initializers)
                    {
                        set |= InitializerTags(element);
                    }

                    return set;

                case IMemberInitializerOperation memberInitializer:
                    return Tag(memberInitializer.Initializer);

                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var element in anonymous.Initializers)
                    {
                        set |= Tag(element);
                    }

                    return set;

                case IArrayCreationOperation array:
                    return set | Tag(array.Initializer);

                case IArrayInitializerOperation arrayInitializer:
                    foreach (var element in arrayInitializer.ElementValues)
                    {
                        set |= Tag(element);
                    }

                    return set;

                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        set |= Tag(element);
                    }

                    return set;

                case IArrayElementReferenceOperation element:
                    return set | Tag(element.ArrayReference);

                case ISimpleAssignmentOperation assignment:
                    return set | Tag(assignment.Value);

                case ICompoundAssignmentOperation compound:
                    return set | policy.OnDerivedValue(compound, Tag(compound.Target) | Tag(compound.Value));

                case ICoalesceAssignmentOperation coalesceAssignment:
                    return set | Tag(coalesceAssignment.Target) | Tag(coalesceAssignment.Value);

                case IIncrementOrDecrementOperation increment:
                    return set | Tag(increment.Target);

                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        set |= Tag(arm.Value);
                    }

                    return set;

                case IWithOperation with:
                    return set | Tag(with.Operand) | Tag(with.Initializer);

                case IDeclarationExpressionOperation declaration:
                    return set | Tag(declaration.Expression);

                case IReturnOperation { ReturnedValue: { } returned } when EnclosingFunction(operation) is { } function:
                    // A lambda's or local function's result carries what it returns (accounts.Sum(a => a.Balance)).
                    functionReturns.TryGetValue(function, out var before);
                    var after = before | Tag(returned);
                    if (after != before)
                    {
                        functionReturns.Set(function, after);
                        returnsChanged = true;
                    }

                    return set;

                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return functionReturns.TryGetValue(operation, out var returns) ? returns : set;

                case IDelegateCreationOperation delegateCreation:
                    return set | Tag(delegateCreation.Target);

                default:
                    return set;
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private TagSet EvaluateInvocation(IInvocationOperation invocation, TagSet set)
        {
            var method = invocation.TargetMethod;
            set |= policy.GetSymbolTags(method);
            if (method.MethodKind == MethodKind.LocalFunction
                && localFunctions.TryGetValue(method.OriginalDefinition, out var localFunction)
                && functionReturns.TryGetValue(localFunction, out var returned))
            {
                set |= returned;
            }

            set |= policy.ReadFromCarrier(Tag(invocation.Instance), method, invocation.Type);
            if (policy.PropagatesArguments(method))
            {
                var derived = Tag(invocation.Instance);
                foreach (var argument in invocation.Arguments)
                {
                    derived |= Tag(argument);
                }

                set |= policy.OnDerivedValue(invocation, derived);
            }

            return policy.AfterCall(invocation, set);
        }

        /// <summary>A collection initializer element is an Add call: its arguments are the element.</summary>
        private TagSet InitializerTags(IOperation element)
        {
            if (element is IInvocationOperation add)
            {
                var set = TagSet.Empty;
                foreach (var argument in add.Arguments)
                {
                    set |= Tag(argument);
                }

                return set;
            }

            return Tag(element);
        }

        private static IOperation? ConditionalAccessReceiver(IOperation instance)
        {
            var child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return access.Operation;
                }
            }

            return null;
        }
    }

    /// <summary>What flows into the block's variables, and which assignments can reach which reads.</summary>
    private sealed class VariableFlow
    {
        /// <summary>Per variable, the tags each assigning operation put into it (grows monotonically over passes).</summary>
        private readonly Dictionary<ISymbol, OperationTagMap> contributions = new(SymbolEqualityComparer.Default);

        /// <summary>Reads with a dominating definition: only assignments in this source span reach them.</summary>
        public Dictionary<ILocalReferenceOperation, (int Start, int End)> Windows { get; } = new();

        /// <summary>Variables assigned inside a lambda or local function: their reads see every assignment.</summary>
        public HashSet<ISymbol> CapturedWrites { get; } = new(SymbolEqualityComparer.Default);

        public bool Changed { get; set; }

        public void Add(ISymbol variable, IOperation source, TagSet value)
        {
            if (value.IsEmpty)
            {
                return;
            }

            if (!contributions.TryGetValue(variable, out var sources))
            {
                sources = new OperationTagMap();
                contributions.Add(variable, sources);
            }

            sources.TryGetValue(source, out var current);
            var merged = current | value;
            if (merged != current)
            {
                sources.Set(source, merged);
                Changed = true;
            }
        }

        /// <summary>
        /// The tags of <paramref name="variable"/> at <paramref name="read"/> (null: anywhere), ignoring assignments
        /// made by <paramref name="context"/> or an operation enclosing it (<c>total += x</c> reads the old total).
        /// </summary>
        [MethodImpl(JitOptions.Optimized)]
        public TagSet Reaching(ISymbol variable, ILocalReferenceOperation? read, IOperation? context)
        {
            if (!contributions.TryGetValue(variable, out var sources))
            {
                return TagSet.Empty;
            }

            (int Start, int End)? window = null;
            if (read is not null && Windows.TryGetValue(read, out var found) && !CapturedWrites.Contains(variable))
            {
                window = found;
            }

            var set = TagSet.Empty;
            for (var index = 0; index < sources.Slots; index++)
            {
                var source = sources.OperationAt(index);
                var position = source.Syntax.SpanStart;
                if (window is { } span && (position < span.Start || position >= span.End))
                {
                    continue;
                }

                if (context is not null && IsAncestorOrSelf(source, context))
                {
                    continue;
                }

                set |= sources.TagsAt(index);
            }

            return set;
        }
    }
}
