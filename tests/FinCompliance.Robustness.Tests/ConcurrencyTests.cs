using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Results do not depend on scheduling: the same diagnostics with concurrent execution on and off and across two
/// concurrent runs, and the same generated sources every time.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Diagnostics_and_generated_sources_are_identical_with_concurrent_execution_on_and_off_and_across_runs()
    {
        var differences = new List<string>();
        var inputs = Corpus.Originals;
        var diagnostics = 0;
        foreach (var input in inputs)
        {
            var concurrent = AnalysisPipeline.Run(input, concurrentAnalysis: true);
            var sequential = AnalysisPipeline.Run(input, concurrentAnalysis: false);
            var again = AnalysisPipeline.Run(input, concurrentAnalysis: true);
            diagnostics += concurrent.Diagnostics.Length;

            differences.AddRange(concurrent.Failures);
            Compare(input, "concurrent vs sequential", concurrent, sequential, differences);
            Compare(input, "first vs second concurrent run", concurrent, again, differences);
        }

        output.WriteLine($"{inputs.Length} inputs, {diagnostics} diagnostics per run");
        Assert.True(differences.Count == 0, AnalysisPipeline.Report(differences, inputs.Length));
    }

    private static void Compare(RobustnessInput input, string what, PipelineResult a, PipelineResult b, List<string> differences)
    {
        if (!a.DiagnosticKeys.SequenceEqual(b.DiagnosticKeys))
        {
            differences.Add($"{what} differ on '{input.Name}': only first [{string.Join("; ", a.DiagnosticKeys.Except(b.DiagnosticKeys))}], " +
                            $"only second [{string.Join("; ", b.DiagnosticKeys.Except(a.DiagnosticKeys))}]");
        }

        if (!a.GeneratedSources.SequenceEqual(b.GeneratedSources))
        {
            differences.Add($"{what}: generated sources differ on '{input.Name}'");
        }
    }
}
