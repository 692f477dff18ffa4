using System;

namespace FinCompliance;

/// <summary>
/// The type must disclose these items, each through a <see cref="DisclosureAttribute"/> member (FIN1005).
/// <c>[ProductPromotion(ProductKind.Crowdfunding)]</c> implies BusinessModel, Management, Financials and UseOfFunds.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
public sealed class RequiresDisclosureAttribute : Attribute
{
    /// <summary>Requires the given disclosure items.</summary>
    public RequiresDisclosureAttribute(params DisclosureItem[] items) => Items = items ?? Array.Empty<DisclosureItem>();

    /// <summary>The items that must be disclosed.</summary>
    public DisclosureItem[] Items { get; }
}
