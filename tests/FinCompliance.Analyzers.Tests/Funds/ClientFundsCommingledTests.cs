using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.ClientFundsCommingledAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

public sealed class ClientFundsCommingledTests
{
    private const string Model = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        [ClientFunds]
        public class ClientAccount
        {
            public string AccountNo { get; } = "C-1";
            public decimal Balance { get; set; }
            public decimal Withdraw(decimal amount) => amount;
            public void Deposit(decimal amount) { }
        }

        [CustomerReserveFunds]
        public class ReserveAccount
        {
            public decimal Balance { get; set; }
        }

        [ProprietaryFunds]
        public record OwnAccount
        {
            public decimal Balance { get; set; }
            public decimal Withdraw(decimal amount) => amount;
            public Task<decimal> WithdrawAsync(decimal amount) => Task.FromResult(amount);
            public void Deposit(decimal amount) { }
        }

        public record Transfer(OwnAccount From, ClientAccount To, decimal Amount);
        public record Statement(decimal ClientTotal, decimal OwnTotal);

        public static class Transfers
        {
            public static void Move(ClientAccount from, OwnAccount to, decimal amount) { }
            public static void Report(decimal clientTotal, decimal ownTotal) { }
            public static void Credit([ClientFunds] decimal amount) { }
            public static void Log(string account, decimal amount) { }

            [AuthorizedTransfer("Collects the management fee the client agreed to")]
            public static void CollectFee(ClientAccount client, OwnAccount own, decimal fee)
            {
                own.Deposit(client.Withdraw(fee));
                Action later = () => own.Deposit(client.Withdraw(fee));
                Local();
                void Local() => own.Balance += client.Withdraw(fee);
            }
        }
        """;

    private static Task VerifyAsync(string body) => Verify.VerifyAnalyzerAsync(Model + "\npublic class Subject\n{\n" + body + "\n}\n");

    [Fact]
    public Task ArithmeticCombiningClientAndProprietaryFundsIsFlagged() => VerifyAsync("""
        void M(ClientAccount client, OwnAccount own, ReserveAccount reserve)
        {
            var total = {|FIN2002:client.Balance + own.Balance|};
            var net = {|FIN2002:reserve.Balance - own.Balance|};
            var sum = client.Balance;
            {|FIN2002:sum += own.Balance|};
            var chained = {|FIN2002:client.Balance + own.Balance|} + own.Balance;
        }
        """);

    [Fact]
    public Task TransferCallsTakingBothAreFlagged() => VerifyAsync("""
        void M(ClientAccount client, OwnAccount own)
        {
            own.Deposit({|FIN2002:client.Withdraw(5m)|});
            Transfers.Move(client, {|FIN2002:own|}, 5m);
            Transfers.Credit({|FIN2002:own.Balance|});
            var transfer = new Transfer(own, {|FIN2002:client|}, 5m);
            Transfers.Credit({|FIN2002:own.Withdraw(1m)|});
            client.Deposit({|FIN2002:own.Balance|});
        }
        """);

    [Fact]
    public Task AssigningOneIntoTheOtherIsFlagged() => VerifyAsync("""
        void M(ClientAccount client, OwnAccount own)
        {
            {|FIN2002:own.Balance = client.Balance|};
            var topUp = own.Withdraw(10m);
            {|FIN2002:client.Balance += topUp|};
        }
        """);

    [Fact]
    public Task AsyncAndLambdaCommingling() => VerifyAsync("""
        async Task M(ClientAccount client, OwnAccount own)
        {
            var fee = await own.WithdrawAsync(1m);
            client.Deposit({|FIN2002:fee|});
            Func<decimal> f = () => {|FIN2002:client.Balance * own.Balance|};
        }
        """);

    [Fact]
    public Task AuthorizedTransfersComparisonsAndDisplayAreSilent() => VerifyAsync("""
        void M(ClientAccount client, OwnAccount own, ReserveAccount reserve)
        {
            Transfers.CollectFee(client, own, 1m);
            var covered = client.Balance > own.Balance;
            var text = $"client {client.Balance}, own {own.Balance}";
            var line = "client " + client.Balance + " own " + own.Balance;
            Console.WriteLine("{0} {1}", client.Balance, own.Balance);
            var doubled = client.Balance + client.Balance + reserve.Balance;
            var buffer = own.Balance + 10m;
            Transfers.Log(client.AccountNo, own.Balance);
            Transfers.Report(client.Balance, own.Balance);
            var statement = new Statement(client.Balance, own.Balance);
            own.Deposit(own.Withdraw(1m));
        }
        """);

    [Fact]
    public Task AReassignedLocalIsNotCommingling() => VerifyAsync("""
        void M(ClientAccount client, OwnAccount own)
        {
            var amount = client.Balance;
            client.Deposit(amount);
            amount = own.Balance;
            own.Deposit(amount);
        }
        """);

    [Fact]
    public Task FieldInitializersPropertiesConstructorsAndSwitchExpressionsAreAnalysed() => VerifyAsync("""
        [ClientFunds] static decimal clientFloat = 10m;
        [ProprietaryFunds] static decimal ownFloat = 5m;
        static decimal pooled = {|FIN2002:clientFloat + ownFloat|};
        decimal Pooled => {|FIN2002:clientFloat - ownFloat|};
        decimal separate;

        Subject(ClientAccount client, OwnAccount own, int mode)
        {
            separate = client.Balance;
            var picked = mode switch { 0 => client.Balance, _ => 0m };
            own.Deposit({|FIN2002:picked|});
            var copy = own with { };
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow() => new Verify.Test
    {
        TestCode = Model + """
            public class Subject
            {
                void M(ClientAccount client, OwnAccount own)
                {
                    var a = client.Balance + ;
                    var b = {|FIN2002:client.Balance + own.Balance|};
                    own.Deposit(client.
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();
}
