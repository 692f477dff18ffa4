using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// The states an IDE sees while someone types: a source cut off at some point, or with a token missing. Cut points and
/// deleted tokens are sampled deterministically (fixed seed, stable per input name) so a failure reproduces exactly.
/// </summary>
public static class Mutations
{
    public const int Seed = 20151231;

    /// <summary>
    /// How many mutants of each kind the whole corpus gets (split over its inputs, at most
    /// <see cref="MaxPerInput"/> each). <c>FINCOMPLIANCE_ROBUSTNESS_BUDGET</c> raises it for a longer local run.
    /// </summary>
    public static int Budget { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FINCOMPLIANCE_ROBUSTNESS_BUDGET"), out var budget) && budget > 0 ? budget : 400;

    public const int MaxPerInput = 12;

    /// <summary>Each input cut at sampled points (inside tokens, comments and strings alike); the rest of the text dropped.</summary>
    public static IEnumerable<RobustnessInput> Truncations(IReadOnlyList<RobustnessInput> inputs)
        => Mutate(inputs, "cut", (file, random, count) =>
            SamplePositions(random, file.Text.Length, count).Select(at => ($"cut at {at}", file.Text.Substring(0, at))));

    /// <summary>Each input with one sampled token deleted (a missing brace, operator, attribute name, keyword…).</summary>
    public static IEnumerable<RobustnessInput> TokenDeletions(IReadOnlyList<RobustnessInput> inputs)
        => Mutate(inputs, "delete token", (file, random, count) =>
        {
            var tokens = CSharpSyntaxTree.ParseText(file.Text, AnalysisPipeline.ParseOptions).GetRoot()
                .DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            return SamplePositions(random, tokens.Length, count).Where(i => i < tokens.Length).Select(i =>
            {
                var token = tokens[i];
                return ($"delete token '{Shorten(token.Text)}' at {token.SpanStart}", file.Text.Remove(token.SpanStart, token.Span.Length));
            });
        });

    /// <summary>
    /// Fragments people type, or paste, mid-edit: an open paren or string, a stray keyword, an attribute being written,
    /// an interpolation or a preprocessor directive.
    /// </summary>
    private static readonly string[] Fragments =
    [
        "(", ")", "{", "}", "[", "\"", "$\"{", "/*", "null", "default", "await ", "ref ", "=>", ".", ",", ";", "?",
        "[PersonalData(", "[ClientFunds]", "[ProductPromotion(ProductKind.", "[RiskWarning] public string W => ", "\n#if X\n", "\n#endregion\n",
        "new(", "is not ", "switch {", "stackalloc ", "delegate", "global::", "\"\"\"", "@\"", "'",
    ];

    /// <summary>Each input with a fragment inserted at a sampled token boundary.</summary>
    public static IEnumerable<RobustnessInput> Insertions(IReadOnlyList<RobustnessInput> inputs)
        => Mutate(inputs, "insert", (file, random, count) =>
        {
            var tokens = CSharpSyntaxTree.ParseText(file.Text, AnalysisPipeline.ParseOptions).GetRoot()
                .DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            return SamplePositions(random, tokens.Length, count).Where(i => i < tokens.Length).Select(i =>
            {
                var at = tokens[i].SpanStart;
                var fragment = Fragments[random.Next(Fragments.Length)];
                return ($"insert '{Shorten(fragment)}' at {at}", file.Text.Insert(at, fragment));
            });
        });

    private static IEnumerable<RobustnessInput> Mutate(
        IReadOnlyList<RobustnessInput> inputs,
        string kind,
        Func<SourceFile, Random, int, IEnumerable<(string Description, string Text)>> mutate)
    {
        if (inputs.Count == 0)
        {
            yield break;
        }

        var perInput = Math.Clamp((int)Math.Ceiling(Budget / (double)inputs.Count), 1, MaxPerInput);
        foreach (var input in inputs)
        {
            var random = new Random(Seed ^ StableHash(input.Name + "|" + kind));
            // The mutated file of a multi-file input is the largest one: where most of the code is.
            var index = Enumerable.Range(0, input.Files.Length).OrderByDescending(i => input.Files[i].Text.Length).First();
            var file = input.Files[index];
            foreach (var (description, text) in mutate(file, random, perInput))
            {
                var files = input.Files.SetItem(index, file with { Text = text });
                yield return new RobustnessInput($"{input.Name} [{file.Path}: {description}]", files);
            }
        }
    }

    /// <summary>Distinct sorted positions in [1, length): evenly spread strata, one sampled point in each.</summary>
    private static IEnumerable<int> SamplePositions(Random random, int length, int count)
    {
        if (length <= 1)
        {
            yield break;
        }

        count = Math.Min(count, length - 1);
        var stratum = (length - 1) / (double)count;
        var previous = 0;
        for (var i = 0; i < count; i++)
        {
            var at = 1 + (int)(i * stratum + random.NextDouble() * stratum);
            at = Math.Clamp(at, 1, length - 1);
            if (at != previous)
            {
                yield return at;
                previous = at;
            }
        }
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process and would make sampling irreproducible.</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text.Replace("\n", "\\n", StringComparison.Ordinal) : text.Substring(0, 17) + "...";
}
