using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.PersonalDataInToStringAnalyzer>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class PersonalDataInToStringTests
{
    private const string Usings = """
        using System.Text;
        using FinCompliance;

        """;

    private static Task VerifyAsync(string source, string? aliases = null)
    {
        var test = new Verify.Test { TestCode = Usings + source };
        test.TestState.AddLibraries();
        if (aliases is not null)
        {
            test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", aliases));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RecordWithCompilerGeneratedPrintMembersIsFlagged() => VerifyAsync("""
        public record {|FIN3004:Customer|}(int Id, [property: PersonalData(PersonalDataKind.Name)] string Name);

        public record struct {|FIN3004:Card|}([PersonalData(PersonalDataKind.BankCardNumber)] string Number, string Brand);

        public sealed record {|FIN3004:Login|}
        {
            [PersonalData(PersonalDataKind.Password)] public string Password { get; init; } = "";
        }
        """);

    [Fact]
    public Task RecordsThatDoNotPrintPersonalDataAreSilent() => VerifyAsync("""
        public record Order(int Id, string Sku);

        public record Internal([PersonalData(PersonalDataKind.InternalReference)] string Ref);

        public record Hidden
        {
            [PersonalData(PersonalDataKind.Phone)] private string phone = "";
            [PersonalData(PersonalDataKind.Phone)] internal string Phone2 { get; init; } = "";
            [PersonalData(PersonalDataKind.Phone)] public static string Shared = "";
            public string Masked => Masking.Mask(phone, PersonalDataKind.Phone);
        }

        public class NotARecord
        {
            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
        }
        """);

    [Fact]
    public Task RecordsWithUserWrittenStringFormsAreSilent() => VerifyAsync("""
        public record WithToString([PersonalData(PersonalDataKind.Phone)] string Phone)
        {
            public override string ToString() => Masking.Mask(Phone, PersonalDataKind.Phone)!;
        }

        public partial record WithPrintMembers([PersonalData(PersonalDataKind.Phone)] string Phone);

        public partial record WithPrintMembers
        {
            protected virtual bool PrintMembers(StringBuilder builder)
            {
                builder.Append("Phone = ").Append(Masking.Mask(Phone, PersonalDataKind.Phone));
                return true;
            }
        }

        public record Base
        {
            public sealed override string ToString() => "Base";
        }

        public record Derived([PersonalData(PersonalDataKind.Phone)] string Phone) : Base;
        """);

    [Fact]
    public Task UserToStringReturningPersonalDataIsFlaggedAtTheReference() => VerifyAsync("""
        public class Customer
        {
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
            [PersonalData(PersonalDataKind.Income)] public decimal Income { get; set; }
            public int Id { get; set; }

            public override string ToString() => $"Customer {Id}: {{|FIN3004:CardNo|}}, " + {|FIN3004:Phone|} + string.Format("{0:N2}", {|FIN3004:Income|} * 12);
        }

        public class Account
        {
            [PersonalData(PersonalDataKind.AccountNumber)] public string Number = "";
            [PersonalData(PersonalDataKind.Name)] public string Holder = "";

            public override string ToString()
            {
                var builder = new StringBuilder();
                builder.Append("Account ").Append({|FIN3004:Number|});
                var holder = {|FIN3004:Holder|}.ToUpperInvariant();
                return builder.ToString() + (Number.Length > 4 ? holder : "");
            }
        }

        public record Payee([PersonalData(PersonalDataKind.Email)] string Email)
        {
            protected virtual bool PrintMembers(StringBuilder builder)
            {
                builder.Append("Email = ").Append({|FIN3004:Email|});
                return true;
            }
        }
        """);

    [Fact]
    public Task MaskedOrDerivedValuesAreSilent() => VerifyAsync("""
        public static class Redact
        {
            [MasksPersonalData] public static string Hide(string value) => "***";
        }

        public class Customer
        {
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string? Phone { get; set; }
            public string Nickname { get; set; } = "";

            public override string ToString()
                => $"{Nickname} {Masking.Mask(CardNo, PersonalDataKind.BankCardNumber)} {Redact.Hide(Phone ?? "")} "
                   + $"{CardNo.Length} {(Phone is null ? "no phone" : "has phone")} {nameof(CardNo)} {CardNo == "x"}";

            public string Describe() => CardNo;
        }
        """);

    [Fact]
    public Task RedactorRedactCountsAsMasking() => VerifyAsync("""
        using Microsoft.Extensions.Compliance.Redaction;

        public class Customer
        {
            private readonly Redactor redactor;
            public Customer(Redactor redactor) => this.redactor = redactor;

            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";

            public override string ToString() => redactor.Redact(Phone);
        }
        """);

    [Fact]
    public Task AliasedAndDataClassificationAttributesCount() => VerifyAsync(
        """
        namespace Vendor
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class CardAttribute : System.Attribute { }
            public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Vendor", "Private")) { }
            }
        }

        public record {|FIN3004:Payment|}([property: Vendor.Card] string Pan, [property: Vendor.PrivateData] string Memo);
        """,
        "Vendor.CardAttribute=PersonalData(BankCardNumber)");

    [Fact]
    public Task CodeFixMakesTheRecordPartialAndTheGeneratorMasksIt()
    {
        // With MaskedRecordGenerator running, the fixed (partial) records get a masked PrintMembers: no diagnostic left.
        var test = new FixWithGeneratorTest
        {
            TestCode = Usings + """
                namespace Shop
                {
                    public record {|FIN3004:Customer|}(int Id, [property: PersonalData(PersonalDataKind.Phone)] string Phone);

                    public static class Outer
                    {
                        internal sealed record {|FIN3004:Card|}
                        {
                            [PersonalData(PersonalDataKind.BankCardNumber)] public string Number { get; init; } = "";
                        }
                    }

                    public partial record AlreadyMasked([PersonalData(PersonalDataKind.Email)] string Email);

                    public record struct {|FIN3004:Payee|}([PersonalData(PersonalDataKind.AccountNumber)] string AccountNo, string Bank);
                }
                """,
            FixedCode = Usings + """
                namespace Shop
                {
                    public partial record Customer(int Id, [property: PersonalData(PersonalDataKind.Phone)] string Phone);

                    public static partial class Outer
                    {
                        internal sealed partial record Card
                        {
                            [PersonalData(PersonalDataKind.BankCardNumber)] public string Number { get; init; } = "";
                        }
                    }

                    public partial record AlreadyMasked([PersonalData(PersonalDataKind.Email)] string Email);

                    public partial record struct Payee([PersonalData(PersonalDataKind.AccountNumber)] string AccountNo, string Bank);
                }
                """,
        };
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class FixWithGeneratorTest : CSharpCodeFixTest<PersonalDataInToStringAnalyzer, FinCompliance.CodeFixes.MakeRecordPartialCodeFix, DefaultVerifier>
    {
        public FixWithGeneratorTest()
        {
            TestState.UseFinComplianceDefaults(this);
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<System.Type> GetSourceGenerators() => [typeof(FinCompliance.Generators.MaskedRecordGenerator)];
    }

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public record {|FIN3004:Customer|}([PersonalData(PersonalDataKind.Phone)] string Phone, Missing Other)
                {
                    public string Describe() => Phone +;
                }

                public class Broken
                {
                    [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; }
                    public override string ToString() => Unknown({|FIN3004:Phone|}) + {|FIN3004:Phone|}.
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync(CancellationToken.None);
    }
}
