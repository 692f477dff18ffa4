using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>A <c>using</c> alias: <c>using Pd = FinCompliance.PersonalDataAttribute;</c> is (<c>Pd</c>, <c>PersonalDataAttribute</c>).</summary>
internal sealed record UsingAlias(string Name, string Target);

/// <summary>The nodes of one file that carry an attribute that may be inventoried, each with the categories it may be (a bit per category).</summary>
internal sealed class InventoryCandidates(SyntaxTree tree, ImmutableArray<(SyntaxNode Node, int Categories)> nodes)
{
    public SyntaxTree Tree { get; } = tree;

    public ImmutableArray<(SyntaxNode Node, int Categories)> Nodes { get; } = nodes;
}

/// <summary>
/// The syntax half of the inventory: one walk per file for all the categories at once, finding the attribute targets
/// exactly as <c>ForAttributeWithMetadataName</c> would for each category (simple name with or without
/// <c>Attribute</c>, or a <c>using</c> alias of it, local or global). It replaces one
/// <c>ForAttributeWithMetadataName</c> per category, i.e. 22 walks of every file (issue #6).
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
    public static InventoryCandidates? Find(SyntaxTree tree, EquatableArray<UsingAlias> globalAliases, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var nodes = new List<(SyntaxNode Node, int Categories)>();
        var index = new Dictionary<SyntaxNode, int>();
        var localAliases = new List<UsingAlias>();
        var seen = new Stack<string>();
        Visit(root);
        return nodes.Count == 0 ? null : new InventoryCandidates(tree, nodes.ToImmutableArray());

        void Visit(SyntaxNode node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case CompilationUnitSyntax unit:
                    AddAliases(unit.Usings, localAliases, global: false);
                    VisitChildren(node);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    var count = localAliases.Count;
                    AddAliases(ns.Usings, localAliases, global: false);
                    VisitChildren(node);
                    localAliases.RemoveRange(count, localAliases.Count - count);
                    break;
                case AttributeListSyntax list:
                    var categories = 0;
                    foreach (var attribute in list.Attributes)
                    {
                        var name = UnqualifiedName(attribute.Name);
                        categories |= Match(name, withSuffix: false) | Match(name, withSuffix: true);
                    }

                    if (categories != 0)
                    {
                        foreach (var target in Targets(list))
                        {
                            if (index.TryGetValue(target, out var at))
                            {
                                nodes[at] = (target, nodes[at].Categories | categories);
                            }
                            else
                            {
                                index.Add(target, nodes.Count);
                                nodes.Add((target, categories));
                            }
                        }
                    }

                    break; // attributes cannot contain attributes
                default:
                    VisitChildren(node);
                    break;
            }
        }

        void VisitChildren(SyntaxNode node)
        {
            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode)
                {
                    Visit(childNode);
                }
            }
        }

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
