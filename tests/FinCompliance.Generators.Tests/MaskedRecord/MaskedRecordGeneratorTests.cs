using System.Linq;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators.Tests.MaskedRecord;

public class MaskedRecordGeneratorTests
{
    private static readonly string[] Steps =
    [
        TrackingNames.MaskedRecordFiles,
        TrackingNames.MaskedRecordParsed,
        TrackingNames.MaskedRecordRecords,
        TrackingNames.MaskedRecordTargets,
    ];

    private const string Customer = """
        using FinCompliance;
        namespace Bank.Customers;

        public partial record Customer(
            [PersonalData(PersonalDataKind.Name)] string Name,
            [PersonalData(PersonalDataKind.Phone)] string Phone,
            int RiskLevel)
        {
            [PersonalData(PersonalDataKind.Password)]
            public string? Password { get; init; }

            [PersonalData(PersonalDataKind.AccountBalance)]
            public decimal Balance { get; init; }

            [PersonalData(PersonalDataKind.BankCardNumber)]
            public long? CardNumber;

            public string Branch { get; init; } = "";

            [PersonalData(PersonalDataKind.IdNumber)]
            private string IdNumber { get; init; } = "";

            public static int Created;

            public string this[int i] => Name;
        }

        public static class Probe
        {
            public static string Show() => new Customer("张三", "13812345678", 3)
            {
                Password = "hunter2",
                Balance = 1234.5m,
                CardNumber = 6222020200112233445,
                Branch = "上海",
            }.ToString();

            public static string ShowNulls() => new Customer("张三", null!, 1).ToString();
        }
        """;

    private static GeneratorRun Run(params string[] sources) => new GeneratorHarness(new MaskedRecordGenerator()).Run(sources);

    [Fact]
    public void Positional_record_class_snapshot()
    {
        var run = Run(Customer);
        var (hintName, text) = Assert.Single(run.Sources);
        Assert.Equal("Bank.Customers.Customer.PrintMembers.g.cs", hintName);
        Snapshot.Verify(text, "MaskedRecord.Positional_record_class");
    }

    [Fact]
    public void ToString_of_the_generated_record_masks_personal_data()
    {
        var run = Run(Customer);

        Assert.Equal(
            "Customer { Name = 张*, Phone = 138****5678, RiskLevel = 3, Password = ***, Balance = ***, CardNumber = 622202*********3445, Branch = 上海 }",
            GeneratedAssembly.Invoke(run, "Bank.Customers.Probe", "Show"));
        // Null stays empty, like the compiler's own output.
        Assert.Equal(
            "Customer { Name = 张*, Phone = , RiskLevel = 1, Password = ***, Balance = ***, CardNumber = , Branch =  }",
            GeneratedAssembly.Invoke(run, "Bank.Customers.Probe", "ShowNulls"));
    }

    [Fact]
    public void Unmasked_members_print_exactly_as_the_compiler_prints_them()
    {
        // The same record without the generator (not partial) against the generated one: only the masked member differs.
        const string Shape = """
            public {0} record {1}(string Text, int Number, int? Maybe, object? Thing, System.DateTime When, [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Email)] string Email)
            {{
                public string[] Items = ["a"];
            }}
            """;
        var run = Run(
            string.Format(Shape, "partial", "Generated"),
            string.Format(Shape, string.Empty, "Plain"),
            """
            public static class Probe
            {
                static readonly System.DateTime When = new(2024, 1, 2, 3, 4, 5, System.DateTimeKind.Utc);
                public static string Generated() => new Generated("t", 1, null, 2.5m, When, "li.lei@example.com").ToString();
                public static string Plain() => new Plain("t", 1, null, 2.5m, When, "li.lei@example.com").ToString();
            }
            """);

        var generated = (string)GeneratedAssembly.Invoke(run, "Probe", "Generated")!;
        var plain = (string)GeneratedAssembly.Invoke(run, "Probe", "Plain")!;
        Assert.Equal(plain.Replace("Plain {", "Generated {").Replace("li.lei@example.com", "l***@example.com"), generated);
    }

    [Fact]
    public void Sealed_record_struct_derived_and_nested_generic_records()
    {
        var run = Run("""
            using FinCompliance;
            namespace Bank
            {
                public sealed partial record Card([PersonalData(PersonalDataKind.CardSecurityCode)] string Cvv, string Brand);

                public readonly partial record struct Contact([PersonalData(PersonalDataKind.Email)] string Email);

                public record Person(string CustomerId);

                public partial record VipCustomer(string CustomerId, [PersonalData(PersonalDataKind.Phone)] string Phone) : Person(CustomerId);

                public static partial class Holder
                {
                    internal partial record Envelope<T>([PersonalData(PersonalDataKind.Other)] T Payload, T Other);
                }

                public static class Probe
                {
                    public static string Show() => string.Join(" | ",
                        new Card("123", "Visa").ToString(),
                        new Contact("li.lei@example.com").ToString(),
                        new VipCustomer("C-1", "13812345678").ToString(),
                        new Holder.Envelope<string>("secret", "plain").ToString());
                }
            }
            """);

        Assert.Equal(4, run.Sources.Count);
        foreach (var (hintName, text) in run.Sources)
        {
            Snapshot.Verify(text, "MaskedRecord." + hintName.Replace(".PrintMembers.g.cs", string.Empty).Replace('`', '_'));
        }

        Assert.Equal(
            "Card { Cvv = ***, Brand = Visa } | Contact { Email = l***@example.com } | VipCustomer { CustomerId = C-1, Phone = 138****5678 } | Envelope { Payload = ***, Other = plain }",
            GeneratedAssembly.Invoke(run, "Bank.Probe", "Show"));
    }

    [Fact]
    public void Data_classification_subclasses_and_aliases_classify_members()
    {
        const string Source = """
            namespace Microsoft.Extensions.Compliance.Classification
            {
                public class DataClassificationAttribute : System.Attribute { }
            }
            namespace Vendor
            {
                public sealed class SensitiveAttribute : System.Attribute { }
            }
            namespace App
            {
                public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }

                public partial record Lead([PrivateData] string Notes, [Vendor.Sensitive] string Mobile, string Source);

                public static class Probe
                {
                    public static string Show() => new Lead("likes bonds", "13812345678", "web").ToString();
                }
            }
            """;

        var withoutAlias = Run(Source);
        Assert.Equal("Lead { Notes = ***, Mobile = 13812345678, Source = web }", GeneratedAssembly.Invoke(withoutAlias, "App.Probe", "Show"));

        var withAlias = new GeneratorHarness(new MaskedRecordGenerator())
            .WithGlobalOption("fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(Phone)")
            .Run(Source);
        Assert.Equal("Lead { Notes = ***, Mobile = 138****5678, Source = web }", GeneratedAssembly.Invoke(withAlias, "App.Probe", "Show"));
    }

    [Fact]
    public void Member_whose_type_is_personal_data_is_masked_unless_opted_out()
    {
        var run = Run("""
            using FinCompliance;
            [PersonalData(PersonalDataKind.BankCardNumber)]
            public sealed class BankCard
            {
                public BankCard(string number) => Number = number;
                public string Number { get; }
                public override string ToString() => Number;
            }

            public partial record Payment(string Reference, BankCard Card, [NotPersonalData] BankCard? TestCard);

            public static class Probe
            {
                public static string Show() => new Payment("R-1", new BankCard("6222020200112233445"), new BankCard("4111111111111111")).ToString();
            }
            """);

        Assert.Equal(
            "Payment { Reference = R-1, Card = 622202*********3445, TestCard = 4111111111111111 }",
            GeneratedAssembly.Invoke(run, "Probe", "Show"));
    }

    [Fact]
    public void Property_targeted_attribute_on_a_positional_parameter_is_found()
    {
        var run = Run("""
            public partial record Payee([property: FinCompliance.PersonalData(FinCompliance.PersonalDataKind.AccountNumber)] string Account);
            public static class Probe { public static string Show() => new Payee("6222020200112233").ToString(); }
            """);

        Assert.Equal("Payee { Account = ************2233 }", GeneratedAssembly.Invoke(run, "Probe", "Show"));
    }

    [Theory]
    [InlineData("public record R([PersonalData(PersonalDataKind.Phone)] string Phone);")] // not partial: FIN3004 reports it
    [InlineData("public partial record R([PersonalData(PersonalDataKind.InternalReference)] string Ref, string Name);")] // C1 only
    [InlineData("public partial record R([PersonalData(PersonalDataKind.Phone, Level = PersonalDataLevel.C1)] string Phone);")]
    [InlineData("public partial record R(string Name) { [PersonalData(PersonalDataKind.Phone)] private string Phone { get; } = \"\"; [PersonalData(PersonalDataKind.Phone)] public static string Hotline = \"\"; }")]
    [InlineData("public partial record R([PersonalData(PersonalDataKind.Phone)] string Phone) { protected virtual bool PrintMembers(System.Text.StringBuilder b) { b.Append(\"Phone = ***\"); return true; } }")]
    [InlineData("public partial class R { [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = \"\"; }")] // not a record
    [InlineData("public class Outer { public partial record R([PersonalData(PersonalDataKind.Phone)] string Phone); }")] // containing type not partial
    [InlineData("public partial record R([NotPersonalData] string PhoneModel, [System.ComponentModel.Description(\"name\")] string Name);")]
    public void Nothing_is_generated(string declaration)
    {
        Assert.Empty(Run("using FinCompliance;\n" + declaration).Sources);
    }

    [Fact]
    public void Broken_code_does_not_throw()
    {
        var compilation = GeneratorHarness.CreateCompilation("""
            using FinCompliance;
            public partial record R([PersonalData(PersonalDataKind.)] Missing Phone, [PersonalData] string X) : NotARecord
            {
                [PersonalData(PersonalDataKind.Email)] public string Email { get => ; }
            }
            public partial record struct S([PersonalData(PersonalDataKind.Email)] string
            """);
        var result = new GeneratorHarness(new MaskedRecordGenerator()).CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
    }

    [Fact]
    public void Records_are_found_in_any_file_and_namespace_whatever_the_attribute_is_called()
    {
        // Every partial record is parsed (a syntax-only search that stops at member level): a using alias of
        // [PersonalData], a record whose personal member is declared in another part in another file, a record
        // nested in a partial class in a block namespace.
        var run = Run(
            """
            using Pd = FinCompliance.PersonalDataAttribute;
            namespace Bank
            {
                public partial record Aliased([Pd(FinCompliance.PersonalDataKind.Email)] string Email, int Id);

                public partial record Split(int Id);

                public partial class Outer
                {
                    public void Work() { }
                    public partial record Inner([Pd(FinCompliance.PersonalDataKind.Phone)] string Phone);
                }
            }
            """,
            """
            namespace Bank;
            public partial record Split
            {
                [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Password)] public string Secret { get; init; } = "";
            }

            public static class Probe
            {
                public static string Show() => new Aliased("li.lei@example.com", 1) + " " + new Split(2) { Secret = "x" } + " " + new Outer.Inner("13812345678");
            }
            """);

        Assert.Equal(3, run.Sources.Count);
        Assert.Equal(
            "Aliased { Email = l***@example.com, Id = 1 } Split { Id = 2, Secret = *** } Inner { Phone = 138****5678 }",
            GeneratedAssembly.Invoke(run, "Bank.Probe", "Show"));
    }

    [Fact]
    public void Unrelated_edits_regenerate_nothing()
    {
        var run = Run(
            Customer,
            "public class Calculator { public int Add(int a, int b) => a + b; }",
            "public partial record Payee([property: FinCompliance.PersonalData(FinCompliance.PersonalDataKind.AccountNumber)] string Account);");
        Assert.Equal(2, run.Sources.Count);

        GeneratorRun.AssertNothingRegenerated(run.RunAfterEdit(Edits.AddUnrelatedClass), Steps);
        GeneratorRun.AssertNothingRegenerated(
            run.RunAfterEdit(c => Edits.ReplaceFile(c, 1, "public class Calculator { public int Add(int a, int b) => b + a + 0; }")),
            Steps);
    }

    [Fact]
    public void Unrelated_edits_regenerate_nothing_when_a_record_is_bound()
    {
        // A member of a named type: the syntax cannot rule out that the type is personal data, so the record is bound,
        // on every compilation; its model compares equal, and nothing after it runs again.
        var run = Run(
            "public class Calculator { public int Add(int a, int b) => a + b; }",
            "public partial record Visit([property: FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Name)] string Name, System.DateTime At);");
        Assert.Single(run.Sources);

        GeneratorRun.AssertNothingRegenerated(
            run.RunAfterEdit(c => Edits.ReplaceFile(c, 0, "public class Calculator { public int Add(int a, int b) => b + a + 0; }")),
            [.. Steps, TrackingNames.MaskedRecordBound]);
    }

    [Fact]
    public void Editing_the_record_regenerates_it()
    {
        var run = Run(Customer);

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 0, Customer.Replace("PersonalDataKind.Phone", "PersonalDataKind.Email")));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorRun.AssertNothingRegenerated(rerun, Steps));
        Assert.Contains("PersonalDataKind.Email", Assert.Single(Edits.Sources(rerun)).Value);
    }
}
