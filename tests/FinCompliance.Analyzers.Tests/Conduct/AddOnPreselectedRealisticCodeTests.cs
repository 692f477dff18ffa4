using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.AddOnPreselectedAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Conduct;

/// <summary>FIN4002 on subscription DTOs and consent models as teams write them.</summary>
public sealed class AddOnPreselectedRealisticCodeTests
{
    [Fact]
    public Task NullableFlagsRecordsAndPrimaryConstructorsDefaultingToTrueAreFlagged() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public sealed class SubscriptionForm
        {
            [OptIn] public bool? AutoReinvest { get; set; } = {|FIN4002:true|};
            [OptIn] public bool? SmsAlerts { get; set; }
            [OptIn] public bool? MarketingConsent { get; set; } = null;
        }

        public sealed record SubscribeCommand(string FundCode, [property: OptIn] bool? Insurance = {|FIN4002:true|});

        public sealed class Basket(bool insurance = {|FIN4002:true|})
        {
            [OptIn] public bool Insurance { get; } = insurance;
        }

        public static class Factory
        {
            public static SubscriptionForm Create(bool userTicked) => new() { SmsAlerts = {|FIN4002:true|}, AutoReinvest = userTicked };
        }
        """);

    [Fact]
    public Task NonBooleanConsentIsNotJudged() => Verify.VerifyAnalyzerAsync("""
        using FinCompliance;

        public enum Consent { NotAsked, Declined, Granted }

        public sealed class Preferences
        {
            [OptIn] public Consent Marketing { get; set; } = Consent.NotAsked;
            [OptIn] public string Newsletter { get; set; } = "N";
            [OptIn] public bool Insurance { get; set; } = false;
        }
        """);
}
