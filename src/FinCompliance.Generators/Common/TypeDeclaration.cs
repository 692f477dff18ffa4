using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>The header of one partial type declaration: <c>partial record struct Money&lt;T&gt;</c>.</summary>
internal sealed record TypeHeader(string Keyword, string Name, string TypeParameters)
{
    public string Declaration => $"partial {Keyword} {Name}{TypeParameters}";
}

/// <summary>
/// Where a generated partial type goes: its namespace (empty for the global namespace), its containing types from
/// the outermost, and the type itself. Everything is a string, so the model compares by value.
/// </summary>
internal sealed record TypeDeclaration(string Namespace, EquatableArray<TypeHeader> ContainingTypes, TypeHeader Type, string MetadataName)
{
    /// <summary>
    /// The declaration of <paramref name="type"/>, or null when it or a containing type is not partial in source
    /// (a generated part would not compile; the analyzers report the type instead).
    /// </summary>
    public static TypeDeclaration? For(INamedTypeSymbol type)
    {
        if (!IsPartial(type))
        {
            return null;
        }

        var containing = new List<TypeHeader>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer))
            {
                return null;
            }

            containing.Add(Header(outer));
        }

        containing.Reverse();
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        return new TypeDeclaration(ns, containing.ToEquatableArray(), Header(type), Analyzers.AttributeAliases.MetadataName(type));
    }

    /// <summary>Whether every source declaration of the type says <c>partial</c> (there is at least one).</summary>
    public static bool IsPartial(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return false;
        }

        foreach (var reference in references)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the declaration and those of its containing types say <c>partial</c>: necessary for <see cref="For"/>
    /// to give a declaration (every part of a partial type must say so), decided from syntax alone.
    /// </summary>
    public static bool IsPartialWithContainers(TypeDeclarationSyntax declaration)
    {
        for (SyntaxNode? node = declaration; node is TypeDeclarationSyntax type; node = node.Parent)
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the namespace and containing types, calls <paramref name="body"/> inside the type, closes them.</summary>
    public void Write(CodeWriter writer, Action<CodeWriter> body, string? typeAttributes = null)
    {
        var scopes = new Stack<IDisposable>();
        if (Namespace.Length != 0)
        {
            scopes.Push(writer.Block("namespace " + Namespace));
        }

        foreach (var outer in ContainingTypes)
        {
            scopes.Push(writer.Block(outer.Declaration));
        }

        if (typeAttributes is not null)
        {
            writer.Line(typeAttributes);
        }

        scopes.Push(writer.Block(Type.Declaration));
        body(writer);
        while (scopes.Count != 0)
        {
            scopes.Pop().Dispose();
        }
    }

    private static TypeHeader Header(INamedTypeSymbol type)
    {
        var keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        var parameters = new StringBuilder();
        if (!type.TypeParameters.IsEmpty)
        {
            parameters.Append('<');
            for (var i = 0; i < type.TypeParameters.Length; i++)
            {
                var parameter = type.TypeParameters[i];
                if (i > 0)
                {
                    parameters.Append(", ");
                }

                parameters.Append(parameter.Variance switch
                {
                    VarianceKind.In => "in ",
                    VarianceKind.Out => "out ",
                    _ => string.Empty,
                });
                parameters.Append(GeneratedCode.Identifier(parameter.Name));
            }

            parameters.Append('>');
        }

        return new TypeHeader(keyword, GeneratedCode.Identifier(type.Name), parameters.ToString());
    }
}
