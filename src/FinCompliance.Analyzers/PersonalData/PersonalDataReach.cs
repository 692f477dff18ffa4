using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.PersonalData;

/// <summary>
/// Where personal data reaches a sink (FIN3003) or an egress (FIN3005): the personal-data references inside one
/// argument value, found through concatenations, interpolations, <c>string.Format</c>-style calls, params arrays,
/// conditionals and anonymous objects, so that the diagnostic points at <c>card</c> in <c>$"card {card}"</c>.
/// </summary>
internal static class PersonalDataReach
{
    /// <summary>The diagnostic property naming the one kind a directly flagged reference has (for the code fix).</summary>
    public const string MaskKindProperty = "MaskKind";

    private const int MaxDepth = 32;
    private const int MaxMembersShown = 3;

    /// <summary>
    /// The tag flow of the operation tree that contains <paramref name="operation"/> (a method, constructor, accessor,
    /// initializer or other executable declaration, lambdas and local functions included), computed once per tree and
    /// shared by FIN3003 and FIN3005 through the policy.
    /// </summary>
    /// <remarks>
    /// The rules take their calls from compilation-wide operation actions, which hand over no block: the tree's root is
    /// reached through <see cref="OperationTree.RootOf"/>. Per-block actions would cost the driver a nested dispatch for
    /// every block of the compilation.
    /// </remarks>
    [MethodImpl(JitOptions.Optimized)]
    public static TagFlowAnalysis AnalysisOf(IOperation operation, PersonalDataTagPolicy policy, CancellationToken cancellationToken)
        => policy.Analyze(OperationTree.RootOf(operation), cancellationToken);

    /// <summary>
    /// Adds one <see cref="Finding"/> per personal-data reference in <paramref name="value"/>; when the value carries no
    /// tag but its type exposes C2/C3 members (a whole object), one finding for the value itself.
    /// </summary>
    public static void Collect(
        IOperation value, TagFlowAnalysis analysis, PersonalDataTagPolicy policy, bool plaintextOnly, List<Finding> findings)
    {
        var before = findings.Count;
        CollectTagged(value, analysis, plaintextOnly, findings, 0);
        if (findings.Count == before)
        {
            CollectWholeObjects(value, analysis, policy, plaintextOnly, findings, 0);
        }
    }

    private static void CollectTagged(IOperation operation, TagFlowAnalysis analysis, bool plaintextOnly, List<Finding> findings, int depth)
    {
        var tags = analysis.GetTags(operation);
        if (!tags.HasAny(TagKind.PersonalData) || PersonalDataTagPolicy.Decode(tags, plaintextOnly).IsEmpty)
        {
            return;
        }

        var before = findings.Count;
        if (depth < MaxDepth)
        {
            foreach (var part in Parts(operation))
            {
                CollectTagged(part, analysis, plaintextOnly, findings, depth + 1);
            }
        }

        if (findings.Count == before)
        {
            findings.Add(new Finding(operation, PersonalDataTagPolicy.Decode(tags, plaintextOnly), null));
        }
    }

    private static void CollectWholeObjects(
        IOperation operation, TagFlowAnalysis analysis, PersonalDataTagPolicy policy, bool plaintextOnly, List<Finding> findings, int depth)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                CollectWholeObjects(conversion.Operand, analysis, policy, plaintextOnly, findings, depth);
                return;
            case IArrayCreationOperation { Initializer: { } initializer } when depth < MaxDepth:
                foreach (var element in initializer.ElementValues)
                {
                    CollectWholeObjects(element, analysis, policy, plaintextOnly, findings, depth + 1);
                }

                return;
            case IAnonymousObjectCreationOperation anonymous when depth < MaxDepth:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is IAssignmentOperation assignment)
                    {
                        CollectWholeObjects(assignment.Value, analysis, policy, plaintextOnly, findings, depth + 1);
                    }
                }

                return;
        }

        if (operation.Type is not { } type || type.SpecialType != SpecialType.None)
        {
            return;
        }

        var members = policy.GetPersonalDataMembers(type);
        if (members.IsEmpty)
        {
            return;
        }

        var exposed = ImmutableArray.CreateBuilder<PersonalDataMember>();
        foreach (var member in members)
        {
            if (!plaintextOnly || !member.Encrypted)
            {
                exposed.Add(member);
            }
        }

        if (exposed.Count > 0)
        {
            findings.Add(new Finding(operation, ImmutableArray<PersonalDataClass>.Empty, exposed.ToImmutable()));
        }
    }

    /// <summary>The operands a combining operation builds its value from.</summary>
    private static IEnumerable<IOperation> Parts(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                yield return conversion.Operand;
                break;
            case IParenthesizedOperation parenthesized:
                yield return parenthesized.Operand;
                break;
            case IArgumentOperation argument:
                yield return argument.Value;
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        yield return interpolation.Expression;
                    }
                    else if (part is IInterpolatedStringAppendOperation)
                    {
                        yield return part;
                    }
                }

                break;
            case IInterpolatedStringHandlerCreationOperation handler:
                yield return handler.Content;
                break;
            case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }:
                foreach (var argument in append.Arguments)
                {
                    yield return argument.Value;
                }

                break;
            case IBinaryOperation binary:
                yield return binary.LeftOperand;
                yield return binary.RightOperand;
                break;
            case IConditionalOperation conditional:
                yield return conditional.WhenTrue;
                if (conditional.WhenFalse is { } whenFalse)
                {
                    yield return whenFalse;
                }

                break;
            case ICoalesceOperation coalesce:
                yield return coalesce.Value;
                yield return coalesce.WhenNull;
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }

                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is IAssignmentOperation assignment)
                    {
                        yield return assignment.Value;
                    }
                }

                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    yield return argument.Value;
                }

                foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                {
                    switch (initializer)
                    {
                        case IAssignmentOperation assignment:
                            yield return assignment.Value;
                            break;
                        case IInvocationOperation add:
                            foreach (var argument in add.Arguments)
                            {
                                yield return argument.Value;
                            }

                            break;
                    }
                }

                break;
            case IInvocationOperation invocation when IsStringComposition(invocation.TargetMethod):
                foreach (var argument in invocation.Arguments)
                {
                    yield return argument.Value;
                }

                break;
        }
    }

    /// <summary><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>: the result is made of the arguments.</summary>
    private static bool IsStringComposition(IMethodSymbol method)
        => method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic
           && method.Name is "Format" or "Concat" or "Join";

    /// <summary>
    /// The kind to put in <c>Masking.Mask(value, kind)</c> when <paramref name="finding"/> is a single reference
    /// (member, parameter, local or call) with exactly one kind, whose replacement by a string keeps the code
    /// compiling: an interpolation hole, a string concatenation operand, or a value converted to <c>object</c> /
    /// passed as <c>string</c>.
    /// </summary>
    public static PersonalInformationKind? MaskableKind(Finding finding)
    {
        if (finding.Classes.Length != 1)
        {
            foreach (var classification in finding.Classes)
            {
                if (classification.Kind != finding.Classes[0].Kind)
                {
                    return null;
                }
            }
        }

        if (finding.Classes.IsEmpty)
        {
            return null;
        }

        var value = finding.Value;
        if (value is not (IMemberReferenceOperation or IParameterReferenceOperation or ILocalReferenceOperation or IInvocationOperation or IAwaitOperation)
            || value.IsImplicit || value.Type is null)
        {
            return null;
        }

        var accepts = value.Parent switch
        {
            IInterpolationOperation => true,
            IBinaryOperation { Type.SpecialType: SpecialType.System_String } => true,
            IConversionOperation { Type.SpecialType: SpecialType.System_Object or SpecialType.System_String, IsImplicit: true } => true,
            IArgumentOperation { Parameter.Type.SpecialType: SpecialType.System_String or SpecialType.System_Object } => true,
            IArrayInitializerOperation => value.Type.SpecialType == SpecialType.System_String,
            _ => false,
        };
        return accepts ? finding.Classes[0].Kind : null;
    }

    /// <summary>One flagged value: the personal-data classes it carries, or the C2/C3 members of a whole object.</summary>
    public readonly struct Finding(IOperation value, ImmutableArray<PersonalDataClass> classes, ImmutableArray<PersonalDataMember>? members)
    {
        public IOperation Value { get; } = value;
        public ImmutableArray<PersonalDataClass> Classes { get; } = classes;
        public ImmutableArray<PersonalDataMember>? Members { get; } = members;

        /// <summary>For messages: <c>BankCardNumber, C2</c> or <c>'Customer' members Phone: Phone, C2</c>.</summary>
        public string Describe()
        {
            if (Members is { } members)
            {
                var shown = members.Length > MaxMembersShown ? members.RemoveRange(MaxMembersShown, members.Length - MaxMembersShown) : members;
                return "'" + Value.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' members " + string.Join("; ", shown)
                       + (members.Length > MaxMembersShown ? "; …" : string.Empty);
            }

            return PersonalDataTagPolicy.Describe(Classes);
        }

        /// <summary>The properties of the diagnostic: the kind for the code fix when the fix applies.</summary>
        public ImmutableDictionary<string, string?> Properties()
            => MaskableKind(this) is { } kind
                ? ImmutableDictionary<string, string?>.Empty.Add(MaskKindProperty, kind.ToString())
                : ImmutableDictionary<string, string?>.Empty;
    }
}
