using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>Reads the MSBuild properties and item metadata that buildTransitive/FinCompliance.props makes visible.</summary>
public static class AnalyzerOptionsExtensions
{
    public const string ModeProperty = "FinComplianceMode";
    public const string RetentionYearsProperty = "FinComplianceRetentionYears";
    public const string GenerateInventoryProperty = "FinComplianceGenerateInventory";
    public const string TextKindMetadata = "FinComplianceText";
    public const string AttributeAliasesOption = "fincompliance.attribute_aliases";

    /// <summary>The default retention period of <c>[RetainedRecord]</c> when the build property is absent.</summary>
    public const int DefaultRetentionYears = 5;

    /// <summary>A build property (<c>build_property.&lt;name&gt;</c>), or null when it is absent or empty.</summary>
    public static string? GetBuildProperty(this AnalyzerOptions options, string name)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + name, out var value)
           && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>The <c>FinComplianceText</c> metadata of an AdditionalFiles item (e.g. <c>promotion</c>), or null.</summary>
    public static string? GetTextKind(this AnalyzerOptions options, AdditionalText file)
        => options.AnalyzerConfigOptionsProvider.GetOptions(file)
               .TryGetValue("build_metadata.AdditionalFiles." + TextKindMetadata, out var value)
           && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
