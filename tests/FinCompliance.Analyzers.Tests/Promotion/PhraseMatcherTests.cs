using System.Linq;
using FinCompliance.Analyzers.Promotion.Text;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Analyzers.Tests.Promotion;

/// <summary>The matching engine on its own: folding, negation scope and exemptions, without a compilation.</summary>
public sealed class PhraseMatcherTests
{
    private static readonly PhraseMatcher Guarantee = PhraseMatcher.Create(TermKind.Guarantee, null);
    private static readonly PhraseMatcher Claim = PhraseMatcher.Create(TermKind.Claim, null);

    private static string[] Found(PhraseMatcher matcher, string text)
    {
        var run = new TextRun();
        for (var i = 0; i < text.Length; i++)
        {
            run.Append(text[i], i, i + 1);
        }

        return PromotionalTextScanner.Scan(run, matcher).Select(m => m.Phrase).ToArray();
    }

    [Theory]
    [InlineData("保本保息", new[] { "保本", "保息" })]
    [InlineData("稳赚不赔的好产品", new[] { "稳赚不赔" })]
    [InlineData("保\u200B本", new[] { "保\u200B本" })]
    [InlineData("零 \n 风险", new[] { "零 \n 风险" })]
    [InlineData("Risk Free!", new[] { "Risk Free" })]
    [InlineData("risk—free", new[] { "risk—free" })]
    [InlineData("You can’t lose", new[] { "can’t lose" })]
    [InlineData("Capital-Guaranteed fund", new[] { "Capital-Guaranteed" })]
    [InlineData("保底收益6%", new[] { "保底收益" })]
    [InlineData("无风险利率为2%", new string[0])]
    [InlineData("the riskfreeness", new string[0])]
    [InlineData("norisk", new string[0])]
    public void GuaranteeTermsAreFoundWithTheirOriginalText(string text, string[] expected)
        => Assert.Equal(expected, Found(Guarantee, text));

    [Theory]
    [InlineData("本产品不保本")]
    [InlineData("非保本浮动收益")]
    [InlineData("并不承诺任何保本")]
    [InlineData("未承诺保证收益")]
    [InlineData("无法保证收益")]
    [InlineData("没有保本承诺")]
    [InlineData("严禁刚性兑付")]
    [InlineData("this is NOT risk-free")]
    [InlineData("we do not offer guaranteed returns")]
    [InlineData("without principal protected features")]
    [InlineData("It isn't a risk-free product")]
    public void NegatedTermsAreDisclosures(string text) => Assert.Empty(Found(Guarantee, text));

    [Theory]
    [InlineData("不仅保本")]
    [InlineData("非常保本")]
    [InlineData("不管怎样，保本")]
    [InlineData("不得不说保本")]
    [InlineData("无不保本")]
    [InlineData("不同以往，稳赚")]
    [InlineData("不是股票而是保本")]
    [InlineData("不是股票，保本")]
    [InlineData("保本，不要错过")]
    [InlineData("不用犹豫马上购买我们的保本")] // the negator is too far away
    [InlineData("not only risk-free")]
    [InlineData("no fees and risk-free")]
    [InlineData("not a scam. risk-free")]
    [InlineData("never mind the details of our very own risk-free")]
    public void NegationDoesNotReachTheTerm(string text) => Assert.Single(Found(Guarantee, text));

    [Theory]
    [InlineData("第一期", 0)]
    [InlineData("第 一 期", 0)]
    [InlineData("第１期", 0)]
    [InlineData("第一时间到账", 0)]
    [InlineData("最高可借5万", 0)]
    [InlineData("最高年化利率不超过24%", 0)]
    [InlineData("最高年化收益8%", 1)]
    [InlineData("最高人民法院", 0)]
    [InlineData("No.1 platform", 1)]
    [InlineData("#1 choice", 1)]
    [InlineData("#10 in the list", 0)]
    [InlineData("number one priority", 0)]
    [InlineData("最佳最好第一", 3)]
    [InlineData("top-rated fund", 1)]
    public void ClaimsAndTheirExemptions(string text, int count) => Assert.Equal(count, Found(Claim, text).Length);

    [Fact]
    public void TermsFileAddsAndExempts()
    {
        var terms = TermsFile.Parse(SourceText.From("# c\nguarantee: 躺赚\nclaim: Top Pick\nexempt: 第一\nexempt: 保本基金\nbad line\n"));
        Assert.Single(terms.Errors);
        var guarantee = PhraseMatcher.Create(TermKind.Guarantee, terms);
        var claim = PhraseMatcher.Create(TermKind.Claim, terms);

        Assert.Equal(["躺 赚"], Found(guarantee, "躺 赚"));
        Assert.Empty(Found(guarantee, "保本基金"));
        Assert.Equal(["保本"], Found(guarantee, "保本理财"));
        Assert.Equal(["TOP-PICK"], Found(claim, "TOP-PICK"));
        Assert.Empty(Found(claim, "行业第一"));
    }

    [Fact]
    public void ParsingIsCachedPerText()
    {
        var text = SourceText.From("guarantee: 躺赚\n");
        Assert.Same(TermsFile.Parse(text), TermsFile.Parse(text));
    }
}
