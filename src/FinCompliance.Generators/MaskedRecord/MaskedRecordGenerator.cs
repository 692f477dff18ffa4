using System.Collections.Generic;
using System.Collections.Immutable;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// Gives every partial record (class or struct) with C2/C3 members and no user-written <c>PrintMembers</c> a
/// <c>PrintMembers</c> that masks them, so that the compiler-generated <c>ToString()</c> prints
/// <c>Customer { Name = 张**, Phone = 138****5678 }</c> instead of the data (FIN3004).
/// </summary>
/// <remarks>
/// Every partial record is a candidate: a member may be personal data through <c>[PersonalData]</c>, an alias, a
/// <c>DataClassificationAttribute</c> subclass or its type alone, so attributes cannot narrow the search. Records are
/// found with a syntax-only walk per file that stops at member level (types cannot be declared inside bodies), cached
/// per file. The common record (one part, predefined member types, <c>[PersonalData]</c> attributes) is then read from
/// syntax (<see cref="MaskedRecordSyntaxReader"/>); only the others are bound (issue #6).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MaskedRecordGenerator : IIncrementalGenerator
{
    private const int DeclaresName = 1;
    private const int DeclaresAlias = 2;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var trees = context.CompilationProvider.SelectMany(static (compilation, _) => compilation.SyntaxTrees);

        // Whether [PersonalData] and [NotPersonalData] can only mean FinCompliance's attributes, and which partial records
        // have parts in several files: what reading a record from syntax depends on beyond its file. One walk of each
        // file's declarations gives both; the references' type names are asked only once per compilation.
        var declarations = trees
            .Select(static (tree, cancellationToken) => SourceDeclarations.Read(tree, MaskedRecordSyntaxReader.Names, withTypeFacts: false, cancellationToken));
        var namesInSource = declarations
            .Select(static (file, _) => (file.DeclaresName ? DeclaresName : 0) | (file.DeclaresAliasOfName ? DeclaresAlias : 0))
            .Collect()
            .Select(static (perFile, _) =>
            {
                var all = 0;
                foreach (var flags in perFile)
                {
                    all |= flags;
                }

                return all;
            });
        var bySyntax = context.CompilationProvider
            .Combine(namesInSource)
            .Select(static (pair, cancellationToken) => (pair.Right & DeclaresAlias) == 0
                && MaskedRecordSyntaxReader.Names.AreUnambiguous(pair.Left, (pair.Right & DeclaresName) != 0, cancellationToken));
        var multiPartRecords = declarations
            .Select(static (file, _) => file.PartialRecords)
            .Collect()
            .Select(static (perFile, _) => SourceDeclarations.MultiPartRecords(perFile));
        var readContext = bySyntax
            .Combine(multiPartRecords)
            .Select(static (pair, _) => new MaskedRecordReadContext(pair.Left, pair.Right));

        // Syntax only: a file's entry is recomputed only when that file changes (the tree instance is the cache key).
        var files = trees
            .Where(static tree => MaskedRecordParser.DeclaresPartialRecord(tree))
            .WithTrackingName(TrackingNames.MaskedRecordFiles);

        var readings = files
            .Combine(readContext)
            .Select(static (pair, cancellationToken) => MaskedRecordSyntaxReader.ReadFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.MaskedRecordParsed);

        // Semantic: re-run on each compilation, like any transform given a semantic model, for the files with records the
        // syntax does not settle; models compare by value.
        var bound = readings
            .Select(static (reading, _) => reading.ToBind)
            .Where(static pending => pending is not null)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => MaskedRecordParser.ParseRecords(pair.Left!, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.MaskedRecordBound);

        // A record declared in parts is found once per part: keep one model per record. Each half is collected into an
        // EquatableArray (a class) before the two are combined (see ComplianceInventoryGenerator).
        var records = readings
            .Select(static (reading, _) => reading.Models)
            .Collect()
            .Select(static (groups, _) => Concat(groups))
            .Combine(bound.Collect().Select(static (groups, _) => Concat(groups)))
            .SelectMany(static (pair, _) => Distinct(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.MaskedRecordRecords);

        var targets = records
            .Combine(AttributeAliasOption.Create(context))
            .Select(static (pair, _) => MaskedRecordParser.Resolve(pair.Left, AttributeAliases.Parse(pair.Right)))
            .Where(static target => target is not null)
            .WithTrackingName(TrackingNames.MaskedRecordTargets);

        context.RegisterSourceOutput(targets, static (output, target) =>
            output.AddSource(MaskedRecordEmitter.HintName(target!), MaskedRecordEmitter.Emit(target!)));
    }

    private static EquatableArray<MaskedRecordModel> Concat(ImmutableArray<EquatableArray<MaskedRecordModel>> groups)
    {
        var all = new List<MaskedRecordModel>();
        foreach (var group in groups)
        {
            all.AddRange(group);
        }

        return all.ToEquatableArray();
    }

    private static ImmutableArray<MaskedRecordModel> Distinct(EquatableArray<MaskedRecordModel> bySyntax, EquatableArray<MaskedRecordModel> byBinding)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<MaskedRecordModel>(bySyntax.Count + byBinding.Count);
        foreach (var models in new[] { bySyntax, byBinding })
        {
            foreach (var model in models)
            {
                if (seen.Add(model.Declaration.MetadataName))
                {
                    result.Add(model);
                }
            }
        }

        return result.ToImmutable();
    }
}
