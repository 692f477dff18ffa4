using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Guarantee = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.GuaranteedReturnsAnalyzer>;
using Claim = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.AbsoluteOrEndorsementClaimAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

/// <summary>FIN1001 and FIN1004 on the copy a fund platform actually ships: disclosures, advice, UI and log text.</summary>
public sealed class PromotionRealisticCopyTests
{
    private static string Promotion(string lines) => """
        using System;
        using FinCompliance;

        [ProductPromotion(ProductKind.Fund)]
        public class MoneyMarketFundPage
        {
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";

            public string[] Lines =>
            [
        """ + lines + """

            ];
        }
        """;

    private const string Disclosures = """
                "本产品不保本，过往业绩不代表未来表现",
                "本基金不保证收益，也不保证本金不受损失",
                "理财非存款，产品有风险，不承诺保本",
                "Capital at risk. Past performance is not a guarantee of future results.",
                "There is no guarantee that the fund will achieve its objective.",
                "Shares are not guaranteed by the FDIC and may lose value.",
                "No investment is risk-free.",
                "Money market funds are not risk free.",
                "There is no such thing as zero risk.",
                "Returns are not guaranteed and you may get back less than you invest.",
                "Account No. 12345678 is shown for reference.",
        """;

    private const string Ordinary = """
                "第10期收益报告",
                "第12个月起按月付息",
                "第15天可赎回",
                "到账后我们将第一时间通知您",
                "第一步：完成风险测评",
                "投资前最好先阅读基金合同",
                "您最好在充分了解风险后再做决定",
                "We will process your request on a best effort basis.",
                "At best, a money market fund tracks short-term rates.",
                "Best regards, the Fund Services team",
                "Step #12: confirm your order",
                "Step #1: open your account",
                "本产品风险等级为R1（最低风险等级）",
                "第一个交易日确认份额",
                "Our best execution policy applies to every order.",
                "We do not promise the best returns.",
                "No risk assessment on file: please complete the questionnaire",
                "暂无风险测评记录，请先完成风险测评",
                "该客户无风险等级",
                "Customer has no risk profile yet",
                "Error code 1: no risk level",
        """;

    [Fact]
    public Task TheBestAsAClaimIsStillFlagged() => Claim.VerifyAnalyzerAsync(Promotion("""
                "市场上{|FIN1004:最好|}的货币基金",
                "收益{|FIN1004:最好|}，最好先买",
        """));

    [Fact]
    public Task DisclosuresAreNotGuarantees() => Guarantee.VerifyAnalyzerAsync(Promotion(Disclosures + Ordinary));

    [Fact]
    public Task DisclosuresAndOrdinaryCopyAreNotClaims() => Claim.VerifyAnalyzerAsync(Promotion(Disclosures + Ordinary));

    [Fact]
    public Task LogMessagesAndNamesInsideAPromotionAreNotCopy()
    {
        var test = new Guarantee.Test
        {
            TestCode = """
                using System;
                using FinCompliance;
                using Microsoft.Extensions.Logging;

                public enum Badge { RiskFree, Guaranteed }

                [ProductPromotion(ProductKind.Fund)]
                public class FundBannerController(ILogger<FundBannerController> logger)
                {
                    [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";

                    public string Render(int id, Badge badge)
                    {
                        logger.LogInformation("Rendering zero risk banner {Id}", id);
                        logger.LogWarning("保本 flag ignored for {Id}", id);
                        var label = nameof(Badge.RiskFree) + badge.ToString();
                        return $"{|FIN1001:稳赚|}{label}";
                    }
                }
                """,
        };
        test.TestState.AddLibraries();
        return test.RunAsync();
    }
}
