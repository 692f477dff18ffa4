using System;
using System.Threading.Tasks;
using System.Linq;
using FinCompliance;
using Microsoft.EntityFrameworkCore;

namespace FundSales.Records;

/// <summary>A fund subscription, kept for the project's retention period (FinComplianceRetentionYears, default 5).</summary>
[RetainedRecord]
public class SubscriptionRecord
{
    public long Id { get; set; }
    public string FundCode { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The outcome of an identity verification, kept 10 years by the platform's policy.</summary>
[RetainedRecord(10)]
public class IdentityVerificationRecord
{
    public long Id { get; set; }
    public string CustomerRef { get; set; } = "";
    public DateTime VerifiedAt { get; set; }
}

/// <summary>Working data that is not a retained record.</summary>
public class CheckoutDraft
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class RecordsDbContext : DbContext
{
    public RecordsDbContext(DbContextOptions<RecordsDbContext> options)
        : base(options)
    {
    }

    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();
    public DbSet<IdentityVerificationRecord> IdentityVerifications => Set<IdentityVerificationRecord>();
    public DbSet<CheckoutDraft> Drafts => Set<CheckoutDraft>();
}

public sealed class RecordsCleanupJob
{
    private readonly RecordsDbContext db;

    public RecordsCleanupJob(RecordsDbContext db) => this.db = db;

    // Compliant: only subscriptions older than the 5-year retention period are deleted.
    // (ExecuteDelete[Async] from Microsoft.EntityFrameworkCore.Relational is checked the same way.)
    public Task<int> PurgeExpiredSubscriptionsAsync()
    {
        var cutoff = DateTime.UtcNow.AddYears(-5);
        db.Subscriptions.RemoveRange(db.Subscriptions.Where(r => r.CreatedAt < cutoff));
        return db.SaveChangesAsync();
    }

    // FIN5002: a one-year purge deletes records that must still be kept.
    public async Task<int> PurgeLastYearAsync()
    {
        foreach (var record in db.Subscriptions.Where(r => r.CreatedAt < DateTime.UtcNow.AddYears(-1)))
        {
            db.Subscriptions.Remove(record);
        }

        return await db.SaveChangesAsync();
    }

    // FIN5002: an erasure request deletes identity verification records outright.
    public async Task EraseCustomerAsync(string customerRef)
    {
        var records = await db.IdentityVerifications.Where(r => r.CustomerRef == customerRef).ToListAsync();
        db.IdentityVerifications.RemoveRange(records);
        await db.SaveChangesAsync();
    }

    // Compliant: drafts are not retained records.
    public Task<int> PurgeDraftsAsync()
    {
        db.Drafts.RemoveRange(db.Drafts.Where(d => d.CreatedAt < DateTime.UtcNow.AddDays(-1)));
        return db.SaveChangesAsync();
    }
}
