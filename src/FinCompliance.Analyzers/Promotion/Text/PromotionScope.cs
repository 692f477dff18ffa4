using System;
using System.Runtime.CompilerServices;
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
    private readonly FinComplianceAttributes attributes;
    private readonly INamedTypeSymbol productPromotion;
    private readonly SymbolAnswers types = new();

    // Made once: a method group converted at each call is a new delegate per operation block (3 MB at 2,100 files).
    private readonly Func<ISymbol, byte> includesType;

    public PromotionScope(FinComplianceAttributes attributes, INamedTypeSymbol productPromotion)
    {
        this.attributes = attributes;
        this.productPromotion = productPromotion;
        includesType = type => IncludesType((INamedTypeSymbol)type) ? (byte)1 : (byte)0;
    }

    /// <summary>Whether <paramref name="symbol"/> (a member, type or local function) is inside a promotion.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool Includes(ISymbol? symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol type)
            {
                return types.GetOrAdd(type, includesType) != 0;
            }

            if (IsMarkedMember(current, attributes, productPromotion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> is inside a promotion, without the per-type cache.</summary>
    public bool Contains(ISymbol? symbol) => Contains(symbol, attributes, productPromotion);

    public static bool Contains(ISymbol? symbol, FinComplianceAttributes attributes, INamedTypeSymbol? productPromotion)
    {
        if (productPromotion is null)
        {
            return false;
        }

        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (IsMarkedMember(current, attributes, productPromotion)
                || (current is INamedTypeSymbol type && attributes.HasOnTypeOrBase(type.BaseType, productPromotion)))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool IsMarkedMember(ISymbol symbol, FinComplianceAttributes attributes, INamedTypeSymbol productPromotion)
        => attributes.Has(symbol, productPromotion)
           || (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && attributes.Has(associated, productPromotion));

    private bool IncludesType(INamedTypeSymbol type)
        => attributes.Has(type, productPromotion)
           || attributes.HasOnTypeOrBase(type.BaseType, productPromotion)
           || (type.ContainingSymbol is { } container and not INamespaceSymbol && Includes(container));
}
