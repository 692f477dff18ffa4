using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// A small lock-free memo of answers per syntax node, for work several rules ask for about the same operation block
/// one after the other (the tag-flow pre-check, the must-precede pre-scan). Direct-mapped and lossy: a colliding
/// node replaces the entry and only costs a recomputation. Keyed by node because the same node binds to the same
/// operations within one compilation (keep one memo per compilation), and the node is kept alive by its tree anyway;
/// unlike a <see cref="ConditionalWeakTable{TKey,TValue}"/> insertion, nothing here takes a lock or a GC handle.
/// </summary>
internal sealed class SyntaxMemo<TValue>
{
    private readonly Entry?[] entries;

    /// <param name="size">The number of slots, a power of two.</param>
    public SyntaxMemo(int size) => entries = new Entry?[size];

    [MethodImpl(JitOptions.Optimized)]
    public bool TryGet(SyntaxNode node, out TValue value)
    {
        if (Volatile.Read(ref entries[Slot(node)]) is { } entry && ReferenceEquals(entry.Node, node))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    public void Set(SyntaxNode node, TValue value) => Volatile.Write(ref entries[Slot(node)], new Entry(node, value));

    private int Slot(SyntaxNode node) => RuntimeHelpers.GetHashCode(node) & (entries.Length - 1);

    /// <summary>Immutable: replaced whole, so concurrent readers never see a torn pair.</summary>
    private sealed class Entry(SyntaxNode node, TValue value)
    {
        public SyntaxNode Node { get; } = node;

        public TValue Value { get; } = value;
    }
}
