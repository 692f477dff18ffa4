using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// The operations of the operation blocks the rule host is analysing on this thread, listed once, in the order the
/// analyzer driver visits them (each block, then its descendants, pre-order). The host's combined block action lists
/// them, dispatches them to the rules' operation actions, and the pre-checks that would otherwise walk the same trees
/// again (the tag-flow pre-check, the must-precede pre-scan) read the list instead.
/// </summary>
/// <remarks>
/// Per thread and only while the host's block action runs: the driver calls it for one declaration at a time on a
/// thread, and every reference is cleared when it returns, so no operation tree outlives its analysis here.
/// </remarks>
internal static class BlockOperations
{
    [ThreadStatic]
    private static Listing? current;

    [ThreadStatic]
    private static Listing? spare;

    /// <summary>Lists the operations of <paramref name="blocks"/>; dispose the result when the block's analysis ends.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static Listing Enter(ImmutableArray<IOperation> blocks)
    {
        // Re-entry is not expected (the driver does not nest analyses on a thread); if it happens, the outer listing
        // is kept aside and restored.
        var listing = spare ?? new Listing();
        spare = null;
        listing.Fill(blocks, outer: current);
        current = listing;
        return listing;
    }

    /// <summary>
    /// The listed operations under <paramref name="root"/>, when <paramref name="root"/> is one of the blocks being
    /// analysed or the root of the tree they are all part of (e.g. the <c>IMethodBodyOperation</c> around a body);
    /// false otherwise (the caller walks the tree itself).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool TryGet(IOperation root, out ArraySegment<IOperation> operations)
    {
        if (current is { } listing)
        {
            return listing.TryGet(root, out operations);
        }

        operations = default;
        return false;
    }

    /// <summary>The operations of one analysis, pooled per thread.</summary>
    internal sealed class Listing : IDisposable
    {
        private const int MaxKeptLength = 1 << 16;

        private readonly Stack<IOperation> pending = new();
        private readonly List<IOperation> children = [];
        private readonly List<(IOperation Block, int Start, int Count)> blocks = [];
        private IOperation[] operations = new IOperation[256];
        private int count;
        private Listing? outer;

        // The root all blocks belong to, when their trees' roots are one node whose children are exactly the blocks.
        private IOperation? commonRoot;
        private bool commonRootKnown;

        /// <summary>Every listed operation, in the driver's order.</summary>
        public ArraySegment<IOperation> All => new(operations, 0, count);

        public void Dispose()
        {
            Array.Clear(operations, 0, count);
            if (operations.Length > MaxKeptLength)
            {
                // One huge generated method must not pin a large array to the thread for the rest of the process.
                operations = new IOperation[256];
                pending.TrimExcess();
            }

            count = 0;
            blocks.Clear();
            commonRoot = null;
            commonRootKnown = false;
            current = outer;
            outer = null;
            spare = this;
        }

        [MethodImpl(JitOptions.Optimized)]
        internal void Fill(ImmutableArray<IOperation> roots, Listing? outer)
        {
            this.outer = outer;
            foreach (var block in roots)
            {
                var start = count;
                pending.Push(block);
                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    Add(operation);

                    // Children pushed last to first, so that they come off the stack first to last: pre-order.
                    foreach (var child in operation.ChildOperations)
                    {
                        children.Add(child);
                    }

                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(children[i]);
                    }

                    children.Clear();
                }

                blocks.Add((block, start, count - start));
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        internal bool TryGet(IOperation root, out ArraySegment<IOperation> segment)
        {
            if (IndexOfBlock(root) is var index and >= 0)
            {
                segment = new ArraySegment<IOperation>(operations, blocks[index].Start, blocks[index].Count);
                return true;
            }

            if (!commonRootKnown)
            {
                commonRoot = ComputeCommonRoot();
                commonRootKnown = true;
            }

            // The root itself is not listed: the roots such trees have (method and constructor bodies) are not
            // expressions and reference nothing.
            segment = ReferenceEquals(root, commonRoot) ? All : default;
            return segment.Array is not null;
        }

        private void Add(IOperation operation)
        {
            if (count == operations.Length)
            {
                Array.Resize(ref operations, count * 2);
            }

            operations[count++] = operation;
        }

        /// <summary>
        /// The parent of the blocks when they are exactly its children (directly, or as the constructor initializer's
        /// implicit statement): a method or constructor body and its parts.
        /// </summary>
        private IOperation? ComputeCommonRoot()
        {
            if (blocks.Count == 0 || TreeRootOf(blocks[0].Block) is not { } root || root is not (IMethodBodyOperation or IConstructorBodyOperation))
            {
                return null;
            }

            foreach (var child in root.ChildOperations)
            {
                var block = child is IExpressionStatementOperation { IsImplicit: true, Operation: { } wrapped } ? wrapped : child;
                if (IndexOfBlock(block) < 0)
                {
                    return null;
                }
            }

            foreach (var (block, _, _) in blocks)
            {
                if (!ReferenceEquals(TreeRootOf(block), root))
                {
                    return null;
                }
            }

            return root;
        }

        private int IndexOfBlock(IOperation operation)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                if (ReferenceEquals(blocks[i].Block, operation))
                {
                    return i;
                }
            }

            return -1;
        }

        private static IOperation? TreeRootOf(IOperation block)
            => block.Parent is null ? null : OperationTree.RootOf(block);
    }
}
