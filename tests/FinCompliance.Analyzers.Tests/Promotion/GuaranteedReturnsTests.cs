using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers.Promotion;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.GuaranteedReturnsAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

public sealed class GuaranteedReturnsTests
{
    [Fact]
    public Task EveryLiteralFormInAPromotionTypeIsRead() => Verify.VerifyAnalyzerAsync(""""
        using System;
        using FinCompliance;

        [ProductPromotion(ProductKind.Fund)]
        public class FundPromotion
        {
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";

            public string Regular => "本产品{|FIN1001:保本|}，年化5%";
            public string Verbatim => @"我们""{|FIN1001:稳赚不赔|}""";
            public string Raw => """
                {|FIN1001:零风险|}理财
                """;
            public ReadOnlySpan<byte> Utf8 => "{|FIN1001:无风险|}"u8;
            public string Interpolated(decimal rate) => $"年化{rate}%，{|FIN1001:刚性兑付|}";
            public string English => "Enjoy {|FIN1001:guaranteed returns|} and a {|FIN1001:risk-free|} ride";
            public string Escaped => "{|FIN1001:\u4FDD\u672C|}";

            public class Nested
            {
                public string Text() => "{|FIN1001:只赚不赔|}";
            }
        }
        """");

    [Fact]
    public Task ConstantsAreFoldedAcrossConcatenation() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public static class Copy
        {
            public const string Promise = "稳赚不赔";
            public const string Half = "保";
        }

        [ProductPromotion]
        public class Promotion
        {
            [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";
            private const string Local = "{|FIN1001:稳赚|}";
            private const string LocalHalf = "保";

            public string Split => {|FIN1001:"保" + "本"|} + "理财";
            public string FromElsewhere => "本产品" + {|FIN1001:Copy.Promise|};
            public string Mixed => {|FIN1001:Copy.Half + "本"|};
            public string Interpolated => $"限时：{{|FIN1001:Copy.Promise|}}";
            public string UsesOwnConstant => Local + "！";
            public string OwnHalfCompleted => {|FIN1001:LocalHalf + "本"|};
            public string BrokenByValue(int x) => "保" + x + "本";
            public string InterpolationBreaks(int x) => $"保{x}本";
        }
        """);

    [Fact]
    public Task MemberLevelPromotionsAndOtherCodeStaySeparate() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public class Service
        {
            [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";

            [ProductPromotion]
            public string Banner() => "{|FIN1001:保证收益|}";

            [ProductPromotion]
            public string Title { get; } = "{|FIN1001:100%安全|}";

            [ProductPromotion]
            public static readonly string Slogan = "{|FIN1001:旱涝保收|}";

            public string Internal() => "保本 risk-free 稳赚";
        }

        public class NotAPromotion
        {
            public string Text => "保本保息，零风险，guaranteed returns";
        }

        [ProductPromotion(ProductKind.Fund)]
        public abstract class BannerBase
        {
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";
            public const string Shared = "{|FIN1001:稳赚|}";
        }

        public class DerivedBanner : BannerBase
        {
            public string Text => "{|FIN1001:刚兑|}" + Shared;
        }

        public class UsesPromotionConstantOutside
        {
            public string Text => BannerBase.Shared;
        }
        """);

    // The scope is decided once per operation block and cached per type: every way into a promotion must still be read.
    [Fact]
    public Task ScopeReachesPartialsAccessorsLambdasAndNestedTypesOfDerivedPromotions()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Campaign.cs", """
                        using FinCompliance;

                        [ProductPromotion]
                        public partial class Campaign
                        {
                            [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";
                        }

                        [ProductPromotion]
                        public abstract class Landing<T>
                        {
                            [RiskWarning] public string Warning => "市场有风险，投资需谨慎。";
                        }
                        """),
                    ("Campaign.Copy.cs", """
                        using System;

                        public partial class Campaign
                        {
                            public string Title { get { return "{|FIN1001:保本|}"; } }

                            public Func<string> Later => () => "{|FIN1001:零风险|}";

                            public string Local()
                            {
                                return Text();
                                string Text() => "{|FIN1001:稳赚不赔|}";
                            }
                        }

                        public sealed class FundLanding : Landing<int>
                        {
                            public sealed class Footer
                            {
                                public string Text => "{|FIN1001:保本|}{|FIN1001:保息|}";
                            }
                        }

                        public class Plain
                        {
                            public string Title { [FinCompliance.ProductPromotion] get { return "{|FIN1001:本金保障|}"; } }

                            public string Other => "保本";
                        }
                        """),
                },
            },
        };
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public Task MatchingIgnoresWidthCaseAndCjkSpacing() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion]
        public class Promotion
        {
            [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";

            public string Spaced => "本产品{|FIN1001:保 本|}";
            public string FullWidthPercent => "{|FIN1001:１００％安全|}";
            public string FullWidthLatin => "{|FIN1001:ＲＩＳＫ－ＦＲＥＥ|}";
            public string UpperCase => "{|FIN1001:GUARANTEED Yield|}";
            public string Ideographic => "{|FIN1001:零　风　险|}";
        }
        """);

    [Fact]
    public Task EnglishTermsRespectWordBoundaries() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion]
        public class Promotion
        {
            [RiskWarning] public const string Warning = "The market carries risk; invest with caution.";

            public string A => "brisk-freeze weather";
            public string B => "no risky bets, unguaranteed returnsx";
            public string C => "the risk-free rate used in pricing";
            public string D => "{|FIN1001:No risk|} at all!";
        }
        """);

    [Fact]
    public Task NegatedOccurrencesAreDisclosures() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion(ProductKind.Wealth)]
        public class Promotion
        {
            [RiskWarning] public const string Warning = "理财非存款，产品有风险，投资须谨慎。";

            public string[] Disclosures =>
            [
                "本产品不保本",
                "不承诺保本保息",
                "不保证收益",
                "并非无风险",
                "非保本浮动收益型",
                "不是无风险产品",
                "打破刚性兑付",
                "Returns are not guaranteed.",
                "This fund is not principal-protected.",
                "There are no guaranteed returns.",
                "It is not risk-free.",
                "We cannot guarantee returns.",
                "确保本次活动公平",
            ];

            public string[] Promises =>
            [
                "不仅{|FIN1001:保本|}还能赚",
                "{|FIN1001:保本|}！不要错过",
                "不要犹豫，{|FIN1001:保本|}",
                "不是高风险而是{|FIN1001:保本|}",
                "不得不说，{|FIN1001:稳赚|}",
                "Not only {|FIN1001:principal protected|} but liquid",
                "No fees, {|FIN1001:guaranteed income|}",
            ];
        }
        """);

    [Fact]
    public Task ComparisonsAndAttributeArgumentsAreNotCopy() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.ComponentModel;
        using FinCompliance;

        [ProductPromotion]
        public class Promotion
        {
            [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";

            [Obsolete("保本 wording was removed")]
            public string Old => "ok";

            [Description("{|FIN1001:保本|}理财")]
            public string Shown => "ok";

            [System.ComponentModel.DataAnnotations.Display(Name = "{|FIN1001:零风险|}", ShortName = "保" + "x")]
            public string Label => "ok";

            public bool IsLegacy(string s) => s == "保本" || s is "稳赚";

            public int Code(string s) => s switch { "零风险" => 1, _ => 0 };
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using FinCompliance;

                [ProductPromotion]
                public class Promotion
                {
                    public string A => "{|FIN1001:保本|}" + Missing;
                    public Unknown B => Foo("稳") + $"{Bar}{|FIN1001:零风险|}";
                    public string C => "{|FIN1001:稳赚|}
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task TextFilesAreReadAtTheirLineAndColumn()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.Add(TestReferences.FinCompliance);
        test.TestState.AddTextFile("/copy/banner.txt", "第一行\n本产品{|FIN1001:保本|}\n不保本的产品\n");
        test.TestState.AddTextFile("/copy/README.md", "# 标题\n\n**年化 8%，{|FIN1001:稳 赚|}**\n\n- {|FIN1001:保**本|}**理财，`code`\n");
        test.TestState.AddTextFile("/copy/notes.txt", "保本保息", textKind: null);
        test.TestState.AddTextFile("/copy/other.txt", "保本保息", textKind: "legal");
        test.TestState.AddTextFile("/copy/FinCompliance.terms.txt", "guarantee: 保本");
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task JsonValuesAreReadButNotKeys()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/copy/strings.json", """
            {
              "保本": "本产品{|FIN1001:保本|}",
              "nested": { "risk-free": ["{|FIN1001:risk-free|} and fun", 1, true] },
              "escaped": "{|FIN1001:\u96f6\u98ce\u9669|}",
              "disclosure": "不保本"
            }
            """);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task ResxValuesAreReadButNotNamesOrComments()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/copy/Strings.zh.resx", """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="保本Banner" xml:space="preserve">
                <value>限时{|FIN1001:保本|}</value>
                <comment>不要写保本</comment>
              </data>
              <data name="Tagline"><value>零&amp;{|FIN1001:&#x65E0;风险|}</value></data>
              <data name="Cdata"><value><![CDATA[<b>{|FIN1001:稳赚|}</b>]]></value></data>
            </root>
            """);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MarkupReadsVisibleTextAndReadAttributesOnly()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/wwwroot/index.html", """
            <!DOCTYPE html>
            <html>
            <head>
              <meta name="description" content="{|FIN1001:零风险|}理财">
              <meta name="保本" content="width=device-width">
              <style>.保本 { color: red; }</style>
              <script>var s = "保本";</script>
            </head>
            <body class="risk-free">
              <p>年化8%，{|FIN1001:保<b>本|}</b></p>
              <img src="a.png" alt="{|FIN1001:稳赚|}">
              <input type="submit" value="{|FIN1001:包赚|}">
              <input type="text" value="保本" placeholder="{|FIN1001:稳赚|}">
              <button aria-label="{|FIN1001:零风险|}" value="{|FIN1001:保息|}" data-x="保本">购买</button>
              <!-- 保本 -->
              <p>不保本</p><p>保</p><p>本</p>
            </body>
            </html>
            """);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RazorCodeIsSkipped()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/Views/Promo.cshtml", """
            @model PromoModel
            @{ var hidden = "保本"; }
            @* 保本 *@
            <h1>@Model.Title {|FIN1001:稳赚不赔|}</h1>
            @if (Model.Show("保本")) {
                <p>{|FIN1001:零风险|}</p>
            }
            <p>@(Model.Rate)% 不保本</p>
            <a href="mailto:ops@example.com" title="{|FIN1001:刚性兑付|}">联系</a>
            """);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task BinaryAndHugeFilesAreSkipped()
    {
        var test = new Verify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AddTextFile("/copy/logo.txt", "\0\0\0保本");
        test.TestState.AddTextFile("/copy/huge.txt", new string('a', PromotionalFileReaderLimit + 1) + "保本");
        return test.RunAsync(CancellationToken.None);
    }

    private const int PromotionalFileReaderLimit = 2 * 1024 * 1024;
}
