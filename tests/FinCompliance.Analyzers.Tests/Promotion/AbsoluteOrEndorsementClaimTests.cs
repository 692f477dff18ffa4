using System.Threading;
using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.AbsoluteOrEndorsementClaimAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

public sealed class AbsoluteOrEndorsementClaimTests
{
    [Fact]
    public Task SuperlativesAndEndorsementsAreFlagged() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion(ProductKind.Fund)]
        public class FundPromotion
        {
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";

            public string[] Lines =>
            [
                "同类{|FIN1004:最高收益|}",
                "行业{|FIN1004:第一|}的理财平台",
                "{|FIN1004:央行背书|}，{|FIN1004:国家级|}平台",
                "{|FIN1004:最 佳|}选择",
                "The {|FIN1004:best returns|} in town",
                "{|FIN1004:Government-backed|} and {|FIN1004:regulator-approved|}",
                "{|FIN1004:ＨＩＧＨＥＳＴ ＹＩＥＬＤ|}",
            ];

            [ProductPromotion]
            public class Nested
            {
                public string Text() => $"{|FIN1004:政府背书|}，年化{Rate}%";
                public decimal Rate => 3.5m;
            }
        }

        public class Plain
        {
            public string Text => "最佳 第一 best returns";
        }
        """);

    [Fact]
    public Task OrdinalsAndFactualLimitsAreNotClaims() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion(ProductKind.Lending)]
        public class LoanPromotion
        {
            [RiskWarning] public const string Warning = "网络借贷有风险，出借需谨慎。";

            public string[] Lines =>
            [
                "第一期还款日为每月5日",
                "第1期免息",
                "第一次借款",
                "第一步：实名认证",
                "第一章 产品说明",
                "第一季度报告",
                "最高可借20万",
                "最高可购买10万份",
                "最高额度50万",
                "单笔最高5万",
                "最高年化利率不超过24%",
                "第10名",
                "the first installment is due",
                "a bestseller, a highest-yielding index is not a claim wordx",
                "我们不是政府背书的产品",
            ];

            public string[] Claims =>
            [
                "{|FIN1004:第一|}名",
                "{|FIN1004:收益最高|}8%", "{|FIN1004:年化最高|}8%", "{|FIN1004:最高级|}理财",
                "排名{|FIN1004:第1|}",
            ];
        }
        """);

    [Fact]
    public Task MarkupFilesAreRead()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/wwwroot/landing.htm", "<h1 title=\"{|FIN1004:最佳|}\">{|FIN1004:第一|}品牌</h1>\n<p>第一期</p>");
        return test.RunAsync(CancellationToken.None);
    }
}
