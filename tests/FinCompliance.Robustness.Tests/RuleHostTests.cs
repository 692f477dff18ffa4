using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// The package exports one analyzer, <see cref="FinComplianceRuleHost"/>, that registers every rule. These tests keep
/// its list complete and show that hosting changes nothing a user sees: the host reports exactly what the rules report
/// when each runs as an analyzer of its own.
/// </summary>
public sealed class RuleHostTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_rule_is_hosted_once_and_the_host_is_the_only_exported_analyzer()
    {
        var ruleTypes = ShippedComponents.AllTypes
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(FinComplianceAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        var hosted = FinComplianceRuleHost.Rules.Select(r => r.GetType()).OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();

        Assert.True(ruleTypes.Length >= 20, "too few rules found: " + ruleTypes.Length);
        Assert.Equal(ruleTypes.Select(t => t.FullName), hosted.Select(t => t.FullName));
        Assert.Empty(ruleTypes.Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any()).Select(t => t.FullName));
        Assert.Equal([typeof(FinComplianceRuleHost)], ShippedComponents.Analyzers.Select(a => a.GetType()));
    }

    [Fact]
    public void The_benchmarks_per_rule_build_lists_every_hosted_rule()
    {
        // bench/PerRuleAnalyzers exports each rule under its own name so that csc's report times rules one by one
        // (docs/performance.md); a rule missing there would be timed only as part of RulesWithoutTheirOwnLine.
        var listed = System.Text.RegularExpressions.Regex
            .Matches(System.IO.File.ReadAllText(RepositoryPaths.Combine("bench", "PerRuleAnalyzers", "Rules.cs")), @"RuleAsAnalyzer<global::([\w.]+)>")
            .Select(match => match.Groups[1].Value);

        Assert.Equal(FinComplianceRuleHost.Rules.Select(rule => rule.GetType().FullName), listed);
    }

    [Fact]
    public void The_host_supports_exactly_the_rules_diagnostics()
    {
        var fromRules = FinComplianceRuleHost.Rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        var fromHost = new FinComplianceRuleHost().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(fromRules, fromHost);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_host_reports_exactly_what_the_rules_report_as_separate_analyzers()
    {
        var separately = FinComplianceRuleHost.Rules.CastArray<DiagnosticAnalyzer>();
        var hosted = ImmutableArray.Create<DiagnosticAnalyzer>(new FinComplianceRuleHost());
        var inputs = Corpus.Samples.AddRange(Corpus.TestSources);
        var differences = new List<string>();
        var diagnostics = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var byHost = await AnalysisPipeline.RunAsync(input, AnalysisEnvironment.Default, concurrentAnalysis: true, hosted, ShippedComponents.Generators);
            var byRules = await AnalysisPipeline.RunAsync(input, AnalysisEnvironment.Default, concurrentAnalysis: true, separately, ShippedComponents.Generators);
            differences.AddRange(byHost.Failures);
            differences.AddRange(byRules.Failures);
            diagnostics += byHost.Diagnostics.Length;
            ids.UnionWith(byHost.Diagnostics.Select(d => d.Id));
            if (!byHost.DiagnosticKeys.SequenceEqual(byRules.DiagnosticKeys))
            {
                differences.Add($"'{input.Name}': only hosted [{string.Join("; ", byHost.DiagnosticKeys.Except(byRules.DiagnosticKeys))}], " +
                                $"only separate [{string.Join("; ", byRules.DiagnosticKeys.Except(byHost.DiagnosticKeys))}]");
            }
        }

        output.WriteLine($"{inputs.Length} inputs, {diagnostics} diagnostics, {ids.Count} rule IDs");
        // The comparison only means something if every rule reports somewhere in the corpus (FIN0001, bad
        // configuration, needs bad options: BadConfigurationTests runs it through the host).
        var expected = new FinComplianceRuleHost().SupportedDiagnostics.Select(d => d.Id).Where(id => id != Rules.InvalidConfiguration.Id);
        Assert.Empty(expected.Except(ids));
        Assert.True(differences.Count == 0, AnalysisPipeline.Report(differences, inputs.Length));
    }
}
