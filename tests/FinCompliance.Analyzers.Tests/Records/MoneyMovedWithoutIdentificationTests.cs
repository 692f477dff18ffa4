using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.MoneyMovedWithoutIdentificationAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Records;

/// <summary>FIN5001: the same engine as FIN4001 with [RequiresCustomerIdentification] / [CustomerIdentification].</summary>
public sealed class MoneyMovedWithoutIdentificationTests
{
    private const string Services = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        public class Kyc
        {
            [CustomerIdentification] public Task<bool> VerifyAsync(string customer) => Task.FromResult(true);
            [CustomerIdentification] public void EnsureIdentified(string customer) { }
            [SuitabilityCheck] public bool IsSuitable(string customer) => true;
        }

        public class Payments
        {
            [RequiresCustomerIdentification] public void Transfer(string customer, decimal amount) { }
            [RequiresCustomerIdentification] public Task OpenAccountAsync(string customer) => Task.CompletedTask;
            public decimal Balance(string customer) => 0m;
        }

        """;

    [Fact]
    public Task Unidentified_transfer_is_flagged_with_the_method_name()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Api
            {
                public void Pay(Payments payments, string customer) => {|#0:payments.Transfer(customer, 10m)|};
            }
            """,
            Verify.Diagnostic(Rules.MoneyMovedWithoutIdentification).WithLocation(0).WithArguments("Transfer"));

    [Fact]
    public Task Identification_on_every_path_is_silent()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Api
            {
                public async Task Open(Kyc kyc, Payments payments, string customer)
                {
                    if (!await kyc.VerifyAsync(customer)) return;
                    await payments.OpenAccountAsync(customer);
                }

                public void Pay(Kyc kyc, Payments payments, string customer)
                {
                    kyc.EnsureIdentified(customer);
                    payments.Transfer(customer, 10m);
                    _ = payments.Balance(customer);
                }
            }
            """);

    [Fact]
    public Task A_suitability_check_is_not_identification_and_some_paths_are_not_enough()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Api
            {
                public void Pay(Kyc kyc, Payments payments, string customer, bool returning)
                {
                    if (!kyc.IsSuitable(customer)) return;
                    {|FIN5001:payments.Transfer(customer, 10m)|};
                    if (!returning) kyc.EnsureIdentified(customer);
                    {|FIN5001:payments.Transfer(customer, 10m)|};
                }
            }
            """);

    [Fact]
    public Task Calls_inside_another_identification_requiring_method_are_exempt()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Onboarding
            {
                [RequiresCustomerIdentification]
                public async Task OpenAndFundAsync(Payments payments, string customer)
                {
                    await payments.OpenAccountAsync(customer);
                    payments.Transfer(customer, 100m);
                }

                public Task Anonymous(Payments payments) => {|FIN5001:OpenAndFundAsync(payments, "c")|};
            }
            """);
}
