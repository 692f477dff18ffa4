using System;

namespace FinCompliance;

/// <summary>
/// Marks marketing copy. Every string literal, interpolated string, constant string and concatenation
/// inside the marked declaration (nested members and types included) is promotional text, checked by
/// FIN1001 (guaranteed returns) and FIN1004 (absolute or endorsement claims). A promotion type must
/// carry a risk warning (FIN1002).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class ProductPromotionAttribute : Attribute
{
    /// <summary>Marks marketing copy for a product of the given kind.</summary>
    public ProductPromotionAttribute(ProductKind kind = ProductKind.General) => Kind = kind;

    /// <summary>The kind of product promoted; selects the standard risk warning and implied disclosures.</summary>
    public ProductKind Kind { get; }
}
