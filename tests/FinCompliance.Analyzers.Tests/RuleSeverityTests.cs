using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FinCompliance.Analyzers.Tests;

/// <summary>
/// When the rule host may leave a rule out: only when its diagnostics are off in every file, following the compiler's
/// order of severity sources (the file's .editorconfig, then /nowarn or a rule set, then a global config, then the
/// category-wide and all-analyzer settings).
/// </summary>
public sealed class RuleSeverityTests
{
    private static readonly ImmutableArray<DiagnosticDescriptor> GuaranteedReturns = [Rules.GuaranteedReturns];

    [Fact]
    public void Nothing_configured_keeps_the_rule()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(provider: null)));

    [Fact]
    public void Nowarn_turns_the_rule_off()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(provider: null, nowarn: "FIN1001")));

    [Fact]
    public void Nowarn_of_another_rule_keeps_the_rule()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(provider: null, nowarn: "FIN1002")));

    [Fact]
    public void Global_config_none_turns_the_rule_off()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider(global: ReportDiagnostic.Suppress))));

    [Fact]
    public void Editorconfig_none_in_every_file_turns_the_rule_off()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider(perFile: [ReportDiagnostic.Suppress, ReportDiagnostic.Suppress]))));

    [Fact]
    public void One_file_that_keeps_the_diagnostic_keeps_the_rule()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider(perFile: [ReportDiagnostic.Suppress, null]))));

    [Fact]
    public void A_file_severity_wins_over_a_global_none()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider(global: ReportDiagnostic.Suppress, perFile: [null, ReportDiagnostic.Warn]))));

    [Fact]
    public void A_file_severity_wins_over_nowarn()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider(perFile: [ReportDiagnostic.Error, null]), nowarn: "FIN1001")));

    [Fact]
    public void Nowarn_wins_over_a_global_severity()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider(global: ReportDiagnostic.Warn), nowarn: "FIN1001")));

    [Fact]
    public void A_rule_with_one_diagnostic_still_on_is_kept()
        => Assert.False(IsOff([Rules.GuaranteedReturns, Rules.MissingRiskWarning], Compilation(provider: null, nowarn: "FIN1001")));

    [Fact]
    public void Category_none_turns_the_rule_off_when_no_setting_names_the_rule()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider()), Config(("dotnet_analyzer_diagnostic.category-FinCompliance.Promotion.severity", "none"))));

    [Fact]
    public void All_analyzers_none_turns_the_rule_off_when_no_setting_names_the_rule()
        => Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider()), Config(("dotnet_analyzer_diagnostic.severity", "none"))));

    [Fact]
    public void A_setting_for_the_rule_wins_over_the_category_none()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider(global: ReportDiagnostic.Warn)), Config(("dotnet_analyzer_diagnostic.category-FinCompliance.Promotion.severity", "none"))));

    [Fact]
    public void Category_none_of_another_category_keeps_the_rule()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider()), Config(("dotnet_analyzer_diagnostic.category-FinCompliance.Funds.severity", "none"))));

    [Fact]
    public void Category_warning_wins_over_all_analyzers_none()
        => Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider()), Config(
            ("dotnet_analyzer_diagnostic.category-FinCompliance.Promotion.severity", "warning"), ("dotnet_analyzer_diagnostic.severity", "none"))));

    [Fact]
    public void Without_files_the_compilation_wide_setting_decides()
    {
        Assert.False(IsOff(GuaranteedReturns, Compilation(new Provider(), files: 0)));
        Assert.True(IsOff(GuaranteedReturns, Compilation(new Provider(global: ReportDiagnostic.Suppress), files: 0)));
    }

    private static bool IsOff(ImmutableArray<DiagnosticDescriptor> descriptors, Compilation compilation, AnalyzerOptions? options = null)
        => RuleSeverity.IsOffEverywhere(descriptors, compilation, options ?? Config(), CancellationToken.None);

    /// <summary>Analyzer options whose .editorconfig gives every file (and the global section) the same entries.</summary>
    private static AnalyzerOptions Config(params (string Key, string Value)[] entries)
        => new([], new ConfigProvider(new ConfigOptions(entries.ToImmutableDictionary(e => e.Key, e => e.Value))));

    private static CSharpCompilation Compilation(Provider? provider, string? nowarn = null, int files = 2)
    {
        var trees = Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}", path: $"/0/C{i}.cs")).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(provider);
        if (nowarn is not null)
        {
            options = options.WithSpecificDiagnosticOptions([new KeyValuePair<string, ReportDiagnostic>(nowarn, ReportDiagnostic.Suppress)]);
        }

        provider?.Bind(trees);
        return CSharpCompilation.Create("Severity", trees, [], options);
    }

    private sealed class ConfigProvider(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class ConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    /// <summary>What the compiler builds from .editorconfig files: a severity per file (by position) and a global one.</summary>
    private sealed class Provider(ReportDiagnostic? global = null, ReportDiagnostic?[]? perFile = null) : SyntaxTreeOptionsProvider
    {
        private SyntaxTree[] trees = [];

        public void Bind(SyntaxTree[] value) => trees = value;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            var index = System.Array.IndexOf(trees, tree);
            var value = perFile is not null && index >= 0 && index < perFile.Length && diagnosticId == "FIN1001" ? perFile[index] : null;
            severity = value ?? default;
            return value is not null;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            var value = diagnosticId == "FIN1001" ? global : null;
            severity = value ?? default;
            return value is not null;
        }
    }
}
