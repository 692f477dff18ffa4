using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Generators.Tests;

/// <summary>
/// Runs an incremental generator the way the compiler does, with step tracking on, and checks that the generated
/// code compiles warning-free under nullable and warnings-as-errors.
/// </summary>
public sealed class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(global::FinCompliance.ProductPromotionAttribute).Assembly.Location),
    ];

    private readonly IIncrementalGenerator generator;
    private readonly Dictionary<string, string> globalOptions = new(StringComparer.Ordinal);

    public GeneratorHarness(IIncrementalGenerator generator) => this.generator = generator;

    /// <summary>Sets a global analyzer config option, e.g. <c>build_property.FinComplianceGenerateInventory</c>.</summary>
    public GeneratorHarness WithGlobalOption(string key, string value)
    {
        globalOptions[key] = value;
        return this;
    }

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/File{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: new GlobalOptionsProvider(globalOptions.ToImmutableDictionary()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over <paramref name="sources"/> and returns the generated files. Fails if the generator
    /// reports a diagnostic or throws, or if the output compilation has any error or warning.
    /// </summary>
    public GeneratorRun Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())));

        return new GeneratorRun(driver, compilation, result);
    }

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> options) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(options);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, out string value)
                => values.TryGetValue(key, out value!);
        }
    }
}

/// <summary>The outcome of one generator run, and what an incremental re-run after an edit did.</summary>
public sealed class GeneratorRun(GeneratorDriver driver, CSharpCompilation compilation, GeneratorRunResult result)
{
    public GeneratorDriver Driver { get; } = driver;

    public CSharpCompilation Compilation { get; } = compilation;

    public GeneratorRunResult Result { get; } = result;

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources
        => Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// Re-runs the same driver after <paramref name="edit"/> changes the compilation and returns the new run result;
    /// use <see cref="AssertNothingRegenerated"/> to prove the pipeline cached everything.
    /// </summary>
    public GeneratorRunResult RunAfterEdit(Func<CSharpCompilation, CSharpCompilation> edit)
        => Driver.RunGenerators(edit(Compilation)).GetRunResult().Results.Single();

    /// <summary>
    /// Asserts that every output of every tracked step (the named ones given, which must all have run) was
    /// <see cref="IncrementalStepRunReason.Cached"/> or <see cref="IncrementalStepRunReason.Unchanged"/>.
    /// </summary>
    public static void AssertNothingRegenerated(GeneratorRunResult rerun, params string[] trackingNames)
    {
        foreach (var name in trackingNames)
        {
            Assert.True(rerun.TrackedSteps.TryGetValue(name, out var steps), $"step '{name}' was not tracked");
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step '{name}' produced a {reason} output after an unrelated edit");
                }
            }
        }

        foreach (var (_, steps) in rerun.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.Equal(IncrementalStepRunReason.Cached, reason);
                }
            }
        }
    }
}
