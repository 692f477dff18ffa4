using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Flow;

/// <summary>
/// Everything the <see cref="TagFlowAnalysis"/> engine needs to know about one family of tags: where tags come
/// from (annotated symbols and types), which member reads of a tagged object keep them, which calls end them and
/// which derived values drop them. The engine itself knows no attribute. One instance per compilation: it caches
/// symbol and type look-ups and the analysis of each operation block.
/// </summary>
public abstract class TagPolicy
{
    private readonly ConcurrentDictionary<ISymbol, TagSet> symbolTags = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TagSet> typeTags = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, TagFlowAnalysis> analyses = new();

    /// <summary>
    /// The tag flow of <paramref name="block"/> (an operation block of <c>OperationBlockAnalysisContext</c>),
    /// computed once per block and policy and shared by every rule that uses this policy.
    /// </summary>
    public TagFlowAnalysis Analyze(IOperation block, CancellationToken cancellationToken)
    {
        if (analyses.TryGetValue(block, out var cached))
        {
            return cached;
        }

        var analysis = TagFlowAnalysis.Compute(block, this, cancellationToken);
        return analyses.GetValue(block, _ => analysis);
    }

    /// <summary>
    /// Tags of a declared symbol: a field, property or parameter (its own attributes), or a method (the
    /// attributes of its return value, <c>[return: X]</c>). Cached.
    /// </summary>
    public TagSet GetSymbolTags(ISymbol symbol)
        => symbolTags.TryGetValue(symbol, out var tags) ? tags : symbolTags.GetOrAdd(symbol, ComputeSymbolTags(symbol));

    /// <summary>Tags every expression of <paramref name="type"/> carries (an annotated type). Cached.</summary>
    public TagSet GetTypeTags(ITypeSymbol? type)
    {
        // Fast path for the common case: primitives, string and object are never annotated (Nullable<T> may wrap one).
        if (type is null || type.SpecialType is not (SpecialType.None or SpecialType.System_Nullable_T) || type.TypeKind == TypeKind.Error)
        {
            return TagSet.Empty;
        }

        return typeTags.TryGetValue(type, out var tags) ? tags : typeTags.GetOrAdd(type, ComputeTypeTags(type));
    }

    /// <summary>Computes <see cref="GetSymbolTags"/>; called at most a few times per symbol.</summary>
    protected abstract TagSet ComputeSymbolTags(ISymbol symbol);

    /// <summary>Computes <see cref="GetTypeTags"/>; called at most a few times per type.</summary>
    protected abstract TagSet ComputeTypeTags(ITypeSymbol type);

    /// <summary>
    /// Tags of a value read or returned by <paramref name="member"/> (property, field or method) of an object
    /// that carries <paramref name="carrier"/>: e.g. the balance of a client-funds account carries client funds,
    /// its account id does not.
    /// </summary>
    public virtual TagSet ReadFromCarrier(TagSet carrier, ISymbol member, ITypeSymbol? resultType) => TagSet.Empty;

    /// <summary>
    /// Whether the result of <paramref name="method"/> is derived from its receiver and arguments (string
    /// formatting, <c>Math</c>, conversions, LINQ aggregates, <c>ToString()</c>). By default: every method of
    /// the <c>System</c> namespaces, and any <c>ToString()</c>.
    /// </summary>
    public virtual bool PropagatesArguments(IMethodSymbol method)
    {
        if (method.Name == nameof(ToString) && method.Parameters.Length == 0)
        {
            return true;
        }

        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" };
    }

    /// <summary>Tags left after <paramref name="call"/> (e.g. a masking call ends the personal-data tag).</summary>
    public virtual TagSet AfterCall(IInvocationOperation call, TagSet tags) => tags;

    /// <summary>
    /// Tags of a value derived from tagged operands (arithmetic, comparisons, propagating calls). By default a
    /// <c>bool</c> result (a comparison, an <c>is</c> check, <c>string.IsNullOrEmpty</c>) carries nothing.
    /// </summary>
    public virtual TagSet OnDerivedValue(IOperation derived, TagSet tags)
        => derived.Type?.SpecialType == SpecialType.System_Boolean ? TagSet.Empty : tags;

    /// <summary>
    /// SPEC §4's "numeric or monetary" values, the ones a read from a tagged object keeps the tags of: numbers,
    /// types named like money or amounts, and types this policy tags with any of <paramref name="taggedKinds"/>.
    /// <c>Nullable&lt;T&gt;</c>, <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c> are unwrapped (an awaited
    /// withdrawal yields money).
    /// </summary>
    protected bool IsNumericOrMonetary(ITypeSymbol type, TagKind taggedKinds)
    {
        type = UnwrapValue(type);
        switch (type.SpecialType)
        {
            case SpecialType.System_Decimal:
            case SpecialType.System_Double:
            case SpecialType.System_Single:
            case SpecialType.System_Int64:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt64:
            case SpecialType.System_UInt32:
                return true;
            case SpecialType.None:
                return type.Name.IndexOf("Money", StringComparison.OrdinalIgnoreCase) >= 0
                       || type.Name.IndexOf("Amount", StringComparison.OrdinalIgnoreCase) >= 0
                       || GetTypeTags(type).HasAny(taggedKinds);
            default:
                return false;
        }
    }

    /// <summary>The value type behind <c>Nullable&lt;T&gt;</c>, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>; otherwise the type itself.</summary>
    protected static ITypeSymbol UnwrapValue(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
           && (generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || generic.Name is "Task" or "ValueTask")
            ? generic.TypeArguments[0]
            : type;
}
