using System.Threading.Tasks;
using FinCompliance.Analyzers.Funds;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.ReserveFundsUsedForRedemptionAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

public sealed class ReserveFundsUsedForRedemptionTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;

        [CustomerReserveFunds]
        public class ReserveAccount
        {
            public string AccountId { get; } = "R-1";
            public decimal Balance { get; private set; }
            public decimal Withdraw(decimal amount) { Balance -= amount; return amount; }
            public Task<decimal> WithdrawAsync(decimal amount) => Task.FromResult(Withdraw(amount));
            public void TransferTo(object destination, decimal amount) { }
            public void PayMerchant(string merchantId, decimal amount) { }
        }

        [ProprietaryFunds]
        public class OwnAccount
        {
            public decimal Withdraw(decimal amount) => amount;
        }

        [Redemption]
        public class RedemptionPayer
        {
            public decimal Source { get; set; }
            public void Pay(string investorId, decimal amount) { }
            public Task PayAsync(string investorId, decimal amount) => Task.CompletedTask;
            public void Log(string message) { }
            public static void Advance(decimal amount) { }
        }

        public class FundDesk
        {
            [Redemption] public void Redeem(decimal amount) { }
            public void Settle([Redemption] object account, decimal amount) { }
            public void Notify(string investorId, decimal amount) { }
        }

        public class RedemptionOrder
        {
            public RedemptionOrder([Redemption] decimal funding) { }
        }
        """;

    private static Task VerifyAsync(string body) => Verify.VerifyAnalyzerAsync(Model + "\npublic class Subject\n{\n" + body + "\n}\n");

    [Fact]
    public Task ReserveValuePassedToARedemptionMethodIsFlagged() => VerifyAsync("""
        void M(ReserveAccount reserve, FundDesk desk)
        {
            desk.Redeem({|FIN2001:reserve.Balance|});
            desk.Settle({|FIN2001:reserve|}, 1m);
        }
        """);

    [Fact]
    public Task MoneyWithdrawnFromTheReserveAndPaidThroughARedemptionObjectIsFlagged() => VerifyAsync("""
        void M(ReserveAccount reserve, RedemptionPayer payer)
        {
            payer.Pay("I-1", {|FIN2001:reserve.Withdraw(100m)|});
            RedemptionPayer.Advance({|FIN2001:reserve.Withdraw(5m)|});
        }
        """);

    [Fact]
    public Task ReserveValuesReachingARedemptionThroughLocalsTernariesAndCreationsAreFlagged() => VerifyAsync("""
        void M(ReserveAccount reserve, FundDesk desk, bool urgent)
        {
            var amount = reserve.Withdraw(50m);
            var chosen = urgent ? amount : 0m;
            desk.Redeem({|FIN2001:chosen|});
            var order = new RedemptionOrder({|FIN2001:Math.Round(amount * 2, 2)|});
        }

        void Aggregated(List<ReserveAccount> reserves, FundDesk desk)
        {
            desk.Redeem({|FIN2001:reserves.Sum(r => r.Balance)|});
            desk.Notify(string.Join(",", reserves.Select(r => r.AccountId)), 0m);
        }
        """);

    [Fact]
    public Task AReserveMethodReceivingARedemptionTargetIsFlagged() => VerifyAsync("""
        void M(ReserveAccount reserve, RedemptionPayer payer)
        {
            reserve.TransferTo({|FIN2001:payer|}, 10m);
        }
        """);

    [Fact]
    public Task AssigningReserveFundsIntoARedemptionObjectIsFlagged() => VerifyAsync("""
        void M(ReserveAccount reserve, RedemptionPayer payer)
        {
            {|FIN2001:payer.Source = reserve.Balance|};
            var fresh = new RedemptionPayer { {|FIN2001:Source = reserve.Withdraw(1m)|} };
        }
        """);

    [Fact]
    public Task AwaitedWithdrawalsAndLambdasAreFlagged() => VerifyAsync("""
        async Task M(ReserveAccount reserve, RedemptionPayer payer, FundDesk desk, [CustomerReserveFunds] decimal pool)
        {
            var amount = await reserve.WithdrawAsync(10m);
            await payer.PayAsync("I-1", {|FIN2001:amount|});
            await Task.Run(() => desk.Redeem({|FIN2001:amount|}));
            Local();
            void Local() => desk.Redeem({|FIN2001:pool|});
        }
        """);

    [Fact]
    public Task ARedemptionTypeUsingReserveFundsInItsOwnMethodsIsFlagged() => Verify.VerifyAnalyzerAsync(Model + """
        [Redemption]
        public class AdvanceDesk
        {
            public void Pay(decimal amount) { }
            public void Run(ReserveAccount reserve, OwnAccount own)
            {
                Pay({|FIN2001:reserve.Balance|});
                Pay(own.Withdraw(1m));
            }
        }
        """);

    [Fact]
    public Task RedemptionsAdvancedFromOwnMoneyAreSilent() => VerifyAsync("""
        async Task M(OwnAccount own, FundDesk desk, RedemptionPayer payer)
        {
            desk.Redeem(own.Withdraw(100m));
            payer.Pay("I-1", own.Withdraw(3m));
            var order = new RedemptionOrder(own.Withdraw(1m));
            payer.Source = own.Withdraw(2m);
            await payer.PayAsync("I-2", 5m);
        }
        """);

    [Fact]
    public Task CustomerInstructedPaymentsIdentifiersAndNoticesAreSilent() => VerifyAsync("""
        void M(ReserveAccount reserve, FundDesk desk, RedemptionPayer payer)
        {
            reserve.PayMerchant("M-1", reserve.Withdraw(20m));
            payer.Log(reserve.AccountId);
            payer.Log($"Redemption for {reserve.AccountId} queued");
            desk.Notify(reserve.AccountId, reserve.Balance);
            desk.Notify("I-1", 0m);
            var balance = reserve.Balance;
            desk.Notify("I-2", balance);
        }

        void Reused(ReserveAccount reserve, OwnAccount own, FundDesk desk)
        {
            var amount = reserve.Withdraw(20m);
            reserve.PayMerchant("M-2", amount);
            amount = own.Withdraw(20m);
            desk.Redeem(amount);
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Model + """
                public class Subject
                {
                    void M(ReserveAccount reserve, FundDesk desk)
                    {
                        desk.Redeem(reserve.Balance +);
                        desk.Redeem({|FIN2001:reserve.Balance|});
                        desk.Missing(reserve.Balance);
                        var x = new Unknown(reserve.Withdraw(1m));
                        desk.Redeem(
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }
}
