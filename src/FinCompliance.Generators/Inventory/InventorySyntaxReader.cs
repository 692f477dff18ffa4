using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// Reads inventory entries from syntax alone, for the common declarations (types, properties, fields, events, a record's
/// positional parameters) whose documentation ID and attribute arguments the syntax spells out. Binding a candidate
/// (declared symbol, all its attributes) runs in csc before the compile, on one core, in code not yet optimised, and
/// on a compilation that csc then replaces (issue #6: the largest single item of FinCompliance's build cost). Anything
/// the syntax does not settle — methods, parameters, explicit implementations, attribute targets, arguments that are not
/// literals or enum members — is left to <see cref="InventoryParser"/>'s symbol path.
/// </summary>
internal static class InventorySyntaxReader
{
    private static readonly HashSet<string> AttributeNames = CreateAttributeNames();

    /// <summary>
    /// Whether an attribute whose name is a category's (<c>PersonalData</c> or <c>PersonalDataAttribute</c>, directly or
    /// through a <c>using</c> alias) can only bind to FinCompliance's attribute: no other attribute class of that name is
    /// declared in source or in a referenced assembly. When another one exists, every candidate is bound instead.
    /// </summary>
    public static bool AttributeNamesAreUnambiguous(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var symbol in compilation.GetSymbolsWithName(static name => AttributeNames.Contains(name), SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol type && !IsOwnOrNotAnAttribute(type))
            {
                return false;
            }
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var typeNames = assembly.TypeNames;
            foreach (var name in AttributeNames)
            {
                if (!typeNames.Contains(name))
                {
                    continue;
                }

                foreach (var ns in assembly.NamespaceNames)
                {
                    if (assembly.GetTypeByMetadataName(ns.Length == 0 ? name : ns + "." + name) is { } type && !IsOwnOrNotAnAttribute(type))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the entries of <paramref name="candidate"/> and returns true when the syntax settles all of them; otherwise
    /// adds nothing and returns false.
    /// </summary>
    public static bool TryRead(InventoryCandidate candidate, List<InventoryEntry> entries)
    {
        if (!TryGetTarget(candidate.Node, out var id, out var kind))
        {
            return false;
        }

        var start = entries.Count;
        foreach (var (attribute, bits) in candidate.Attributes)
        {
            var category = SingleCategory(bits);
            if (category is null
                || attribute.Parent is not AttributeListSyntax { Target: null }
                || !TryDescribe(category, attribute, out var description))
            {
                entries.RemoveRange(start, entries.Count - start);
                return false;
            }

            entries.Add(new InventoryEntry(id, kind, category, description.Kind, description.Level, description.Detail, description.RetentionYears));
        }

        return true;
    }

    /// <summary>The documentation ID and symbol kind of the declaration, as <see cref="InventoryParser"/> names them.</summary>
    private static bool TryGetTarget(SyntaxNode node, out string id, out string kind)
    {
        (id, kind) = (string.Empty, string.Empty);
        string? owner;
        switch (node)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                owner = TypeId(node);
                (id, kind) = ("T:" + owner, "Type");
                return owner is not null;
            case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null, Parent: TypeDeclarationSyntax type } property:
                owner = TypeId(type);
                (id, kind) = ("P:" + owner + "." + property.Identifier.ValueText, "Property");
                return owner is not null;
            case EventDeclarationSyntax { ExplicitInterfaceSpecifier: null, Parent: TypeDeclarationSyntax type } @event:
                owner = TypeId(type);
                (id, kind) = ("E:" + owner + "." + @event.Identifier.ValueText, "Event");
                return owner is not null;
            case VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } field } variable:
                owner = TypeId(type);
                (id, kind) = field is EventFieldDeclarationSyntax
                    ? ("E:" + owner + "." + variable.Identifier.ValueText, "Event")
                    : ("F:" + owner + "." + variable.Identifier.ValueText, "Field");
                return owner is not null;
            case ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax record } } parameter
                when IsSynthesizedProperty(record, parameter.Identifier.ValueText):
                // The property the compiler makes of a positional parameter (see InventoryParser.PositionalProperty).
                owner = TypeId(record);
                (id, kind) = ("P:" + owner + "." + parameter.Identifier.ValueText, "Property");
                return owner is not null;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the positional parameter certainly becomes a property of this record: the record is in one part, has no
    /// base list (a base record's property of that name would be used instead) and declares no member of that name.
    /// </summary>
    private static bool IsSynthesizedProperty(RecordDeclarationSyntax record, string name)
    {
        if (record.BaseList is not null || record.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return false;
        }

        foreach (var member in record.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            return false;
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                case MethodDeclarationSyntax method when method.Identifier.ValueText == name:
                case EventDeclarationSyntax @event when @event.Identifier.ValueText == name:
                case BaseTypeDeclarationSyntax type when type.Identifier.ValueText == name:
                case DelegateDeclarationSyntax @delegate when @delegate.Identifier.ValueText == name:
                    return false;
            }
        }

        return true;
    }

    /// <summary><c>Bank.Accounts.Ledger`1.Entry</c>: namespaces, containing types and arities; null for a type outside them (broken code).</summary>
    private static string? TypeId(SyntaxNode type)
    {
        var parts = new List<string>();
        for (var node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax declaration:
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

    private static string? SingleCategory(int bits)
    {
        if (bits == 0 || (bits & (bits - 1)) != 0)
        {
            return null; // aliases that make the name ambiguous: let the compiler decide
        }

        for (var i = 0; i < InventoryParser.Categories.Length; i++)
        {
            if (bits == 1 << i)
            {
                return InventoryParser.Categories[i];
            }
        }

        return null;
    }

    /// <summary>The same description as <see cref="InventoryParser"/> gives the bound attribute, from literal arguments and enum members.</summary>
    private static bool TryDescribe(string category, AttributeSyntax attribute, out InventoryDescription description)
    {
        description = default;
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = new List<ExpressionSyntax>();
        ExpressionSyntax? level = null;
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case { NameColon: not null }:
                    return false;
                case { NameEquals.Name.Identifier.ValueText: "Level" } when category == "PersonalData":
                    level = argument.Expression;
                    break;
                case { NameEquals: not null }:
                    if (category is "PersonalData" or "ProductPromotion" or "RetainedRecord" or "AuthorizedTransfer")
                    {
                        return false; // a property the symbol path would read or reject: not settled here
                    }

                    break;
                default:
                    positional.Add(argument.Expression);
                    break;
            }
        }

        switch (category)
        {
            case "PersonalData":
                if (positional.Count != 1 || !TryEnumMember(positional[0], "PersonalDataKind", out var kindName)
                    || !Enum.IsDefined(typeof(PersonalInformationKind), kindName))
                {
                    return false;
                }

                int? levelValue = null;
                if (level is not null)
                {
                    if (!TryEnumMember(level, "PersonalDataLevel", out var levelName) || !Enum.IsDefined(typeof(SensitivityLevel), levelName))
                    {
                        return false;
                    }

                    levelValue = (int)Enum.Parse(typeof(SensitivityLevel), levelName);
                }

                description = InventoryDescription.PersonalData((int)Enum.Parse(typeof(PersonalInformationKind), kindName), levelValue);
                return true;
            case "ProductPromotion":
                var product = 0;
                if (positional.Count > 1 || positional.Count == 1 && !TryProductKind(positional[0], out product))
                {
                    return false;
                }

                description = InventoryDescription.ProductPromotion(product);
                return true;
            case "RetainedRecord":
                var years = 0;
                switch (positional)
                {
                    case []:
                        break;
                    case [LiteralExpressionSyntax { Token.Value: int value }]:
                        years = value;
                        break;
                    default:
                        return false;
                }

                description = InventoryDescription.RetainedRecord(years);
                return true;
            case "AuthorizedTransfer":
                if (positional is not [LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } text])
                {
                    return false;
                }

                description = InventoryDescription.AuthorizedTransfer(text.Token.ValueText);
                return true;
            default:
                description = InventoryDescription.None;
                return true;
        }

        static bool TryProductKind(ExpressionSyntax expression, out int value)
        {
            value = Array.IndexOf(InventoryParser.ProductKindNames, TryEnumMember(expression, "ProductKind", out var name) ? name : null);
            return value >= 0;
        }
    }

    /// <summary><c>PersonalDataKind.Phone</c> (qualified or not) gives <c>Phone</c>.</summary>
    private static bool TryEnumMember(ExpressionSyntax expression, string enumName, out string member)
    {
        member = string.Empty;
        if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access)
        {
            return false;
        }

        var owner = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax right } => right.Identifier.ValueText,
            _ => null,
        };
        member = name.Identifier.ValueText;
        return owner == enumName;
    }

    private static bool IsOwnOrNotAnAttribute(INamedTypeSymbol type)
    {
        if (type is { ContainingType: null, ContainingNamespace: { Name: "FinCompliance", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> CreateAttributeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in InventoryParser.Categories)
        {
            names.Add(category);
            names.Add(category + "Attribute");
        }

        return names;
    }
}
