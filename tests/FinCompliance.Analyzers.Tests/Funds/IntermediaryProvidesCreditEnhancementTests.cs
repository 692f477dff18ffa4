using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.Funds.IntermediaryProvidesCreditEnhancementAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Funds;

public sealed class IntermediaryProvidesCreditEnhancementTests
{
    private const string Model = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        public class Guarantor
        {
            [CreditEnhancement] public void GuaranteePrincipal(decimal amount) { }
            [CreditEnhancement] public Task CompensateAsync(decimal amount) => Task.CompletedTask;
            public void Describe() { }
        }
        """;

    [Fact]
    public Task DeclaringACreditEnhancementMethodIsFlagged() => Verify.VerifyAnalyzerAsync(Model + """
        [InformationIntermediary]
        public class LendingPlatform
        {
            [CreditEnhancement] public void {|FIN2004:CoverDefaults|}(decimal amount) { }
            public void Match(decimal amount) => CoverDefaults(amount);
        }
        """);

    [Fact]
    public Task CallingAnotherTypesCreditEnhancementIsFlagged() => Verify.VerifyAnalyzerAsync(Model + """
        [InformationIntermediary]
        public class LendingPlatform
        {
            private readonly Guarantor guarantor = new();

            public async Task FundAsync(decimal amount)
            {
                {|FIN2004:guarantor.GuaranteePrincipal(amount)|};
                await {|FIN2004:guarantor.CompensateAsync(amount)|};
                Action<decimal> later = x => {|FIN2004:guarantor.GuaranteePrincipal(x)|};
                Action<decimal> group = {|FIN2004:guarantor.GuaranteePrincipal|};
                guarantor.Describe();
            }

            private sealed class Worker
            {
                public void Run(Guarantor g) => {|FIN2004:g.GuaranteePrincipal(1m)|};
            }
        }
        """);

    [Fact]
    public Task TheSameCodeOutsideAnIntermediaryIsSilent() => Verify.VerifyAnalyzerAsync(Model + """
        public class Bank
        {
            [CreditEnhancement] public void Insure(decimal amount) { }
            public void Lend(Guarantor guarantor) => guarantor.GuaranteePrincipal(1m);
        }

        [InformationIntermediary]
        public class Marketplace
        {
            public void Publish(Guarantor guarantor) => guarantor.Describe();
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow() => new Verify.Test
    {
        TestCode = Model + """
            [InformationIntermediary]
            public class Broken
            {
                [CreditEnhancement] public void {|FIN2004:Cover|}(decimal amount) { Missing(); }
                public void Run(Guarantor g) { g.GuaranteePrincipal(; g.Unknown(); }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();
}
