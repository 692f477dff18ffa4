using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// The project's top-level types by simple name, from syntax, for naming a type written as a simple name
/// (<c>Customer</c>) without binding it: the inventory's documentation IDs of methods such as
/// <c>Subscribe(Customer, Product, decimal)</c> (issue #6: binding them declared every type of a compilation csc then
/// replaces). It answers only where C#'s lookup cannot find anything else: the name is no nested or file-local type, no
/// namespace, no alias anywhere in the project, and no type or namespace of that name exists in any reference
/// (<see cref="WithReferences"/>); the type is in an enclosing namespace, or imported by exactly one <c>using</c> of
/// the compilation unit. Anything else is left to the compiler.
/// </summary>
/// <remarks>
/// Compared by its facts, so that the generator re-reads files only when the project's types change. The facts are
/// strings: <c>T</c> a top-level type (name, namespace, value type or not), <c>N</c> a name that blocks the lookup,
/// <c>U</c> a global using.
/// </remarks>
internal sealed class SourceTypes : IEquatable<SourceTypes>
{
    private const char Separator = '\t';

    /// <summary>Resolves nothing (a reference whose metadata cannot be read).</summary>
    public static readonly SourceTypes None = new(new[] { Blocked("*") }.ToEquatableArray(), resolvesNothing: true);

    private readonly bool resolvesNothing;
    private readonly Lazy<Lookup> lookup;

    private SourceTypes(EquatableArray<string> facts, bool resolvesNothing = false)
    {
        Facts = facts;
        this.resolvesNothing = resolvesNothing;
        lookup = new Lazy<Lookup>(() => new Lookup(Facts), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Sorted, distinct.</summary>
    public EquatableArray<string> Facts { get; }

    public static string TopLevel(string name, string ns, bool isValueType)
        => "T" + Separator + name + Separator + ns + Separator + (isValueType ? "V" : "R");

    public static string Blocked(string name) => "N" + Separator + name;

    public static string GlobalUsing(string ns) => "U" + Separator + ns;

    /// <summary>The namespace a <c>using</c> directive imports, as dotted identifiers (<c>global::</c> dropped); null for other names.</summary>
    public static string? NamespaceOf(UsingDirectiveSyntax directive)
        => directive.Name is { } name && SourceDeclarations.NamespaceIdentifiers(name, afterGlobal: true) is { } identifiers
            ? string.Join(".", identifiers.Select(static identifier => identifier.ValueText))
            : null;

    /// <summary>All files' facts (<see cref="SourceDeclarations.Read"/>), merged.</summary>
    public static SourceTypes Create(ImmutableArray<EquatableArray<string>> perFile)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var facts in perFile)
        {
            foreach (var fact in facts)
            {
                all.Add(fact);
            }
        }

        return new SourceTypes(all.ToEquatableArray());
    }

    /// <summary>
    /// These facts with the names that a referenced assembly uses for a type or a namespace blocked as well; <see cref="None"/>
    /// when a reference's metadata cannot be read (a project reference in the IDE).
    /// </summary>
    public SourceTypes WithReferences(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new Dictionary<ulong, string>();
        foreach (var name in lookup.Value.Types.Keys)
        {
            names[MetadataTypeNames.Hash(name)] = name;
        }

        if (names.Count == 0)
        {
            return this;
        }

        var hashes = new MetadataTypeNames.NameHashes(names.Values);
        var found = new HashSet<ulong>();
        foreach (var reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reference is not PortableExecutableReference executable || !MetadataTypeNames.FindNames(executable, hashes, found))
            {
                return None;
            }
        }

        if (found.Count == 0)
        {
            return this;
        }

        var facts = new SortedSet<string>(Facts, StringComparer.Ordinal);
        foreach (var hash in found)
        {
            if (names.TryGetValue(hash, out var name))
            {
                facts.Add(Blocked(name));
            }
        }

        return new SourceTypes(facts.ToEquatableArray());
    }

    /// <summary>
    /// The documentation-ID form (<c>Bank.Customer</c>) of the type <paramref name="name"/> names where it is written, and
    /// whether it is a value type; false when the syntax does not settle it.
    /// </summary>
    public bool TryResolve(IdentifierNameSyntax name, out string id, out bool isValueType)
    {
        (id, isValueType) = (string.Empty, false);
        var text = name.Identifier.ValueText;
        var index = lookup.Value;
        if (resolvesNothing || index.Blocked.Contains(text) || !index.Types.TryGetValue(text, out var candidates))
        {
            return false;
        }

        // Enclosing types: a type parameter of that name (their nested types, and inherited ones, are blocked names).
        SyntaxNode? node = name.Parent;
        for (; node is not null and not BaseNamespaceDeclarationSyntax and not CompilationUnitSyntax; node = node.Parent)
        {
            var typeParameters = node switch
            {
                TypeDeclarationSyntax type => type.TypeParameterList,
                MethodDeclarationSyntax method => method.TypeParameterList,
                DelegateDeclarationSyntax @delegate => @delegate.TypeParameterList,
                LocalFunctionStatementSyntax function => function.TypeParameterList,
                _ => null,
            };
            foreach (var parameter in typeParameters?.Parameters ?? default)
            {
                if (parameter.Identifier.ValueText == text)
                {
                    return false;
                }
            }
        }

        // Enclosing namespaces, innermost first: their types, then the usings of the declaration itself (the innermost
        // part of its name). A using of a namespace there is looked up relative to the enclosing namespaces: not followed.
        var declarations = new List<BaseNamespaceDeclarationSyntax>();
        for (; node is BaseNamespaceDeclarationSyntax declaration; node = node.Parent)
        {
            declarations.Add(declaration);
        }

        if (node is not CompilationUnitSyntax unit)
        {
            return false;
        }

        var scopes = new List<(string Namespace, BaseNamespaceDeclarationSyntax? Declaration)>();
        var outer = string.Empty;
        for (var i = declarations.Count - 1; i >= 0; i--)
        {
            if (SourceDeclarations.NamespaceIdentifiers(declarations[i].Name) is not { } parts)
            {
                return false;
            }

            for (var k = 0; k < parts.Count; k++)
            {
                outer = Qualified(outer, parts[k].ValueText);
                scopes.Add((outer, k == parts.Count - 1 ? declarations[i] : null));
            }
        }

        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (Find(candidates, scopes[i].Namespace, ref id, ref isValueType))
            {
                return true;
            }

            foreach (var directive in scopes[i].Declaration?.Usings ?? default)
            {
                if (directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
                {
                    return false;
                }
            }
        }

        if (Find(candidates, string.Empty, ref id, ref isValueType))
        {
            return true;
        }

        // The compilation unit's usings and every file's global usings: exactly one imported namespace has the type.
        string? match = null;
        var matchIsValueType = false;
        foreach (var (ns, valueType) in candidates)
        {
            if (index.GlobalUsings.Contains(ns) || ImportsAtTop(unit, ns))
            {
                if (match is not null)
                {
                    return false; // ambiguous: a compile error
                }

                (match, matchIsValueType) = (ns, valueType);
            }
        }

        if (match is null)
        {
            return false;
        }

        (id, isValueType) = (Qualified(match, text), matchIsValueType);
        return true;

        bool Find(List<(string Namespace, bool IsValueType)> types, string ns, ref string found, ref bool valueType)
        {
            var count = 0;
            foreach (var (candidateNamespace, candidateIsValueType) in types)
            {
                if (candidateNamespace == ns)
                {
                    count++;
                    (found, valueType) = (Qualified(ns, text), candidateIsValueType);
                }
            }

            if (count > 1)
            {
                (found, valueType) = (string.Empty, false);
            }

            return count == 1;
        }
    }

    private static bool ImportsAtTop(CompilationUnitSyntax unit, string ns)
    {
        foreach (var directive in unit.Usings)
        {
            if (directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && NamespaceOf(directive) == ns)
            {
                return true;
            }
        }

        return false;
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    public bool Equals(SourceTypes? other) => other is not null && resolvesNothing == other.resolvesNothing && Facts.Equals(other.Facts);

    public override bool Equals(object? obj) => Equals(obj as SourceTypes);

    public override int GetHashCode() => Facts.GetHashCode();

    /// <summary>The facts, indexed.</summary>
    private sealed class Lookup
    {
        public Lookup(EquatableArray<string> facts)
        {
            foreach (var fact in facts)
            {
                var fields = fact.Split(Separator);
                switch (fields[0])
                {
                    case "T" when fields.Length == 4:
                        if (!Types.TryGetValue(fields[1], out var list))
                        {
                            Types[fields[1]] = list = [];
                        }

                        list.Add((fields[2], fields[3] == "V"));
                        break;
                    case "N" when fields.Length == 2:
                        Blocked.Add(fields[1]);
                        break;
                    case "U" when fields.Length == 2:
                        GlobalUsings.Add(fields[1]);
                        break;
                }
            }
        }

        public Dictionary<string, List<(string Namespace, bool IsValueType)>> Types { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Blocked { get; } = new(StringComparer.Ordinal);

        public HashSet<string> GlobalUsings { get; } = new(StringComparer.Ordinal);
    }
}
