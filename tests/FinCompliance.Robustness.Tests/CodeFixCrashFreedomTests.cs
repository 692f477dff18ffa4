using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Every shipped code fix provider on every diagnostic it can fix in the repository sources and unusual constructs,
/// and in truncated copies of them: registering, computing and applying fixes (and Fix All) never throws.
/// </summary>
public sealed class CodeFixCrashFreedomTests(ITestOutputHelper output)
{
    [Fact]
    public async System.Threading.Tasks.Task Code_fixes_never_throw()
    {
        var failures = new List<string>();
        var attempts = 0;
        var inputs = Corpus.Selected(Corpus.Originals.Concat(Mutations.Truncations(Corpus.Originals).Where((_, i) => i % 4 == 0))).ToArray();
        foreach (var input in inputs)
        {
            var (inputFailures, inputAttempts) = await CodeFixRunner.RunAsync(input, AnalysisEnvironment.Default);
            failures.AddRange(inputFailures);
            attempts += inputAttempts;
        }

        output.WriteLine($"{attempts} fix attempts over {inputs.Length} inputs; fixable IDs: {string.Join(", ", CodeFixRunner.FixableIds.OrderBy(i => i))}");
        foreach (var (seconds, what) in CodeFixRunner.Durations.OrderByDescending(d => d.Seconds).Take(5))
        {
            output.WriteLine($"slow: {seconds:0.0} s (analysis included): {what}");
        }

        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs.Length));
    }
}
