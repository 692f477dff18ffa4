using System.Linq;
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
        // One syntax scan per file for every category (cached per file: the tree instance is the key), then a syntax
        // read of each file's candidates and a semantic pass over what the syntax leaves, instead of one
        // ForAttributeWithMetadataName (one walk of every file, and a binding of every match) per category (issue #6).
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
        // from syntax and only the rest is bound (InventorySyntaxReader). A bool, equal from one edit to the next. The
        // source files are asked first by syntax, per file: a symbol search is needed only where one declares such a name.
        // One walk of each file's declarations serves this, the partial records and the project's types below.
        var declarations = trees
            .Select(static (tree, cancellationToken) => SourceDeclarations.Read(tree, InventorySyntaxReader.Names, withTypeFacts: true, cancellationToken));
        var sourceDeclaresCategoryName = declarations
            .Select(static (file, _) => file.DeclaresName)
            .Collect()
            .Select(static (perFile, _) => perFile.Contains(true));
        var bySyntax = context.CompilationProvider
            .Combine(sourceDeclaresCategoryName)
            .Select(static (pair, cancellationToken) => InventorySyntaxReader.Names.AreUnambiguous(pair.Left, pair.Right, cancellationToken));

        // A partial record's positional parameters are read from syntax when no other file declares a part of it.
        var multiPartRecords = declarations
            .Select(static (file, _) => file.PartialRecords)
            .Collect()
            .Select(static (perFile, _) => SourceDeclarations.MultiPartRecords(perFile));
        // The project's top-level types, for naming parameter types such as Customer without binding them; the
        // references are asked once per compilation which of those names they use too.
        var sourceTypes = declarations
            .Select(static (file, _) => file.TypeFacts)
            .Collect()
            .Select(static (perFile, _) => SourceTypes.Create(perFile));
        var types = context.CompilationProvider
            .Combine(sourceTypes)
            .Select(static (pair, cancellationToken) => pair.Right.WithReferences(pair.Left, cancellationToken));
        var readContext = bySyntax
            .Combine(multiPartRecords)
            .Select(static (pair, _) => new InventoryReadContext(pair.Left, pair.Right));

        // The syntax half needs no compilation: an edit re-reads only the edited file.
        var readings = files
            .Combine(readContext)
            .Select(static (pair, cancellationToken) => InventoryParser.ReadFile(pair.Left!, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.InventoryRead);

        // Methods whose parameters are the project's own types (Subscribe(Customer, Product, decimal)) are named from
        // the project's types where C#'s lookup can only find them; a change of those types names them again, per file,
        // without re-reading the files.
        var named = readings
            .Combine(types)
            .Select(static (pair, _) => InventoryParser.NameIds(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.InventoryNamed);

        // The bound half runs again whenever the compilation changes, so it gets only the files with candidates the
        // syntax does not settle (methods with parameter types to bind, attribute targets, computed arguments).
        var bound = named
            .Select(static (reading, _) => reading.ToBind)
            .Where(static pending => pending is not null)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => InventoryParser.BindFile(pair.Left!, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.InventoryBound);

        // Each half is collected into an EquatableArray (a class) before the two are combined: a pair of
        // ImmutableArrays, a value type, would make the driver compile node tables of its own for it at run time.
        var allEntries = named
            .Select(static (reading, _) => reading.Entries)
            .Collect()
            .Select(static (groups, _) => InventoryParser.Concat(groups))
            .Combine(bound.Collect().Select(static (groups, _) => InventoryParser.Concat(groups)))
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray())
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
