using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// What a generator that reads declarations from syntax needs to know of every file, candidates or not (from
/// <see cref="SourceDeclarations.Read"/>): whether it declares a type named like one of the generator's attributes, or a
/// <c>using</c> alias of such a name, and the documentation IDs (without <c>T:</c>) of the partial records it declares
/// a part of, nested ones included (input of <see cref="SourceDeclarations.MultiPartRecords"/>); when asked for, the
/// file's facts for <see cref="SourceTypes"/>.
/// </summary>
internal sealed record FileDeclarations(bool DeclaresName, bool DeclaresAliasOfName, EquatableArray<string> PartialRecords, EquatableArray<string> TypeFacts);

/// <summary>Syntax-only facts about type declarations, shared by the generators' syntax readers.</summary>
internal static class SourceDeclarations
{
    /// <summary>
    /// One walk of the file's usings, namespaces and type declarations (never member bodies: C# has no local types); with
    /// <paramref name="withTypeFacts"/>, the file's facts for <see cref="SourceTypes"/> too: its top-level types, the names
    /// a simple type name could also mean (nested and file-local types, namespaces, aliases) and its global usings.
    /// </summary>
    public static FileDeclarations Read(SyntaxTree tree, OwnAttributeNames names, bool withTypeFacts, CancellationToken cancellationToken)
    {
        var declaresName = false;
        var declaresAlias = false;
        List<string>? partialRecords = null;
        var facts = withTypeFacts ? new List<string>() : null;
        if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
        {
            foreach (var alias in unit.Externs)
            {
                facts?.Add(SourceTypes.Blocked(alias.Identifier.ValueText));
            }

            CheckUsings(unit.Usings, atTop: true);
            Walk(unit.Members, string.Empty, nested: false);
        }

        return new FileDeclarations(
            declaresName,
            declaresAlias,
            partialRecords is null ? EquatableArray<string>.Empty : partialRecords.ToEquatableArray(),
            facts is null || facts.Count == 0 ? EquatableArray<string>.Empty : facts.ToEquatableArray());

        void CheckUsings(SyntaxList<UsingDirectiveSyntax> usings, bool atTop)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias)
                {
                    declaresAlias |= names.Contains(alias.Name.Identifier.ValueText);
                    facts?.Add(SourceTypes.Blocked(alias.Name.Identifier.ValueText));
                }
                else if (facts is not null && atTop && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                         && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && SourceTypes.NamespaceOf(directive) is { } imported)
                {
                    facts.Add(SourceTypes.GlobalUsing(imported));
                }
            }
        }

        void Walk(SyntaxList<MemberDeclarationSyntax> members, string ns, bool nested)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax namespaceDeclaration:
                        foreach (var alias in namespaceDeclaration.Externs)
                        {
                            facts?.Add(SourceTypes.Blocked(alias.Identifier.ValueText));
                        }

                        CheckUsings(namespaceDeclaration.Usings, atTop: false);
                        var inner = ns;
                        foreach (var identifier in NamespaceIdentifiers(namespaceDeclaration.Name) ?? [])
                        {
                            var part = identifier.ValueText;
                            facts?.Add(SourceTypes.Blocked(part));
                            inner = inner.Length == 0 ? part : inner + "." + part;
                        }

                        Walk(namespaceDeclaration.Members, inner, nested: false);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        declaresName |= names.Contains(type.Identifier.ValueText);
                        AddTypeFact(type, type.Identifier.ValueText, (type as TypeDeclarationSyntax)?.TypeParameterList, ns, nested);
                        if (type is TypeDeclarationSyntax withMembers)
                        {
                            if (type is RecordDeclarationSyntax && type.Modifiers.Any(SyntaxKind.PartialKeyword) && TypeId(type) is { } id)
                            {
                                (partialRecords ??= []).Add(id);
                            }

                            Walk(withMembers.Members, ns, nested: true);
                        }

                        break;
                    case DelegateDeclarationSyntax @delegate:
                        declaresName |= names.Contains(@delegate.Identifier.ValueText);
                        AddTypeFact(@delegate, @delegate.Identifier.ValueText, @delegate.TypeParameterList, ns, nested);
                        break;
                }
            }
        }

        void AddTypeFact(MemberDeclarationSyntax type, string name, TypeParameterListSyntax? typeParameters, string ns, bool nested)
        {
            if (facts is null)
            {
                return;
            }

            if (nested || type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                facts.Add(SourceTypes.Blocked(name));
            }
            else if (typeParameters is not { Parameters.Count: > 0 })
            {
                facts.Add(SourceTypes.TopLevel(name, ns, isValueType: type.Kind() is SyntaxKind.StructDeclaration or SyntaxKind.RecordStructDeclaration or SyntaxKind.EnumDeclaration));
            }
        }
    }

    /// <summary>
    /// The identifiers of a namespace name, outermost first (<c>A.B.C</c> gives A, B, C); with
    /// <paramref name="afterGlobal"/>, a leading <c>global::</c> is allowed and dropped (a using directive's name). Null for
    /// any other name (broken code). Shared by every reader that names a namespace from syntax.
    /// </summary>
    public static List<SyntaxToken>? NamespaceIdentifiers(NameSyntax name, bool afterGlobal = false)
    {
        var identifiers = new List<SyntaxToken>();
        while (name is QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified)
        {
            identifiers.Add(right.Identifier);
            name = qualified.Left;
        }

        switch (name)
        {
            case IdentifierNameSyntax first:
                identifiers.Add(first.Identifier);
                break;
            case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: IdentifierNameSyntax first } when afterGlobal:
                identifiers.Add(first.Identifier);
                break;
            default:
                return null;
        }

        identifiers.Reverse();
        return identifiers;
    }

    /// <summary>
    /// The partial records declared in more than one part over all files (sorted, ordinal), from each file's
    /// <see cref="FileDeclarations.PartialRecords"/>: records whose members only binding can collect.
    /// </summary>
    public static EquatableArray<string> MultiPartRecords(ImmutableArray<EquatableArray<string>> partsPerFile)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var multiPart = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var parts in partsPerFile)
        {
            foreach (var id in parts)
            {
                if (!seen.Add(id))
                {
                    multiPart.Add(id);
                }
            }
        }

        return multiPart.Count == 0 ? EquatableArray<string>.Empty : multiPart.ToEquatableArray();
    }

    /// <summary>Whether <paramref name="sorted"/> (ordinal order, as <see cref="MultiPartRecords"/> gives it) contains <paramref name="value"/>.</summary>
    public static bool ContainsOrdinal(EquatableArray<string> sorted, string value)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var order = string.CompareOrdinal(sorted[middle], value);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    /// <summary><c>Bank.Accounts.Ledger`1.Entry</c>: namespaces, containing types and arities; null for a type outside them (broken code).</summary>
    public static string? TypeId(SyntaxNode type)
    {
        var parts = new List<string>();
        for (var node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax declaration when declaration.Modifiers.Any(SyntaxKind.FileKeyword):
                    return null; // a file-local type's metadata name is the compiler's (a mangled name)
                case TypeDeclarationSyntax declaration when declaration.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.StructDeclaration
                                                              or SyntaxKind.InterfaceDeclaration or SyntaxKind.RecordDeclaration
                                                              or SyntaxKind.RecordStructDeclaration:
                    parts.Add(WithArity(declaration.Identifier.ValueText, declaration.TypeParameterList));
                    break;
                case EnumDeclarationSyntax declaration:
                    parts.Add(declaration.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax declaration:
                    parts.Add(WithArity(declaration.Identifier.ValueText, declaration.TypeParameterList));
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    if (NamespaceIdentifiers(ns.Name) is not { } identifiers)
                    {
                        return null;
                    }

                    for (var i = identifiers.Count - 1; i >= 0; i--)
                    {
                        parts.Add(identifiers[i].ValueText);
                    }

                    break;
                case CompilationUnitSyntax:
                    parts.Reverse();
                    return string.Join(".", parts);
                default:
                    return null;
            }
        }

        return null;

        static string WithArity(string name, TypeParameterListSyntax? typeParameters)
            => typeParameters is { Parameters.Count: > 0 and var arity } ? name + "`" + arity : name;
    }
}
