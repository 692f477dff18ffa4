using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.RetainedRecordDeletedEarlyAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Records;

/// <summary>FIN5002 on the repositories and clean-up jobs of a fund platform (real EF Core 8).</summary>
public sealed class RetainedRecordDeletedEarlyRealisticCodeTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;

        [RetainedRecord]
        public class LedgerEntry
        {
            public long Id { get; set; }
            public string AccountNo { get; set; } = "";
            public DateTimeOffset BookedAt { get; set; }
            public bool IsDeleted { get; set; }
            public decimal Amount { get; set; }
        }

        public class FundDb(DbContextOptions<FundDb> options) : DbContext(options)
        {
            public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
        }

        """;

    private static Task VerifyAsync(string source)
    {
        var test = new Verify.Test { TestCode = Model + source };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task SoftDeletesAndFilteredPurgesAreSilent() => VerifyAsync("""
        public sealed class LedgerRetentionJob(FundDb db, TimeProvider clock)
        {
            private const int RetentionYears = 5;

            public async Task SoftDeleteAsync(long id, CancellationToken ct)
            {
                var entry = await db.Ledger.SingleAsync(e => e.Id == id, ct);
                entry.IsDeleted = true;
                db.Ledger.Update(entry);
                await db.Ledger.Where(e => e.AccountNo == "X").ExecuteUpdateAsync(s => s.SetProperty(e => e.IsDeleted, true), ct);
                await db.SaveChangesAsync(ct);
            }

            public Task<int> PurgeAsync(string account, CancellationToken ct)
                => db.Ledger
                    .Where(e => e.AccountNo == account)
                    .Where(e => e.BookedAt < DateTimeOffset.UtcNow.AddYears(-RetentionYears))
                    .ExecuteDeleteAsync(ct);

            public Task<int> PurgeWithLocalCutoffAsync(CancellationToken ct)
            {
                var cutoff = DateTimeOffset.UtcNow.AddYears(-6);
                return db.Ledger.Where(e => e.IsDeleted && e.BookedAt <= cutoff).ExecuteDeleteAsync(ct);
            }

            public Task<int> PurgeWithTimeProviderAsync(CancellationToken ct)
                => db.Ledger.Where(e => e.BookedAt < clock.GetUtcNow().AddYears(-5)).ExecuteDeleteAsync(ct);

            public Task<int> PurgeWithSystemTimeProviderAsync(CancellationToken ct)
            {
                var cutoff = TimeProvider.System.GetLocalNow().AddDays(-2000);
                return db.Ledger.Where(e => e.BookedAt < cutoff).ExecuteDeleteAsync(ct);
            }
        }
        """);

    [Fact]
    public Task PurgesThatCanDeleteYoungRecordsAreFlagged() => VerifyAsync("""
        public sealed class LedgerCleanup(FundDb db)
        {
            public Task<int> PurgeSoftDeletedAsync(CancellationToken ct)
                => db.Ledger.Where(e => e.IsDeleted).Where(e => e.AccountNo != "").{|FIN5002:ExecuteDeleteAsync(ct)|};

            public Task<int> PurgeLastYearAsync(CancellationToken ct)
                => db.Ledger.Where(e => e.AccountNo != "").Where(e => e.BookedAt < DateTimeOffset.UtcNow.AddYears(-1)).{|FIN5002:ExecuteDeleteAsync(ct)|};

            public Task<int> PurgeWithTimeProviderTooEarlyAsync(TimeProvider clock, CancellationToken ct)
                => db.Ledger.Where(e => e.BookedAt < clock.GetUtcNow().AddYears(-2)).{|FIN5002:ExecuteDeleteAsync(ct)|};

            public Task<int> PurgeWithRowSideAgeAsync(CancellationToken ct)
                => db.Ledger.Where(e => e.BookedAt.AddYears(5) < DateTimeOffset.UtcNow).{|FIN5002:ExecuteDeleteAsync(ct)|};

            public async Task RemoveAsync(long id, CancellationToken ct)
            {
                var entry = await db.Ledger.FindAsync([id], ct);
                if (entry is not null)
                {
                    db.Ledger.{|FIN5002:Remove(entry)|};
                }
            }
        }
        """);
}
