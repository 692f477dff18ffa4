using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Benchmarks;

/// <summary>
/// Measures, in one process and one run, the compilation of the synthetic code base without analyzers, with
/// FinCompliance's analyzers and generators, and with the peer set; per-analyzer execution times; and the generators'
/// incremental cost after a one-line edit. Each figure is the median of <c>repetitions</c> runs after a warm-up, in wall
/// time and in this process's CPU time (the latter is the steadier figure on a machine shared with other work).
/// </summary>
public sealed class SideBySide(int files, int repetitions, bool includePeer, bool peerPerAnalyzer, TextWriter log)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // The driver's per-generator times of the last edit re-run (RunGeneratorsOnly prints them).
    private string lastEditTimings = string.Empty;

    /// <summary>
    /// Only the generators: their first run (median of the repetitions after a warm-up) and the re-runs after a one-line
    /// edit. For iterating on a generator without the analyzer rows.
    /// </summary>
    public string RunGeneratorsOnly()
    {
        var workload = new Workload(files);
        log.WriteLine($"synthetic code base: {workload.Files.Length} files, {workload.Lines:N0} lines; {repetitions} repetitions; generators only");
        RunGenerators(workload.Parse()); // warm-up
        var firstRuns = new List<TimeSpan>();
        for (var round = 0; round < repetitions; round++)
        {
            firstRuns.Add(Time(() => RunGenerators(workload.Parse())));
            log.WriteLine($"  round {round + 1}: generators {Ms(firstRuns[^1])} (CPU {Ms(lastCpu)})");
        }

        var (unrelatedEdit, annotatedEdit) = IncrementalEdits(workload);
        log.WriteLine($"  last re-run by generator (the driver's timing): {lastEditTimings}");
        return $"Generators, first run: {Ms(MedianIn(firstRuns))}; after a one-line edit: in a plain business file {Ms(unrelatedEdit)}, "
               + $"inside an annotated promotion {Ms(annotatedEdit)} ({workload.Files.Length} files, median of {repetitions}).";
    }

    public string Run()
    {
        var workload = new Workload(files);
        log.WriteLine($"synthetic code base: {workload.Files.Length} files, {workload.Lines:N0} lines; {repetitions} repetitions; {Environment.ProcessorCount} cores");
        var sets = includePeer
            ? new[] { AnalyzerSet.FinCompliance, AnalyzerSet.NetAnalyzers, AnalyzerSet.Empty }
            : new[] { AnalyzerSet.FinCompliance, AnalyzerSet.Empty };
        foreach (var set in sets)
        {
            log.WriteLine($"  {set.Name}: {set.Analyzers.Length} analyzers, {set.RuleCount} rules");
        }

        var trees = workload.Parse();
        var errors = Workload.Compile(trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        log.WriteLine($"  compiler errors in the synthetic code base: {errors.Length}");
        foreach (var error in errors.Take(10))
        {
            log.WriteLine("    " + error);
        }

        // Warm-up on a small slice: JIT the compiler, the analyzers and the generators once.
        var warmUp = workload.Parse().Take(Math.Min(60, trees.Length)).ToImmutableArray();
        Time(() => Workload.Compile(warmUp).Emit(Stream.Null));
        Time(() => RunGenerators(warmUp));
        foreach (var set in sets)
        {
            Time(() => AnalyzeAll(warmUp, set));
        }

        // Per-analyzer times first (FinCompliance's per rule: each rule as an analyzer of its own): the heaviest rule also
        // gets a leave-one-out row, its marginal cost (shared work such as binding is charged to whichever analyzer asks
        // first, so telemetry alone can mislead).
        var perAnalyzer = sets.Where(s => s != AnalyzerSet.Empty && (s != AnalyzerSet.NetAnalyzers || peerPerAnalyzer))
            .ToDictionary(s => s.Name, s => PerAnalyzer(workload.Parse(), s == AnalyzerSet.FinCompliance ? AnalyzerSet.FinComplianceRules : s));
        var heaviest = perAnalyzer.TryGetValue(AnalyzerSet.FinCompliance.Name, out var fcTimes) && fcTimes.Length > 1 ? fcTimes[0].Analyzer : null;
        if (heaviest is not null)
        {
            var without = new AnalyzerSet($"FinCompliance without {heaviest}",
                AnalyzerSet.FinComplianceRules.Analyzers.Where(a => a.GetType().Name != heaviest).ToImmutableArray());
            sets = [.. sets, without];
        }

        // Configurations are interleaved round by round, so that a change in machine load affects them alike.
        var counts = sets.ToDictionary(set => set.Name, _ => 0);
        var measured = new List<(string Name, Func<TimeSpan> Measure, bool Repeat)>
        {
            ("compile", () => Time(() => Workload.Compile(workload.Parse()).Emit(Stream.Null)), true),
            ("diagnose", () => Time(() => Workload.Compile(workload.Parse()).GetDiagnostics()), true),
            ("generators", () => Time(() => RunGenerators(workload.Parse())), true),
        };
        foreach (var set in sets)
        {
            // The peer set is slow (dataflow rules); one run is enough to compare orders of magnitude.
            measured.Add((set.Name, () => Time(() => counts[set.Name] = AnalyzeAll(workload.Parse(), set)), set != AnalyzerSet.NetAnalyzers));
        }

        var samples = measured.ToDictionary(m => m.Name, _ => new List<TimeSpan>());
        var cpuSamples = measured.ToDictionary(m => m.Name, _ => new List<TimeSpan>());
        for (var round = 0; round < repetitions; round++)
        {
            foreach (var (name, measure, repeat) in measured.Where(m => round == 0 || m.Repeat))
            {
                var time = measure();
                samples[name].Add(time);
                cpuSamples[name].Add(lastCpu);
                log.WriteLine($"  round {round + 1}: {name} {Ms(time)} (CPU {Ms(lastCpu)})");
            }
        }

        TimeSpan MedianOf(string name) => MedianIn(samples[name]);

        cpu = measured.ToDictionary(m => m.Name, m => MedianIn(cpuSamples[m.Name]));

        var compile = MedianOf("compile");
        var diagnose = MedianOf("diagnose");
        var generators = MedianOf("generators");
        var (unrelatedEdit, annotatedEdit) = IncrementalEdits(workload);
        log.WriteLine($"  generators after a one-line edit: unrelated file {Ms(unrelatedEdit)}, annotated file {Ms(annotatedEdit)}");

        var overheads = new Dictionary<string, (TimeSpan Total, TimeSpan Overhead, int Diagnostics)>();
        foreach (var set in sets)
        {
            var total = MedianOf(set.Name);
            overheads[set.Name] = (total, total - diagnose, counts[set.Name]);
        }

        return Markdown(workload, compile, diagnose, generators, unrelatedEdit, annotatedEdit, overheads, perAnalyzer);
    }

    /// <summary>Compiler diagnostics plus every analyzer of the set, concurrently, as a build runs them.</summary>
    private static int AnalyzeAll(ImmutableArray<SyntaxTree> trees, AnalyzerSet set)
    {
        var compilation = Workload.Compile(trees, set.AllRulesOn);
        if (set.Analyzers.IsEmpty)
        {
            compilation.GetDiagnostics();
            return 0;
        }

        var options = new CompilationWithAnalyzersOptions(Options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var all = compilation.WithAnalyzers(set.Analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return all.Count(d => set.AllRulesOn.ContainsKey(d.Id));
    }

    /// <summary>Execution time per analyzer (sequential, so times are not inflated by contention).</summary>
    private static ImmutableArray<(string Analyzer, string Rules, TimeSpan Time)> PerAnalyzer(ImmutableArray<SyntaxTree> trees, AnalyzerSet set)
    {
        if (set.Analyzers.IsEmpty)
        {
            return [];
        }

        var compilation = Workload.Compile(trees, set.AllRulesOn);
        var options = new CompilationWithAnalyzersOptions(Options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var result = compilation.WithAnalyzers(set.Analyzers, options).GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result.AnalyzerTelemetryInfo
            .Select(kv => (kv.Key.GetType().Name, string.Join(" ", kv.Key.SupportedDiagnostics.Select(d => d.Id).Distinct()), kv.Value.ExecutionTime))
            .OrderByDescending(x => x.ExecutionTime)
            .ToImmutableArray();
    }

    private static GeneratorDriver RunGenerators(ImmutableArray<SyntaxTree> trees)
        => CSharpGeneratorDriver.Create(AnalyzerSet.FinComplianceGenerators, [], Workload.ParseOptions, Options.AnalyzerConfigOptionsProvider)
            .RunGenerators(Workload.Compile(trees));

    /// <summary>
    /// The driver's second run after a one-line edit, as the IDE re-runs generators on each keystroke: once in a plain
    /// business file (nothing should regenerate), once inside an annotated promotion.
    /// </summary>
    private (TimeSpan Unrelated, TimeSpan Annotated) IncrementalEdits(Workload workload)
    {
        TimeSpan Edit(string pathPart, string anchor, string replacement)
        {
            return Median(() =>
            {
                var trees = workload.Parse();
                var compilation = Workload.Compile(trees);
                var driver = CSharpGeneratorDriver.Create(AnalyzerSet.FinComplianceGenerators, [], Workload.ParseOptions, Options.AnalyzerConfigOptionsProvider)
                    .RunGenerators(compilation);
                var tree = trees.FirstOrDefault(t => t.FilePath.Contains(pathPart, StringComparison.Ordinal) && t.ToString().Contains(anchor, StringComparison.Ordinal));
                if (tree is null)
                {
                    return TimeSpan.Zero;
                }

                var text = tree.GetText();
                var at = text.ToString().IndexOf(anchor, StringComparison.Ordinal);
                var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, anchor.Length), replacement)));
                var next = compilation.ReplaceSyntaxTree(tree, edited);
                GeneratorDriver? rerun = null;
                var time = Time(() => rerun = driver.RunGenerators(next));
                lastEditTimings = string.Join(", ", rerun!.GetTimingInfo().GeneratorTimes
                    .Select(generator => $"{generator.Generator.GetGeneratorType().Name} {Ms(generator.ElapsedTime)}"));
                return time;
            });
        }

        return (Edit("/Business", "var attempts = 0;", "var attempts = 1;"), Edit("/Promotion", "起投金额低", "起投金额很低"));
    }

    private static readonly AnalyzerOptions Options = new([], new EmptyOptionsProvider());

    /// <summary>Median CPU time of each configuration: less sensitive than wall time to other processes on the machine.</summary>
    private Dictionary<string, TimeSpan> cpu = new();

    private static TimeSpan lastCpu;

    private static TimeSpan MedianIn(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(t => t).ToArray();
        return sorted[sorted.Length / 2];
    }

    private TimeSpan Median(Func<TimeSpan> measure, int? runs = null)
    {
        var samples = Enumerable.Range(0, runs ?? repetitions).Select(_ => measure()).OrderBy(t => t).ToArray();
        return samples[samples.Length / 2];
    }

    private static TimeSpan Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var elapsed = watch.Elapsed;
        process.Refresh();
        lastCpu = process.TotalProcessorTime - cpuBefore;
        return elapsed;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", Invariant) + " ms";

    private static string Pct(TimeSpan part, TimeSpan whole) => (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("0.0", Invariant) + " %";

    private string Markdown(
        Workload workload, TimeSpan compile, TimeSpan diagnose, TimeSpan generators, TimeSpan unrelatedEdit, TimeSpan annotatedEdit,
        Dictionary<string, (TimeSpan Total, TimeSpan Overhead, int Diagnostics)> overheads,
        Dictionary<string, ImmutableArray<(string Analyzer, string Rules, TimeSpan Time)>> perAnalyzer)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"Synthetic code base: {workload.Files.Length:N0} files, {workload.Lines:N0} lines (seed {FinCompliance.SyntheticCodebase.CodebaseWriter.DefaultSeed}); " +
                                 $"median of {repetitions} runs after a warm-up (the peer set: one run); {Environment.ProcessorCount} cores; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine();
        md.AppendLine("| Configuration | Wall time | CPU time | Overhead (wall) | Overhead vs. compile (wall) | Overhead vs. compile (CPU) | Diagnostics |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant, $"| Compile without analyzers (parse, bind, emit) | {Ms(compile)} | {Ms(cpu["compile"])} | – | – | – | – |");
        md.AppendLine(Invariant, $"| Compiler diagnostics only (baseline of the rows below) | {Ms(diagnose)} | {Ms(cpu["diagnose"])} | – | – | – | – |");
        foreach (var (name, (total, overhead, count)) in overheads)
        {
            var cpuOverhead = cpu[name] - cpu["diagnose"];
            md.AppendLine(Invariant, $"| + {name} | {Ms(total)} | {Ms(cpu[name])} | {Ms(overhead)} | {Pct(overhead, compile)} | {Pct(cpuOverhead, cpu["compile"])} | {count:N0} |");
        }

        var fc = overheads[AnalyzerSet.FinCompliance.Name].Overhead;
        var fcCpu = cpu[AnalyzerSet.FinCompliance.Name] - cpu["diagnose"];
        var empty = overheads[AnalyzerSet.Empty.Name].Overhead;
        md.AppendLine(Invariant, $"| FinCompliance generators, first run | {Ms(generators)} | {Ms(cpu["generators"])} | {Ms(generators)} | {Pct(generators, compile)} | {Pct(cpu["generators"], cpu["compile"])} | – |");
        md.AppendLine(Invariant, $"| **FinCompliance total (analyzers + generators)** | | | {Ms(fc + generators)} | **{Pct(fc + generators, compile)}** | **{Pct(fcCpu + cpu["generators"], cpu["compile"])}** | |");
        md.AppendLine();
        md.AppendLine(Invariant, $"Generators after a one-line edit (driver re-run): in a plain business file {Ms(unrelatedEdit)}, inside an annotated promotion {Ms(annotatedEdit)}.");
        md.AppendLine(Invariant, $"The empty analyzer's overhead ({Ms(empty)}) is the analyzer driver's own cost, paid once by any analyzer package.");
        md.AppendLine();

        foreach (var (set, rows) in perAnalyzer)
        {
            var top = set.StartsWith("FinCompliance", StringComparison.Ordinal) ? rows : rows.Take(10).ToImmutableArray();
            var sum = TimeSpan.FromTicks(rows.Sum(r => r.Time.Ticks));
            md.AppendLine(Invariant, $"Per-analyzer execution time, {set} (sequential run, sum {Ms(sum)}{(top.Length < rows.Length ? $", top {top.Length} of {rows.Length}" : string.Empty)}):");
            md.AppendLine();
            md.AppendLine("| Analyzer | Rules | Time | vs. compile |");
            md.AppendLine("|---|---|---:|---:|");
            foreach (var (analyzer, rules, time) in top)
            {
                md.AppendLine(Invariant, $"| {analyzer} | {(rules.Length > 60 ? rules.Substring(0, 57) + "..." : rules)} | {Ms(time)} | {Pct(time, compile)} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private sealed class EmptyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(ImmutableDictionary<string, string>.Empty
            .Add("build_property.FinComplianceMode", "Audit")
            .Add("build_property.TargetFramework", "net8.0"));

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
