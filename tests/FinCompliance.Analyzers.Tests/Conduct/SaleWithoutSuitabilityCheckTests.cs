using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.SaleWithoutSuitabilityCheckAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Conduct;

/// <summary>FIN4001 as a rule: which calls are sales, which callers are exempt, the message. Path cases: MustPrecedeEngineTests.</summary>
public sealed class SaleWithoutSuitabilityCheckTests
{
    private const string Services = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        public interface IFundSales
        {
            [ProductSale] Task SubscribeAsync(string customer, string fund, decimal amount);
        }

        public interface IRiskProfiler
        {
            [SuitabilityCheck] Task<bool> IsSuitableAsync(string customer, string fund);
        }

        public class FundSales : IFundSales
        {
            public Task SubscribeAsync(string customer, string fund, decimal amount) => Task.CompletedTask;
            public void Quote(string fund) { }
        }

        public class Broker
        {
            [ProductSale] public virtual void Sell(string customer) { }
        }

        public class OnlineBroker : Broker
        {
            public override void Sell(string customer) { }
        }

        """;

    [Fact]
    public Task Sale_through_an_interface_and_its_implementation_is_flagged_and_the_message_names_it()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Checkout
            {
                public async Task Buy(IFundSales sales, FundSales direct, string customer)
                {
                    await {|#0:sales.SubscribeAsync(customer, "F1", 100m)|};
                    await {|#1:direct.SubscribeAsync(customer, "F1", 100m)|};
                }
            }
            """,
            Verify.Diagnostic(Rules.SaleWithoutSuitabilityCheck).WithLocation(0).WithArguments("SubscribeAsync"),
            Verify.Diagnostic(Rules.SaleWithoutSuitabilityCheck).WithLocation(1).WithArguments("SubscribeAsync"));

    [Fact]
    public Task Overriding_sale_is_a_sale()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Desk
            {
                public void Trade(OnlineBroker broker) => {|FIN4001:broker.Sell("c")|};
            }
            """);

    [Fact]
    public Task Checked_sale_and_non_sale_calls_are_silent()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Checkout
            {
                public async Task Buy(IRiskProfiler profiler, IFundSales sales, FundSales direct, string customer)
                {
                    direct.Quote("F1");
                    if (!await profiler.IsSuitableAsync(customer, "F1"))
                    {
                        throw new InvalidOperationException("Product is above the customer's risk tolerance.");
                    }

                    await sales.SubscribeAsync(customer, "F1", 100m);
                }
            }
            """);

    [Fact]
    public Task Calls_inside_another_sale_are_exempt()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Bundle
            {
                [ProductSale]
                public async Task SubscribeBothAsync(IFundSales sales, string customer)
                {
                    await sales.SubscribeAsync(customer, "F1", 50m);
                    await sales.SubscribeAsync(customer, "F2", 50m);
                    Func<Task> later = () => sales.SubscribeAsync(customer, "F3", 1m);
                }

                public void Outer(IFundSales sales)
                {
                    // The sale inside Local is exempt; the obligation moves to the call of Local.
                    {|FIN4001:Local()|};

                    [ProductSale]
                    void Local() => sales.SubscribeAsync("c", "F1", 1m);
                }

                public void NotASale(IFundSales sales) => {|FIN4001:sales.SubscribeAsync("c", "F1", 1m)|};
            }
            """);

    [Fact]
    public Task Sales_in_initializers_constructors_and_accessors_are_analysed()
        => Verify.VerifyAnalyzerAsync(Services + """
            public class Wiring
            {
                private static readonly Broker broker = new();
                private readonly Task pending = {|FIN4001:new FundSales().SubscribeAsync("c", "F1", 1m)|};

                public Wiring() => {|FIN4001:broker.Sell("c")|};

                public int Property
                {
                    get { {|FIN4001:broker.Sell("c")|}; return 1; }
                }
            }
            """);

    [Fact]
    public Task Compilation_without_the_attributes_in_use_is_silent()
        => Verify.VerifyAnalyzerAsync("""
            public class Plain
            {
                public void Sell() { }
                public void M() => Sell();
            }
            """);
}
