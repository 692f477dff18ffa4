using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// Whether a rule's diagnostics are turned off for the whole compilation, so that <see cref="FinComplianceRuleHost"/>
/// need not register the rule (what the analyzer driver does for an analyzer whose diagnostics are all off).
/// </summary>
internal static class RuleSeverity
{
    /// <summary>
    /// True when every descriptor is off in every file. Any file in which one of the diagnostics can still be reported
    /// keeps the rule running; when in doubt (an unreadable setting) the rule runs, which costs time but hides nothing.
    /// </summary>
    public static bool IsOffEverywhere(ImmutableArray<DiagnosticDescriptor> descriptors, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        foreach (var descriptor in descriptors)
        {
            if (!IsOffEverywhere(descriptor, compilation, options, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOffEverywhere(DiagnosticDescriptor descriptor, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        // The first file in which the diagnostic is on decides; with nothing configured, that is the first file.
        var anyTree = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            anyTree = true;
            if (SeverityIn(tree, descriptor, compilation, options, cancellationToken) != ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        // Without files only compilation-wide diagnostics remain (FIN0001 about options), which follow the same settings.
        return anyTree || SeverityIn(null, descriptor, compilation, options, cancellationToken) == ReportDiagnostic.Suppress;
    }

    /// <summary>
    /// The compiler's order (CSharpDiagnosticFilter, then the driver's bulk configuration): the file's .editorconfig
    /// entry for the ID, then /nowarn or a rule set, then a global config's entry for the ID; only a diagnostic with
    /// none of those gets the category-wide and then the all-analyzer setting; else its default. Like the driver's own
    /// check, #pragma is not considered.
    /// </summary>
    private static ReportDiagnostic SeverityIn(SyntaxTree? tree, DiagnosticDescriptor descriptor, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
        if (tree is not null && treeOptions is not null && treeOptions.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var fromFile))
        {
            return fromFile;
        }

        if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var fromCompilation))
        {
            return fromCompilation;
        }

        if (treeOptions is not null && treeOptions.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var fromGlobalConfig))
        {
            return fromGlobalConfig;
        }

        var configOptions = tree is null ? options.AnalyzerConfigOptionsProvider.GlobalOptions : options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (TryGetBulkSeverity(configOptions, "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity", out var bulk)
            || TryGetBulkSeverity(configOptions, "dotnet_analyzer_diagnostic.severity", out bulk))
        {
            return bulk;
        }

        return descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
    }

    private static bool TryGetBulkSeverity(AnalyzerConfigOptions options, string key, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        if (!options.TryGetValue(key, out var value))
        {
            return false;
        }

        // Only "none" matters here; any other value (or a misspelt one, which the compiler ignores) keeps the rule.
        severity = string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? ReportDiagnostic.Suppress : ReportDiagnostic.Default;
        return true;
    }
}
