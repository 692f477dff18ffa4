using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Robustness.Tests;

/// <summary>What one run of the pipeline over one input produced.</summary>
public sealed record PipelineResult(RobustnessInput Input, ImmutableArray<string> Failures, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Generated files as "hint name: text", sorted by hint name.</summary>
    public ImmutableArray<string> GeneratedSources { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The analyzer diagnostics in a stable, comparable form: id, file, span, message.</summary>
    public ImmutableArray<string> DiagnosticKeys => Diagnostics
        .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath ?? d.Location.Kind.ToString()} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
        .OrderBy(k => k, StringComparer.Ordinal)
        .ToImmutableArray();
}

/// <summary>
/// Runs what a build runs over an input: parse, compile, every shipped generator (CSharpGeneratorDriver), then every
/// shipped analyzer over the generator output (CompilationWithAnalyzers). Collects, instead of throwing, every
/// generator exception, analyzer exception (onAnalyzerException and AD0001) and timeout, each naming the input.
/// </summary>
public static class AnalysisPipeline
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>
    /// Generous: a rule that needs this long on a test-sized input hangs. <c>FINCOMPLIANCE_ROBUSTNESS_TIMEOUT</c>
    /// (seconds) changes it to investigate a slow case.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("FINCOMPLIANCE_ROBUSTNESS_TIMEOUT"), out var seconds) && seconds > 0 ? seconds : 60);

    public static CSharpCompilationOptions CompilationOptions(OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        => new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true)
            .WithSpecificDiagnosticOptions(AnalysisEnvironment.AllRulesOn);

    public static CSharpCompilation Compile(RobustnessInput input)
    {
        var trees = input.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)).ToArray();
        // Top-level statements need an executable; everything else compiles as a library.
        var kind = trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create("RobustnessInput", trees, RobustnessReferences.All, CompilationOptions(kind));
    }

    public static PipelineResult Run(RobustnessInput input, AnalysisEnvironment? environment = null, bool concurrentAnalysis = true)
        => RunAsync(input, environment ?? AnalysisEnvironment.Default, concurrentAnalysis,
            ShippedComponents.Analyzers, ShippedComponents.Generators).GetAwaiter().GetResult();

    public static async Task<PipelineResult> RunAsync(
        RobustnessInput input,
        AnalysisEnvironment environment,
        bool concurrentAnalysis,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<ISourceGenerator> generators)
    {
        // The token stops cooperative work; the wait also catches a rule that loops without observing it.
        var run = Task.Run(() => RunCoreAsync(input, environment, concurrentAnalysis, analyzers, generators));
        try
        {
            return await run.WaitAsync(Timeout + TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new PipelineResult(input,
                [$"did not finish within {Timeout.TotalSeconds:0} s and ignored cancellation (hang) on input '{input.Name}' (environment '{environment.Name}')"],
                ImmutableArray<Diagnostic>.Empty);
        }
    }

    private static async Task<PipelineResult> RunCoreAsync(
        RobustnessInput input,
        AnalysisEnvironment environment,
        bool concurrentAnalysis,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<ISourceGenerator> generators)
    {
        var failures = new ConcurrentQueue<string>();
        var where = $"input '{input.Name}' (environment '{environment.Name}')";
        using var timeout = new CancellationTokenSource(Timeout);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var generated = ImmutableArray<string>.Empty;
        try
        {
            Compilation compilation = Compile(input);

            if (!generators.IsEmpty)
            {
                GeneratorDriver driver = CSharpGeneratorDriver.Create(
                    generators, environment.Texts, ParseOptions, environment.OptionsProvider);
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _, timeout.Token);
                var runResult = driver.GetRunResult();
                generated = runResult.Results.SelectMany(r => r.GeneratedSources)
                    .Select(s => s.HintName + ": " + s.SourceText)
                    .OrderBy(s => s, StringComparer.Ordinal)
                    .ToImmutableArray();
                foreach (var result in runResult.Results)
                {
                    if (result.Exception is { } e)
                    {
                        failures.Enqueue($"generator {ShippedComponents.NameOf(result.Generator)} threw on {where}: {Describe(e)}");
                    }
                }

                compilation = output;
            }

            if (!analyzers.IsEmpty)
            {
                var options = new CompilationWithAnalyzersOptions(
                    environment.AnalyzerOptions,
                    onAnalyzerException: (e, analyzer, _) =>
                        failures.Enqueue($"analyzer {analyzer.GetType().FullName} threw on {where}: {Describe(e)}"),
                    concurrentAnalysis: concurrentAnalysis,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false);
                var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
                diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token).ConfigureAwait(false);
                foreach (var ad0001 in diagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
                {
                    failures.Enqueue($"{ad0001.Id} on {where}: {ad0001.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            failures.Enqueue($"timed out after {Timeout.TotalSeconds:0} s (hang?) on {where}");
        }
        catch (Exception e)
        {
            failures.Enqueue($"pipeline threw on {where}: {Describe(e)}");
        }

        return new PipelineResult(input, failures.Distinct().ToImmutableArray(), diagnostics) { GeneratedSources = generated };
    }

    /// <summary>Runs every input in turn; returns all failures and how many inputs ran.</summary>
    public static (List<string> Failures, int Inputs) RunAll(IEnumerable<RobustnessInput> inputs, AnalysisEnvironment? environment = null)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var input in inputs)
        {
            count++;
            failures.AddRange(Run(input, environment).Failures);
        }

        return (failures, count);
    }

    public static string Describe(Exception e)
    {
        var frames = (e.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(6);
        return $"{e.GetType().Name}: {e.Message}\n      " + string.Join("\n      ", frames);
    }

    /// <summary>Formats failures for an assertion message: a count and the first ones in full.</summary>
    public static string Report(IReadOnlyCollection<string> failures, int inputs)
        => $"{failures.Count} failure(s) over {inputs} input(s); {ShippedComponents.Summary}\n" +
           string.Join("\n", failures.Take(30).Select(f => " - " + f)) +
           (failures.Count > 30 ? $"\n ... and {failures.Count - 30} more" : string.Empty);
}
