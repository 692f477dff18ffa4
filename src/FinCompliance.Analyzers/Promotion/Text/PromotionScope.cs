using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Whether code belongs to a promotion: a <c>[ProductPromotion]</c> type (its members, nested members and nested
/// types; derived types too, the attribute is inherited) or a <c>[ProductPromotion]</c> method, property or field.
/// An instance answers for one compilation and remembers the answer for each type (the type part of the test walks
/// base and containing types, and every member of the type asks it again).
/// </summary>
internal sealed class PromotionScope
{
    private readonly INamedTypeSymbol productPromotion;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> types = new(SymbolEqualityComparer.Default);

    public PromotionScope(INamedTypeSymbol productPromotion) => this.productPromotion = productPromotion;

    /// <summary>Whether <paramref name="symbol"/> (a member, type or local function) is inside a promotion.</summary>
    public bool Includes(ISymbol? symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol type)
            {
                return types.GetOrAdd(type, IncludesType);
            }

            if (IsMarkedMember(current, productPromotion))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Contains(ISymbol? symbol, INamedTypeSymbol? productPromotion)
    {
        if (productPromotion is null)
        {
            return false;
        }

        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (IsMarkedMember(current, productPromotion)
                || (current is INamedTypeSymbol type && type.BaseType.HasAttributeOnTypeOrBase(productPromotion)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarkedMember(ISymbol symbol, INamedTypeSymbol productPromotion)
        => symbol.HasAttribute(productPromotion)
           || (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && associated.HasAttribute(productPromotion));

    private bool IncludesType(INamedTypeSymbol type)
        => type.HasAttribute(productPromotion)
           || type.BaseType.HasAttributeOnTypeOrBase(productPromotion)
           || (type.ContainingSymbol is { } container and not INamespaceSymbol && Includes(container));
}
