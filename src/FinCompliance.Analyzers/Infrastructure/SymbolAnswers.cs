using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// A thread-safe cache of one small answer per symbol (a <see cref="byte"/>, a byte-sized enum or a bool as 0 / 1), for
/// the questions rules ask about the same symbol many times. The answers are stored as shared boxes in a dictionary of
/// reference types, whose code the runtime shares with the compiler's own dictionaries: a
/// <c>ConcurrentDictionary&lt;_, SomeEnum&gt;</c> per rule would be JIT-compiled again for each enum, which a new csc
/// process pays in every build (issue #6).
/// </summary>
internal sealed class SymbolAnswers
{
    private static readonly object[] Boxes = CreateBoxes();

    private readonly ConcurrentDictionary<ISymbol, object> answers = new(SymbolEqualityComparer.Default);

    /// <summary>The answer for <paramref name="symbol"/>, computed on first use (possibly more than once under a race).</summary>
    [MethodImpl(JitOptions.Optimized)]
    public byte GetOrAdd(ISymbol symbol, Func<ISymbol, byte> compute)
        => (byte)(answers.TryGetValue(symbol, out var known) ? known : answers.GetOrAdd(symbol, Boxes[compute(symbol)]));

    /// <summary>Records <paramref name="answer"/> unless <paramref name="symbol"/> has one: whether it was recorded.</summary>
    public bool TryAdd(ISymbol symbol, byte answer) => answers.TryAdd(symbol, Boxes[answer]);

    /// <summary>Whether <paramref name="symbol"/> has an answer.</summary>
    public bool Contains(ISymbol symbol) => answers.ContainsKey(symbol);

    private static object[] CreateBoxes()
    {
        var boxes = new object[byte.MaxValue + 1];
        for (var value = 0; value < boxes.Length; value++)
        {
            boxes[value] = (byte)value;
        }

        return boxes;
    }
}
