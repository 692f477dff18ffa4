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
    // Size of the direct-mapped caches in front of the dictionaries (a power of two).
    private const int RecentSize = 2048;

    // The dictionaries hold the same immutable entries as the recent-answer arrays: one allocation per symbol, and a
    // dictionary of reference types, whose code the runtime shares with the compiler's own (a TagSet value would make
    // the JIT compile ConcurrentDictionary's methods again for it, which a new csc process pays before every build).
    private readonly ConcurrentDictionary<ISymbol, RecentTags> symbolTags = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, RecentTags> typeTags = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, TagFlowAnalysis> analyses = new();

    // The engine asks for the tags of every operation's type and referenced symbol. SymbolEqualityComparer hashing
    // and comparison of public symbols dominate a dictionary look-up, so recent answers are kept by reference
    // (of the canonical key, see SymbolCacheKey and TypeCacheKey) in lock-free direct-mapped arrays.
    private readonly RecentTags?[] recentSymbols = new RecentTags?[RecentSize];
    private readonly RecentTags?[] recentTypes = new RecentTags?[RecentSize];
    private readonly SyntaxMemo<bool> emptyBlocks = new(RecentSize);

    // Created once: a method group passed per look-up would allocate a delegate each time.
    private readonly Func<ISymbol, TagSet> computeSymbolTags;
    private readonly Func<ISymbol, TagSet> computeTypeTags;

    protected TagPolicy()
    {
        computeSymbolTags = ComputeSymbolTags;
        computeTypeTags = type => ComputeTypeTags((ITypeSymbol)type);
    }

    /// <summary>
    /// The tag flow of <paramref name="block"/> (an operation block of <c>OperationBlockAnalysisContext</c>),
    /// computed once per block and policy and shared by every rule that uses this policy.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public TagFlowAnalysis Analyze(IOperation block, CancellationToken cancellationToken)
    {
        // Most blocks carry no tag: their answer is remembered by syntax node, not in the weak table (an insertion
        // there takes a lock and a GC handle, a quarter of FIN2002's time in a profile) and without holding the operations.
        if (emptyBlocks.TryGet(block.Syntax, out _))
        {
            return TagFlowAnalysis.Empty;
        }

        if (analyses.TryGetValue(block, out var cached))
        {
            return cached;
        }

        var analysis = TagFlowAnalysis.Compute(block, this, cancellationToken);
        if (analysis.IsEmpty)
        {
            emptyBlocks.Set(block.Syntax, true);
            return analysis;
        }

        return Remember(block, analysis);
    }

    // Apart from Analyze: a lambda there would have its closure allocated on every call, cached or not.
    private TagFlowAnalysis Remember(IOperation block, TagFlowAnalysis analysis)
        => analyses.GetValue(block, _ => analysis);

    /// <summary>
    /// Tags of a declared symbol: a field, property or parameter (its own attributes), or a method (the
    /// attributes of its return value, <c>[return: X]</c>). Cached.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public TagSet GetSymbolTags(ISymbol symbol)
    {
        // The pre-check asks this for every referenced symbol of every block; most carry no attribute at all, and
        // answering them before the cache (slot, look-up, insertion with SymbolEqualityComparer) is cheaper.
        return MayHaveSymbolTags(symbol)
            ? Lookup(recentSymbols, symbolTags, SymbolCacheKey(symbol), computeSymbolTags)
            : TagSet.Empty;
    }

    /// <summary>Tags every expression of <paramref name="type"/> carries (an annotated type). Cached.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public TagSet GetTypeTags(ITypeSymbol? type)
    {
        // Fast path for the common case: primitives, string and object are never annotated (Nullable<T> may wrap one).
        if (type is null || type.SpecialType is not (SpecialType.None or SpecialType.System_Nullable_T) || type.TypeKind == TypeKind.Error)
        {
            return TagSet.Empty;
        }

        return Lookup(recentTypes, typeTags, TypeCacheKey(type), computeTypeTags);
    }

    /// <summary>The cached tags of <paramref name="key"/>: the recent-answer array, then the dictionary.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static TagSet Lookup(RecentTags?[] recent, ConcurrentDictionary<ISymbol, RecentTags> cache, ISymbol key, Func<ISymbol, TagSet> compute)
    {
        ref var slot = ref recent[Slot(key)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && ReferenceEquals(entry.Key, key))
        {
            return entry.Tags;
        }

        entry = cache.TryGetValue(key, out var known) ? known : cache.GetOrAdd(key, new RecentTags(key, compute(key)));
        if (!ReferenceEquals(entry.Key, key))
        {
            // An equal but other symbol object made the entry: the array compares by reference.
            entry = new RecentTags(key, entry.Tags);
        }

        Volatile.Write(ref slot, entry);
        return entry.Tags;
    }

    /// <summary>
    /// The symbol whose tags <paramref name="symbol"/> has by definition of this policy, used as the cache key: the
    /// symbol itself by default. A policy whose symbol tags come from attributes alone may return the original
    /// definition (a member of <c>List&lt;int&gt;</c> and of <c>List&lt;string&gt;</c> then share one entry).
    /// </summary>
    protected virtual ISymbol SymbolCacheKey(ISymbol symbol) => symbol;

    /// <summary>
    /// The type whose tags <paramref name="type"/> has by definition of this policy, used as the cache key. By
    /// default the type without its top-level nullable annotation: tags never depend on it, and the compiler hands
    /// out a new symbol object for every annotated use of a type but one shared object for the unannotated one.
    /// </summary>
    protected virtual ITypeSymbol TypeCacheKey(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.None);

    /// <summary>
    /// A cheap test, without caching, that may answer "no tags" for <paramref name="symbol"/> before the cache is
    /// consulted: false only when <see cref="ComputeSymbolTags"/> would return no tags. True by default.
    /// </summary>
    protected virtual bool MayHaveSymbolTags(ISymbol symbol) => true;

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
    [MethodImpl(JitOptions.Optimized)]
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

    /// <summary>
    /// The slot of <paramref name="key"/>, from its and its container's names rather than its identity: in profiles of csc,
    /// <c>RuntimeHelpers.GetHashCode</c> on the compiler's symbol objects always took its slow path. A collision only
    /// costs a dictionary look-up (entries are compared by reference).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private static int Slot(ISymbol key)
        => ((key.Name.GetHashCode() * 31) ^ (key.ContainingSymbol?.Name.GetHashCode() ?? 0) ^ (int)key.Kind) & (RecentSize - 1);

    /// <summary>An immutable cache entry: replaced whole, so concurrent readers never see a torn pair.</summary>
    private sealed class RecentTags(ISymbol key, TagSet tags)
    {
        public ISymbol Key { get; } = key;

        public TagSet Tags { get; } = tags;
    }
}
