using System.Collections.Immutable;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Benchmarks;

/// <summary>
/// The same comparison under BenchmarkDotNet (<c>-- bdn</c>), for statistically rigorous numbers on a quiet machine.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CompilationBenchmarks
{
    private ImmutableArray<SyntaxTree> trees;

    [Params(200)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup() => trees = new Workload(Files).Parse();

    [Benchmark(Baseline = true)]
    public void CompilerDiagnostics() => Workload.Compile(trees).GetDiagnostics();

    [Benchmark]
    public void Emit() => Workload.Compile(trees).Emit(Stream.Null);

    [Benchmark]
    public object FinComplianceAnalyzers() => Analyze(AnalyzerSet.FinCompliance);

    [Benchmark]
    public object NetAnalyzersLatestAll() => Analyze(AnalyzerSet.NetAnalyzers);

    [Benchmark]
    public object FinComplianceGenerators()
        => Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(AnalyzerSet.FinComplianceGenerators).RunGenerators(Workload.Compile(trees));

    private object Analyze(AnalyzerSet set)
        => Workload.Compile(trees, set.AllRulesOn)
            .WithAnalyzers(set.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, true, false))
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
}
