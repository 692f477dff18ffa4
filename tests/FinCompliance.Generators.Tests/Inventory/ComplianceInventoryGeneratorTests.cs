using System.Linq;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators.Tests.Inventory;

public class ComplianceInventoryGeneratorTests
{
    private const string Accounts = """
        using System.Threading.Tasks;
        using FinCompliance;
        namespace Bank.Accounts;

        [PersistedEntity, RetainedRecord(7)]
        public class Customer
        {
            [PersonalData(PersonalDataKind.IdNumber)]
            [Encrypted]
            public string IdNumber { get; set; } = "";

            [PersonalData(PersonalDataKind.Phone, Level = PersonalDataLevel.C3)]
            public string Phone { get; set; } = "";

            [NotPersonalData]
            public string PhoneModel { get; set; } = "";

            public string Nickname { get; set; } = "";
        }

        [RetainedRecord]
        public partial record Trade([PersonalData(PersonalDataKind.TransactionRecord)] string Details, [ClientFunds] decimal Amount);

        public class Payments
        {
            [ClientFunds] public decimal Pooled, Escrow;

            [AuthorizedTransfer("Monthly management fee, reviewed by Finance, Compliance ticket FC-12")]
            public void CollectFee([ClientFunds] decimal from, [ProprietaryFunds] decimal to) { }

            [Redemption]
            public Task PayOut([CustomerReserveFunds] decimal amount) => Task.CompletedTask;

            [return: PersonalData(PersonalDataKind.BankCardNumber)]
            public string CardOf(int customerId) => "";
        }
        """;

    private const string Sales = """
        using FinCompliance;
        namespace Bank.Sales
        {
            [ProductPromotion(ProductKind.Fund)]
            public partial class FundBanner { [RiskWarning] public const string Warning = "基金有风险，投资需谨慎。"; }

            public class Desk
            {
                [SuitabilityCheck] public bool Suits(int customer) => true;
                [ProductSale] public void Sell(int customer) { }
                [DataEgress] public void ShareWithPartner(string payload) { }
                [OptIn] public bool Insurance { get; set; }
            }
        }

        public static class Probe
        {
            public static string Csv() => FinCompliance.Generated.ComplianceInventory.ToCsv();
            public static string First() => FinCompliance.Generated.ComplianceInventory.Entries[0].ToString();
            public static int Count() => FinCompliance.Generated.ComplianceInventory.Entries.Count;
            public static string Markdown() => FinCompliance.Generated.ComplianceInventory.ToMarkdown();
        }
        """;

    private static readonly string[] Steps =
    [
        TrackingNames.InventoryFiles,
        TrackingNames.InventoryRead,
        TrackingNames.InventoryNamed,
        TrackingNames.InventoryBound,
        TrackingNames.InventoryEntries,
        TrackingNames.InventoryOptions,
        TrackingNames.InventoryModel,
    ];

    private static GeneratorRun Run(params string[] sources) => new GeneratorHarness(new ComplianceInventoryGenerator()).Run(sources);

    [Fact]
    public void Inventory_lists_every_classified_symbol()
    {
        var run = Run(Accounts, Sales);

        var (hintName, text) = Assert.Single(run.Sources);
        Assert.Equal("FinCompliance.Generated.ComplianceInventory.g.cs", hintName);
        Snapshot.Verify(text, "Inventory.ComplianceInventory");
    }

    [Fact]
    public void Inventory_is_usable_at_run_time()
    {
        var run = Run(Accounts, Sales);

        var csv = (string)GeneratedAssembly.Invoke(run, "Probe", "Csv")!;
        var lines = csv.Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Symbol,SymbolKind,Category,Kind,Level,Detail", lines[0]);
        Assert.Equal(lines.Length - 1, GeneratedAssembly.Invoke(run, "Probe", "Count"));
        Assert.Contains("P:Bank.Accounts.Customer.Phone,Property,PersonalData,Phone,C3,", lines);
        Assert.Contains("T:Bank.Accounts.Trade,Type,RetainedRecord,,,Retention: 5 years (FinComplianceRetentionYears)", lines);
        Assert.Contains("\"M:Bank.Accounts.Payments.CollectFee(System.Decimal,System.Decimal)\",Method,AuthorizedTransfer,,,\"Monthly management fee, reviewed by Finance, Compliance ticket FC-12\"", lines);
        Assert.Contains("\"M:Bank.Accounts.Payments.CollectFee(System.Decimal,System.Decimal)/from\",Parameter,ClientFunds,,,", lines);
        Assert.Contains("M:Bank.Accounts.Payments.CardOf(System.Int32)/return,ReturnValue,PersonalData,BankCardNumber,C2,", lines);
        Assert.Contains("P:Bank.Accounts.Trade.Details,Property,PersonalData,TransactionRecord,C2,", lines);
        Assert.Contains("F:Bank.Accounts.Payments.Escrow,Field,ClientFunds,,,", lines);
        Assert.Contains("P:Bank.Accounts.Trade.Amount,Property,ClientFunds,,,", lines);
        Assert.DoesNotContain(lines, line => line.Contains("Nickname") || line.Contains("RiskWarning"));
        Assert.Equal("F:Bank.Accounts.Payments.Escrow ClientFunds", GeneratedAssembly.Invoke(run, "Probe", "First"));

        var markdown = ((string)GeneratedAssembly.Invoke(run, "Probe", "Markdown")!).Split('\n');
        Assert.Equal("| Symbol | Symbol kind | Category | Kind | Level | Detail |", markdown[0]);
        Assert.Contains("| P:Bank.Accounts.Customer.Phone | Property | PersonalData | Phone | C3 |  |", markdown);
    }

    [Fact]
    public void Order_does_not_depend_on_file_order()
    {
        Assert.Equal(Assert.Single(Run(Accounts, Sales).Sources).Value, Assert.Single(Run(Sales, Accounts).Sources).Value);
    }

    [Fact]
    public void Retention_default_comes_from_the_build_property()
    {
        var run = new GeneratorHarness(new ComplianceInventoryGenerator())
            .WithGlobalOption("build_property.FinComplianceRetentionYears", "10")
            .Run(Accounts);

        var text = Assert.Single(run.Sources).Value;
        Assert.Contains("|Retention: 10 years (FinComplianceRetentionYears)\n", text);
        Assert.Contains("|Retention: 7 years\n", text);
    }

    [Fact]
    public void Detail_text_survives_the_data_encoding()
    {
        // The inventory is written as data (one line per entry, '|' between fields): every character of a
        // justification must come back unchanged at run time.
        const string justification = "Fee | \\\\ share \\\"quoted\\\" \\r\\n next line \\t tab \\u0001 \\u2028 费用 \\\\u0041 end\\\\";
        var run = Run($$"""
            using FinCompliance;
            public class Payments
            {
                [AuthorizedTransfer("{{justification}}")]
                public void Collect([ClientFunds] decimal from) { }
            }

            public static class Probe
            {
                public static string Detail() => FinCompliance.Generated.ComplianceInventory.Entries[0].Detail;
                public static string Symbol() => FinCompliance.Generated.ComplianceInventory.Entries[1].Symbol;
                public static int Count() => FinCompliance.Generated.ComplianceInventory.Entries.Count;
            }
            """);

        Assert.Equal(2, GeneratedAssembly.Invoke(run, "Probe", "Count"));
        Assert.Equal("Fee | \\ share \"quoted\" \r\n next line \t tab \u0001 \u2028 费用 \\u0041 end\\", GeneratedAssembly.Invoke(run, "Probe", "Detail"));
        Assert.Equal("M:Payments.Collect(System.Decimal)/from", GeneratedAssembly.Invoke(run, "Probe", "Symbol"));
    }

    [Fact]
    public void Attributes_are_found_however_they_are_named()
    {
        // One syntax walk finds every category's candidates: qualified names, the Attribute suffix, using aliases
        // (file, namespace and global, used more than once), field declarators, return values; a look-alike from
        // another namespace is not listed.
        var run = Run(
            "global using Funds = FinCompliance.ClientFundsAttribute;",
            """
            using Pd = FinCompliance.PersonalDataAttribute;
            namespace Other { public sealed class PersonalDataAttribute : System.Attribute { } }
            namespace Bank
            {
                using Kept = FinCompliance.RetainedRecordAttribute;

                [Kept(3)]
                public class Account
                {
                    [Pd(FinCompliance.PersonalDataKind.Phone)] public string Phone = "";
                    [Pd(FinCompliance.PersonalDataKind.Email)] public string Email = "";
                    [Funds] public decimal A, B;
                    [global::FinCompliance.EncryptedAttribute] public string Card { get; set; } = "";
                    [Other.PersonalData] public string Nickname { get; set; } = "";
                    [return: FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Name)]
                    public string Holder([Funds] decimal amount) => "";
                }
            }
            """,
            """
            using FinCompliance;
            public static class Probe
            {
                public static string Csv() => FinCompliance.Generated.ComplianceInventory.ToCsv();
            }
            """);

        var csv = (string)GeneratedAssembly.Invoke(run, "Probe", "Csv")!;
        Assert.Equal(
            """
            Symbol,SymbolKind,Category,Kind,Level,Detail
            F:Bank.Account.A,Field,ClientFunds,,,
            F:Bank.Account.B,Field,ClientFunds,,,
            F:Bank.Account.Email,Field,PersonalData,Email,C2,
            F:Bank.Account.Phone,Field,PersonalData,Phone,C2,
            M:Bank.Account.Holder(System.Decimal)/amount,Parameter,ClientFunds,,,
            M:Bank.Account.Holder(System.Decimal)/return,ReturnValue,PersonalData,Name,C2,
            P:Bank.Account.Card,Property,Encrypted,,,
            T:Bank.Account,Type,RetainedRecord,,,Retention: 3 years

            """.Replace("\n", "\r\n"),
            csv);
    }

    [Theory]
    [InlineData("false")]
    [InlineData(" False ")]
    public void Build_property_turns_it_off(string value)
    {
        var run = new GeneratorHarness(new ComplianceInventoryGenerator())
            .WithGlobalOption("build_property.FinComplianceGenerateInventory", value)
            .Run(Accounts);

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Build_property_true_keeps_it_on()
    {
        var run = new GeneratorHarness(new ComplianceInventoryGenerator())
            .WithGlobalOption("build_property.FinComplianceGenerateInventory", "true")
            .Run(Accounts);

        Assert.Single(run.Sources);
    }

    [Fact]
    public void No_attributes_no_file()
    {
        Assert.Empty(Run("namespace App; public class Customer { public string Phone { get; set; } = \"\"; [System.Obsolete] public void M() { } }").Sources);
    }

    [Fact]
    public void CSharp_7_3_project_gets_a_file_without_nullable_directive()
    {
        var generated = Assert.Single(LegacyLanguage.Run(
            new ComplianceInventoryGenerator(),
            "public class Customer { [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Phone)] public string Phone { get; set; } }"));
        Assert.DoesNotContain("#nullable", generated);
        Assert.Contains("\nP:Customer.Phone|Property|PersonalData|Phone|C2|\n", generated);
    }

    [Fact]
    public void Broken_code_does_not_throw()
    {
        var compilation = GeneratorHarness.CreateCompilation("""
            using FinCompliance;
            [PersonalData(PersonalDataKind.)] public class { }
            public class C { [ClientFunds] public Missing M([Redemption] x) => ; [RetainedRecord("x")] class D { } }
            """);
        var result = new GeneratorHarness(new ComplianceInventoryGenerator()).CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
    }

    [Fact]
    public void Unrelated_edits_regenerate_nothing()
    {
        var run = Run(Accounts, Sales, "public class Calculator { public int Add(int a, int b) => a + b; }");

        GeneratorRun.AssertNothingRegenerated(run.RunAfterEdit(Edits.AddUnrelatedClass), Steps);
        GeneratorRun.AssertNothingRegenerated(
            run.RunAfterEdit(c => Edits.ReplaceFile(c, 2, "public class Calculator { public int Add(int a, int b) => b + a + 0; }")),
            Steps);
    }

    [Fact]
    public void A_new_type_names_method_IDs_again_without_re_reading_files_or_changing_the_bound_half()
    {
        // Desk has a method named from the project's types (Sell(Customer)) and a candidate only binding settles (the
        // [return: …] attribute): a new type anywhere names the IDs again, file by file, and finds the same.
        const string Desk = """
            using FinCompliance;
            namespace Bank
            {
                public sealed class Customer { }
                public sealed class Desk
                {
                    [ProductSale] public void Sell(Customer customer) { }
                    [return: ClientFunds] public decimal Balance() => 0m;
                }
            }
            """;
        var run = Run(Desk, "public class Calculator { }");
        Assert.Contains("M:Bank.Desk.Sell(Bank.Customer)", Assert.Single(run.Sources).Value);

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 1, "public class Calculator { } public class Abacus { }"));

        Assert.All(rerun.TrackedSteps[TrackingNames.InventoryRead].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        var named = Assert.Single(rerun.TrackedSteps[TrackingNames.InventoryNamed].SelectMany(step => step.Outputs));
        Assert.Equal(IncrementalStepRunReason.Unchanged, named.Reason);
        var bound = Assert.Single(rerun.TrackedSteps[TrackingNames.InventoryBound].SelectMany(step => step.Outputs));
        Assert.Equal(IncrementalStepRunReason.Unchanged, bound.Reason);
        GeneratorRun.AssertNothingRegenerated(rerun, TrackingNames.InventoryEntries, TrackingNames.InventoryModel);
    }

    [Fact]
    public void An_edit_re_reads_only_the_edited_file_and_rebinds_only_what_syntax_leaves()
    {
        var run = Run(Accounts, Sales, "public class Calculator { public int Add(int a, int b) => a + b; }");

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 2, "public class Calculator { public int Add(int a, int b) => b + a; }"));

        // The syntax half of the annotated files is not run again: their trees did not change.
        var reads = rerun.TrackedSteps[TrackingNames.InventoryRead].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

        // Only Accounts has a candidate the syntax leaves to binding ([return: …] on CardOf); it is bound again, the same.
        var bound = Assert.Single(rerun.TrackedSteps[TrackingNames.InventoryBound].SelectMany(step => step.Outputs));
        Assert.Equal(IncrementalStepRunReason.Unchanged, bound.Reason);
        Assert.Contains(((System.Collections.Generic.IEnumerable<InventoryEntry>)bound.Value), entry => entry.Symbol == "M:Bank.Accounts.Payments.CardOf(System.Int32)/return");
    }

    [Fact]
    public void Editing_an_annotated_declaration_regenerates_it()
    {
        var run = Run(Accounts, Sales);

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 0, Accounts.Replace("PersonalDataKind.IdNumber", "PersonalDataKind.Address")));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorRun.AssertNothingRegenerated(rerun, Steps));
        var text = Assert.Single(Edits.Sources(rerun)).Value;
        Assert.Contains("\nP:Bank.Accounts.Customer.IdNumber|Property|PersonalData|Address|C2|\n", text);
    }
}
