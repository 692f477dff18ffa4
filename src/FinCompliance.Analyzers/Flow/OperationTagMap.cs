using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers.Flow;

/// <summary>
/// The tag sets of a block's operations, for the flow engine: a missing operation and an empty set are the same.
/// Not a <c>Dictionary&lt;IOperation, TagSet&gt;</c>: with a value type of its own the runtime compiles the dictionary's
/// code again, at tier 0 first, and in a new csc process the tier-1 queue is busy with the compiler's methods until the
/// compile ends (issue #6: those look-ups ran unoptimised throughout). An index per operation in a dictionary the
/// compiler uses too (<c>Dictionary&lt;_, int&gt;</c>) and the sets in an array avoid both. Not thread-safe.
/// </summary>
internal sealed class OperationTagMap
{
    private readonly Dictionary<IOperation, int> indices = new();
    private IOperation[] operations = new IOperation[4];
    private TagSet[] sets = new TagSet[4];
    private int nonEmpty;

    /// <summary>The number of operations with a non-empty set.</summary>
    public int Count => nonEmpty;

    /// <summary>The number of slots, for <see cref="OperationAt"/> and <see cref="TagsAt"/> (in insertion order).</summary>
    public int Slots => indices.Count;

    /// <summary>The operation of slot <paramref name="index"/>.</summary>
    public IOperation OperationAt(int index) => operations[index];

    /// <summary>The set of slot <paramref name="index"/> (possibly empty).</summary>
    public TagSet TagsAt(int index) => sets[index];

    /// <summary>The set of <paramref name="operation"/>; false when it has none or an empty one.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool TryGetValue(IOperation operation, out TagSet tags)
    {
        if (indices.TryGetValue(operation, out var index))
        {
            tags = sets[index];
            return !tags.IsEmpty;
        }

        tags = TagSet.Empty;
        return false;
    }

    /// <summary>The set of <paramref name="operation"/>, or the empty set.</summary>
    public TagSet Get(IOperation operation) => TryGetValue(operation, out var tags) ? tags : TagSet.Empty;

    /// <summary>Replaces the set of <paramref name="operation"/>; an empty set removes it.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public void Set(IOperation operation, TagSet tags)
    {
        if (indices.TryGetValue(operation, out var index))
        {
            nonEmpty += (tags.IsEmpty ? 0 : 1) - (sets[index].IsEmpty ? 0 : 1);
            sets[index] = tags;
            return;
        }

        if (tags.IsEmpty)
        {
            return;
        }

        index = indices.Count;
        if (index == sets.Length)
        {
            // Array.Copy, not Array.Resize<T>: a generic method over TagSet would be compiled for it alone.
            var grownOperations = new IOperation[index * 2];
            var grownSets = new TagSet[index * 2];
            Array.Copy(operations, grownOperations, index);
            Array.Copy(sets, grownSets, index);
            operations = grownOperations;
            sets = grownSets;
        }

        operations[index] = operation;
        sets[index] = tags;
        indices.Add(operation, index);
        nonEmpty++;
    }
}
