using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.IntermediaryPoolsClientFundsAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

public sealed class IntermediaryPoolsClientFundsTests
{
    private const string Model = """
        using System.Collections.Generic;
        using FinCompliance;

        [ClientFunds]
        public class EscrowAccount
        {
            public decimal Balance { get; set; }
        }

        [ProprietaryFunds]
        public class OperatingAccount
        {
        }
        """;

    [Fact]
    public Task ClientFundsMembersOfAnIntermediaryAreFlagged() => Verify.VerifyAnalyzerAsync(Model + """
        [InformationIntermediary]
        public class LendingPlatform
        {
            [ClientFunds] private decimal {|FIN2003:pooled|};
            public EscrowAccount? {|FIN2003:Escrow|} { get; set; }
            public List<EscrowAccount> {|FIN2003:Accounts|} { get; } = new();
            public EscrowAccount[] {|FIN2003:Archive|} = new EscrowAccount[0];
            [CustomerReserveFunds] public decimal {|FIN2003:Reserve|} { get; set; }
        }

        public class PeerToPeerPlatform : LendingPlatform
        {
            public EscrowAccount? {|FIN2003:Settlement|} { get; set; }
        }
        """);

    [Fact]
    public Task OtherMembersAndNonIntermediariesAreSilent() => Verify.VerifyAnalyzerAsync(Model + """
        [InformationIntermediary]
        public class CrowdfundingPlatform
        {
            public string AccountId { get; set; } = "";
            [ProprietaryFunds] public decimal OwnCapital { get; set; }
            public OperatingAccount? Operating { get; set; }
            public decimal FeeRate { get; set; }
            public decimal Describe(EscrowAccount custodianHeld) => 0m;
        }

        public class CustodianBank
        {
            [ClientFunds] private decimal deposits;
            public EscrowAccount? Escrow { get; set; }
            public List<EscrowAccount> Accounts { get; } = new();
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow() => new Verify.Test
    {
        TestCode = Model + """
            [InformationIntermediary]
            public class Broken
            {
                public Missing Pool { get; set; }
                [ClientFunds] public decimal {|FIN2003:Held|} { get; set }
                public List<
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();
}
