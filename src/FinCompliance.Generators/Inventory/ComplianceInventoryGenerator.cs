using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// Writes <c>FinCompliance.Generated.ComplianceInventory</c> into every assembly that uses the FinCompliance
/// attributes: each classified symbol with its category, kind and level — a record of processing activities for
/// audits. <c>build_property.FinComplianceGenerateInventory=false</c> turns it off.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ComplianceInventoryGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One ForAttributeWithMetadataName pipeline per attribute, each collected, then all concatenated.
        IncrementalValueProvider<EquatableArray<InventoryEntry>>? all = null;
        foreach (var category in InventoryParser.Categories)
        {
            var entries = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    InventoryParser.MetadataName(category),
                    static (_, _) => true,
                    (attributeContext, cancellationToken) => InventoryParser.Parse(attributeContext, category, cancellationToken))
                .WithTrackingName(TrackingNames.InventoryPrefix + category)
                .Collect()
                .Select(static (groups, _) => InventoryParser.Concat(groups));

            all = all is null
                ? entries
                : all.Value.Combine(entries).Select(static (pair, _) => InventoryParser.Concat(pair.Left, pair.Right));
        }

        var allEntries = all!.Value.WithTrackingName(TrackingNames.InventoryEntries);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(InventoryParser.ReadOptions)
            .WithTrackingName(TrackingNames.InventoryOptions);

        var model = allEntries
            .Combine(options)
            .Select(static (pair, _) => InventoryParser.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.InventoryModel);

        context.RegisterSourceOutput(model.Combine(LanguageSupport.Nullable(context)), static (output, pair) =>
        {
            if (pair.Left is { } inventory)
            {
                output.AddSource(InventoryEmitter.HintName, InventoryEmitter.Emit(inventory, pair.Right));
            }
        });
    }
}
