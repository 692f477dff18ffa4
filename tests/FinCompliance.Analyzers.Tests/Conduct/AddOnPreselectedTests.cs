using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.AddOnPreselectedAnalyzer>;
using VerifyFix = FinCompliance.Analyzers.Tests.CSharpCodeFixVerifier<FinCompliance.Analyzers.AddOnPreselectedAnalyzer, FinCompliance.CodeFixes.AddOnPreselectedCodeFixProvider>;

namespace FinCompliance.Analyzers.Tests.Conduct;

public sealed class AddOnPreselectedTests
{
    private const string Usings = """
        using System.ComponentModel;
        using FinCompliance;

        """;

    [Fact]
    public Task Initializer_true_is_flagged_at_the_literal_with_the_member_name()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                [OptIn] public bool Insurance { get; set; } = {|#0:true|};
                [OptIn] public bool Newsletter = {|#1:true|};
                [OptIn] public bool? AutoRenew { get; set; } = {|#2:true|};
            }
            """,
            Verify.Diagnostic(Rules.AddOnPreselected).WithLocation(0).WithArguments("Insurance"),
            Verify.Diagnostic(Rules.AddOnPreselected).WithLocation(1).WithArguments("Newsletter"),
            Verify.Diagnostic(Rules.AddOnPreselected).WithLocation(2).WithArguments("AutoRenew"));

    [Fact]
    public Task Constant_true_through_a_named_constant_is_flagged()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                private const bool Selected = true;
                [OptIn] public bool Insurance { get; set; } = {|FIN4002:Selected|};
            }
            """);

    [Fact]
    public Task DefaultValue_true_is_flagged_at_the_argument()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                [OptIn, DefaultValue({|FIN4002:true|})] public bool Insurance { get; set; }
                [OptIn, DefaultValue(typeof(bool), {|FIN4002:"True"|})] public bool AutoRenew { get; set; }
                [OptIn, DefaultValue(false)] public bool Newsletter { get; set; }
                [OptIn, DefaultValue(typeof(bool), "false")] public bool Marketing { get; set; }
                [DefaultValue(true)] public bool ExpressDelivery { get; set; }
            }
            """);

    [Fact]
    public Task Constructor_assignments_of_true_are_flagged()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                [OptIn] public bool Insurance { get; set; }
                [OptIn] public bool Newsletter;
                [OptIn] public static bool Marketing;

                static Order() => Marketing = {|FIN4002:true|};

                public Order()
                {
                    Insurance = {|FIN4002:true|};
                    this.Newsletter = {|FIN4002:true|};
                }

                public Order(bool newsletter = {|FIN4002:true|}) => Newsletter = newsletter;

                public Order(Order other, bool insurance)
                {
                    Insurance = insurance;
                    other.Insurance = true; // another object, set deliberately: not this one's default
                }
            }
            """);

    // Assignments are filtered on their value before the target's attributes are read: converted and named
    // constants and parameters must still get through.
    [Fact]
    public Task Converted_constants_and_parameter_defaults_in_assignments_are_flagged()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                private const bool Yes = true;

                [OptIn] public bool? AutoRenew { get; set; }
                [OptIn] public bool Insurance { get; set; }

                public Order(bool insurance = {|FIN4002:true|})
                {
                    AutoRenew = {|FIN4002:Yes|};
                    Insurance = (insurance);
                }

                public static Order Create() => new Order(false) { AutoRenew = {|FIN4002:true|}, Insurance = {|FIN4002:(bool)(object)Yes|} };
            }
            """);

    [Fact]
    public Task Primary_constructor_and_record_defaults_are_flagged()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public record Order(string Fund, [property: OptIn] bool Insurance = {|FIN4002:true|}, bool Express = true);
            public record Quote(string Fund, [property: OptIn] bool Insurance = false);

            public class Basket(bool insurance = {|FIN4002:true|}, bool newsletter = false)
            {
                [OptIn] public bool Insurance { get; } = insurance;
                [OptIn] public bool Newsletter { get; } = newsletter;
            }
            """);

    [Fact]
    public Task Object_initializers_and_with_expressions_with_true_are_flagged()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public record Order
            {
                [OptIn] public bool Insurance { get; init; }
                public bool Express { get; init; }
            }

            public class Checkout
            {
                public Order Create() => new Order { Insurance = {|FIN4002:true|}, Express = true };
                public Order Upsell(Order order) => order with { Insurance = {|FIN4002:true|} };
            }
            """);

    [Fact]
    public Task User_input_false_and_other_members_are_silent()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Form { public bool Insurance { get; set; } }

            public class Order
            {
                [OptIn] public bool Insurance { get; set; } = false;
                [OptIn] public bool Newsletter { get; set; }
                public bool Express { get; set; } = true;

                public Order() => Newsletter = false;
                public Order(bool insurance) => Insurance = insurance;
            }

            public class Checkout
            {
                public Order FromForm(Form form) => new Order { Insurance = form.Insurance, Express = true };
                public void Tick(Order order) => order.Insurance = true; // the customer ticked the box
            }
            """);

    [Fact]
    public Task Broken_code_does_not_throw()
        => Verify.VerifyAnalyzerAsync(Usings + """
            public class Order
            {
                [OptIn] public bool Insurance { get; set; } = {|CS0103:yes|};
                [OptIn, DefaultValue("true")] public bool Newsletter { get; set; } // a string default: not the constant true
                [OptIn] public bool Express { get; set; } = {|CS0029:"true"|};
            }
            """);

    [Fact]
    public Task Code_fix_defaults_every_preselection_to_false()
        => VerifyFix.VerifyCodeFixAsync(Usings + """
            public record Order(string Fund, [property: OptIn] bool Insurance = {|FIN4002:true|})
            {
                [OptIn, DefaultValue({|FIN4002:true|})] public bool Newsletter { get; set; } = {|FIN4002:true|};
                [OptIn, DefaultValue(typeof(bool), {|FIN4002:"true"|})] public bool AutoRenew { get; set; }
                [OptIn] public bool Marketing { get; init; }
                public Order Upsell() => this with { Marketing = {|FIN4002:true|} /* upsell */ };
            }
            """, Usings + """
            public record Order(string Fund, [property: OptIn] bool Insurance = false)
            {
                [OptIn, DefaultValue(false)] public bool Newsletter { get; set; } = false;
                [OptIn, DefaultValue(typeof(bool), "false")] public bool AutoRenew { get; set; }
                [OptIn] public bool Marketing { get; init; }
                public Order Upsell() => this with { Marketing = false /* upsell */ };
            }
            """);
}
