using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.UnclassifiedPersonalDataAnalyzer>;
using VerifyFix = FinCompliance.Analyzers.Tests.CSharpCodeFixVerifier<FinCompliance.Analyzers.UnclassifiedPersonalDataAnalyzer, FinCompliance.CodeFixes.AddPersonalDataAttributeCodeFix>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class UnclassifiedPersonalDataTests
{
    [Theory]
    [InlineData("IdCard", PersonalInformationKind.IdNumber)]
    [InlineData("IdCardNo", PersonalInformationKind.IdNumber)]
    [InlineData("IDCardNumber", PersonalInformationKind.IdNumber)]
    [InlineData("id_no", PersonalInformationKind.IdNumber)]
    [InlineData("CertNo", PersonalInformationKind.IdNumber)]
    [InlineData("sfzh", PersonalInformationKind.IdNumber)]
    [InlineData("身份证号", PersonalInformationKind.IdNumber)]
    [InlineData("客户身份证号码", PersonalInformationKind.IdNumber)]
    [InlineData("BankCard", PersonalInformationKind.BankCardNumber)]
    [InlineData("card_no", PersonalInformationKind.BankCardNumber)]
    [InlineData("CardNumber", PersonalInformationKind.BankCardNumber)]
    [InlineData("Pan", PersonalInformationKind.BankCardNumber)]
    [InlineData("yhkh", PersonalInformationKind.BankCardNumber)]
    [InlineData("AccountNo", PersonalInformationKind.AccountNumber)]
    [InlineData("userPhone", PersonalInformationKind.Phone)]
    [InlineData("MobileNo", PersonalInformationKind.Phone)]
    [InlineData("TelNumber", PersonalInformationKind.Phone)]
    [InlineData("Phone2", PersonalInformationKind.Phone)]
    [InlineData("sjh", PersonalInformationKind.Phone)]
    [InlineData("手机号", PersonalInformationKind.Phone)]
    [InlineData("CVV2", PersonalInformationKind.CardSecurityCode)]
    [InlineData("SecurityCode", PersonalInformationKind.CardSecurityCode)]
    [InlineData("newPassword", PersonalInformationKind.Password)]
    [InlineData("Pwd", PersonalInformationKind.Password)]
    [InlineData("PinCode", PersonalInformationKind.Pin)]
    [InlineData("PIN", PersonalInformationKind.Pin)]
    [InlineData("EmailAddress", PersonalInformationKind.Email)]
    [InlineData("PasswordHash", PersonalInformationKind.CredentialHash)]
    [InlineData("HashedPin", PersonalInformationKind.CredentialHash)]
    public void NamesThatReadAsPersonalData(string name, PersonalInformationKind kind)
        => Assert.Equal(kind, PersonalDataNameHeuristic.Match(name));

    // Match skips names without any term word (MayMatch) before splitting: every term, in every spelling, must get through.
    [Fact]
    public void EveryTermGetsThroughThePrefilterInEverySpelling()
    {
        var terms = (System.Array)typeof(PersonalDataNameHeuristic)
            .GetField("Terms", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.NotEmpty(terms);
        foreach (var term in terms)
        {
            var (words, kind) = ((string[], PersonalInformationKind))term!;
            string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
            foreach (var spelling in new[]
                     {
                         string.Join("_", words), string.Concat(System.Array.ConvertAll(words, Pascal)),
                         string.Join("_", words).ToUpperInvariant(), "customer" + string.Concat(System.Array.ConvertAll(words, Pascal)) + "No",
                     })
            {
                Assert.True(PersonalDataNameHeuristic.MayMatch(spelling), spelling);
                Assert.Equal(kind, PersonalDataNameHeuristic.Match(spelling));
            }
        }
    }

    [Theory]
    [InlineData("amount", false)]
    [InlineData("cancellationToken", false)]
    [InlineData("Customer", false)]
    [InlineData("Valid", true)]
    [InlineData("E_MAIL", true)]
    [InlineData("ĮdCard", true)]
    [InlineData("客户", true)]
    public void PrefilterLetsThroughEveryNameThatHoldsATermWordOrAnyNonAsciiLetter(string name, bool mayMatch)
        => Assert.Equal(mayMatch, PersonalDataNameHeuristic.MayMatch(name));

    [Theory]
    [InlineData("PinYin")]
    [InlineData("Pinyin")]
    [InlineData("Opinion")]
    [InlineData("Spinner")]
    [InlineData("PanelTitle")]
    [InlineData("Shipping")]
    [InlineData("HotelName")]
    [InlineData("IsMobileVerified")]
    [InlineData("MobileVerifiedAt")]
    [InlineData("PhoneCount")]
    [InlineData("PasswordPolicyId")]
    [InlineData("PinnedAt")]
    [InlineData("CardNoType")]
    [InlineData("BankCardId")]
    [InlineData("CustomerId")]
    [InlineData("MaskedPhone")]
    [InlineData("PhoneLast4")]
    [InlineData("EmailTemplate")]
    [InlineData("MinPasswordLength")]
    [InlineData("手机号验证时间")]
    [InlineData("")]
    [InlineData("_")]
    public void NamesThatDoNot(string name) => Assert.Null(PersonalDataNameHeuristic.Match(name));

    [Fact]
    public Task FieldsPropertiesAndParametersAreFlagged() => Verify.VerifyAnalyzerAsync("""
        public class Customer
        {
            public string {|FIN3006:IdCardNo|} { get; set; } = "";
            public long? {|FIN3006:MobileNo|} { get; set; }
            private readonly char[] {|FIN3006:pinCode|} = new char[6];
            public string {|FIN3006:身份证号|} = "";
            public decimal {|FIN3006:CardNumber|};

            public void Update(string {|FIN3006:card_no|}, int count, string {|FIN3006:userPhone|}) { }
        }

        public record Payee(string {|FIN3006:AccountNo|}, string Name);
        """);

    [Fact]
    public Task ClassifiedOptedOutAndOtherTypesAreSilent() => Verify.VerifyAnalyzerAsync("""
        using System;
        using FinCompliance;

        public class Customer
        {
            [PersonalData(PersonalDataKind.IdNumber)] public string IdCardNo { get; set; } = "";
            [NotPersonalData] public string SupportPhone { get; set; } = "";
            public bool IsMobileVerified { get; set; }
            public DateTime MobileVerifiedAt { get; set; }
            public Guid CardNo { get; set; }
            public int PhoneCount { get; set; }
            public string PinYin { get; set; } = "";
            public const string PhonePattern = @"^\d{11}$";
            public const int PinLength = 6;
            public string Opinion { get; set; } = "";
            public void Update([PersonalData(PersonalDataKind.Phone)] string phone, [NotPersonalData] string email) { }
        }

        public record Payee([property: NotPersonalData] string Pan);
        public record Caller([PersonalData(PersonalDataKind.Phone)] string Phone);

        public enum ContactChannel { Phone, Email }
        """);

    [Fact]
    public Task NameIsReportedWhereItIsIntroduced() => Verify.VerifyAnalyzerAsync("""
        public interface IContact
        {
            string {|FIN3006:Phone|} { get; }
            void Call(string {|FIN3006:phone|});
        }

        public abstract class ContactBase
        {
            public abstract string {|FIN3006:Email|} { get; }
            public virtual void Send(string {|FIN3006:email|}) { }
        }

        public sealed class Contact : ContactBase, IContact
        {
            public string Phone => "";
            public override string Email => "";
            public void Call(string phone) { }
            public override void Send(string email) { }
        }

        public sealed class Explicit : IContact
        {
            string IContact.Phone => "";
            void IContact.Call(string phone) { }
        }

        public partial class Split
        {
            partial void Dial(string {|FIN3006:mobile|});
            partial void Dial(string mobile) { }
        }
        """);

    [Fact]
    public Task AliasesAndDataClassificationCountAsClassified()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Vendor
                {
                    [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SensitiveAttribute : System.Attribute { }
                    [System.AttributeUsage(System.AttributeTargets.All)] public sealed class PublicAttribute : System.Attribute { }
                    public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
                    {
                        public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Vendor", "Private")) { }
                    }
                }

                public class Customer
                {
                    [Vendor.Sensitive] public string CardNo { get; set; } = "";
                    [Vendor.Public] public string HotlinePhone { get; set; } = "";
                    [Vendor.PrivateData] public string Email { get; set; } = "";
                    public string {|FIN3006:Mobile|} { get; set; } = "";
                }
                """,
        };
        test.TestState.AddLibraries();
        test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(BankCardNumber), Vendor.PublicAttribute=NotPersonalData"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task CodeFixAddsTheAttributeAndTheUsing() => VerifyFix.VerifyCodeFixAsync(
        """
        using System;

        namespace Shop;

        public class Customer
        {
            /// <summary>The customer's ID card number.</summary>
            public string {|FIN3006:IdCardNo|} { get; set; } = "";

            [Obsolete]
            public string {|FIN3006:Mobile|} = "";

            public void Pay(string {|FIN3006:cardNo|}, string {|FIN3006:cvv|}) { }
        }
        """,
        """
        using System;
        using FinCompliance;

        namespace Shop;

        public class Customer
        {
            /// <summary>The customer's ID card number.</summary>
            [PersonalData(PersonalDataKind.IdNumber)]
            public string IdCardNo { get; set; } = "";

            [Obsolete]
            [PersonalData(PersonalDataKind.Phone)]
            public string Mobile = "";

            public void Pay([PersonalData(PersonalDataKind.BankCardNumber)] string cardNo, [PersonalData(PersonalDataKind.CardSecurityCode)] string cvv) { }
        }
        """,
        new DiagnosticResult[0]);

    [Fact]
    public Task CodeFixUsesTheExistingUsing() => VerifyFix.VerifyCodeFixAsync(
        """
        using FinCompliance;

        public record Payee(string {|FIN3006:AccountNo|}, [PersonalData(PersonalDataKind.Name)] string Name)
        {
            internal string {|FIN3006:Email|} { get; init; } = "";
        }
        """,
        """
        using FinCompliance;

        public record Payee([PersonalData(PersonalDataKind.AccountNumber)] string AccountNo, [PersonalData(PersonalDataKind.Name)] string Name)
        {
            [PersonalData(PersonalDataKind.Email)]
            internal string Email { get; init; } = "";
        }
        """,
        new DiagnosticResult[0]);

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                public class Customer
                {
                    public string {|FIN3006:Phone|} { get; set
                    public Missing CardNo;
                    public void M(string {|FIN3006:pin|}, ) { }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync(CancellationToken.None);
    }
}
