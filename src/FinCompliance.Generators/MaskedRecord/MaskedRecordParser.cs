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
/// Finds partial records whose printed members may be personal data and builds their <see cref="MaskedRecordModel"/>;
/// then, once the attribute aliases are known, decides which members are masked (<see cref="Resolve"/>).
/// </summary>
/// <remarks>
/// Classification follows <c>PersonalDataClassifier.Classify</c> (own attribute, then <c>[NotPersonalData]</c>, then
/// the member's type and its base types; <c>[PersonalData]</c>, aliases, <c>DataClassificationAttribute</c>
/// subclasses), but in two halves: the symbol half here, keeping only names, and the alias half in
/// <see cref="Resolve"/>, because a generator cannot read the options inside a <c>ForAttributeWithMetadataName</c>
/// transform and its models must not hold symbols.
/// </remarks>
internal static class MaskedRecordParser
{
    private const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
    private const string NotPersonalDataName = "FinCompliance.NotPersonalDataAttribute";

    /// <summary>Whether a file declares a partial record. Syntax only: it does not look inside members.</summary>
    public static bool DeclaresPartialRecord(SyntaxTree tree)
    {
        foreach (var _ in PartialRecords(tree.GetRoot()))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// The models of the records <see cref="MaskedRecordSyntaxReader"/> left to binding (null-free; records without
    /// evidence are skipped).
    /// </summary>
    public static EquatableArray<MaskedRecordModel> ParseRecords(PendingRecords pending, Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new List<MaskedRecordModel>();
        var semanticModel = compilation.GetSemanticModel(pending.Tree);
        foreach (var record in pending.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (semanticModel.GetDeclaredSymbol(record, cancellationToken) is { } type
                && Parse(type, compilation, cancellationToken) is { } model)
            {
                result.Add(model);
            }
        }

        return result.Count == 0 ? EquatableArray<MaskedRecordModel>.Empty : result.ToEquatableArray();
    }

    /// <summary>
    /// The partial record declarations of a file, nested ones included. C# has no local types, so the walk visits
    /// namespaces and type declarations only and never enters a member's body.
    /// </summary>
    public static IEnumerable<RecordDeclarationSyntax> PartialRecords(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count != 0)
        {
            var node = pending.Pop();
            var members = node switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax type => type.Members,
                _ => default,
            };

            if (node is RecordDeclarationSyntax record && record.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                yield return record;
            }

            for (var i = members.Count - 1; i >= 0; i--)
            {
                if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                {
                    pending.Push(members[i]);
                }
            }
        }
    }

    public static MaskedRecordModel? Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!type.IsRecord || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        var declaration = TypeDeclaration.For(type);
        if (declaration is null || HasUserPrintMembers(type))
        {
            return null;
        }

        var isStruct = type.TypeKind == TypeKind.Struct;
        var isDerived = !isStruct && type.BaseType is { SpecialType: not SpecialType.System_Object };
        if (isDerived && !CanOverridePrintMembers(type.BaseType!))
        {
            return null;
        }

        var personalData = compilation.GetTypeByMetadataName("FinCompliance.PersonalDataAttribute");
        var notPersonalData = compilation.GetTypeByMetadataName(NotPersonalDataName);
        var dataClassification = compilation.GetTypeByMetadataName(DataClassificationAttributeName);
        var primaryConstructorParameters = PrimaryConstructorParameters(type, cancellationToken);

        var members = ImmutableArray.CreateBuilder<PrintedMember>();
        var anyEvidence = false;
        var gettersReadOnly = true;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITypeSymbol memberType;
            switch (member)
            {
                case IFieldSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } field:
                    memberType = field.Type;
                    break;
                case IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false, IsOverride: false, GetMethod: { } getter } property:
                    memberType = property.Type;
                    gettersReadOnly &= getter.IsReadOnly;
                    break;
                default:
                    continue;
            }

            if (memberType is IPointerTypeSymbol or IFunctionPointerTypeSymbol || memberType.IsRefLikeType)
            {
                return null; // the compiler's own output for these is not worth imitating
            }

            var own = new List<ClassificationEvidence>();
            AddEvidence(member, personalData, dataClassification, own);
            var optOut = member.HasAttribute(notPersonalData);
            if (member is IPropertySymbol && primaryConstructorParameters.TryGetValue(member.Name, out var parameter))
            {
                // [PersonalData] on a positional parameter applies to the parameter, not to the property.
                AddEvidence(parameter, personalData, dataClassification, own);
                optOut |= parameter.HasAttribute(notPersonalData);
            }

            var fromType = new List<ClassificationEvidence>();
            for (var current = Unwrap(memberType); current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
            {
                AddEvidence(current, personalData, dataClassification, fromType);
            }

            anyEvidence |= own.Count != 0 || fromType.Count != 0;
            members.Add(new PrintedMember(
                member.Name,
                ShapeOf(memberType),
                own.ToEquatableArray(),
                optOut,
                fromType.ToEquatableArray()));
        }

        if (!anyEvidence)
        {
            return null;
        }

        var modifiers = isStruct
            ? (type.IsReadOnly || gettersReadOnly ? "private readonly" : "private")
            : isDerived ? "protected override" : type.IsSealed ? "private" : "protected virtual";
        return new MaskedRecordModel(declaration, modifiers, isDerived, isStruct, members.ToImmutable().ToEquatableArray());
    }

    /// <summary>Classifies the members with the aliases known; null when no printed member is C2 or C3.</summary>
    public static MaskedRecordTarget? Resolve(MaskedRecordModel model, AttributeAliases aliases)
    {
        var members = ImmutableArray.CreateBuilder<ResolvedMember>(model.Members.Count);
        var anyProtected = false;
        foreach (var member in model.Members)
        {
            var classification = Classify(member, aliases);
            if (classification is { IsProtected: true } protectedData)
            {
                anyProtected = true;
                members.Add(new ResolvedMember(member.Name, member.Shape, protectedData.Kind.ToString(), protectedData.Level == SensitivityLevel.C3));
            }
            else
            {
                members.Add(new ResolvedMember(member.Name, member.Shape, string.Empty, FullyMasked: false));
            }
        }

        return anyProtected
            ? new MaskedRecordTarget(model.Declaration, model.Modifiers, model.IsDerived, model.IsStruct, members.MoveToImmutable().ToEquatableArray())
            : null;
    }

    /// <summary>Same order as <c>PersonalDataClassifier.Classify</c>.</summary>
    internal static PersonalDataClass? Classify(PrintedMember member, AttributeAliases aliases)
    {
        var own = First(member.Own, aliases);
        if (own is not null)
        {
            return own;
        }

        if (member.NotPersonalData || (!aliases.IsEmpty && member.Own.Any(e => e.AliasName.Length != 0 && aliases.IsAliasOf(e.AliasName, NotPersonalDataName))))
        {
            return null;
        }

        return First(member.FromType, aliases);
    }

    private static PersonalDataClass? First(EquatableArray<ClassificationEvidence> evidence, AttributeAliases aliases)
    {
        foreach (var item in evidence)
        {
            if (item.AliasName.Length != 0 && aliases.PersonalDataOf(item.AliasName) is { } aliased)
            {
                return aliased;
            }

            if (item.Classified)
            {
                return new PersonalDataClass((PersonalInformationKind)item.Kind, (SensitivityLevel)item.Level);
            }
        }

        return null;
    }

    private static void AddEvidence(ISymbol symbol, INamedTypeSymbol? personalData, INamedTypeSymbol? dataClassification, List<ClassificationEvidence> evidence)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, personalData))
            {
                var kind = attribute.ConstructorArguments is [{ Value: int kindValue }]
                    && System.Enum.IsDefined(typeof(PersonalInformationKind), kindValue)
                    ? (PersonalInformationKind)kindValue
                    : PersonalInformationKind.Other;
                var level = PersonalDataClass.DefaultLevel(kind);
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Level" && named.Value.Value is int levelValue and >= 1 and <= 3)
                    {
                        level = (SensitivityLevel)levelValue;
                    }
                }

                evidence.Add(new ClassificationEvidence(string.Empty, Classified: true, (int)kind, (int)level));
                continue;
            }

            if (attributeClass.ContainingNamespace?.ToDisplayString() == "FinCompliance")
            {
                continue; // other FinCompliance attributes classify nothing here and cannot be aliases
            }

            var isDataClassification = false;
            for (var baseType = attributeClass.BaseType; baseType is not null && dataClassification is not null; baseType = baseType.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(baseType, dataClassification))
                {
                    isDataClassification = true;
                    break;
                }
            }

            evidence.Add(new ClassificationEvidence(
                AttributeAliases.MetadataName(attributeClass),
                isDataClassification,
                (int)PersonalInformationKind.Other,
                (int)SensitivityLevel.C2));
        }
    }

    private static bool HasUserPrintMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers("PrintMembers"))
        {
            if (member is IMethodSymbol { IsImplicitlyDeclared: false })
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanOverridePrintMembers(INamedTypeSymbol baseType)
    {
        if (!baseType.IsRecord)
        {
            return false; // an error the compiler reports
        }

        foreach (var member in baseType.GetMembers("PrintMembers"))
        {
            if (member is IMethodSymbol { IsSealed: true })
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, IParameterSymbol> PrimaryConstructorParameters(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IParameterSymbol>(System.StringComparer.Ordinal);
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax { ParameterList: not null })
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        result[parameter.Name] = parameter;
                    }
                }
            }
        }

        return result;
    }

    private static ITypeSymbol? Unwrap(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static ValueShape ShapeOf(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_String } => ValueShape.String,
        ITypeParameterSymbol { IsValueType: false } => ValueShape.TypeParameter,
        INamedTypeSymbol { ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } => ValueShape.NullableValue,
        { IsValueType: true } => ValueShape.Value,
        _ => ValueShape.Reference,
    };
}
