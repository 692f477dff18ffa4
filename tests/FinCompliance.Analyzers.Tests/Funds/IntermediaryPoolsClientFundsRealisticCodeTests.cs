using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.IntermediaryPoolsClientFundsAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

/// <summary>FIN2003 on modern C# shapes of a lending platform: records, primary constructors, DI services.</summary>
public sealed class IntermediaryPoolsClientFundsRealisticCodeTests
{
    [Fact]
    public Task RecordsAndCapturedPrimaryConstructorParametersHoldFunds() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using FinCompliance;

        [ClientFunds]
        public sealed class LenderBalance { public decimal Amount { get; set; } }

        public interface ICustodianClient { decimal BalanceOf(string lenderId); }

        [InformationIntermediary]
        public sealed record LoanListing(string LoanId, [property: ClientFunds] decimal {|FIN2003:Raised|});

        [InformationIntermediary]
        public sealed class MatchingService(ICustodianClient custodian, List<LenderBalance> {|FIN2003:balances|})
        {
            public decimal Total() { decimal sum = 0; foreach (var b in balances) sum += b.Amount; return sum + custodian.BalanceOf("x"); }
        }

        [InformationIntermediary]
        public sealed class ListingService(ICustodianClient custodian, [ClientFunds] decimal escrow) : ListingBase(escrow)
        {
            public decimal Available(string lenderId) => custodian.BalanceOf(lenderId);
        }

        public abstract class ListingBase(decimal amount) { public decimal Amount => amount; }
        """);

    [Fact]
    public Task PrimaryConstructorParametersReadOnlyByInitializersAreNotKept() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using FinCompliance;

        [ClientFunds]
        public sealed class LenderBalance { public decimal Amount { get; set; } }

        [InformationIntermediary]
        public sealed class Snapshot(List<LenderBalance> balances, [ClientFunds] decimal escrow)
        {
            public int Count { get; } = balances.Count;
            private readonly decimal label = escrow > 0 ? 1m : 0m;
            public decimal Label => label;
        }

        [InformationIntermediary]
        public sealed class Local(List<LenderBalance> balances)
        {
            public Local() : this(new List<LenderBalance>()) { }
            public static int Describe(List<LenderBalance> balances) => balances.Count;
        }
        """);

    [Fact]
    public Task CaptureInAnotherPartOfAPartialTypeIsReportedOnce() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Collections.Generic;
                using FinCompliance;

                [ClientFunds]
                public sealed class LenderBalance { public decimal Amount { get; set; } }

                [InformationIntermediary]
                public sealed partial class Matching(List<LenderBalance> {|FIN2003:balances|})
                {
                    public int Count => balances.Count;
                }
                """,
                """
                public sealed partial class Matching
                {
                    public decimal Total() { decimal sum = 0; foreach (var b in balances) sum += b.Amount; return sum; }
                    public bool Any() => balances.Count > 0;
                }
                """,
            },
        },
    }.RunAsync();
}
