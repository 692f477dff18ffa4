using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>
/// A comparison banner. Deliberately non-compliant: superlatives and a borrowed endorsement (FIN1004).
/// </summary>
[ProductPromotion(ProductKind.Fund)]
public sealed class BestYieldBanner
{
    [RiskWarning]
    public const string RiskWarning = "基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。";

    // FIN1004: 全网最高收益 ("the highest yield on the whole web") is an absolute claim no one can substantiate.
    public string Headline => "全网最高收益的货币基金";

    // FIN1004: 央行背书 claims an endorsement the central bank never gives.
    public const string TrustBadge = "央行背书，安心理财";

    // Not flagged: 第一创业 is a broker's name, exempted in FinCompliance.terms.txt (it contains 第一).
    public const string Distributor = "第一创业证券独家代销";
}
