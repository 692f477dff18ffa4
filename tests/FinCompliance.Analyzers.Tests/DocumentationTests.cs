using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Tests;

/// <summary>Keeps rule IDs, descriptors, analyzers, doc pages and release tracking in step.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void EveryIdHasExactlyOneDescriptor()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
        var described = Descriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();

        Assert.Equal(ids, described);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleIsReportedByAnAnalyzer(string id)
    {
        var supported = Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id);
        Assert.Contains(id, supported);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLinkPointsToItsDocPage(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(Rules.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DocPageHasTheRequiredSections(string id)
    {
        var descriptor = Descriptor(id);
        var path = RepositoryPaths.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), "missing doc page " + path);
        var page = File.ReadAllText(path);

        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        Assert.Contains($"| Category | {descriptor.Category} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Regulation", "## Non-compliant code", "## Compliant code", "## How to fix", "## Options" })
        {
            Assert.Contains("\n" + heading, page, StringComparison.Ordinal);
        }

        // The clause is quoted in Chinese, with its English translation.
        var regulation = Section(page, "## Regulation");
        Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), regulation);
        Assert.Matches(new Regex(@"[A-Za-z]{4,} [A-Za-z]{2,} [A-Za-z]{2,}"), regulation);
        Assert.Contains("```csharp", Section(page, "## Non-compliant code"), StringComparison.Ordinal);
        Assert.Contains("```csharp", Section(page, "## Compliant code"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDocPageBelongsToARule()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet();
        var pages = Directory.EnumerateFiles(RepositoryPaths.Combine("docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReleaseTrackingMatchesTheDescriptor(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseTrackingRows();
        Assert.True(rows.TryGetValue(id, out var row), id + " is missing from AnalyzerReleases.*.md");
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReadmeListsTheRule(string id)
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme, StringComparison.Ordinal);
    }

    internal static IEnumerable<DiagnosticDescriptor> Descriptors()
        => typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    /// <summary>The rules the exported host registers (RuleHostTests in the robustness suite keeps the list complete).</summary>
    internal static IEnumerable<DiagnosticAnalyzer> Analyzers() => FinComplianceRuleHost.Rules;

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf("\n" + heading, StringComparison.Ordinal);
        var end = page.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static Dictionary<string, (string Category, string Severity)> ReleaseTrackingRows()
    {
        var rows = new Dictionary<string, (string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(RepositoryPaths.Combine("src", "FinCompliance.Analyzers", file)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && cells[0].StartsWith("FIN", StringComparison.Ordinal))
                {
                    rows[cells[0]] = (cells[1], cells[2]);
                }
            }
        }

        return rows;
    }
}
