using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>
/// Reads a partial record's <see cref="MaskedRecordModel"/> from syntax alone, for the common declaration: a record class
/// in one part, outside other types, not generic, without a base list, whose printed members have predefined types
/// (<c>string</c>, <c>decimal</c>, <c>long?</c>, <c>byte[]</c>, …) and no attributes but <c>[PersonalData(…)]</c> and
/// <c>[NotPersonalData]</c>. Binding a record (its members, all their attributes, their types' attributes) runs in csc
/// before the compile, on one core, on a compilation csc then replaces (issue #6), and again on every edit in the IDE.
/// Anything else — other attributes (aliases, <c>DataClassificationAttribute</c> subclasses), other member types, parts
/// in other files — is left to <see cref="MaskedRecordParser"/>'s symbol path, which this must agree with.
/// </summary>
internal static class MaskedRecordSyntaxReader
{
    /// <summary>The attributes the reader settles: when another attribute class has one of these names, every record is bound.</summary>
    public static readonly OwnAttributeNames Names = new(["PersonalData", "NotPersonalData"]);

    /// <summary>The models of the file's partial records that the syntax settles, and the records it leaves to binding.</summary>
    public static MaskedRecordFileReading ReadFile(SyntaxTree tree, MaskedRecordReadContext context, CancellationToken cancellationToken)
    {
        var models = new List<MaskedRecordModel>();
        List<RecordDeclarationSyntax>? toBind = null;
        foreach (var record in MaskedRecordParser.PartialRecords(tree.GetRoot(cancellationToken)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!context.BySyntax || !TryRead(record, context.MultiPartRecords, out var model))
            {
                (toBind ??= []).Add(record);
            }
            else if (model is not null)
            {
                models.Add(model);
            }
        }

        return new MaskedRecordFileReading(
            models.Count == 0 ? EquatableArray<MaskedRecordModel>.Empty : models.ToEquatableArray(),
            toBind is null ? null : new PendingRecords(tree, toBind.ToImmutableArray()));
    }

    /// <summary>
    /// Whether the syntax settles <paramref name="record"/>; <paramref name="model"/> is then what
    /// <see cref="MaskedRecordParser.Parse"/> would give (null: nothing to generate).
    /// </summary>
    public static bool TryRead(RecordDeclarationSyntax record, EquatableArray<string> multiPartRecords, out MaskedRecordModel? model)
    {
        model = null;
        if (!record.IsKind(SyntaxKind.RecordDeclaration) // record struct: getters' read-only-ness decides the modifiers
            || record.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            || record.TypeParameterList is not null
            || record.BaseList is not null // a base record's members and PrintMembers, or interfaces: the syntax cannot tell
            || record.Modifiers.Any(SyntaxKind.FileKeyword)
            || !IsPlain(record.Identifier)
            || SourceDeclarations.TypeId(record) is not { } metadataName
            || SourceDeclarations.ContainsOrdinal(multiPartRecords, metadataName)
            || Namespace(record) is not { } ns)
        {
            return false;
        }

        var declaredNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in record.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax { Identifier.ValueText: "PrintMembers" }:
                    return false; // a user-written PrintMembers: the symbol path decides
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        declaredNames.Add(variable.Identifier.ValueText);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    declaredNames.Add(property.Identifier.ValueText);
                    break;
                case EventDeclarationSyntax @event:
                    declaredNames.Add(@event.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    declaredNames.Add(method.Identifier.ValueText);
                    break;
                case BaseTypeDeclarationSyntax type:
                    declaredNames.Add(type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    declaredNames.Add(@delegate.Identifier.ValueText);
                    break;
                case ConstructorDeclarationSyntax or DestructorDeclarationSyntax or OperatorDeclarationSyntax
                    or ConversionOperatorDeclarationSyntax or IndexerDeclarationSyntax:
                    break;
                default:
                    return false; // incomplete members of code being typed, and anything unforeseen
            }
        }

        var members = new List<PrintedMember>();
        var anyEvidence = false;
        foreach (var parameter in record.ParameterList?.Parameters ?? default)
        {
            // The property the compiler makes of a positional parameter, unless the body declares the member itself.
            if (parameter.Modifiers.Count != 0 || parameter.Type is null || declaredNames.Contains(parameter.Identifier.ValueText)
                || !TryShape(parameter.Type, out var shape))
            {
                return false;
            }

            // [property: …] attributes are the property's, the others the parameter's, which the symbol path also reads
            // (in that order); [field: …] ones are the backing field's, which neither path reads.
            var own = new List<ClassificationEvidence>();
            var optOut = false;
            if (!TryAddEvidence(parameter.AttributeLists, SyntaxKind.PropertyKeyword, own, ref optOut)
                || !TryAddEvidence(parameter.AttributeLists, SyntaxKind.ParamKeyword, own, ref optOut))
            {
                return false;
            }

            anyEvidence |= own.Count != 0;
            members.Add(new PrintedMember(parameter.Identifier.ValueText, shape, own.ToEquatableArray(), optOut, EquatableArray<ClassificationEvidence>.Empty));
        }

        foreach (var member in record.Members)
        {
            var own = new List<ClassificationEvidence>();
            var optOut = false;
            switch (member)
            {
                case PropertyDeclarationSyntax property:
                    if (!IsPrinted(property.Modifiers) || property.ExplicitInterfaceSpecifier is not null || !HasGetter(property))
                    {
                        continue;
                    }

                    if (property.Modifiers.Any(SyntaxKind.PartialKeyword) || !TryShape(property.Type, out var propertyShape)
                        || !TryAddEvidence(property.AttributeLists, SyntaxKind.PropertyKeyword, own, ref optOut))
                    {
                        return false;
                    }

                    anyEvidence |= own.Count != 0;
                    members.Add(new PrintedMember(property.Identifier.ValueText, propertyShape, own.ToEquatableArray(), optOut, EquatableArray<ClassificationEvidence>.Empty));
                    break;
                case FieldDeclarationSyntax field:
                    if (!IsPrinted(field.Modifiers) || field.Modifiers.Any(SyntaxKind.ConstKeyword))
                    {
                        continue;
                    }

                    if (field.Modifiers.Any(SyntaxKind.FixedKeyword) || !TryShape(field.Declaration.Type, out var fieldShape)
                        || !TryAddEvidence(field.AttributeLists, SyntaxKind.FieldKeyword, own, ref optOut))
                    {
                        return false;
                    }

                    anyEvidence |= own.Count != 0;
                    foreach (var variable in field.Declaration.Variables)
                    {
                        members.Add(new PrintedMember(variable.Identifier.ValueText, fieldShape, own.ToEquatableArray(), optOut, EquatableArray<ClassificationEvidence>.Empty));
                    }

                    break;
            }
        }

        if (anyEvidence)
        {
            var declaration = new TypeDeclaration(
                ns,
                EquatableArray<TypeHeader>.Empty,
                new TypeHeader("record", GeneratedCode.Identifier(record.Identifier.ValueText), string.Empty),
                metadataName);
            var modifiers = record.Modifiers.Any(SyntaxKind.SealedKeyword) ? "private" : "protected virtual";
            model = new MaskedRecordModel(declaration, modifiers, IsDerived: false, IsStruct: false, members.ToEquatableArray());
        }

        return true;
    }

    /// <summary>A public instance member: what the compiler's <c>PrintMembers</c> prints (overrides excepted: the base prints them).</summary>
    private static bool IsPrinted(SyntaxTokenList modifiers)
        => modifiers.Any(SyntaxKind.PublicKeyword) && !modifiers.Any(SyntaxKind.StaticKeyword) && !modifiers.Any(SyntaxKind.OverrideKeyword);

    private static bool HasGetter(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is not null)
        {
            return true;
        }

        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The shape of a predefined type, its nullable form or an array of it. None of these types has a base type or
    /// attributes that could classify a member (what the symbol path collects as evidence from the member's type).
    /// </summary>
    private static bool TryShape(TypeSyntax type, out ValueShape shape)
    {
        shape = ValueShape.Reference;
        switch (type)
        {
            case PredefinedTypeSyntax predefined:
                return TryPredefinedShape(predefined.Keyword.Kind(), out shape);
            case NullableTypeSyntax { ElementType: PredefinedTypeSyntax element }:
                if (!TryPredefinedShape(element.Keyword.Kind(), out var elementShape))
                {
                    return false;
                }

                // string? and object? are annotations; int? is Nullable<int>.
                shape = elementShape == ValueShape.Value ? ValueShape.NullableValue : elementShape;
                return true;
            case ArrayTypeSyntax array:
                shape = ValueShape.Reference;
                return TryShape(array.ElementType, out _);
            default:
                return false; // a named type: it, or a base type of it, may be personal data, which only binding tells
        }

        static bool TryPredefinedShape(SyntaxKind keyword, out ValueShape shape)
        {
            shape = keyword switch
            {
                SyntaxKind.StringKeyword => ValueShape.String,
                SyntaxKind.ObjectKeyword => ValueShape.Reference,
                _ => ValueShape.Value,
            };
            return keyword is SyntaxKind.StringKeyword or SyntaxKind.ObjectKeyword or SyntaxKind.BoolKeyword or SyntaxKind.ByteKeyword
                or SyntaxKind.SByteKeyword or SyntaxKind.CharKeyword or SyntaxKind.DecimalKeyword or SyntaxKind.DoubleKeyword
                or SyntaxKind.FloatKeyword or SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or SyntaxKind.LongKeyword
                or SyntaxKind.ULongKeyword or SyntaxKind.ShortKeyword or SyntaxKind.UShortKeyword;
        }
    }

    /// <summary>
    /// Adds the evidence of the attributes that apply to the member as <paramref name="target"/> (those without a target,
    /// or with that one; for a positional parameter the property's are <c>property:</c>, the parameter's unmarked or
    /// <c>param:</c>). False for an attribute the syntax does not settle.
    /// </summary>
    private static bool TryAddEvidence(SyntaxList<AttributeListSyntax> lists, SyntaxKind target, List<ClassificationEvidence> evidence, ref bool optOut)
    {
        foreach (var list in lists)
        {
            var listTarget = list.Target?.Identifier.Kind() ?? SyntaxKind.None;
            var applies = target switch
            {
                SyntaxKind.PropertyKeyword when list.Parent is ParameterSyntax => listTarget == SyntaxKind.PropertyKeyword,
                SyntaxKind.ParamKeyword => listTarget is SyntaxKind.None or SyntaxKind.ParamKeyword,
                _ => listTarget == SyntaxKind.None || listTarget == target,
            };
            if (!applies)
            {
                if (listTarget is SyntaxKind.None or SyntaxKind.PropertyKeyword or SyntaxKind.ParamKeyword or SyntaxKind.FieldKeyword)
                {
                    continue; // the other half of a positional parameter's lists, or a backing field's
                }

                return false;
            }

            foreach (var attribute in list.Attributes)
            {
                if (!TryAddEvidence(attribute, evidence, ref optOut))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool TryAddEvidence(AttributeSyntax attribute, List<ClassificationEvidence> evidence, ref bool optOut)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        switch (OwnName(attribute.Name))
        {
            case "PersonalData" or "PersonalDataAttribute":
                ExpressionSyntax? kindArgument = null, levelArgument = null;
                foreach (var argument in arguments)
                {
                    switch (argument)
                    {
                        case { NameColon: null, NameEquals: null } when kindArgument is null:
                            kindArgument = argument.Expression;
                            break;
                        case { NameEquals.Name.Identifier.ValueText: "Level" } when levelArgument is null:
                            levelArgument = argument.Expression;
                            break;
                        default:
                            return false;
                    }
                }

                if (kindArgument is null || !AttributeArgumentSyntax.TryPersonalData(kindArgument, levelArgument, out var kind, out var level))
                {
                    return false;
                }

                evidence.Add(new ClassificationEvidence(string.Empty, Classified: true, (int)kind, (int)(level ?? PersonalDataClass.DefaultLevel(kind))));
                return true;
            case "NotPersonalData" or "NotPersonalDataAttribute" when arguments.Count == 0:
                optOut = true; // a FinCompliance attribute: no evidence of its own
                return true;
            default:
                return false; // perhaps an alias or a DataClassificationAttribute subclass: binding tells
        }
    }

    /// <summary><c>PersonalData</c>, <c>FinCompliance.PersonalData</c> or <c>global::FinCompliance.PersonalData</c> gives <c>PersonalData</c>; null for other shapes.</summary>
    private static string? OwnName(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax { Right: IdentifierNameSyntax right, Left: var left } when IsOwnNamespace(left) => right.Identifier.ValueText,
        _ => null,
    };

    private static bool IsOwnNamespace(NameSyntax name) => name switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "FinCompliance" } => true,
        AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name.Identifier.ValueText: "FinCompliance" } => true,
        _ => false,
    };

    /// <summary>The record's namespace as the symbol path displays it (empty for the global namespace); null for a name the syntax spells otherwise.</summary>
    private static string? Namespace(RecordDeclarationSyntax record)
    {
        var parts = new List<string>();
        for (var node = record.Parent; node is BaseNamespaceDeclarationSyntax ns; node = node.Parent)
        {
            if (SourceDeclarations.NamespaceIdentifiers(ns.Name) is not { } identifiers)
            {
                return null;
            }

            for (var i = identifiers.Count - 1; i >= 0; i--)
            {
                if (!IsPlain(identifiers[i]))
                {
                    return null;
                }

                parts.Add(identifiers[i].ValueText);
            }
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    /// <summary>An identifier written as it is named: no <c>@</c>, no Unicode escapes, not a keyword.</summary>
    private static bool IsPlain(SyntaxToken identifier)
        => identifier.Text == identifier.ValueText && SyntaxFacts.GetKeywordKind(identifier.ValueText) == SyntaxKind.None
           && SyntaxFacts.GetContextualKeywordKind(identifier.ValueText) == SyntaxKind.None;
}
