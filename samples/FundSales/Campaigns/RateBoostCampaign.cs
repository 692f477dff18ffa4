using FinCompliance;
using FundSales.Catalogue;

namespace FundSales.Campaigns;

/// <summary>
/// A new-customer rate-boost coupon (加息券). The boost is a marketing reward paid by the platform, not the fund's
/// yield, and must never be shown as part of it.
/// </summary>
public sealed class RateBoostCampaign
{
    /// <summary>Extra annualised rate for the first 30 days, paid by the platform.</summary>
    [PromotionalReward]
    public decimal RateBoost { get; } = 0.0050m;

    // FIN1003: the coupon is folded into the fund's own 7-day yield and shown as one number.
    public decimal DisplayedYield(FundProduct product) => product.SevenDayAnnualisedYield + RateBoost;

    // Compliant: the two figures are shown apart, the reward labelled as such.
    public string Describe(FundProduct product)
        => $"七日年化 {product.SevenDayAnnualisedYield:P2}；新客另享加息 {RateBoost:P2}（平台活动奖励，非基金收益，限 30 天）";
}
