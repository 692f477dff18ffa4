using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>
/// An equity-crowdfunding project page. <c>ProductKind.Crowdfunding</c> requires the business model, management,
/// financials and use of funds to be disclosed; this page discloses only the first two (FIN1005, twice).
/// </summary>
[ProductPromotion(ProductKind.Crowdfunding)]
public sealed class SolarFarmCrowdfundingPage
{
    [RiskWarning]
    public const string RiskWarning = "股权众筹风险较高，可能损失全部投资本金，投资需谨慎。";

    public string Title => "光伏农场股权众筹：每份 1 万元";

    [Disclosure(DisclosureItem.BusinessModel)]
    public string BusinessModel => "在农业大棚顶部建设分布式光伏电站，电力售予国家电网，大棚租予当地农户。";

    [Disclosure(DisclosureItem.Management)]
    public string Management => "创始团队：三名来自光伏行业的工程师，平均从业 12 年。";

    // Missing: [Disclosure(DisclosureItem.Financials)] and [Disclosure(DisclosureItem.UseOfFunds)].
}
