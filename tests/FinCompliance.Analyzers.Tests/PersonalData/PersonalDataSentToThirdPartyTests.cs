using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.PersonalData.PersonalDataSentToThirdPartyAnalyzer>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class PersonalDataSentToThirdPartyTests
{
    private const string Partners = """

        public interface IPartnerApi
        {
            [DataEgress] void Upload(object payload);
        }

        public class PartnerClient : IPartnerApi
        {
            public void Upload(object payload) { }
            [DataEgress] public void Send(string channel, object payload) { }
            [DataEgress] public Task SendAsync(object payload) => Task.CompletedTask;
            public void Track(string eventName, [DataEgress] object properties) { }
            public void Audit(object payload) { }
        }

        public static class Exports
        {
            [DataEgress] public static void ToAnalytics(this Customer customer) { }
        }

        public class PartnerMessage
        {
            public PartnerMessage([DataEgress] object body) { }
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = PersonalDataLoggedTests.Model + Partners + "\npublic class Subject\n{\n" + body + "\n}\n",
        };
        test.TestState.AddLibraries();
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MessageNamesTheKinds() => VerifyAsync(
        """
        void M(PartnerClient partner, Customer customer)
        {
            partner.Send("sms", {|#0:customer.Phone|});
            partner.Send("crm", {|#1:customer|});
        }
        """,
        Verify.Diagnostic(Rules.PersonalDataSentToThirdParty).WithLocation(0).WithArguments("Phone, C2"),
        Verify.Diagnostic(Rules.PersonalDataSentToThirdParty).WithLocation(1).WithArguments(
            "'Customer' members Name: Name, C2; CardNumber: BankCardNumber, C2; Phone: Phone, C2; …"));

    [Fact]
    public Task EgressMethodsAndParametersAreFlagged() => VerifyAsync("""
        async Task M(PartnerClient partner, IPartnerApi api, Customer customer)
        {
            partner.Send("sms", {|FIN3005:customer.Phone|});
            api.Upload({|FIN3005:customer.CardNumber|});
            partner.Upload({|FIN3005:customer.Name|});
            partner.Track("signup", {|FIN3005:customer.Cvv|});
            await partner.SendAsync({|FIN3005:customer.Balance|});
            {|FIN3005:customer|}.ToAnalytics();
            _ = new PartnerMessage({|FIN3005:customer.Phone|});
        }
        """);

    [Fact]
    public Task AnonymousObjectsArraysAndCollectionsAreFlagged() => VerifyAsync("""
        void M(PartnerClient partner, Customer customer, List<Customer> customers)
        {
            partner.Send("crm", new { customer.Id, {|FIN3005:customer.Phone|} });
            partner.Send("crm", new { Contact = new { Mobile = {|FIN3005:customer.Phone|} } });
            partner.Send("crm", new[] { {|FIN3005:customer.Name|}, customer.Segment });
            partner.Send("crm", new List<string> { {|FIN3005:customer.CardNumber|} });
            partner.Send("crm", new Dictionary<string, object> { ["phone"] = {|FIN3005:customer.Phone|}, ["id"] = customer.Id });
            partner.Send("crm", {|FIN3005:customers|});
            partner.Send("crm", new { Who = {|FIN3005:customer|} });
            var payload = new { Phone = customer.Phone, customer.Segment };
            partner.Send("crm", {|FIN3005:payload|});
            partner.Send("crm", {|FIN3005:payload.Phone|});
            partner.Send("crm", $"{{|FIN3005:customer.Name|}} <{customer.Id}>");
        }
        """);

    [Fact]
    public Task MaskedEncryptedAndNonPersonalValuesAreAllowed() => VerifyAsync("""
        void M(PartnerClient partner, Customer customer, Order order)
        {
            partner.Send("sms", Masking.Mask(customer.Phone, PersonalDataKind.Phone));
            partner.Send("crm", new { Card = Masks.Tail(customer.CardNumber), customer.Id });
            partner.Send("kyc", customer.IdNumber);
            partner.Send("crm", new { customer.Id, customer.Segment, customer.BranchCode, customer.Nickname });
            partner.Send("orders", order);
            partner.Send("sms", customer.Phone?.Length ?? 0);
            partner.Send("sms", customer.Phone == null);
            partner.Audit(customer.Phone);
            partner.Track(customer.Name, new { customer.Id });
        }
        """);

    [Fact]
    public Task AnEgressMethodsOwnBodyIsNotFlagged() => VerifyAsync("""
        private readonly PartnerClient partner = new();

        [DataEgress]
        public void Forward([PersonalData(PersonalDataKind.Phone)] string phone)
        {
            partner.Send("sms", phone);
        }

        public void Caller(Customer customer) => Forward({|FIN3005:customer.Phone|});
        """);

    [Fact]
    public Task EncryptedTypesAndMembersMayBeSent() => VerifyAsync("""
        [Encrypted, PersonalData(PersonalDataKind.BankCardNumber)]
        public sealed class CardCipher { public string Base64 { get; set; } = ""; }

        public class Wallet
        {
            [PersonalData(PersonalDataKind.IdNumber), Encrypted] public string IdNumber { get; set; } = "";
            public CardCipher Card { get; set; } = new();
        }

        void M(PartnerClient partner, CardCipher cipher, Wallet wallet, Customer customer)
        {
            partner.Send("vault", cipher);
            partner.Send("vault", cipher.Base64);
            partner.Send("vault", wallet);
            partner.Send("vault", new { wallet.IdNumber, {|FIN3005:customer.Phone|} });
        }
        """);
}
