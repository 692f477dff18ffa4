using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.RewardMixedWithYieldAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

/// <summary>FIN1003 on a money-market fund's yield card: display, annualisation, coupons shown apart or folded in.</summary>
public sealed class RewardMixedWithYieldRealisticCodeTests
{
    [Fact]
    public Task YieldCardsShowRewardsApartAndFlagFoldedRates() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using FinCompliance;

        public sealed record YieldCard(string Fund, decimal Yield, decimal Coupon);

        public sealed class FundQuote
        {
            [ProductYield] public decimal SevenDayYield { get; init; }
            [PromotionalReward] public decimal CouponBoost { get; init; }

            public YieldCard Card(string fund) => new(fund, SevenDayYield, CouponBoost);
            public string Label => $"七日年化 {SevenDayYield:P2}（另享加息券 {CouponBoost:P2}，不属于基金收益）";
            public decimal Annualised => SevenDayYield * 365m / 7m;
            public bool BoostExceedsYield => CouponBoost > SevenDayYield;
            public decimal Headline => Math.Round({|FIN1003:SevenDayYield + CouponBoost|}, 4);

            public decimal Shown()
            {
                var shown = SevenDayYield;
                {|FIN1003:shown += CouponBoost|};
                return shown;
            }
        }
        """);
}
