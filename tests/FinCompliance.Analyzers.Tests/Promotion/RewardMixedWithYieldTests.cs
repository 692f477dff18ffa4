using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.RewardMixedWithYieldAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

public sealed class RewardMixedWithYieldTests
{
    private const string Model = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        public class FundOffer
        {
            [ProductYield] public decimal SevenDayYield { get; set; }
            [ProductYield] public decimal DisplayedYield { get; set; }
            [PromotionalReward] public decimal CouponRate { get; set; }
            [PromotionalReward] public decimal ShownReward { get; set; }
            public decimal ManagementFee { get; set; }
            [return: PromotionalReward] public decimal Boost() => 0.5m;
            [return: PromotionalReward] public Task<decimal> BoostAsync() => Task.FromResult(0.5m);
        }

        public static class Display
        {
            public static void ShowYield([ProductYield] decimal yield) { }
            public static void Show(decimal yield, decimal reward) { }
        }
        """;

    private static Task VerifyAsync(string body) => Verify.VerifyAnalyzerAsync(Model + "\npublic class Subject\n{\n" + body + "\n}\n");

    [Fact]
    public Task ArithmeticOnYieldAndRewardIsFlagged() => VerifyAsync("""
        void M(FundOffer offer)
        {
            var headline = {|FIN1003:offer.SevenDayYield + offer.CouponRate|};
            var scaled = {|FIN1003:offer.Boost() * offer.SevenDayYield|};
            var y = offer.SevenDayYield;
            {|FIN1003:y += offer.CouponRate|};
        }
        """);

    [Fact]
    public Task RewardAssignedToAYieldMemberIsFlagged() => VerifyAsync("""
        void M(FundOffer offer, bool campaign)
        {
            {|FIN1003:offer.DisplayedYield = offer.CouponRate|};
            var bonus = campaign ? offer.Boost() : 0m;
            {|FIN1003:offer.DisplayedYield = bonus|};
            var copy = new FundOffer { {|FIN1003:DisplayedYield = offer.CouponRate|} };
            Display.ShowYield({|FIN1003:offer.CouponRate|});
        }
        """);

    [Fact]
    public Task AsyncAndLambdaMixingIsFlagged() => VerifyAsync("""
        async Task M(FundOffer offer)
        {
            var boost = await offer.BoostAsync();
            Func<decimal> total = () => {|FIN1003:offer.SevenDayYield + boost|};
        }
        """);

    [Fact]
    public Task SeparateDisplayComparisonsAndYieldArithmeticAreSilent() => VerifyAsync("""
        void M(FundOffer offer)
        {
            var text = $"{offer.SevenDayYield}% + {offer.CouponRate}% coupon";
            var line = "Yield " + offer.SevenDayYield + "% coupon " + offer.CouponRate + "%";
            var better = offer.SevenDayYield > offer.CouponRate;
            var yields = offer.SevenDayYield + offer.DisplayedYield;
            offer.DisplayedYield = offer.SevenDayYield;
            offer.ShownReward = offer.CouponRate;
            var net = offer.SevenDayYield - offer.ManagementFee;
            Display.Show(offer.SevenDayYield, offer.CouponRate);
            Display.ShowYield(offer.SevenDayYield);
            var rewards = offer.CouponRate + offer.Boost();
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow() => new Verify.Test
    {
        TestCode = Model + """
            public class Subject
            {
                void M(FundOffer offer)
                {
                    var a = offer.SevenDayYield + ;
                    var b = {|FIN1003:offer.SevenDayYield + offer.CouponRate|};
                    offer.DisplayedYield = offer.
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();
}
