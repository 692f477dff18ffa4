using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// Reads inventory entries from syntax alone, for the common declarations (types, properties, fields, events, a record's
/// positional parameters, methods and constructors whose parameter types are predefined, and their parameters) whose
/// documentation ID and attribute arguments the syntax spells out; other methods, constructors and their parameters get
/// their ID from the project's types where those settle it (<see cref="TryGetNamedId"/>), else bind only their ID.
/// Binding a candidate (declared symbol, all its attributes) runs in csc
/// before the compile, on one core, in code not yet optimised, and on a compilation that csc then replaces (issue #6: the
/// largest single item of FinCompliance's build cost). Anything the syntax does not settle — other members, attribute
/// targets, arguments that are not literals or enum members — is left to <see cref="InventoryParser"/>'s symbol path.
/// </summary>
internal static class InventorySyntaxReader
{
    /// <summary>
    /// The categories' attribute names (<c>PersonalData</c> or <c>PersonalDataAttribute</c>, …): when they are unambiguous
    /// (<see cref="OwnAttributeNames.AreUnambiguous(Compilation, bool, CancellationToken)"/>) most candidates are read from
    /// syntax; when another attribute class of such a name exists, every candidate is bound instead.
    /// </summary>
    public static readonly OwnAttributeNames Names = new(InventoryParser.Categories);

    /// <summary>
    /// Reads what the syntax settles of <paramref name="candidate"/> into <paramref name="entries"/>:
    /// <see cref="SyntaxReading.Read"/> adds its entries; <see cref="SyntaxReading.NeedsBoundId"/> adds them without a
    /// symbol (a method, constructor or parameter whose documentation ID needs the parameter types bound, see
    /// <see cref="TryGetBoundId"/>); <see cref="SyntaxReading.NotSettled"/> adds nothing. A partial record's positional
    /// parameters are read only when <paramref name="multiPartRecords"/> (<see cref="SourceDeclarations.MultiPartRecords"/>) is given and does
    /// not list the record.
    /// </summary>
    public static SyntaxReading Read(InventoryCandidate candidate, List<InventoryEntry> entries, EquatableArray<string>? multiPartRecords = null)
    {
        var start = entries.Count;
        foreach (var (attribute, bits) in candidate.Attributes)
        {
            var category = SingleCategory(bits);
            if (category is null
                || attribute.Parent is not AttributeListSyntax list
                || !(list.Target is null || IsPositionalPropertyTarget(list.Target, candidate.Node))
                || !TryDescribe(category, attribute, out var description))
            {
                entries.RemoveRange(start, entries.Count - start);
                return SyntaxReading.NotSettled;
            }

            entries.Add(new InventoryEntry(string.Empty, string.Empty, category, description.Kind, description.Level, description.Detail, description.RetentionYears));
        }

        if (TryGetTarget(candidate.Node, multiPartRecords, out var id, out var kind))
        {
            for (var i = start; i < entries.Count; i++)
            {
                entries[i] = entries[i] with { Symbol = id, SymbolKind = kind };
            }

            return SyntaxReading.Read;
        }

        if (MethodOrConstructorOf(candidate.Node) is not null)
        {
            return SyntaxReading.NeedsBoundId;
        }

        entries.RemoveRange(start, entries.Count - start);
        return SyntaxReading.NotSettled;
    }

    /// <summary>
    /// <c>[property: …]</c> on a record's positional parameter: the attribute is the property's, which is what the
    /// inventory lists for such a parameter anyway (when <see cref="IsSynthesizedProperty"/> settles which property it is).
    /// </summary>
    private static bool IsPositionalPropertyTarget(AttributeTargetSpecifierSyntax target, SyntaxNode node)
        => target.Identifier.IsKind(SyntaxKind.PropertyKeyword) && node is ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } };

    /// <summary>
    /// The documentation ID and kind of a method or constructor, or of one of their parameters (<c>M:…/amount</c>), from
    /// the declared symbol, for a candidate <see cref="Read"/> answered <see cref="SyntaxReading.NeedsBoundId"/>;
    /// <paramref name="id"/> is null when the declaration has none (the symbol path lists nothing for it either).
    /// </summary>
    public static bool TryGetBoundId(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken, out string? id, out string kind)
    {
        (id, kind) = (null, string.Empty);
        if (MethodOrConstructorOf(node) is not { } declaration)
        {
            return false;
        }

        var owner = semanticModel.GetDeclaredSymbol(declaration, cancellationToken)?.GetDocumentationCommentId();
        (id, kind) = node is ParameterSyntax parameter
            ? (owner is null ? null : owner + "/" + parameter.Identifier.ValueText, "Parameter")
            : (owner, "Method");
        return true;
    }

    /// <summary>
    /// The documentation ID and kind of a method or constructor, or of one of their parameters, from syntax: when every
    /// parameter type is predefined or, given <paramref name="types"/>, one of the project's that it names
    /// (<see cref="SourceTypes.TryResolve"/>; for a candidate <see cref="Read"/> answered
    /// <see cref="SyntaxReading.NeedsBoundId"/>); false when only binding can.
    /// </summary>
    public static bool TryGetNamedId(SyntaxNode node, SourceTypes? types, out string id, out string kind)
    {
        (id, kind) = (string.Empty, string.Empty);
        if (MethodOrConstructorOf(node) is not { } method || MethodId(method, types) is not { } owner)
        {
            return false;
        }

        (id, kind) = node is ParameterSyntax parameter
            ? ("M:" + owner + "/" + parameter.Identifier.ValueText, "Parameter")
            : ("M:" + owner, "Method");
        return true;
    }

    /// <summary>
    /// The method or constructor whose documentation ID a candidate's ID is made from: the declaration itself, or the one
    /// whose parameter it is; null for every other node. <see cref="Read"/>, <see cref="TryGetBoundId"/> and the syntax
    /// IDs share it, so that a candidate left for its ID is always one that can be given one.
    /// </summary>
    private static BaseMethodDeclarationSyntax? MethodOrConstructorOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax or ConstructorDeclarationSyntax => (BaseMethodDeclarationSyntax)node,
        ParameterSyntax { Parent: ParameterListSyntax { Parent: BaseMethodDeclarationSyntax method and (MethodDeclarationSyntax or ConstructorDeclarationSyntax) } } => method,
        _ => null,
    };

    /// <summary>The documentation ID and symbol kind of the declaration, as <see cref="InventoryParser"/> names them.</summary>
    private static bool TryGetTarget(SyntaxNode node, EquatableArray<string>? multiPartRecords, out string id, out string kind)
    {
        (id, kind) = (string.Empty, string.Empty);
        string? owner;
        if (MethodOrConstructorOf(node) is not null)
        {
            return TryGetNamedId(node, types: null, out id, out kind);
        }

        switch (node)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                owner = SourceDeclarations.TypeId(node);
                (id, kind) = ("T:" + owner, "Type");
                return owner is not null;
            case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null, Parent: TypeDeclarationSyntax type } property:
                owner = SourceDeclarations.TypeId(type);
                (id, kind) = ("P:" + owner + "." + property.Identifier.ValueText, "Property");
                return owner is not null;
            case EventDeclarationSyntax { ExplicitInterfaceSpecifier: null, Parent: TypeDeclarationSyntax type } @event:
                owner = SourceDeclarations.TypeId(type);
                (id, kind) = ("E:" + owner + "." + @event.Identifier.ValueText, "Event");
                return owner is not null;
            case VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } field } variable:
                owner = SourceDeclarations.TypeId(type);
                (id, kind) = field is EventFieldDeclarationSyntax
                    ? ("E:" + owner + "." + variable.Identifier.ValueText, "Event")
                    : ("F:" + owner + "." + variable.Identifier.ValueText, "Field");
                return owner is not null;
            case ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax record } } parameter
                when IsSynthesizedProperty(record, parameter.Identifier.ValueText, multiPartRecords):
                // The property the compiler makes of a positional parameter (see InventoryParser.PositionalProperty).
                owner = SourceDeclarations.TypeId(record);
                (id, kind) = ("P:" + owner + "." + parameter.Identifier.ValueText, "Property");
                return owner is not null;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the positional parameter certainly becomes a property of this record: the record is in one part (a
    /// partial record whose other parts, if any, are known: <paramref name="multiPartRecords"/>), has no base list (a base
    /// record's property of that name would be used instead) and declares no member of that name.
    /// </summary>
    private static bool IsSynthesizedProperty(RecordDeclarationSyntax record, string name, EquatableArray<string>? multiPartRecords)
    {
        if (record.BaseList is not null)
        {
            return false;
        }

        // A partial record in one part is the common case (partial only so that the masked-record generator can add its
        // PrintMembers); another part could declare the member or the base list.
        if (record.Modifiers.Any(SyntaxKind.PartialKeyword)
            && (multiPartRecords is null || SourceDeclarations.TypeId(record) is not { } id || SourceDeclarations.ContainsOrdinal(multiPartRecords, id)))
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

    /// <summary>
    /// <c>Bank.Payments.Collect(System.Decimal,System.String@)</c> for a method or constructor of a type whose parameter
    /// types are all predefined (<c>decimal</c>, <c>string?</c>, <c>int[]</c>, <c>long?</c>, <c>ref</c> / <c>out</c> /
    /// <c>in</c> ones) or the project's own types written as a simple name that <paramref name="types"/> settles
    /// (<c>Customer</c>, <c>Money?</c>, <c>Product[]</c>); null for anything else (a type that needs binding to be named,
    /// a generic method, an explicit implementation), which then binds its ID.
    /// </summary>
    private static string? MethodId(BaseMethodDeclarationSyntax node, SourceTypes? types)
    {
        var (name, parameters, type) = node switch
        {
            MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null, TypeParameterList: null, Parent: TypeDeclarationSyntax parent } method
                => (method.Identifier.ValueText, method.ParameterList, parent),
            ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax parent } constructor
                => (constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? "#cctor" : "#ctor", constructor.ParameterList, parent),
            _ => (null, null, null),
        };
        if (name is null || parameters is null || SourceDeclarations.TypeId(type!) is not { } owner)
        {
            return null;
        }

        if (parameters.Parameters.Count == 0)
        {
            return owner + "." + name;
        }

        var id = new System.Text.StringBuilder(owner).Append('.').Append(name).Append('(');
        for (var i = 0; i < parameters.Parameters.Count; i++)
        {
            var parameter = parameters.Parameters[i];
            if (parameter.Type is null || !AppendType(parameter.Type, id.Append(i == 0 ? "" : ",")))
            {
                return null;
            }

            foreach (var modifier in parameter.Modifiers)
            {
                if (modifier.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword)
                {
                    id.Append('@');
                    break;
                }
            }
        }

        return id.Append(')').ToString();

        bool AppendType(TypeSyntax type, System.Text.StringBuilder id)
        {
            switch (type)
            {
                case PredefinedTypeSyntax predefined when PredefinedName(predefined.Keyword.Kind()) is { } systemName:
                    id.Append("System.").Append(systemName);
                    return true;
                case IdentifierNameSyntax name when types is not null && types.TryResolve(name, out var typeId, out _):
                    id.Append(typeId);
                    return true;
                case NullableTypeSyntax { ElementType: PredefinedTypeSyntax element } when element.Keyword.Kind() is SyntaxKind.StringKeyword or SyntaxKind.ObjectKeyword:
                    return AppendType(element, id); // a nullable reference type: the annotation is not part of the ID
                case NullableTypeSyntax { ElementType: IdentifierNameSyntax element } when types is not null && types.TryResolve(element, out var typeId, out var isValueType):
                    id.Append(isValueType ? "System.Nullable{" + typeId + "}" : typeId);
                    return true;
                case NullableTypeSyntax { ElementType: PredefinedTypeSyntax element }:
                    id.Append("System.Nullable{");
                    if (!AppendType(element, id))
                    {
                        return false;
                    }

                    id.Append('}');
                    return true;
                case ArrayTypeSyntax array when array.RankSpecifiers.All(static rank => rank.Rank == 1):
                    if (!AppendType(array.ElementType, id))
                    {
                        return false;
                    }

                    foreach (var _ in array.RankSpecifiers)
                    {
                        id.Append("[]");
                    }

                    return true;
                default:
                    return false;
            }
        }

        static string? PredefinedName(SyntaxKind keyword) => keyword switch
        {
            SyntaxKind.BoolKeyword => "Boolean",
            SyntaxKind.ByteKeyword => "Byte",
            SyntaxKind.SByteKeyword => "SByte",
            SyntaxKind.CharKeyword => "Char",
            SyntaxKind.DecimalKeyword => "Decimal",
            SyntaxKind.DoubleKeyword => "Double",
            SyntaxKind.FloatKeyword => "Single",
            SyntaxKind.IntKeyword => "Int32",
            SyntaxKind.UIntKeyword => "UInt32",
            SyntaxKind.LongKeyword => "Int64",
            SyntaxKind.ULongKeyword => "UInt64",
            SyntaxKind.ShortKeyword => "Int16",
            SyntaxKind.UShortKeyword => "UInt16",
            SyntaxKind.ObjectKeyword => "Object",
            SyntaxKind.StringKeyword => "String",
            _ => null, // void (not a parameter type), and nint / nuint / dynamic, whose IDs are left to the compiler
        };
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
                if (positional.Count != 1 || !AttributeArgumentSyntax.TryPersonalData(positional[0], level, out var kind, out var levelValue))
                {
                    return false;
                }

                description = InventoryDescription.PersonalData((int)kind, (int?)levelValue);
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
            value = Array.IndexOf(InventoryParser.ProductKindNames, AttributeArgumentSyntax.TryEnumMember(expression, "ProductKind", out var name) ? name : null);
            return value >= 0;
        }
    }
}

/// <summary>What <see cref="InventorySyntaxReader.Read"/> settled of a candidate.</summary>
internal enum SyntaxReading
{
    /// <summary>Nothing: the candidate is bound whole.</summary>
    NotSettled,

    /// <summary>Its entries, documentation ID included.</summary>
    Read,

    /// <summary>Its entries, without the documentation ID, which needs binding.</summary>
    NeedsBoundId,
}
