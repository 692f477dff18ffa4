using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.MissingRiskWarningAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

/// <summary>FIN1002 on promotion hierarchies: abstract bases, interfaces, generics, records, partial types in two files.</summary>
public sealed class MissingRiskWarningRealisticCodeTests
{
    [Fact]
    public Task AbstractBasesAreJudgedThroughTheirConcreteTypes() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        [ProductPromotion(ProductKind.Fund)]
        public abstract class FundCampaign
        {
            public abstract string Headline { get; }
        }

        public sealed class SpringCampaign : FundCampaign
        {
            public override string Headline => "春季理财节";
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";
        }

        public sealed class {|FIN1002:SummerCampaign|} : FundCampaign
        {
            public override string Headline => "夏季理财节";
        }

        [ProductPromotion(ProductKind.Fund)]
        public abstract class WarnedCampaign
        {
            [RiskWarning] public abstract string Warning { get; }
        }

        public sealed class AutumnCampaign : WarnedCampaign
        {
            public override string Warning => "基金有风险，投资需谨慎。";
        }
        """);

    [Fact]
    public Task AWarningDeclaredOnAnInterfaceCountsWhenImplemented() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public interface IPromotion
        {
            [RiskWarning] string RiskWarning { get; }
        }

        [ProductPromotion(ProductKind.Wealth)]
        public sealed record WealthBanner(string Title) : IPromotion
        {
            public string RiskWarning => "理财非存款，产品有风险，投资须谨慎。";
        }

        [ProductPromotion(ProductKind.Wealth)]
        public sealed class {|FIN1002:EmptyBanner|} : IPromotion
        {
            public string RiskWarning => "";
        }

        [ProductPromotion(ProductKind.Fund)]
        public sealed class GenericBanner<TProduct> : IPromotion
        {
            string IPromotion.RiskWarning => "基金有风险，投资需谨慎。";
        }
        """);

    [Fact]
    public Task PartialPromotionsInTwoFilesReadBothParts()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Banner.cs", """
            using FinCompliance;

            [ProductPromotion(ProductKind.Fund)]
            public partial record FundBanner(string Title);
            """));
        test.TestState.Sources.Add(("Banner.Warning.cs", """
            using FinCompliance;

            public partial record FundBanner
            {
                [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";
            }
            """));
        return test.RunAsync();
    }
}
