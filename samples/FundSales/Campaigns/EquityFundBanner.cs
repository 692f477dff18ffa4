using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>
/// A compliant banner beside the non-compliant ones: it says what the product is NOT. Negated wording
/// (不保本, "not guaranteed") is a disclosure, not a promise, so nothing here is flagged.
/// </summary>
[ProductPromotion(ProductKind.Fund)]
public sealed class EquityFundBanner
{
    [RiskWarning]
    public const string RiskWarning = "基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。";

    public string Headline => "消费升级混合基金：分享消费行业长期成长";

    public string Disclosure => "本基金为混合型基金，风险等级 R4，不保本，净值可能下跌。";

    public string EnglishDisclosure => "Returns are not guaranteed and you may get back less than you invest.";
}
