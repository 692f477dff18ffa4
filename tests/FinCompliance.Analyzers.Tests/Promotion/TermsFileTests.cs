using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using FundsVerify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.GuaranteedReturnsAnalyzer>;
using ClaimVerify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.AbsoluteOrEndorsementClaimAnalyzer>;
using ConfigVerify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Configuration.InvalidTermsFileLineAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

public sealed class TermsFileTests
{
    private const string Terms = """
        # Team terms for FinCompliance
        guarantee: 稳稳的幸福
        guarantee: Sure Thing
        claim: 冠军产品
        claim: 最高
        exempt: 最佳实践
        exempt: 第一

        """;

    [Fact]
    public Task AddedGuaranteeTermsAreFlagged()
    {
        var test = new FundsVerify.Test
        {
            TestCode = """
                using FinCompliance;

                [ProductPromotion]
                public class Promotion
                {
                    [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";
                    public string A => "{|FIN1001:稳稳的 幸福|}";
                    public string B => "a {|FIN1001:sure thing|}!";
                    public string C => "不是稳稳的幸福";
                    public string D => "冠军产品";
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/src/FinCompliance.terms.txt", Terms));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task AddedClaimsAndExemptionsApply()
    {
        var test = new ClaimVerify.Test
        {
            TestCode = """
                using FinCompliance;

                [ProductPromotion]
                public class Promotion
                {
                    [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";
                    public string A => "{|FIN1004:冠军产品|}";
                    public string B => "最佳实践";
                    public string C => "行业第一";
                    public string D => "{|FIN1004:最佳|}选择";
                    public string E => "{|FIN1004:最高|}8%，最高可借20万，单笔最高5万，最高额度50万";
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/config/finCompliance.Terms.txt", Terms));
        test.TestState.AddTextFile("/copy/banner.txt", "第一 {|FIN1004:冠军产品|}");
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task BadLinesAreReportedAtTheirLine()
    {
        var test = new ConfigVerify.Test { TestCode = "public class Nothing { }" };
        test.TestState.AdditionalFiles.Add(("/src/FinCompliance.terms.txt", """
            # comment
            guarantee: 保本
              banned: 保本
            guarantee:
            no colon here
            exempt：第一
            claim :  best ever

            """));
        test.TestState.AdditionalFiles.Add(("/src/other.txt", "not: a terms file"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FIN0001", DiagnosticSeverity.Warning)
            .WithSpan("/src/FinCompliance.terms.txt", 3, 3, 3, 13)
            .WithArguments("FinCompliance.terms.txt line 3: unknown prefix 'banned'; expected 'guarantee', 'claim' or 'exempt'"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FIN0001", DiagnosticSeverity.Warning)
            .WithSpan("/src/FinCompliance.terms.txt", 4, 1, 4, 11)
            .WithArguments("FinCompliance.terms.txt line 4: 'guarantee:' has no term"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FIN0001", DiagnosticSeverity.Warning)
            .WithSpan("/src/FinCompliance.terms.txt", 5, 1, 5, 14)
            .WithArguments("FinCompliance.terms.txt line 5: 'no colon here' has no ':'; expected 'guarantee: <term>', 'claim: <term>' or 'exempt: <term>'"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task BadLinesDoNotBreakTheRules()
    {
        var test = new FundsVerify.Test
        {
            TestCode = """
                using FinCompliance;

                [ProductPromotion]
                public class Promotion
                {
                    [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";
                    public string A => "{|FIN1001:保本|} {|FIN1001:稳稳的幸福|}";
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/src/FinCompliance.terms.txt", "\0garbage\nguarantee: 稳稳的幸福\n:::\n"));
        return test.RunAsync(CancellationToken.None);
    }
}
