using FinCompliance;

namespace FundSales.Campaigns;

/// <summary>
/// A seasonal fee discount. Its copy is fine, but it has no risk warning (FIN1002); the code fix inserts the
/// standard fund warning. Not partial, so the generator leaves it alone.
/// </summary>
[ProductPromotion(ProductKind.Fund)]
public sealed class SpringFestivalBanner
{
    public string Headline => "新春理财季：债券基金申购费率 1 折";

    public string Footnote => "活动时间 2 月 1 日至 2 月 15 日，以基金公司公告为准。";
}
