using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// The suite finds what it tests by reflection; these tests make sure that finding is complete (no component hidden by a
/// missing export attribute) and that the harness really reports a crash, naming the input.
/// </summary>
public sealed class ComponentDiscoveryTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_shipped_type_loads()
    {
        foreach (var assembly in ShippedComponents.Assemblies)
        {
            try
            {
                assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                Assert.Fail($"{assembly.GetName().Name} has types that do not load: " +
                            string.Join("; ", e.LoaderExceptions.Select(l => l?.Message).Distinct()));
            }
        }

        output.WriteLine(ShippedComponents.Summary);
    }

    [Fact]
    public void Every_analyzer_code_fix_and_generator_is_exported_for_CSharp()
    {
        var concrete = ShippedComponents.AllTypes.Where(t => t is { IsClass: true, IsAbstract: false }).ToArray();

        // Rules are hosted by FinComplianceRuleHost instead of exported (RuleHostTests checks that each one is).
        var unexportedAnalyzers = concrete.Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => !typeof(FinCompliance.Analyzers.FinComplianceAnalyzer).IsAssignableFrom(t))
            .Where(t => !t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));
        var unexportedFixes = concrete.Where(t => typeof(CodeFixProvider).IsAssignableFrom(t))
            .Where(t => !t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));
        var unexportedGenerators = concrete.Where(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) || typeof(ISourceGenerator).IsAssignableFrom(t))
            .Where(t => !t.GetCustomAttributes<GeneratorAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

        Assert.Empty(unexportedAnalyzers.Concat(unexportedFixes).Concat(unexportedGenerators).Select(t => t.FullName));
    }

    [Fact]
    public void Every_fixable_diagnostic_is_reported_by_a_shipped_analyzer()
    {
        var orphans = ShippedComponents.CodeFixProviders
            .SelectMany(p => p.FixableDiagnosticIds.Select(id => (Provider: p.GetType().Name, Id: id)))
            .Where(x => !ShippedComponents.DiagnosticIds.Contains(x.Id))
            .Select(x => $"{x.Provider} fixes {x.Id}, which no analyzer reports");
        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_analyzer_descriptor_is_complete_enough_to_report()
    {
        foreach (var analyzer in ShippedComponents.Analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                Assert.False(string.IsNullOrWhiteSpace(descriptor.Id), analyzer.GetType().Name);
                Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), descriptor.Id);
                Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), descriptor.Id);
            }
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task The_harness_reports_a_throwing_analyzer_and_generator_with_the_input_name()
    {
        var input = RobustnessInput.Single("harness self-test", "public class C { void M() { } }");

        var result = await AnalysisPipeline.RunAsync(input, AnalysisEnvironment.Default, concurrentAnalysis: true,
            [new ThrowingAnalyzer()], [new ThrowingGenerator().AsSourceGenerator()]);

        Assert.Contains(result.Failures, f => f.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal) && f.Contains("harness self-test", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.Contains(nameof(ThrowingGenerator), StringComparison.Ordinal) && f.Contains("harness self-test", StringComparison.Ordinal));
    }

    [Fact]
    public void Test_sources_are_extracted_from_raw_and_verbatim_literals_without_markup()
    {
        const string testFile = """"
            class T
            {
                const string A = """
                    using FinCompliance;
                    class C { string s = "{|FIN1001:保本|}"; [|int x;|] {|#0:int y;|} }
                    """;
                const string B = @"class D { }";
                const string NotCode = """just text""";
                const string Regular = "class E { }";
            }
            """";

        var inputs = Corpus.ExtractCSharpLiterals("T.cs", testFile).ToArray();

        Assert.Equal(2, inputs.Length);
        Assert.Equal("using FinCompliance;\nclass C { string s = \"保本\"; int x; int y; }", inputs[0].Files[0].Text.ReplaceLineEndings("\n"));
        Assert.Equal("T.cs:3", inputs[0].Name);
        Assert.Equal("class D { }", inputs[1].Files[0].Text);
    }

    [Fact]
    public void Mutations_are_deterministic_and_named()
    {
        var inputs = UnusualConstructs.All.Take(2).ToArray();

        var first = Mutations.Truncations(inputs).Concat(Mutations.TokenDeletions(inputs)).Concat(Mutations.Insertions(inputs)).ToArray();
        var second = Mutations.Truncations(inputs).Concat(Mutations.TokenDeletions(inputs)).Concat(Mutations.Insertions(inputs)).ToArray();

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(i => i.Name), second.Select(i => i.Name));
        Assert.Equal(first.Select(i => string.Concat(i.Files.Select(f => f.Text))), second.Select(i => string.Concat(i.Files.Select(f => f.Text))));
        Assert.All(first, i => Assert.Matches(@"\[.*: (cut at \d+|delete token '.*' at \d+|insert '.*' at \d+)\]$", i.Name));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.Method);
        }
    }

    [Generator(LanguageNames.CSharp)]
    private sealed class ThrowingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(context.CompilationProvider, (_, _) => throw new InvalidOperationException("boom"));
    }
}
