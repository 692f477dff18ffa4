using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// Alias-aware FinCompliance attribute matching for one compilation: a symbol carries <c>[ClientFunds]</c> when it
/// carries the attribute itself or an attribute mapped onto it by <c>fincompliance.attribute_aliases</c>. Every rule
/// asks this service rather than comparing attribute classes itself, so that aliases mean the same everywhere.
/// An alias stands for the FinCompliance attribute written without arguments: rules that read arguments get no
/// <see cref="AttributeData"/> for an alias match (see <see cref="TryGet"/>).
/// </summary>
public sealed class FinComplianceAttributes
{
    // Per compilation, never per attribute symbol: metadata symbols are shared by the compilations of different
    // projects in the IDE, and aliases are a project's option.
    private static readonly ConditionalWeakTable<Compilation, FinComplianceAttributes> Cache = new();

    // Null when no argument-less alias is configured: the fast path compares attribute classes only, as before.
    private readonly Dictionary<string, INamedTypeSymbol>? targetsByName;
    private readonly ConcurrentDictionary<INamedTypeSymbol, INamedTypeSymbol?>? targetOfClass;

    private FinComplianceAttributes(Compilation compilation, AttributeAliases aliases)
    {
        Symbols = FinComplianceSymbols.For(compilation);
        Aliases = aliases;
        if (!aliases.HasTargets || !Symbols.IsReferenced)
        {
            return;
        }

        targetsByName = new Dictionary<string, INamedTypeSymbol>(System.StringComparer.Ordinal);
        foreach (var target in aliases.TargetNames)
        {
            if (!targetsByName.ContainsKey(target) && compilation.GetTypeByMetadataName(target) is { } symbol)
            {
                targetsByName.Add(target, symbol);
            }
        }

        if (targetsByName.Count == 0)
        {
            targetsByName = null;
            return;
        }

        targetOfClass = new ConcurrentDictionary<INamedTypeSymbol, INamedTypeSymbol?>(SymbolEqualityComparer.Default);
    }

    public FinComplianceSymbols Symbols { get; }

    /// <summary>The parsed option; <see cref="AttributeAliases.Errors"/> are reported as FIN0001.</summary>
    public AttributeAliases Aliases { get; }

    /// <summary>Whether some attribute is mapped onto an argument-less FinCompliance attribute in this compilation.</summary>
    public bool HasAliases => targetOfClass is not null;

    /// <summary>Whether some configured alias stands for <paramref name="attributeType"/>.</summary>
    public bool IsAliasTarget(INamedTypeSymbol? attributeType)
    {
        if (targetsByName is null || attributeType is null)
        {
            return false;
        }

        foreach (var target in targetsByName.Values)
        {
            if (SymbolEqualityComparer.Default.Equals(target, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The service of <paramref name="compilation"/>, built on first use with the project's global options.</summary>
    public static FinComplianceAttributes For(Compilation compilation, AnalyzerConfigOptions globalOptions)
        => Cache.GetValue(compilation, c =>
        {
            globalOptions.TryGetValue(AnalyzerOptionsExtensions.AttributeAliasesOption, out var aliases);
            return new FinComplianceAttributes(c, AttributeAliases.Parse(aliases));
        });

    public static FinComplianceAttributes For(Compilation compilation, AnalyzerOptions options)
        => For(compilation, options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>
    /// The FinCompliance attribute that <paramref name="attributeClass"/> is an alias of, or null (also when no alias
    /// is configured). A FinCompliance attribute is not its own alias: compare it directly first.
    /// </summary>
    public INamedTypeSymbol? AliasTarget(INamedTypeSymbol? attributeClass)
    {
        if (targetOfClass is null || attributeClass is null)
        {
            return null;
        }

        var definition = attributeClass.OriginalDefinition;
        return targetOfClass.TryGetValue(definition, out var known) ? known : targetOfClass.GetOrAdd(definition, ResolveTarget(definition));
    }

    /// <summary>Whether <paramref name="attributeClass"/> is <paramref name="attributeType"/> or an alias of it.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool Is(INamedTypeSymbol? attributeClass, INamedTypeSymbol? attributeType)
        => attributeType is not null
           && (SymbolEqualityComparer.Default.Equals(attributeClass, attributeType)
               || (targetOfClass is not null && SymbolEqualityComparer.Default.Equals(AliasTarget(attributeClass), attributeType)));

    /// <summary>Whether <paramref name="symbol"/> carries <paramref name="attributeType"/> or an alias of it.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool Has(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="symbol"/> carries <paramref name="attributeType"/> or an alias of it.
    /// <paramref name="attribute"/> is the FinCompliance attribute itself when written (preferred over an alias), and
    /// null for an alias match: an alias means the attribute without arguments, whatever arguments the alias has.
    /// </summary>
    public bool TryGet(ISymbol symbol, INamedTypeSymbol? attributeType, out AttributeData? attribute)
    {
        attribute = null;
        if (attributeType is null)
        {
            return false;
        }

        var aliased = false;
        foreach (var candidate in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attributeType))
            {
                attribute = candidate;
                return true;
            }

            aliased |= targetOfClass is not null && SymbolEqualityComparer.Default.Equals(AliasTarget(candidate.AttributeClass), attributeType);
        }

        return aliased;
    }

    /// <summary>
    /// Whether <paramref name="type"/> or one of its base types carries <paramref name="attributeType"/> or an alias
    /// of it (the FinCompliance attributes are <c>Inherited = true</c>, and so are aliases of them).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool HasOnTypeOrBase(ITypeSymbol? type, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Has(current, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="TryGet"/> on <paramref name="type"/>, else on its nearest base type that matches.</summary>
    public bool TryGetOnTypeOrBase(ITypeSymbol? type, INamedTypeSymbol? attributeType, out AttributeData? attribute)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (TryGet(current, attributeType, out attribute))
            {
                return true;
            }
        }

        attribute = null;
        return false;
    }

    private INamedTypeSymbol? ResolveTarget(INamedTypeSymbol attributeClass)
        => Aliases.TargetOf(AttributeAliases.MetadataName(attributeClass)) is { } target
           && targetsByName!.TryGetValue(target, out var symbol)
            ? symbol
            : null;
}
