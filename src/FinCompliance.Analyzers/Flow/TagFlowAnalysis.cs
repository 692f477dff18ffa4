using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// Locals are flow-insensitive: a local (or a parameter assigned in the body, or a local function's parameter)
/// carries the union of every value assigned to it anywhere in the block, including loop back edges, out
/// arguments, <c>foreach</c> variables and deconstructions. Because of that, rules should read the tags of an
/// assignment's target local from its type only (a local is a holder, not a source) — see
/// <see cref="GetDeclaredTags"/>.
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
    private readonly Dictionary<IOperation, TagSet>? tags;

    private readonly Dictionary<ISymbol, List<(IOperation Source, TagSet Value)>>? contributions;

    private TagFlowAnalysis(
        TagPolicy? policy, ImmutableArray<IOperation> operations, Dictionary<IOperation, TagSet>? tags,
        Dictionary<ISymbol, List<(IOperation Source, TagSet Value)>>? contributions)
    {
        this.policy = policy;
        Operations = operations;
        this.tags = tags;
        this.contributions = contributions;
    }

    /// <summary>Whether no operation of the block carries a tag (rules can return at once).</summary>
    public bool IsEmpty => tags is null || tags.Count == 0;

    /// <summary>Every operation of the block, lambdas and local functions included, children before parents.</summary>
    public ImmutableArray<IOperation> Operations { get; }

    /// <summary>The tags <paramref name="operation"/>'s value carries (empty for operations outside the block).</summary>
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
    public TagSet GetOperandTags(IOperation? operand, IOperation context)
    {
        var inner = operand;
        while (inner is IConversionOperation or IParenthesizedOperation)
        {
            inner = inner is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)inner).Operand;
        }

        var variable = inner switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
            _ => null,
        };
        if (variable is null || policy is null || contributions is null || !contributions.TryGetValue(variable, out var sources))
        {
            return GetTags(operand);
        }

        var set = policy.GetTypeTags(operand!.Type) | policy.GetTypeTags(inner!.Type);
        if (inner is IParameterReferenceOperation reference)
        {
            set |= policy.GetSymbolTags(reference.Parameter);
        }

        foreach (var (source, value) in sources)
        {
            if (!IsAncestorOrSelf(source, context))
            {
                set |= value;
            }
        }

        return set;
    }

    private static bool IsAncestorOrSelf(IOperation candidate, IOperation operation)
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

    internal static TagFlowAnalysis Compute(IOperation block, TagPolicy policy, CancellationToken cancellationToken)
    {
        if (!MayCarryTags(block, policy, 0))
        {
            return Empty;
        }

        var builder = new Builder(policy, cancellationToken);
        builder.Collect(block);
        builder.Run();
        return new TagFlowAnalysis(policy, builder.Operations.ToImmutable(), builder.Tags, builder.Contributions);
    }

    /// <summary>The cheap pre-check: does any operation reference a tagged symbol or have a tagged type?</summary>
    private static bool MayCarryTags(IOperation operation, TagPolicy policy, int depth)
    {
        if (depth > MaxPrecheckDepth)
        {
            // Pathologically deep trees: let the (non-recursive) analysis decide.
            return true;
        }

        if (!policy.GetTypeTags(operation.Type).IsEmpty)
        {
            return true;
        }

        var symbol = operation switch
        {
            IMemberReferenceOperation member => member.Member,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IInvocationOperation invocation => invocation.TargetMethod,
            _ => null,
        };
        if (symbol is not null && !policy.GetSymbolTags(symbol).IsEmpty)
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
        private readonly Dictionary<ISymbol, TagSet> variables = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IOperation, List<Flow>> flowsBySource = new();
        private bool changed;

        public ImmutableArray<IOperation>.Builder Operations { get; } = ImmutableArray.CreateBuilder<IOperation>();

        public Dictionary<IOperation, TagSet> Tags { get; } = new();

        /// <summary>What each source put into each variable in the last (stable) pass.</summary>
        public Dictionary<ISymbol, List<(IOperation Source, TagSet Value)>> Contributions { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Lists the block's operations in post-order (explicit stack: no deep recursion).</summary>
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
        }

        public void Run()
        {
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                changed = false;
                Contributions.Clear();
                foreach (var operation in Operations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var set = Evaluate(operation);
                    if (set.IsEmpty)
                    {
                        Tags.Remove(operation);
                    }
                    else
                    {
                        Tags[operation] = set;
                    }

                    if (flowsBySource.TryGetValue(operation, out var flows))
                    {
                        foreach (var flow in flows)
                        {
                            var value = FlowValue(flow, set);
                            Assign(flow.Target, value);
                            if (!value.IsEmpty)
                            {
                                if (!Contributions.TryGetValue(flow.Target, out var list))
                                {
                                    list = new List<(IOperation, TagSet)>(2);
                                    Contributions.Add(flow.Target, list);
                                }

                                list.Add((flow.Source, value));
                            }
                        }
                    }
                }

                if (!changed)
                {
                    return;
                }
            }
        }

        private void CollectFlows(IOperation operation)
        {
            switch (operation)
            {
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

        private void AddFlow(ISymbol target, IOperation source, FlowKind kind)
        {
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

        private void Assign(ISymbol variable, TagSet set)
        {
            if (set.IsEmpty)
            {
                return;
            }

            variables.TryGetValue(variable, out var current);
            var merged = current | set;
            if (merged != current)
            {
                variables[variable] = merged;
                changed = true;
            }
        }

        private TagSet Variable(ISymbol symbol) => variables.TryGetValue(symbol, out var set) ? set : TagSet.Empty;

        private TagSet Tag(IOperation? operation)
            => operation is not null && Tags.TryGetValue(operation, out var set) ? set : TagSet.Empty;

        /// <summary>The tags of one operation from its children's (already computed) tags.</summary>
        private TagSet Evaluate(IOperation operation)
        {
            var set = policy.GetTypeTags(operation.Type);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return set | Variable(local.Local);

                case IParameterReferenceOperation parameter:
                    return set | policy.GetSymbolTags(parameter.Parameter) | Variable(parameter.Parameter.OriginalDefinition);

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

                default:
                    return set;
            }
        }

        private TagSet EvaluateInvocation(IInvocationOperation invocation, TagSet set)
        {
            var method = invocation.TargetMethod;
            set |= policy.GetSymbolTags(method);
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
}
