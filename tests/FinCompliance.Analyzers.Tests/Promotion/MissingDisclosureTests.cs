using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.MissingDisclosureAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

public sealed class MissingDisclosureTests
{
    private static DiagnosticResult Missing(int markup, string type, string item)
        => new DiagnosticResult("FIN1005", DiagnosticSeverity.Warning).WithLocation(markup).WithArguments(type, item);

    [Fact]
    public Task ExplicitRequirementsNeedEveryItem() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [RequiresDisclosure(DisclosureItem.RiskLevel, DisclosureItem.Fees)]
        public class {|#0:Fund|}
        {
            [Disclosure(DisclosureItem.RiskLevel)] public string Risk => "R3";
        }

        [RequiresDisclosure(DisclosureItem.RiskLevel, DisclosureItem.Fees, DisclosureItem.PastPerformance)]
        public struct Complete
        {
            [Disclosure(DisclosureItem.RiskLevel)]
            [Disclosure(DisclosureItem.Fees)]
            public string Summary => "R3, 1.5%";

            [Disclosure(DisclosureItem.PastPerformance)] public string History() => "过往业绩不代表未来表现";
        }

        public class NoRequirement
        {
        }
        """, Missing(0, "Fund", "Fees"));

    [Fact]
    public Task CrowdfundingImpliesFourItems() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion(ProductKind.Crowdfunding)]
        public class {|#0:Campaign|}
        {
            [RiskWarning] public const string Warning = "股权众筹风险较高";
            [Disclosure(DisclosureItem.Management)] public string Team = "创始团队";
        }

        [ProductPromotion(ProductKind.Fund)]
        public class NotCrowdfunding
        {
            [RiskWarning] public const string Warning = "基金有风险";
        }
        """, Missing(0, "Campaign", "BusinessModel"), Missing(0, "Campaign", "Financials"), Missing(0, "Campaign", "UseOfFunds"));

    [Fact]
    public Task DisclosuresAndRequirementsAreInherited() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public class ProjectBase
        {
            [Disclosure(DisclosureItem.BusinessModel)] public virtual string Model => "B2B";
            [Disclosure(DisclosureItem.Management)] public string Team => "团队";
            [Disclosure(DisclosureItem.Financials)] public string Books => "财报";
        }

        [ProductPromotion(ProductKind.Crowdfunding)]
        public class {|#0:Project|} : ProjectBase
        {
            [RiskWarning] public const string Warning = "股权众筹风险较高";
        }

        [RequiresDisclosure(DisclosureItem.Fees)]
        public abstract class ProductBase
        {
        }

        public class {|#1:ConcreteWithout|} : ProductBase
        {
        }

        public class ConcreteWith : ProductBase
        {
            [Disclosure(DisclosureItem.Fees)] public decimal Fee => 0.015m;
        }

        [RequiresDisclosure(DisclosureItem.RiskLevel)]
        public class {|#2:Parent|}
        {
        }

        public class ChildOfParent : Parent
        {
        }
        """,
        Missing(0, "Project", "UseOfFunds"),
        Missing(1, "ConcreteWithout", "Fees"),
        Missing(2, "Parent", "RiskLevel"));

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using FinCompliance;

                [RequiresDisclosure(DisclosureItem.Nope, 42)]
                public class A : Missing
                {
                    [Disclosure] public string X => "";
                    [Disclosure(Unknown)] public string Y => "";
                }

                [RequiresDisclosure(DisclosureItem.Fees)]
                public class {|FIN1005:B|}
                {
                    [Disclosure(DisclosureItem.Fees
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
