using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.ReserveFundsUsedForRedemptionAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

/// <summary>FIN2001 on a payment institution's redemption desk: services, logs, reused locals, LINQ.</summary>
public sealed class ReserveFundsUsedForRedemptionRealisticCodeTests
{
    private const string Platform = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.Extensions.Logging;

        [CustomerReserveFunds]
        public sealed class ReserveAccount
        {
            public decimal Balance { get; set; }
            public decimal Withdraw(decimal amount) => amount;
        }

        [ProprietaryFunds]
        public sealed class FirmAccount
        {
            public decimal Balance { get; set; }
            public decimal Withdraw(decimal amount) => amount;
        }

        [Redemption]
        public class RedemptionPayer
        {
            public string? LastNote { get; set; }
            public virtual Task PayAsync(string investorId, decimal amount) => Task.CompletedTask;
            public virtual void Audit(string message) { }
        }
        """;

    private static Task VerifyAsync(string body)
    {
        var test = new Verify.Test { TestCode = Platform + "\n" + body + "\n" };
        test.TestState.AddLibraries();
        return test.RunAsync();
    }

    [Fact]
    public Task MonitoringTheReserveNextToRedemptionsIsSilent() => VerifyAsync("""
        public sealed class RedemptionDesk(RedemptionPayer payer, ILogger<RedemptionDesk> logger)
        {
            public async Task RedeemAsync(string investorId, decimal amount, ReserveAccount reserve, FirmAccount firm)
            {
                logger.LogInformation("Reserve {Reserve} before redemption of {Amount}", reserve.Balance, amount);
                payer.Audit($"reserve balance {reserve.Balance:N2} unchanged");
                payer.LastNote = "reserve " + reserve.Balance;
                var funding = reserve.Balance;
                logger.LogInformation("Reserve {Funding}", funding);
                funding = firm.Withdraw(amount);
                await payer.PayAsync(investorId, funding);
            }
        }
        """);

    [Fact]
    public Task PayingRedemptionsFromTheReserveIsFlagged() => VerifyAsync("""
        public sealed class RedemptionDesk(RedemptionPayer payer)
        {
            public async Task RedeemAsync(string investorId, decimal amount, ReserveAccount reserve, IEnumerable<ReserveAccount> pools)
            {
                var advance = reserve.Withdraw(amount);
                await payer.PayAsync(investorId, {|FIN2001:advance|});
                await payer.PayAsync(investorId, {|FIN2001:pools.Sum(p => p.Balance)|});
            }
        }
        """);
}
