using System.Threading;
using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.AuthenticationDataPersistedAnalyzer>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class AuthenticationDataPersistedTests
{
    private const string Usings = """
        using System.ComponentModel.DataAnnotations.Schema;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;

        """;

    private static Task VerifyAsync(string source)
    {
        var test = new Verify.Test { TestCode = Usings + source };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task C3MemberOfEntityIsFlaggedEvenWhenEncrypted() => VerifyAsync("""
        public class Card
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string {|FIN3002:Cvv|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Pin), Encrypted] public string {|FIN3002:Pin|} { get; set; } = "";
            [PersonalData(PersonalDataKind.BankCardNumber, Level = PersonalDataLevel.C3)] public string {|FIN3002:Track|} { get; set; } = "";
            [PersonalData(PersonalDataKind.BankCardNumber), Encrypted] public string Number { get; set; } = "";
            [PersonalData(PersonalDataKind.CredentialHash)] public string PinHash { get; set; } = "";
        }

        public class PayContext : DbContext
        {
            public DbSet<Card> Cards => Set<Card>();
        }
        """);

    [Fact]
    public Task C3MemberOfANonPersistedNonSerializedTypeIsSilent() => VerifyAsync("""
        public class LoginRequest
        {
            [PersonalData(PersonalDataKind.Password)] public string Password { get; set; } = "";
            [PersonalData(PersonalDataKind.Pin)] public string Pin { get; set; } = "";
        }

        [Table("users")]
        public class User
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.Password), NotMapped] public string? Password { get; set; }
        }
        """);

    [Fact]
    public Task SystemTextJsonSerializationIsFlagged() => VerifyAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        public class CardForm
        {
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string {|FIN3002:Cvv|} { get; set; } = "";
            [PersonalData(PersonalDataKind.CardExpiry), JsonIgnore] public string Expiry { get; set; } = "";
            [PersonalData(PersonalDataKind.Pin), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? {|FIN3002:Pin|} { get; set; }
            [PersonalData(PersonalDataKind.Password), Newtonsoft.Json.JsonIgnore] public string {|FIN3002:Password|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Biometric)] public string FaceTemplate = "";
            [PersonalData(PersonalDataKind.Biometric), JsonInclude] public string {|FIN3002:Fingerprint|} = "";
            [PersonalData(PersonalDataKind.CardTrackData)] internal string Track { get; set; } = "";
            public Holder Holder { get; set; } = new();
        }

        public class Holder
        {
            [PersonalData(PersonalDataKind.Password)] public string {|FIN3002:Password|} { get; set; } = "";
        }

        public static class Api
        {
            public static string Send(CardForm form) => JsonSerializer.Serialize(form);
        }
        """);

    [Fact]
    public Task NewtonsoftSerializationRespectsItsOwnAttributes() => VerifyAsync("""
        using Newtonsoft.Json;

        public class CardForm
        {
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string {|FIN3002:Cvv|} { get; set; } = "";
            [PersonalData(PersonalDataKind.CardExpiry), JsonIgnore] public string Expiry { get; set; } = "";
            [PersonalData(PersonalDataKind.Pin), System.Text.Json.Serialization.JsonIgnore] public string {|FIN3002:Pin|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Biometric)] public string {|FIN3002:FaceTemplate|} = "";
        }

        [JsonObject(MemberSerialization.OptIn)]
        public class OptInForm
        {
            [PersonalData(PersonalDataKind.Password)] public string Password { get; set; } = "";
            [PersonalData(PersonalDataKind.Pin), JsonProperty("p")] public string {|FIN3002:Pin|} { get; set; } = "";
        }

        public static class Api
        {
            public static string Send(CardForm form) => JsonConvert.SerializeObject(form);
            public static string Send(OptInForm form) => JsonConvert.SerializeObject(form, Formatting.Indented);
        }
        """);

    [Fact]
    public Task HttpJsonHelpersAndCollectionsAreSerialization() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public class Enrolment
        {
            [PersonalData(PersonalDataKind.Biometric)] public string {|FIN3002:FaceTemplate|} { get; set; } = "";
        }

        public class Activation
        {
            [PersonalData(PersonalDataKind.Pin)] public string {|FIN3002:Pin|} { get; set; } = "";
        }

        public class Untouched
        {
            [PersonalData(PersonalDataKind.Pin)] public string Pin { get; set; } = "";
        }

        public static class Api
        {
            public static Task Enrol(HttpClient client, List<Enrolment> batch) => client.PostAsJsonAsync("/enrol", batch);
            public static HttpContent Activate(Activation[] activations) => JsonContent.Create(activations);
            public static Task<Untouched?> Read(HttpClient client) => client.GetFromJsonAsync<Untouched>("/x");
        }
        """);

    [Fact]
    public Task SerializerOfTheOtherLibraryOnlyIsSilent() => VerifyAsync("""
        public class CardForm
        {
            [PersonalData(PersonalDataKind.CardSecurityCode), System.Text.Json.Serialization.JsonIgnore] public string Cvv { get; set; } = "";
        }

        public class Unserialized
        {
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string Cvv { get; set; } = "";
        }

        public static class Api
        {
            public static string Send(CardForm form) => System.Text.Json.JsonSerializer.Serialize(form);
            public static string Other(Unserialized form) => form.Cvv.Length.ToString();
        }
        """);

    [Fact]
    public Task MessageSaysHow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                [Table("cards")]
                public class Card
                {
                    [PersonalData(PersonalDataKind.Pin)] public string Pin { get; set; } = "";
                }

                public static class Api
                {
                    public static string Send(Card card) => System.Text.Json.JsonSerializer.Serialize(card) + Newtonsoft.Json.JsonConvert.SerializeObject(card);
                }
                """,
        };
        test.TestState.AddLibraries();
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("FIN3002").WithSpan(7, 56, 7, 59)
            .WithArguments("Pin", "Pin, C3", "persisted and serialized by System.Text.Json and Newtonsoft.Json"));
        return test.RunAsync(CancellationToken.None);
    }
}
