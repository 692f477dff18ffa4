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

    // The marked-method index skips assemblies that cannot see the FinCompliance attributes; a library that
    // references FinCompliance (a project or a compiled package) must still be read, including through an
    // interface it declares and an implementation in this project.
    [Fact]
    public Task Methods_marked_in_a_referenced_project_are_guarded()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                public sealed class LocalPayments : Lib.IPayments
                {
                    public void Transfer(string customer, decimal amount) { }
                }

                public class Api
                {
                    public void Pay(Lib.Payments payments, Lib.Kyc kyc, LocalPayments local, string customer)
                    {
                        {|FIN5001:payments.Transfer(customer, 1m)|};
                        {|FIN5001:local.Transfer(customer, 1m)|};
                        kyc.EnsureIdentified(customer);
                        payments.Transfer(customer, 1m);
                    }
                }
                """,
        };
        test.TestState.AdditionalProjects["Lib"].Sources.Add(("Lib.cs", """
            using FinCompliance;

            namespace Lib;

            public interface IPayments
            {
                [RequiresCustomerIdentification] void Transfer(string customer, decimal amount);
            }

            public class Payments
            {
                [RequiresCustomerIdentification] public void Transfer(string customer, decimal amount) { }
            }

            public class Kyc
            {
                [CustomerIdentification] public void EnsureIdentified(string customer) { }
            }
            """));
        test.TestState.AdditionalProjects["Lib"].AdditionalReferences.Add(TestReferences.FinCompliance);
        test.TestState.AdditionalProjectReferences.Add("Lib");
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task Methods_marked_in_a_referenced_assembly_are_guarded()
    {
        var references = await TestReferences.Net80.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, System.Threading.CancellationToken.None);
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Vendor.Payments",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                using FinCompliance;

                namespace Vendor;

                public abstract class Gateway
                {
                    [RequiresCustomerIdentification] public abstract void Transfer(string customer, decimal amount);
                }
                """)],
            references.Add(TestReferences.FinCompliance),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);

        var test = new Verify.Test
        {
            TestCode = """
                public sealed class Bank : Vendor.Gateway
                {
                    public override void Transfer(string customer, decimal amount) { }
                }

                public class Api
                {
                    public void Pay(Bank bank, Vendor.Gateway gateway) { {|FIN5001:bank.Transfer("c", 1m)|}; {|FIN5001:gateway.Transfer("c", 1m)|}; }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
