using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>Where an operation sits in the tree the driver built for its declaration.</summary>
internal static class OperationTree
{
    /// <summary>
    /// The root of the tree that contains <paramref name="operation"/> (e.g. the <c>IMethodBodyOperation</c> around a
    /// body): what the flow engines analyse and build graphs for. The driver builds each tree from its root, so every
    /// parent is already there and the walk builds nothing.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static IOperation RootOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return root;
    }
}
