using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.InvalidAttributeAliasesAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Configuration;

public sealed class InvalidAttributeAliasesTests
{
    private const string Source = """
        using FinCompliance;

        public class Customer
        {
            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
        }
        """;

    private static Task VerifyAsync(string? option, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Source };
        if (option is not null)
        {
            test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", option));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Invalid(string message)
        => new DiagnosticResult(Rules.InvalidConfiguration).WithNoLocation().WithArguments("fincompliance.attribute_aliases: " + message);

    [Fact]
    public Task ValidOrMissingAliasesAreSilent()
        => VerifyAsync("Vendor.SensitiveAttribute=PersonalData(Other), Pay.PrivacyPropertyAttribute=Encrypted; A.B=PersonalData(PersonalDataKind.Pin)");

    [Fact]
    public Task NoOptionIsSilent() => VerifyAsync(null);

    [Fact]
    public Task EachBadEntryIsReportedOnce() => VerifyAsync(
        "A.B=PersonalData(Nope), Vendor.SensitiveAttribute=PersonalData(Phone), C.D=AuthorizedTransfer, Lonely, E F=Encrypted",
        Invalid("attribute alias 'A.B': 'Nope' is not a PersonalDataKind"),
        Invalid("attribute alias 'C.D': 'AuthorizedTransfer' is not a FinCompliance attribute usable without arguments (or PersonalData(<kind>))"),
        Invalid("attribute alias 'Lonely' is not of the form <attribute metadata name>=<FinCompliance attribute>"),
        Invalid("attribute alias 'E F' is not an attribute metadata name"));
}
