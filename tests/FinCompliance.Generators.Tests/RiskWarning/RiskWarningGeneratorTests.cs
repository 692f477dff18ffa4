using System.Linq;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators.Tests.RiskWarning;

public class RiskWarningGeneratorTests
{
    private static readonly string[] Steps = [TrackingNames.RiskWarningPromotions, TrackingNames.RiskWarningTargets];

    private static GeneratorRun Run(params string[] sources) => new GeneratorHarness(new RiskWarningGenerator()).Run(sources);

    [Fact]
    public void Fund_promotion_in_file_scoped_namespace_gets_the_fund_warning()
    {
        var run = Run("""
            using FinCompliance;
            namespace Shop.Marketing;

            [ProductPromotion(ProductKind.Fund)]
            public partial class MoneyMarketFundBanner
            {
                public string Headline => "七日年化收益率 2.1%";
            }
            """);

        var (hintName, text) = Assert.Single(run.Sources);
        Assert.Equal("Shop.Marketing.MoneyMarketFundBanner.RiskWarning.g.cs", hintName);
        Snapshot.Verify(text, "RiskWarning.Fund_file_scoped_namespace");
    }

    [Fact]
    public void General_promotion_in_global_namespace_defaults_to_the_general_warning()
    {
        var run = Run("""
            [FinCompliance.ProductPromotion]
            internal partial struct Banner
            {
            }
            """);

        Snapshot.Verify(Assert.Single(run.Sources).Value, "RiskWarning.General_global_namespace_struct");
    }

    [Fact]
    public void Nested_generic_record_gets_its_containing_types()
    {
        var run = Run("""
            using FinCompliance;
            namespace Shop
            {
                public static partial class Campaigns
                {
                    internal partial record struct Outer<TKey>
                    {
                        [ProductPromotion(ProductKind.Crowdfunding)]
                        private sealed partial record Pitch<T>(T Value) where T : class;
                    }
                }
            }
            """);

        var (hintName, text) = Assert.Single(run.Sources);
        Assert.Equal("Shop.Campaigns.Outer`1.Pitch`1.RiskWarning.g.cs", hintName);
        Snapshot.Verify(text, "RiskWarning.Nested_generic_record");
    }

    [Theory]
    [InlineData("Wealth", "理财非存款，产品有风险，投资须谨慎。")]
    [InlineData("Payment", "支付账户余额不是存款，不受存款保险保护。")]
    [InlineData("(ProductKind)42", "市场有风险，投资需谨慎。")]
    public void Text_follows_the_product_kind(string kind, string expected)
    {
        var run = Run($$"""
            using FinCompliance;
            [ProductPromotion({{(kind.StartsWith('(') ? kind : "ProductKind." + kind)}})]
            public partial class Promo { }
            """);

        Assert.Contains($"public const string RiskWarning = \"{expected}\";", Assert.Single(run.Sources).Value);
    }

    [Theory]
    [InlineData("public class Promo { }")] // not partial: FIN1002 reports it
    [InlineData("public partial class Promo { [RiskWarning] public string Warning => \"市场有风险，投资需谨慎。\"; }")]
    [InlineData("public partial class Promo { [RiskWarning] private const string Text = \"市场有风险，投资需谨慎。\"; }")]
    [InlineData("public partial class Promo { public string RiskWarning() => \"\"; }")] // a clash, not a warning
    [InlineData("public partial class Promo : Base { } public class Base { [RiskWarning] public string Text { get; } = \"市场有风险\"; }")]
    [InlineData("public partial class Promo : Base { } public class Base { public int RiskWarning; }")]
    [InlineData("public class Outer { public partial class Promo { } }")] // containing type not partial
    public void Nothing_is_generated(string declaration)
    {
        var source = "using FinCompliance;\n" + System.Text.RegularExpressions.Regex.Replace(
            declaration, "((?:public |partial )*class Promo)", "[ProductPromotion(ProductKind.Fund)] $1");
        Assert.Empty(Run(source).Sources);
    }

    [Fact]
    public void The_syntax_filter_passes_exactly_the_declarations_that_can_get_a_part()
    {
        // The generator filters candidates by syntax before they are bound (issue #6): it must never drop a type that
        // TypeDeclaration.For would accept, and it drops every one it would reject for not being partial.
        var compilation = GeneratorHarness.CreateCompilation(
            """
            public class Plain { public partial class InPlain { } }
            public partial class Outer { public class Inner { } public partial struct Both { public partial record Deep(int A); } }
            public partial interface IMarker { }
            public partial record struct Point(int X);
            public partial class Split { } public partial class Split { }
            public static partial class Holder { private sealed partial record Pitch<T>(T Value); }
            """);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var checkedTypes = 0;
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
        {
            var type = (INamedTypeSymbol)semanticModel.GetDeclaredSymbol(declaration)!;
            Assert.True(
                TypeDeclaration.IsPartialWithContainers(declaration) == (TypeDeclaration.For(type) is not null),
                $"{type.ToDisplayString()}: syntax {TypeDeclaration.IsPartialWithContainers(declaration)}");
            checkedTypes++;
        }

        Assert.Equal(12, checkedTypes);
    }

    [Fact]
    public void Member_with_an_aliased_risk_warning_attribute_counts_as_a_warning()
    {
        const string Source = """
            namespace Vendor { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class DisclaimerAttribute : System.Attribute { } }
            [FinCompliance.ProductPromotion]
            public partial class Promo { [Vendor.Disclaimer] public string Text => "市场有风险，投资需谨慎。"; }
            """;

        Assert.Single(Run(Source).Sources);
        var aliased = new GeneratorHarness(new RiskWarningGenerator())
            .WithGlobalOption("fincompliance.attribute_aliases", "Vendor.DisclaimerAttribute=RiskWarning")
            .Run(Source);
        Assert.Empty(aliased.Sources);
    }

    [Fact]
    public void CSharp_7_3_project_gets_a_file_without_nullable_directive()
    {
        var generated = Assert.Single(LegacyLanguage.Run(new RiskWarningGenerator(), "[FinCompliance.ProductPromotion] public partial class Promo { }"));
        Assert.DoesNotContain("#nullable", generated);
        Assert.Contains("public const string RiskWarning", generated);
    }

    [Fact]
    public void Generic_and_underscored_types_of_the_same_name_get_distinct_files()
    {
        var run = Run("""
            using FinCompliance;
            [ProductPromotion] public partial class Promo<T> { }
            [ProductPromotion] public partial class Promo_1 { }
            """);

        Assert.Equal(["Promo_1.RiskWarning.g.cs", "Promo`1.RiskWarning.g.cs"], run.Sources.Keys.Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void Broken_code_does_not_throw()
    {
        var twoParts = GeneratorHarness.CreateCompilation(
            "[FinCompliance.ProductPromotion] public partial class Twice { }",
            "[FinCompliance.ProductPromotion(FinCompliance.ProductKind.Fund)] public partial class Twice { }");
        var twoPartsResult = new GeneratorHarness(new RiskWarningGenerator()).CreateDriver().RunGenerators(twoParts).GetRunResult().Results.Single();
        Assert.Null(twoPartsResult.Exception);
        Assert.Single(twoPartsResult.GeneratedSources);

        var generator = new GeneratorHarness(new RiskWarningGenerator());
        var compilation = GeneratorHarness.CreateCompilation("""
            using FinCompliance;
            [ProductPromotion(ProductKind.)]
            public partial class Promo : Missing { public string X => ; }
            [ProductPromotion(NotAKind)] partial
            """);
        var result = generator.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
    }

    [Fact]
    public void Unrelated_edits_regenerate_nothing()
    {
        var run = Run(
            "using FinCompliance; [ProductPromotion(ProductKind.Fund)] public partial class Promo { }",
            "public class Calculator { public int Add(int a, int b) => a + b; }");

        GeneratorRun.AssertNothingRegenerated(run.RunAfterEdit(Edits.AddUnrelatedClass), Steps);
        GeneratorRun.AssertNothingRegenerated(
            run.RunAfterEdit(c => Edits.ReplaceFile(c, 1, "public class Calculator { public int Add(int a, int b) => b + a + 0; }")),
            Steps);
    }

    [Fact]
    public void Editing_the_promotion_regenerates_it()
    {
        var run = Run("using FinCompliance; [ProductPromotion(ProductKind.Fund)] public partial class Promo { }");

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 0, "using FinCompliance; [ProductPromotion(ProductKind.Trust)] public partial class Promo { }"));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorRun.AssertNothingRegenerated(rerun, Steps));
        Assert.Contains("信托产品有风险", Assert.Single(Edits.Sources(rerun)).Value);
    }

    [Fact]
    public void Adding_a_warning_to_the_base_class_in_another_file_removes_the_generated_one()
    {
        var run = Run(
            "[FinCompliance.ProductPromotion] public partial class Promo : Base { }",
            "public class Base { }");
        Assert.Single(run.Sources);

        var rerun = run.RunAfterEdit(c => Edits.ReplaceFile(c, 1, "public class Base { [FinCompliance.RiskWarning] public string Text => \"市场有风险，投资需谨慎。\"; }"));

        Assert.Empty(rerun.GeneratedSources);
    }
}
