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
/// a part of, nested ones included (input of <see cref="SourceDeclarations.MultiPartRecords"/>).
/// </summary>
internal sealed record FileDeclarations(bool DeclaresName, bool DeclaresAliasOfName, EquatableArray<string> PartialRecords);

/// <summary>Syntax-only facts about type declarations, shared by the generators' syntax readers.</summary>
internal static class SourceDeclarations
{
    /// <summary>
    /// One walk of the file's usings, namespaces and type declarations (never member bodies: C# has no local types).
    /// </summary>
    public static FileDeclarations Read(SyntaxTree tree, OwnAttributeNames names, CancellationToken cancellationToken)
    {
        var declaresName = false;
        var declaresAlias = false;
        List<string>? partialRecords = null;
        if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
        {
            CheckAliases(unit.Usings);
            Walk(unit.Members);
        }

        return new FileDeclarations(declaresName, declaresAlias, partialRecords is null ? EquatableArray<string>.Empty : partialRecords.ToEquatableArray());

        void CheckAliases(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                declaresAlias |= directive.Alias is { } alias && names.Contains(alias.Name.Identifier.ValueText);
            }
        }

        void Walk(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        CheckAliases(ns.Usings);
                        Walk(ns.Members);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        declaresName |= names.Contains(type.Identifier.ValueText);
                        if (type is TypeDeclarationSyntax withMembers)
                        {
                            if (type is RecordDeclarationSyntax && type.Modifiers.Any(SyntaxKind.PartialKeyword) && TypeId(type) is { } id)
                            {
                                (partialRecords ??= []).Add(id);
                            }

                            Walk(withMembers.Members);
                        }

                        break;
                    case DelegateDeclarationSyntax @delegate:
                        declaresName |= names.Contains(@delegate.Identifier.ValueText);
                        break;
                }
            }
        }
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
                    if (!AddNamespace(ns.Name, parts))
                    {
                        return null;
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

    /// <summary>Adds the parts of a namespace name, innermost first (the caller reverses).</summary>
    private static bool AddNamespace(NameSyntax name, List<string> parts)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                parts.Add(identifier.Identifier.ValueText);
                return true;
            case QualifiedNameSyntax qualified:
                parts.Add(qualified.Right.Identifier.ValueText);
                return AddNamespace(qualified.Left, parts);
            default:
                return false;
        }
    }
}
