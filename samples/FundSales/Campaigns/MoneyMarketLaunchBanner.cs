using FinCompliance;
using FundSales.Catalogue;

namespace FundSales.Campaigns;

/// <summary>
/// The launch banner of the money-market fund. Deliberately non-compliant: its copy promises what no fund may
/// promise (FIN1001), in Chinese, in English and inside an interpolated string.
/// </summary>
[ProductPromotion(ProductKind.Fund)]
public sealed class MoneyMarketLaunchBanner
{
    [RiskWarning]
    public const string RiskWarning = "基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。";

    // FIN1001: 保本, 保息 and 稳赚不赔 promise principal and yield.
    public string Headline => "天天利货币基金：保本保息，稳赚不赔";

    // FIN1001: the English built-in list ("guaranteed returns").
    public string Subtitle => "Guaranteed returns from day one, redeem any time";

    // FIN1001: 零风险, inside the interpolated text around the (legitimate) yield figure.
    public string Render(FundProduct product) => $"{product.Name} 七日年化 {product.SevenDayAnnualisedYield:P2}，零风险";
}
