using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Generators;

/// <summary>A <c>using</c> alias: <c>using Pd = FinCompliance.PersonalDataAttribute;</c> is (<c>Pd</c>, <c>PersonalDataAttribute</c>).</summary>
internal sealed record UsingAlias(string Name, string Target);

/// <summary>
/// A node that carries an attribute that may be inventoried: the categories it may be (a bit per category), and each such
/// attribute with the categories its name may bind to (one bit, unless aliases make it ambiguous).
/// </summary>
internal sealed record InventoryCandidate(SyntaxNode Node, int Categories, ImmutableArray<(AttributeSyntax Attribute, int Categories)> Attributes);

/// <summary>The nodes of one file that carry an attribute that may be inventoried.</summary>
internal sealed class InventoryCandidates(SyntaxTree tree, ImmutableArray<InventoryCandidate> nodes)
{
    public SyntaxTree Tree { get; } = tree;

    public ImmutableArray<InventoryCandidate> Nodes { get; } = nodes;
}

/// <summary>
/// The syntax half of the inventory: one scan per file for all the categories at once, finding the attribute targets
/// as <c>ForAttributeWithMetadataName</c> would for each category (simple name with or without <c>Attribute</c>, or a
/// <c>using</c> alias of it, local or global). It replaces one <c>ForAttributeWithMetadataName</c> per category, i.e.
/// 22 walks of every file (issue #6). Unlike some compiler versions' walk, an alias used twice in a file is found twice.
/// </summary>
internal static class InventoryCandidateFinder
{
    private const string Suffix = "Attribute";

    private static readonly Dictionary<string, int> CategoryBits = CreateCategoryBits();

    /// <summary>The <c>global using</c> aliases of a file.</summary>
    public static EquatableArray<UsingAlias> GlobalAliases(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
        {
            return EquatableArray<UsingAlias>.Empty;
        }

        var aliases = new List<UsingAlias>();
        AddAliases(unit.Usings, aliases, global: true);
        return aliases.ToEquatableArray();
    }

    public static EquatableArray<UsingAlias> Concat(ImmutableArray<EquatableArray<UsingAlias>> perFile)
    {
        var all = new List<UsingAlias>();
        foreach (var file in perFile)
        {
            all.AddRange(file);
        }

        return all.ToEquatableArray();
    }

    /// <summary>The attribute targets of a file whose attributes may bind to an inventoried attribute; null when none.</summary>
    /// <remarks>
    /// Every attribute list starts with a <c>[</c>, and few other tokens do: the file's text is scanned for <c>[</c> and
    /// only the tokens there are looked up, instead of walking every node of the file (issue #6).
    /// </remarks>
    public static InventoryCandidates? Find(SyntaxTree tree, EquatableArray<UsingAlias> globalAliases, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        List<InventoryCandidate>? nodes = null;
        Dictionary<SyntaxNode, int>? index = null;
        var localAliases = new List<UsingAlias>();
        var seen = new Stack<string>();
        AttributeListSyntax? previous = null;
        foreach (var position in OpenBrackets(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = root.FindToken(position);
            if (!token.IsKind(SyntaxKind.OpenBracketToken) || token.Parent is not AttributeListSyntax list || list == previous)
            {
                continue; // an indexer, array, collection expression, or a '[' in trivia
            }

            previous = list;
            localAliases.Clear();
            for (var ancestor = list.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                switch (ancestor)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AddAliases(ns.Usings, localAliases, global: false);
                        break;
                    case CompilationUnitSyntax unit:
                        AddAliases(unit.Usings, localAliases, global: false);
                        break;
                }
            }

            var categories = 0;
            var matched = ImmutableArray.CreateBuilder<(AttributeSyntax, int)>();
            foreach (var attribute in list.Attributes)
            {
                var name = UnqualifiedName(attribute.Name);
                var bits = Match(name, withSuffix: false) | Match(name, withSuffix: true);
                if (bits != 0)
                {
                    categories |= bits;
                    matched.Add((attribute, bits));
                }
            }

            if (categories == 0)
            {
                continue;
            }

            nodes ??= [];
            index ??= [];
            foreach (var target in Targets(list))
            {
                if (index.TryGetValue(target, out var at))
                {
                    nodes[at] = new InventoryCandidate(target, nodes[at].Categories | categories, nodes[at].Attributes.AddRange(matched));
                }
                else
                {
                    index.Add(target, nodes.Count);
                    nodes.Add(new InventoryCandidate(target, categories, matched.ToImmutable()));
                }
            }
        }

        return nodes is null ? null : new InventoryCandidates(tree, nodes.ToImmutableArray());

        // The categories whose attribute the name may bind to: itself (with or without the suffix), or through aliases.
        int Match(string name, bool withSuffix)
        {
            var full = withSuffix ? name + Suffix : name;
            var result = full.EndsWith(Suffix, StringComparison.Ordinal) && CategoryBits.TryGetValue(full, out var bit) ? bit : 0;
            if (seen.Contains(name))
            {
                return result; // aliases that refer to each other (broken code)
            }

            seen.Push(name);
            foreach (var alias in localAliases)
            {
                if (alias.Name == full)
                {
                    result |= Match(alias.Target, withSuffix: false);
                }
            }

            foreach (var alias in globalAliases)
            {
                if (alias.Name == full)
                {
                    result |= Match(alias.Target, withSuffix: false);
                }
            }

            seen.Pop();
            return result;
        }
    }

    // One copy buffer per thread, not per file (8 KB for every file of the compilation, 17 MB of garbage at 2,100 files).
    [ThreadStatic]
    private static char[]? spareBuffer;

    private static IEnumerable<int> OpenBrackets(SourceText text)
    {
        // Taken while in use: a second enumeration on this thread before this one ends gets a buffer of its own.
        var buffer = spareBuffer ?? new char[4096];
        spareBuffer = null;
        try
        {
            for (var start = 0; start < text.Length; start += buffer.Length)
            {
                var count = Math.Min(buffer.Length, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                for (var i = 0; i < count; i++)
                {
                    if (buffer[i] == '[')
                    {
                        yield return start + i;
                    }
                }
            }
        }
        finally
        {
            spareBuffer = buffer;
        }
    }

    /// <summary>What the attributes of a list apply to: each variable of a field or event declaration, else the parent.</summary>
    private static IEnumerable<SyntaxNode> Targets(AttributeListSyntax list)
    {
        switch (list.Parent)
        {
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                {
                    yield return variable;
                }

                break;
            case { } parent:
                yield return parent;
                break;
        }
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, List<UsingAlias> aliases, bool global)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias
                && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) == global
                && directive.Name is { } target)
            {
                aliases.Add(new UsingAlias(alias.Name.Identifier.ValueText, UnqualifiedName(target)));
            }
        }
    }

    private static string UnqualifiedName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static Dictionary<string, int> CreateCategoryBits()
    {
        var bits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < InventoryParser.Categories.Length; i++)
        {
            bits.Add(InventoryParser.Categories[i] + Suffix, 1 << i);
        }

        return bits;
    }
}
