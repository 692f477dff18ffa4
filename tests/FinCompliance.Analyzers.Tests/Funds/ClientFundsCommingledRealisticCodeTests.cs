using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.ClientFundsCommingledAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

/// <summary>FIN2002 on the code a money-market fund platform writes: reconciliation, reports, logs, ledgers.</summary>
public sealed class ClientFundsCommingledRealisticCodeTests
{
    private const string Platform = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.Extensions.Logging;

        [ClientFunds]
        public sealed class ClientLedger
        {
            public Guid LedgerId { get; } = Guid.NewGuid();
            public decimal Balance { get; set; }
            public List<decimal> Entries { get; } = new();
            public decimal Debit(decimal amount) { Balance -= amount; return amount; }
        }

        [ProprietaryFunds]
        public sealed class FirmLedger
        {
            public decimal Balance { get; set; }
            public void Credit(decimal amount) => Balance += amount;
            public void Annotate(string note) { }
            public string Memo { get; set; } = "";
        }

        [ProprietaryFunds]
        public sealed record FirmSnapshot(decimal Balance, DateTime AsOf);

        public sealed record ReconciliationReport(decimal ClientTotal, decimal FirmTotal, DateTime AsOf);

        public sealed record TaggedReport([ClientFunds] decimal ClientTotal, [ProprietaryFunds] decimal FirmTotal);

        public sealed class ReconciliationLine
        {
            public decimal ClientTotal { get; init; }
            public decimal FirmTotal { get; init; }
        }

        public interface IReportSink
        {
            Task PublishAsync(string title, decimal clientTotal, decimal firmTotal);
        }

        public interface ILedgerTransfers
        {
            void Move(ClientLedger from, FirmLedger to, decimal amount);
        }
        """;

    private static Task VerifyAsync(string body)
    {
        var test = new Verify.Test { TestCode = Platform + "\n" + body + "\n" };
        test.TestState.AddLibraries();
        return test.RunAsync();
    }

    [Fact]
    public Task ReconciliationReportsPutBothTotalsSideBySide() => VerifyAsync("""
        public sealed class ReconciliationService(ILogger<ReconciliationService> logger, IReportSink sink)
        {
            public async Task<ReconciliationReport> RunAsync(ClientLedger client, FirmLedger firm)
            {
                var clientTotal = client.Balance;
                var firmTotal = firm.Balance;
                logger.LogInformation("Client {ClientTotal} firm {FirmTotal}", clientTotal, firmTotal);
                Console.WriteLine(string.Format("{0} / {1}", clientTotal, firmTotal));
                await sink.PublishAsync("daily", clientTotal, firmTotal);
                firm.Annotate($"client total {clientTotal:N2}");
                firm.Memo = "client " + client.Balance;
                var line = new ReconciliationLine { ClientTotal = clientTotal, FirmTotal = firmTotal };
                if (clientTotal < firmTotal || client.Balance == firm.Balance)
                {
                    logger.LogWarning("Check ledgers");
                }

                var tagged = new TaggedReport(clientTotal, firmTotal);
                return new ReconciliationReport(clientTotal, firmTotal, DateTime.UtcNow);
            }
        }
        """);

    [Fact]
    public Task MovingMoneyBetweenTheLedgersIsStillFlagged() => VerifyAsync("""
        public sealed class SweepService(ILedgerTransfers transfers)
        {
            public void Sweep(ClientLedger client, FirmLedger firm)
            {
                firm.Credit({|FIN2002:client.Debit(10m)|});
                transfers.Move(client, {|FIN2002:firm|}, 10m);
                var pooled = {|FIN2002:client.Balance + firm.Balance|};
                var swapped = new TaggedReport({|FIN2002:firm.Balance|}, client.Balance);
                {|FIN2002:firm.Balance += client.Balance|};
            }
        }
        """);

    [Fact]
    public Task ALocalReusedForTheOtherLedgerIsNotAMixture() => VerifyAsync("""
        public sealed class Totals
        {
            public void Print(ClientLedger client, FirmLedger firm)
            {
                decimal total = client.Balance;
                Console.WriteLine(total);
                total = firm.Balance;
                Console.WriteLine(total);
                var doubled = total * 2;
                firm.Credit(doubled);
            }

            public (decimal Client, decimal Firm) Sum(IEnumerable<ClientLedger> clients, IEnumerable<FirmLedger> firms)
            {
                decimal running = 0m;
                foreach (var c in clients) running += c.Balance;
                var clientTotal = running;
                running = 0m;
                foreach (var f in firms) running += f.Balance;
                return (clientTotal, running);
            }
        }
        """);

    [Fact]
    public Task RecordsPatternsAndLinqThatMoveMoneyAreFlagged() => VerifyAsync("""
        public sealed class Snapshots
        {
            public FirmSnapshot Next(FirmSnapshot firm, ClientLedger client, IEnumerable<ClientLedger> clients)
            {
                var topped = firm with { {|FIN2002:Balance = client.Balance|} };
                var fromAll = firm with { {|FIN2002:Balance = clients.Sum(c => c.Balance)|} };
                var shortfall = client.Balance switch
                {
                    < 0m => {|FIN2002:firm.Balance + client.Balance|},
                    _ => 0m,
                };
                return new FirmSnapshot(firm.Balance, DateTime.UtcNow);
            }
        }
        """);
}
