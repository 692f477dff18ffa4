using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Promotion.MissingDisclosureAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Promotion;

/// <summary>FIN1005 on product pages built from records, generic bases and interfaces.</summary>
public sealed class MissingDisclosureRealisticCodeTests
{
    [Fact]
    public Task RecordsGenericBasesAndInterfacesDisclose() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public interface IFeeSchedule
        {
            [Disclosure(DisclosureItem.Fees)] string FeeTable { get; }
        }

        public abstract class ProductPage<TProduct>
        {
            [Disclosure(DisclosureItem.RiskLevel)] public string RiskLevel => "R2";
        }

        [RequiresDisclosure(DisclosureItem.RiskLevel, DisclosureItem.Fees, DisclosureItem.PastPerformance)]
        public sealed record MoneyMarketPage(
            [property: Disclosure(DisclosureItem.PastPerformance)] string SevenDayYieldHistory) : IFeeSchedule
        {
            [Disclosure(DisclosureItem.RiskLevel)] public string Risk => "R1";
            public string FeeTable => "管理费 0.15%/年";
        }

        [RequiresDisclosure(DisclosureItem.RiskLevel, DisclosureItem.Fees)]
        public sealed class BondFundPage : ProductPage<string>, IFeeSchedule
        {
            string IFeeSchedule.FeeTable => "申购费 0.6%";
        }

        [RequiresDisclosure(DisclosureItem.RiskLevel, DisclosureItem.Fees)]
        public sealed class {|FIN1005:EquityFundPage|} : ProductPage<string>
        {
        }
        """);
}
