using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// The C# the rules will meet, gathered from the repository at test time: every sample source, every C# source embedded
/// in the analyzer and generator tests as a raw or verbatim string literal, and the unusual constructs.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<ImmutableArray<RobustnessInput>> samples = new(LoadSamples);
    private static readonly Lazy<ImmutableArray<RobustnessInput>> testSources = new(LoadTestSources);

    /// <summary>Each sample project as one input (its files compiled together), and each file alone.</summary>
    public static ImmutableArray<RobustnessInput> Samples => samples.Value;

    /// <summary>Every C#-looking string literal of tests/FinCompliance.{Analyzers,Generators}.Tests, markup removed.</summary>
    public static ImmutableArray<RobustnessInput> TestSources => testSources.Value;

    public static ImmutableArray<RobustnessInput> Unusual => UnusualConstructs.All;

    /// <summary>Everything unmutated: what the mutations start from.</summary>
    public static ImmutableArray<RobustnessInput> Originals => [.. Samples, .. TestSources, .. Unusual];

    /// <summary>
    /// <c>FINCOMPLIANCE_ROBUSTNESS_ONLY=&lt;text&gt;</c> keeps only the inputs whose name contains the text: to reproduce
    /// one failure quickly (the name a failure reports, up to the mutation).
    /// </summary>
    public static IEnumerable<RobustnessInput> Selected(IEnumerable<RobustnessInput> inputs)
        => Environment.GetEnvironmentVariable("FINCOMPLIANCE_ROBUSTNESS_ONLY") is { Length: > 0 } only
            ? inputs.Where(i => i.Name.Contains(only, StringComparison.Ordinal))
            : inputs;

    private static ImmutableArray<RobustnessInput> LoadSamples()
    {
        var root = RepositoryPaths.Combine("samples");
        if (!Directory.Exists(root))
        {
            return [];
        }

        var inputs = new List<RobustnessInput>();
        foreach (var project in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var dir = Path.GetDirectoryName(project)!;
            var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new SourceFile(Relative(f), File.ReadAllText(f)))
                .ToImmutableArray();
            if (files.IsEmpty)
            {
                continue;
            }

            inputs.Add(new RobustnessInput(Relative(dir) + " (whole project)", files));
            inputs.AddRange(files.Select(f => new RobustnessInput(f.Path, [f])));
        }

        return inputs.ToImmutableArray();
    }

    private static ImmutableArray<RobustnessInput> LoadTestSources()
    {
        var inputs = new List<RobustnessInput>();
        foreach (var project in new[] { "FinCompliance.Analyzers.Tests", "FinCompliance.Generators.Tests" })
        {
            var dir = RepositoryPaths.Combine("tests", project);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !IsBuildOutput(f) && !f.Contains($"{Path.DirectorySeparatorChar}Snapshots{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .OrderBy(f => f, StringComparer.Ordinal))
            {
                inputs.AddRange(ExtractCSharpLiterals(Relative(file), File.ReadAllText(file)));
            }
        }

        // Several tests share one source: analyse each distinct text once.
        return inputs.GroupBy(i => i.Files[0].Text, StringComparer.Ordinal).Select(g => g.First()).ToImmutableArray();
    }

    /// <summary>
    /// Raw (<c>"""</c>) and verbatim (<c>@"</c>) string literals that look like C# (contain <c>class </c> or
    /// <c>using </c>), with test markup (<c>{|FIN1001:…|}</c>, <c>[|…|]</c>, <c>{|#0:…|}</c>) removed. Interpolated
    /// raw strings count when they have no holes.
    /// </summary>
    public static IEnumerable<RobustnessInput> ExtractCSharpLiterals(string fileName, string testFileText)
    {
        var tree = CSharpSyntaxTree.ParseText(testFileText, new CSharpParseOptions(LanguageVersion.Preview));
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            string? value = node switch
            {
                LiteralExpressionSyntax { Token: var token } when token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                    || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    || (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith("@", StringComparison.Ordinal)) => token.ValueText,
                InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax)
                    && interpolated.StringStartToken.Text.Contains("\"\"\"", StringComparison.Ordinal)
                    => string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
                _ => null,
            };

            if (value is null || !(value.Contains("class ", StringComparison.Ordinal) || value.Contains("using ", StringComparison.Ordinal)))
            {
                continue;
            }

            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return RobustnessInput.Single($"{fileName}:{line}", StripMarkup(value));
        }
    }

    private static readonly Regex MarkupStart = new(@"\{\|[^:{}|\s]*:", RegexOptions.CultureInvariant);

    public static string StripMarkup(string text)
        => MarkupStart.Replace(text, string.Empty).Replace("|}", string.Empty, StringComparison.Ordinal)
            .Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);

    private static bool IsBuildOutput(string path)
        => path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
           || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
