using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Whether code belongs to a promotion: a <c>[ProductPromotion]</c> type (its members, nested members and nested
/// types; derived types too, the attribute is inherited) or a <c>[ProductPromotion]</c> method, property or field.
/// </summary>
internal static class PromotionScope
{
    public static bool Contains(ISymbol? symbol, INamedTypeSymbol? productPromotion)
    {
        if (productPromotion is null)
        {
            return false;
        }

        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.HasAttribute(productPromotion)
                || (current is IMethodSymbol { AssociatedSymbol: { } associated } && associated.HasAttribute(productPromotion))
                || (current is INamedTypeSymbol type && type.BaseType.HasAttributeOnTypeOrBase(productPromotion)))
            {
                return true;
            }
        }

        return false;
    }
}
