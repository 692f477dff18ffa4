using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Flow;

/// <summary>One part of an operation that may bring a tag: a receiver, an argument, a parameter slot, a target.</summary>
public readonly struct TagPart(TagSet tags, SyntaxNode anchor)
{
    public TagSet Tags { get; } = tags;

    /// <summary>Where a diagnostic goes when this part completes a forbidden mixture.</summary>
    public SyntaxNode Anchor { get; } = anchor;
}

/// <summary>
/// "One operation that involves both a value carrying A and one carrying B": the question FIN1003, FIN2001 and
/// FIN2002 ask of every invocation, creation, assignment and arithmetic operation.
/// </summary>
public static class TagMixture
{
    /// <summary>
    /// The anchor of the part that completes a mixture of <paramref name="first"/> and <paramref name="second"/>
    /// brought by two different parts, or null. A part that already carries both was mixed upstream (where it
    /// was reported, or in a flow-insensitive local): the operation is left alone to avoid cascades.
    /// </summary>
    public static SyntaxNode? FindCompletingPart(List<TagPart> parts, TagKind first, TagKind second)
    {
        foreach (var part in parts)
        {
            if (part.Tags.HasAny(first) && part.Tags.HasAny(second))
            {
                return null;
            }
        }

        bool seenFirst = false, seenSecond = false;
        foreach (var part in parts)
        {
            if ((part.Tags.HasAny(first) && seenSecond) || (part.Tags.HasAny(second) && seenFirst))
            {
                return part.Anchor;
            }

            seenFirst |= part.Tags.HasAny(first);
            seenSecond |= part.Tags.HasAny(second);
        }

        return null;
    }

    /// <summary>
    /// Adds the arguments of a call or creation as parts (each element of a <c>params</c> array on its own),
    /// each preceded by its parameter slot's <paramref name="slotTags"/> when they are not empty.
    /// </summary>
    public static void AddArguments(
        List<TagPart> parts, TagFlowAnalysis analysis, IOperation context, IEnumerable<IArgumentOperation> arguments,
        System.Func<IParameterSymbol, TagSet>? slotTags)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (slotTags is not null && argument.Parameter is { } parameter)
            {
                var slot = slotTags(parameter);
                if (!slot.IsEmpty)
                {
                    parts.Add(new TagPart(slot, argument.Syntax));
                }
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray
                && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    parts.Add(new TagPart(analysis.GetOperandTags(element, context), element.Syntax));
                }
            }
            else
            {
                parts.Add(new TagPart(analysis.GetOperandTags(argument.Value, context), argument.Syntax));
            }
        }
    }

    /// <summary>
    /// What an assignment's target brings: for <c>=</c> the target location itself (a local only by its type,
    /// since its old value is overwritten); for <c>+=</c> and <c>??=</c> also the value it held before.
    /// </summary>
    public static TagSet TargetTags(TagFlowAnalysis analysis, IAssignmentOperation assignment)
        => assignment is ISimpleAssignmentOperation
            ? analysis.GetDeclaredTags(assignment.Target)
            : analysis.GetOperandTags(assignment.Target, assignment);

    /// <summary>A short rendering of <paramref name="node"/> for a diagnostic message.</summary>
    public static string Describe(SyntaxNode node)
    {
        var text = node.ToString().Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>Whether <paramref name="method"/> belongs to the framework (<c>System.*</c>): display and formatting, not transfers.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsFrameworkMethod(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" };
    }

    /// <summary>Whether <paramref name="kind"/> combines two numbers into an amount (not a comparison or logic).</summary>
    public static bool IsArithmetic(BinaryOperatorKind kind)
        => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
            or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder;
}
