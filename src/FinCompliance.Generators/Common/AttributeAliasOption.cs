using Microsoft.CodeAnalysis;
using FinCompliance.Analyzers;

namespace FinCompliance.Generators;

/// <summary>
/// The raw <c>fincompliance.attribute_aliases</c> option as an incremental value (a string, so it caches); steps that
/// need it parse it with <see cref="AttributeAliases.Parse"/>. Parse errors are reported by the analyzers (FIN0001),
/// not here.
/// </summary>
internal static class AttributeAliasOption
{
    public static IncrementalValueProvider<string> Create(IncrementalGeneratorInitializationContext context)
        => context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) =>
                provider.GlobalOptions.TryGetValue(AnalyzerOptionsExtensions.AttributeAliasesOption, out var value) ? value ?? string.Empty : string.Empty)
            .WithTrackingName(TrackingNames.AttributeAliases);

    /// <summary>The metadata names of a symbol's attributes that may be aliases (anything outside FinCompliance itself).</summary>
    public static void AddAliasCandidates(ISymbol symbol, System.Collections.Generic.ICollection<string> names)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { TypeKind: not TypeKind.Error } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() != "FinCompliance")
            {
                names.Add(AttributeAliases.MetadataName(attributeClass));
            }
        }
    }
}
