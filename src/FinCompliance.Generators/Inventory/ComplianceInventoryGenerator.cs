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
        // One syntax scan per file for every category (cached per file: the tree instance is the key), then one
        // semantic pass over the files that have candidates, instead of one ForAttributeWithMetadataName (one walk of
        // every file, and a binding of every match) per category (issue #6).
        var trees = context.CompilationProvider.SelectMany(static (compilation, _) => compilation.SyntaxTrees);

        var globalAliases = trees
            .Select(static (tree, cancellationToken) => InventoryCandidateFinder.GlobalAliases(tree, cancellationToken))
            .Collect()
            .Select(static (perFile, _) => InventoryCandidateFinder.Concat(perFile));

        var files = trees
            .Combine(globalAliases)
            .Select(static (pair, cancellationToken) => InventoryCandidateFinder.Find(pair.Left, pair.Right, cancellationToken))
            .Where(static candidates => candidates is not null)
            .WithTrackingName(TrackingNames.InventoryFiles);

        // Whether a category's attribute name can only mean FinCompliance's attribute: then most candidates are read
        // from syntax and only the rest is bound (InventorySyntaxReader).
        var compilation = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => new InventoryCompilation(compilation, InventorySyntaxReader.AttributeNamesAreUnambiguous(compilation, cancellationToken)));

        var allEntries = files
            .Combine(compilation)
            .Select(static (pair, cancellationToken) => InventoryParser.ParseFile(pair.Left!, pair.Right.Compilation, pair.Right.BySyntax, cancellationToken))
            .WithTrackingName(TrackingNames.InventoryParsed)
            .Collect()
            .Select(static (groups, _) => InventoryParser.Concat(groups))
            .WithTrackingName(TrackingNames.InventoryEntries);

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
