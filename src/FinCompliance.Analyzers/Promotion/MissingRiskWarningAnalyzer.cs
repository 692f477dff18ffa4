using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Promotion;

/// <summary>
/// FIN1002: a <c>[ProductPromotion]</c> type, or a type with a <c>[ProductPromotion]</c> member, without a non-empty
/// <c>[RiskWarning]</c> field or property of its own, inherited, or implementing an interface property marked
/// <c>[RiskWarning]</c>. An abstract promotion is judged through each concrete type derived from it. Members of every partial part count (generated
/// ones too). A warning whose value is a null, empty or whitespace constant counts as missing; a value that is not
/// a constant (computed, read from resources, assigned in a constructor) is trusted.
/// </summary>
public sealed class MissingRiskWarningAnalyzer : FinComplianceAnalyzer
{
    /// <summary>Diagnostic property: the <c>ProductKind</c> value of the promotion, for the code fix.</summary>
    public const string ProductKindProperty = "ProductKind";

    public MissingRiskWarningAnalyzer()
        : base(Rules.MissingRiskWarning)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.ProductPromotion is not { } productPromotion || symbols.RiskWarning is not { } riskWarning)
        {
            return;
        }

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(
            symbolContext => AnalyzeType(symbolContext, attributes, productPromotion, riskWarning), SymbolKind.NamedType);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeType(
        SymbolAnalysisContext context, FinComplianceAttributes attributes, INamedTypeSymbol productPromotion, INamedTypeSymbol riskWarning)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        // promotion is null for an alias: it means [ProductPromotion] without arguments (ProductKind.General).
        if (attributes.TryGet(type, productPromotion, out var promotion))
        {
            if (type.IsAbstract)
            {
                // An abstract campaign base is never shown itself: each concrete campaign derived from it is judged.
                return;
            }
        }
        else if (!MemberPromotion(type, attributes, productPromotion, out promotion)
                 && !AbstractBasePromotion(type, attributes, productPromotion, out promotion))
        {
            return;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (attributes.Has(member, riskWarning) && !IsEmpty(member, context.CancellationToken))
                {
                    return;
                }
            }
        }

        // interface IPromotion { [RiskWarning] string RiskWarning { get; } }: the implementation supplies the text.
        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers())
            {
                if (member is IPropertySymbol && attributes.Has(member, riskWarning)
                    && type.FindImplementationForInterfaceMember(member) is { } implementation
                    && !IsEmpty(implementation, context.CancellationToken))
                {
                    return;
                }
            }
        }

        var kind = promotion?.GetArgument(0, "Kind")?.Value is int value ? value : 0;
        var location = NameLocation(type);
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.MissingRiskWarning, location,
            ImmutableDictionary<string, string?>.Empty.Add(ProductKindProperty, kind.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            type.Name));
    }

    /// <summary>Whether a member of the type is a promotion; <paramref name="promotion"/> is the first one's attribute.</summary>
    private static bool MemberPromotion(
        INamedTypeSymbol type, FinComplianceAttributes attributes, INamedTypeSymbol productPromotion, out AttributeData? promotion)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol or IPropertySymbol or IFieldSymbol && !member.IsImplicitlyDeclared
                && attributes.TryGet(member, productPromotion, out promotion))
            {
                return true;
            }
        }

        promotion = null;
        return false;
    }

    /// <summary>
    /// The <c>[ProductPromotion]</c> of the nearest abstract base of a concrete <paramref name="type"/> when no
    /// concrete type lies between them (a concrete base is judged itself, and its derived types with it).
    /// </summary>
    private static bool AbstractBasePromotion(
        INamedTypeSymbol type, FinComplianceAttributes attributes, INamedTypeSymbol productPromotion, out AttributeData? promotion)
    {
        promotion = null;
        if (type.IsAbstract)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (!current.IsAbstract)
            {
                return false;
            }

            if (attributes.TryGet(current, productPromotion, out promotion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a [RiskWarning] member's text is a null, empty or whitespace constant.</summary>
    private static bool IsEmpty(ISymbol member, System.Threading.CancellationToken cancellationToken)
    {
        if (member is IFieldSymbol { IsConst: true } constant)
        {
            return constant.ConstantValue is not string text || string.IsNullOrWhiteSpace(text);
        }

        if (member is not (IFieldSymbol or IPropertySymbol))
        {
            return true; // the attribute is only valid on fields and properties
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var value = syntax switch
            {
                VariableDeclaratorSyntax field => field.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value
                    ?? property.ExpressionBody?.Expression
                    ?? GetterValue(property.AccessorList),
                _ => null,
            };
            if (value is not null)
            {
                return IsEmptyConstant(value);
            }
        }

        // No initializer: a non-constant value (set in a constructor, computed) is trusted.
        return false;
    }

    private static ExpressionSyntax? GetterValue(AccessorListSyntax? accessors)
    {
        if (accessors is null)
        {
            return null;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Keyword.ValueText != "get")
            {
                continue;
            }

            if (accessor.ExpressionBody is { } arrow)
            {
                return arrow.Expression;
            }

            if (accessor.Body is { Statements: [ReturnStatementSyntax { Expression: { } returned }] })
            {
                return returned;
            }
        }

        return null;
    }

    private static bool IsEmptyConstant(ExpressionSyntax value) => value switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value is not string text || string.IsNullOrWhiteSpace(text),
        DefaultExpressionSyntax => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: var target }
            => target.ToString() is "string" or "String" or "System.String" or "global::System.String",
        ParenthesizedExpressionSyntax parenthesized => IsEmptyConstant(parenthesized.Expression),
        _ => false,
    };

    private static Location NameLocation(INamedTypeSymbol type)
    {
        foreach (var location in type.Locations)
        {
            if (location.IsInSource && !IsGeneratedPath(location.SourceTree?.FilePath))
            {
                return location;
            }
        }

        return type.Locations.IsEmpty ? Location.None : type.Locations[0];
    }

    private static bool IsGeneratedPath(string? path)
        => path is not null && (path.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase)
                                || path.EndsWith(".generated.cs", System.StringComparison.OrdinalIgnoreCase));
}
