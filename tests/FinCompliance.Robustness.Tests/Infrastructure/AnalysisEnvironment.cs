using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Robustness.Tests;

/// <summary>An AdditionalFiles item as the compiler hands it over; <see cref="GetText"/> may return null (unreadable file).</summary>
public sealed class InMemoryAdditionalText(string path, Func<SourceText?> text) : AdditionalText
{
    private readonly Lazy<SourceText?> content = new(text, LazyThreadSafetyMode.ExecutionAndPublication);

    public InMemoryAdditionalText(string path, string text)
        : this(path, () => SourceText.From(text))
    {
    }

    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => content.Value;

    /// <summary>Bytes decoded the way the compiler reads a file: encoding detected, invalid bytes replaced.</summary>
    public static InMemoryAdditionalText FromBytes(string path, byte[] bytes)
        => new(path, () => SourceText.From(new MemoryStream(bytes), encoding: null, throwIfBinaryDetected: false));
}

/// <summary>
/// The build a package consumer has: global options (build properties, <c>fincompliance.*</c> options), AdditionalFiles
/// with their <c>FinComplianceText</c> metadata, and rule severities. Immutable; <c>With*</c> returns a copy.
/// </summary>
public sealed record AnalysisEnvironment(
    ImmutableDictionary<string, string> GlobalOptions,
    ImmutableArray<(AdditionalText File, string? TextKind)> AdditionalFiles,
    string Name)
{
    public const string TermsFileName = "FinCompliance.terms.txt";

    /// <summary>
    /// A typical consumer: Audit mode (every rule on), a retention period, an alias, promotional copy in markdown, HTML
    /// and JSON, and a terms file.
    /// </summary>
    public static AnalysisEnvironment Default { get; } = new AnalysisEnvironment(
            ImmutableDictionary<string, string>.Empty, ImmutableArray<(AdditionalText, string?)>.Empty, "default")
        .WithGlobalOption("build_property.FinComplianceMode", "Audit")
        .WithGlobalOption("build_property.FinComplianceRetentionYears", "7")
        .WithGlobalOption("build_property.FinComplianceGenerateInventory", "true")
        .WithGlobalOption("fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(Other), Pay.PrivacyPropertyAttribute=Encrypted")
        .WithAdditionalFile(new InMemoryAdditionalText("/promo/fund.md", "# 稳健增长基金\n\n保本保息，稳赚不赔！Guaranteed returns, risk-free.\n\n基金有风险，投资需谨慎。\n"), "promotion")
        .WithAdditionalFile(new InMemoryAdditionalText("/promo/landing.html", "<html><body><h1 title=\"最高收益\">央行背书</h1><script>var x = '保本';</script><p>不保本，并非无风险。</p></body></html>"), "promotion")
        .WithAdditionalFile(new InMemoryAdditionalText("/promo/banner.json", "{\"title\":\"零风险 理财\",\"items\":[\"best returns\",\"government-backed\"]}"), "promotion")
        .WithAdditionalFile(new InMemoryAdditionalText("/config/" + TermsFileName, "# team terms\nguarantee: 稳收益\nclaim: 全网第一\nexempt: 无风险提示\n"), null);

    public AnalysisEnvironment WithGlobalOption(string key, string value) => this with { GlobalOptions = GlobalOptions.SetItem(key, value) };

    public AnalysisEnvironment WithAdditionalFile(AdditionalText file, string? textKind) => this with { AdditionalFiles = AdditionalFiles.Add((file, textKind)) };

    public AnalysisEnvironment Named(string name) => this with { Name = name };

    public ImmutableArray<AdditionalText> Texts => AdditionalFiles.Select(f => f.File).ToImmutableArray();

    public AnalyzerOptions AnalyzerOptions => new(Texts, OptionsProvider);

    public AnalyzerConfigOptionsProvider OptionsProvider => new Provider(this);

    /// <summary>Every rule the shipped analyzers support turned on as a warning, as Audit mode does.</summary>
    public static ImmutableDictionary<string, ReportDiagnostic> AllRulesOn { get; } = ShippedComponents.DiagnosticIds
        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

    private sealed class Provider(AnalysisEnvironment environment) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, string?> kinds = environment.AdditionalFiles
            .GroupBy(f => f.File.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().TextKind, StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(environment.GlobalOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => kinds.TryGetValue(textFile.Path, out var kind) && kind is not null
                ? new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.FinComplianceText", kind))
                : Options.Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
