using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>
/// The bond fund's banner. It declares no risk warning but is <c>partial</c>: the FinCompliance generator adds
/// <c>[RiskWarning] public const string RiskWarning</c> with the standard fund text, so there is no FIN1002 here.
/// </summary>
[ProductPromotion(ProductKind.Fund)]
public partial class BondFundBanner
{
    public string Headline => "稳健增利债券基金：以债券为主的中低风险配置";

    public string PerformanceNote => "近一年净值增长率 3.12%，过往业绩不代表未来表现。";
}
