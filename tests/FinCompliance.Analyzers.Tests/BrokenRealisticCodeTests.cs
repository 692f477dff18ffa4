using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers.Funds;
using FinCompliance.Analyzers.Promotion;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Tests;

/// <summary>
/// The promotion, funds, conduct and records rules over realistic fund-platform code cut into broken variants, as
/// an IDE sees it while someone types: truncated files, missing braces, half-typed member access, missing usings.
/// An analyzer exception (AD0001) in any variant fails the test.
/// </summary>
public sealed class BrokenRealisticCodeTests
{
    private const string Platform = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Logging;

        [ClientFunds] public sealed class ClientLedger { public decimal Balance { get; set; } public decimal Debit(decimal a) => a; }
        [CustomerReserveFunds] public sealed class ReserveAccount { public decimal Balance { get; set; } public decimal Withdraw(decimal a) => a; }
        [ProprietaryFunds] public sealed class FirmLedger { public decimal Balance { get; set; } public void Credit(decimal a) { } public void Annotate(string s) { } }
        [Redemption] public class RedemptionPayer { public virtual Task PayAsync(string id, decimal amount) => Task.CompletedTask; }
        public sealed record ReconciliationReport(decimal ClientTotal, decimal FirmTotal);

        [InformationIntermediary]
        public sealed class LendingPlatform
        {
            [ClientFunds] private decimal pool;
            [CreditEnhancement] public void GuaranteePrincipal() { }
        }

        [InformationIntermediary]
        public sealed class MatchingService(List<ClientLedger> ledgers, [ClientFunds] decimal escrow) { public int Count => ledgers.Count; }

        [ProductPromotion(ProductKind.Fund)]
        [RequiresDisclosure(DisclosureItem.Fees, DisclosureItem.RiskLevel)]
        public partial class MoneyMarketBanner
        {
            [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。";
            [Disclosure(DisclosureItem.Fees)] public string Fees => "0.15%";
            [ProductYield] public decimal SevenDayYield { get; set; }
            [PromotionalReward] public decimal Coupon { get; set; }
            public string Headline => $"七日年化 {SevenDayYield + Coupon:P2}，保本稳赚，行业第一";
        }

        public interface IPromotion { [RiskWarning] string RiskWarning { get; } [Disclosure(DisclosureItem.RiskLevel)] string Risk { get; } }
        [ProductPromotion(ProductKind.Fund)] public abstract class CampaignBase { public abstract string Title { get; } }
        [RequiresDisclosure(DisclosureItem.RiskLevel)]
        public sealed class SpringCampaign : CampaignBase, IPromotion { public override string Title => "春"; public string RiskWarning => "基金有风险"; string IPromotion.Risk => "R1"; }

        public sealed class SubscriptionForm { [OptIn] public bool? AutoReinvest { get; set; } = true; }

        [RetainedRecord]
        public class LedgerEntry { public long Id { get; set; } public DateTimeOffset BookedAt { get; set; } }

        public class FundDb : DbContext { public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>(); }

        public interface IRiskProfiler { [SuitabilityCheck] Task<bool> IsSuitableAsync(string c, string f); [SuitabilityCheck] ReconciliationReport Assess(string c); }
        public interface IKyc { [CustomerIdentification] bool Verify(string c); }
        public interface IOrders { [ProductSale] Guid Subscribe(string c, string f); [RequiresCustomerIdentification] void Pay(string c, decimal a); }

        public sealed class FundService(IRiskProfiler profiler, IKyc kyc, IOrders orders, FundDb db, ILogger<FundService> logger, RedemptionPayer payer)
        {
            public async Task<Guid> SubscribeAsync(string customer, string fund, ClientLedger client, FirmLedger firm)
            {
                if (!await profiler.IsSuitableAsync(customer, fund)) throw new InvalidOperationException("unsuitable");
                _ = profiler.Assess(customer);
                firm.Annotate($"client {client.Balance}");
                return orders.Subscribe(customer, fund);
            }

            public void Pay(string customer, decimal amount)
            {
                if (kyc.Verify(customer)) orders.Pay(customer, amount);
                orders.Pay(customer, amount);
            }

            public async Task RedeemAsync(ReserveAccount reserve, ClientLedger client, FirmLedger firm)
            {
                await payer.PayAsync("I-1", reserve.Withdraw(10m));
                firm.Credit(client.Debit(1m));
                logger.LogInformation("{C} {F}", client.Balance, firm.Balance);
                var report = new ReconciliationReport(client.Balance, firm.Balance);
                var total = client.Balance + firm.Balance switch { > 0 => 1m, _ => 0m };
            }

            public Task<int> PurgeAsync(CancellationToken ct)
                => db.Ledger.Where(e => e.BookedAt < DateTimeOffset.UtcNow.AddYears(-1)).ExecuteDeleteAsync(ct);

            public void Remove(LedgerEntry entry) => db.Ledger.Remove(entry);
        }
        """;

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
    {
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.Add(TestReferences.FinCompliance).AddRange(TestReferences.Libraries);
    });

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
    [
        new GuaranteedReturnsAnalyzer(), new MissingRiskWarningAnalyzer(), new RewardMixedWithYieldAnalyzer(),
        new AbsoluteOrEndorsementClaimAnalyzer(), new MissingDisclosureAnalyzer(), new ReserveFundsUsedForRedemptionAnalyzer(),
        new ClientFundsCommingledAnalyzer(), new IntermediaryPoolsClientFundsAnalyzer(),
        new IntermediaryProvidesCreditEnhancementAnalyzer(), new SaleWithoutSuitabilityCheckAnalyzer(),
        new AddOnPreselectedAnalyzer(), new MoneyMovedWithoutIdentificationAnalyzer(), new RetainedRecordDeletedEarlyAnalyzer(),
    ];

    /// <summary>Broken variants: cut after every line, each closing brace and parenthesis removed, half-typed member access, missing usings.</summary>
    private static IEnumerable<string> Variants()
    {
        var lines = Platform.Split('\n');
        for (var count = 12; count < lines.Length; count += 3)
        {
            yield return string.Join('\n', lines.Take(count));
        }

        var brace = 0;
        for (var index = Platform.IndexOf('}'); index >= 0; index = Platform.IndexOf('}', index + 1))
        {
            if (brace++ % 2 == 0)
            {
                yield return Platform.Remove(index, 1);
            }
        }

        for (var index = Platform.IndexOf(')'); index >= 0; index = index + 40 < Platform.Length ? Platform.IndexOf(')', index + 40) : -1)
        {
            yield return Platform.Remove(index, 1);
        }

        for (var index = Platform.IndexOf(".Balance", StringComparison.Ordinal); index >= 0;
             index = Platform.IndexOf(".Balance", index + 1, StringComparison.Ordinal))
        {
            yield return Platform.Remove(index + 1, 7);
        }

        foreach (var word in new[] { "using FinCompliance;", "using Microsoft.EntityFrameworkCore;", "using Microsoft.Extensions.Logging;", "using System.Threading.Tasks;" })
        {
            yield return Platform.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        yield return Platform.Replace("ProductKind.Fund", "ProductKind.", StringComparison.Ordinal)
            .Replace("DisclosureItem.RiskLevel", "DisclosureItem", StringComparison.Ordinal)
            .Replace("AddYears(-1)", "AddYears(", StringComparison.Ordinal)
            .Replace("[OptIn]", "[OptIn(", StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRuleThrowsOnBrokenVariants()
    {
        var references = await References.Value;
        var failures = new List<string>();
        var variant = 0;
        var reported = new HashSet<string>();
        foreach (var source in Variants())
        {
            variant++;
            var compilation = CSharpCompilation.Create(
                "Broken" + variant,
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Platform.cs")],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                (exception, analyzer, _) => failures.Add($"variant {variant}: {analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => $"variant {variant}: {d}"));
            reported.UnionWith(diagnostics.Select(d => d.Id));
        }

        Assert.True(variant > 40, "too few variants: " + variant);
        Assert.Superset(new HashSet<string> { "FIN1001", "FIN1003", "FIN1004", "FIN1005", "FIN2001", "FIN2002", "FIN2003", "FIN2004", "FIN4002", "FIN5001", "FIN5002" }, reported.Where(id => id.StartsWith("FIN", StringComparison.Ordinal)).ToHashSet());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
    }
}
