using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.RetainedRecordDeletedEarlyAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Records;

/// <summary>FIN5002 against the real EF Core 8 package.</summary>
public sealed class RetainedRecordDeletedEarlyTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;

        [RetainedRecord]
        public class Transaction { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTimeOffset? SettledAt { get; set; } public decimal Amount { get; set; } }

        [RetainedRecord(10)]
        public class IdentityDocument { public int Id { get; set; } public DateTime UploadedAt { get; set; } }

        public class SpecialTransaction : Transaction { }

        public class Session { public int Id { get; set; } public DateTime CreatedAt { get; set; } }

        public class Db : DbContext
        {
            public DbSet<Transaction> Transactions => Set<Transaction>();
            public DbSet<IdentityDocument> Documents => Set<IdentityDocument>();
            public DbSet<Session> Sessions => Set<Session>();
        }

        """;

    private static Task VerifyAsync(string source, params (string Key, string Value)[] options)
        => VerifyAsync(source, options, []);

    private static Task VerifyAsync(string source, (string Key, string Value)[] options, DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Model + source };
        test.TestState.AddLibraries();
        if (options.Length > 0)
        {
            test.TestState.AddGlobalOptions(options);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Remove_calls_without_a_filter_are_flagged_with_the_periods()
        => VerifyAsync("""
            public class Cleanup
            {
                public void Run(Db db, Transaction t, IdentityDocument d, List<Transaction> many, SpecialTransaction s)
                {
                    db.Transactions.{|#0:Remove(t)|};
                    db.Transactions.{|#1:RemoveRange(many)|};
                    db.{|#2:Remove(t)|};
                    db.{|#3:Remove((object)d)|};
                    db.{|#4:RemoveRange(t, d)|};
                    db.{|#5:RemoveRange(many)|};
                    db.{|#6:Remove(s)|};
                }
            }
            """,
            [],
            [
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(0).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(1).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(2).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(3).WithArguments("IdentityDocument", "with no retention filter", 10),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(4).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(5).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(6).WithArguments("SpecialTransaction", "with no retention filter", 5),
            ]);

    [Fact]
    public Task Other_entities_and_other_methods_are_silent()
        => VerifyAsync("""
            public class Cleanup
            {
                public void Run(Db db, Session s, List<Session> sessions, List<Transaction> list, Transaction t)
                {
                    db.Sessions.Remove(s);
                    db.Remove(s);
                    db.RemoveRange(sessions);
                    db.Sessions.ExecuteDelete();
                    list.Remove(t);
                    db.Transactions.Add(t);
                    db.Transactions.Update(t);
                }
            }
            """);

    [Fact]
    public Task ExecuteDelete_without_or_with_a_short_filter_is_flagged()
        => VerifyAsync("""
            public class Cleanup
            {
                public async Task Run(Db db)
                {
                    db.Transactions.{|#0:ExecuteDelete()|};
                    await db.Transactions.Where(t => t.Amount == 0).{|#1:ExecuteDeleteAsync()|};
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-3)).{|#2:ExecuteDelete()|};
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddDays(-1825)).{|#3:ExecuteDelete()|};
                    db.Transactions.Where(t => t.CreatedAt > DateTime.UtcNow.AddYears(-5)).{|#4:ExecuteDelete()|};
                    db.Documents.Where(d => d.UploadedAt < DateTime.Now.AddYears(-5)).{|#5:ExecuteDelete()|};
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5) || t.Amount == 0).{|#6:ExecuteDelete()|};
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddMonths(-59)).{|#7:ExecuteDelete()|};
                }

                public void Purge(Db db, DateTime cutoff)
                    => db.Transactions.Where(t => t.CreatedAt < cutoff).{|#8:ExecuteDelete()|};
            }
            """,
            [],
            [
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(0).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(1).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(2).WithArguments("Transaction", "after 3 years", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(3).WithArguments("Transaction", "after 1825 days", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(4).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(5).WithArguments("IdentityDocument", "after 5 years", 10),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(6).WithArguments("Transaction", "with no retention filter", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(7).WithArguments("Transaction", "after 59 months", 5),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(8).WithArguments("Transaction", "with an age filter whose cut-off cannot be verified", 5),
            ]);

    [Fact]
    public Task ExecuteDelete_of_records_older_than_the_retention_period_is_silent()
        => VerifyAsync("""
            public class Cleanup
            {
                public async Task Run(Db db)
                {
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)).ExecuteDelete();
                    db.Transactions.Where(t => t.CreatedAt <= DateTime.Today.AddYears(-7)).ExecuteDelete();
                    db.Transactions.Where(t => DateTime.Now.AddYears(-5) > t.CreatedAt).ExecuteDelete();
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddDays(-1827)).ExecuteDelete();
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddMonths(-60)).ExecuteDelete();
                    db.Transactions.Where(t => t.SettledAt < DateTimeOffset.UtcNow.AddYears(-5)).ExecuteDelete();
                    db.Transactions.Where(t => t.Amount == 0 && t.CreatedAt < DateTime.UtcNow.Date.AddYears(-5)).ExecuteDelete();
                    db.Transactions.Where(t => t.Amount == 0).Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-6)).ExecuteDelete();
                    await db.Documents.Where(d => d.UploadedAt < DateTime.UtcNow.AddYears(-10)).ExecuteDeleteAsync();

                    var cutoff = DateTime.UtcNow.AddYears(-5);
                    var expired = db.Transactions.Where(t => t.CreatedAt < cutoff).OrderBy(t => t.Id);
                    await expired.ExecuteDeleteAsync();
                }
            }
            """);

    [Fact]
    public Task Remove_of_rows_from_a_retention_query_is_silent()
        => VerifyAsync("""
            public class Cleanup
            {
                public async Task Run(Db db)
                {
                    db.Transactions.RemoveRange(db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)));
                    var old = await db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)).ToListAsync();
                    db.RemoveRange(old);
                    foreach (var t in db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)))
                    {
                        db.Transactions.Remove(t);
                    }

                    foreach (var t in db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-1)))
                    {
                        db.Transactions.{|FIN5002:Remove(t)|};
                    }

                    var recent = db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)).Concat(db.Transactions);
                    db.Transactions.{|FIN5002:RemoveRange(recent)|};
                }
            }
            """);

    [Fact]
    public Task Retention_years_come_from_the_build_property()
        => VerifyAsync("""
            public class Cleanup
            {
                public void Run(Db db)
                {
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-7)).ExecuteDelete();
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-6)).{|#0:ExecuteDelete()|};
                    db.Documents.Where(d => d.UploadedAt < DateTime.UtcNow.AddYears(-10)).ExecuteDelete();
                }
            }
            """,
            [("build_property.FinComplianceRetentionYears", "7")],
            [Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(0).WithArguments("Transaction", "after 6 years", 7)]);

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    public Task Invalid_retention_years_report_FIN0001_once_and_fall_back_to_5(string value)
        => VerifyAsync("""
            public class Cleanup
            {
                public void Run(Db db)
                {
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-5)).ExecuteDelete();
                    db.Transactions.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-4)).{|#0:ExecuteDelete()|};
                }
            }
            """,
            [("build_property.FinComplianceRetentionYears", value)],
            [
                Verify.Diagnostic(Rules.InvalidConfiguration).WithNoLocation()
                    .WithArguments($"FinComplianceRetentionYears = '{value}' is not a positive whole number of years; the default of 5 years is used"),
                Verify.Diagnostic(Rules.RetainedRecordDeletedEarly).WithLocation(0).WithArguments("Transaction", "after 4 years", 5),
            ]);

    [Fact]
    public Task Broken_code_does_not_throw()
        => VerifyAsync("""
            public class Cleanup
            {
                public void Run(Db db, Transaction t)
                {
                    db.Transactions.Where(t2 => t2.CreatedAt < DateTime.UtcNow.AddYears({|CS0103:years|})).ExecuteDelete();
                    db.Transactions.Where(t2 => t2.{|CS1061:Missing|} < DateTime.UtcNow.AddYears(-5)).ExecuteDelete();
                    db.{|CS1061:Nope|}.ExecuteDelete();
                    db.Transactions.{|CS7036:Remove|}();
                }
            }
            """);
}
