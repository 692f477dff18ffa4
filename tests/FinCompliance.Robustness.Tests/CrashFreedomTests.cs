using System.Linq;
using Xunit.Abstractions;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Every shipped analyzer and generator over every sample and test source of the repository and the unusual
/// constructs, as written: no AD0001, no generator exception, no hang.
/// </summary>
public sealed class CrashFreedomOnOriginalSourcesTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyzers_and_generators_never_throw_on_the_repository_sources()
    {
        output.WriteLine($"{Corpus.Samples.Length} sample inputs, {Corpus.TestSources.Length} test sources, {Corpus.Unusual.Length} unusual constructs");
        var (failures, inputs) = AnalysisPipeline.RunAll(Corpus.Selected(Corpus.Samples.Concat(Corpus.TestSources)));
        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs));
    }

    [Fact]
    public void Analyzers_and_generators_never_throw_on_unusual_constructs()
    {
        var (failures, inputs) = AnalysisPipeline.RunAll(Corpus.Selected(Corpus.Unusual));
        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs));
    }
}

/// <summary>The same sources cut off at sampled points: what the IDE analyses while a file is being typed.</summary>
public sealed class CrashFreedomOnTruncatedSourcesTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyzers_and_generators_never_throw_on_truncated_sources()
    {
        var (failures, inputs) = AnalysisPipeline.RunAll(Corpus.Selected(Mutations.Truncations(Corpus.Originals)));
        output.WriteLine($"{inputs} truncated inputs");
        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs));
    }
}

/// <summary>The same sources with one token deleted: a missing brace, operator, keyword or attribute name.</summary>
public sealed class CrashFreedomOnTokenDeletionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyzers_and_generators_never_throw_on_sources_with_a_deleted_token()
    {
        var (failures, inputs) = AnalysisPipeline.RunAll(Corpus.Selected(Mutations.TokenDeletions(Corpus.Originals)));
        output.WriteLine($"{inputs} token-deletion inputs");
        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs));
    }
}

/// <summary>The same sources with a fragment inserted: half-typed parentheses, strings, attributes, keywords, directives.</summary>
public sealed class CrashFreedomOnInsertionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyzers_and_generators_never_throw_on_sources_with_an_inserted_fragment()
    {
        var (failures, inputs) = AnalysisPipeline.RunAll(Corpus.Selected(Mutations.Insertions(Corpus.Originals)));
        output.WriteLine($"{inputs} insertion inputs");
        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, inputs));
    }
}
