using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>The compliant counterpart of <see cref="SolarFarmCrowdfundingPage"/>: all four required items disclosed.</summary>
[ProductPromotion(ProductKind.Crowdfunding)]
public sealed class TeaHouseCrowdfundingPage
{
    [RiskWarning]
    public const string RiskWarning = "股权众筹风险较高，可能损失全部投资本金，投资需谨慎。";

    public string Title => "社区茶馆股权众筹：每份 5000 元";

    [Disclosure(DisclosureItem.BusinessModel)]
    public string BusinessModel => "社区茶馆，收入来自茶饮销售与包间预订。";

    [Disclosure(DisclosureItem.Management)]
    public string Management => "店长：经营茶馆 8 年；财务由第三方代理记账公司负责。";

    [Disclosure(DisclosureItem.Financials)]
    public string Financials => "2024 年营业收入 182 万元，净利润 21 万元（未经审计）。";

    [Disclosure(DisclosureItem.UseOfFunds)]
    public string UseOfFunds => "募集 60 万元：装修 35 万元，设备 15 万元，流动资金 10 万元。";
}
