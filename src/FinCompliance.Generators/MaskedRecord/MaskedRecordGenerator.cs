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
/// per file; only files that declare a partial record are then bound. This replaces a
/// <c>ForAttributeWithMetadataName</c> plus a <c>CreateSyntaxProvider</c> over every node of every file (issue #6).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MaskedRecordGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Syntax only: a file's entry is recomputed only when that file changes (the tree instance is the cache key).
        var files = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Where(static tree => MaskedRecordParser.DeclaresPartialRecord(tree))
            .WithTrackingName(TrackingNames.MaskedRecordFiles);

        // Semantic: re-run on each compilation, like any transform given a semantic model; models compare by value.
        var parsed = files
            .Combine(context.CompilationProvider)
            .SelectMany(static (pair, cancellationToken) => MaskedRecordParser.ParseFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.MaskedRecordParsed);

        // A record declared in parts is found once per part: keep one model per record.
        var records = parsed.Collect()
            .SelectMany(static (models, _) => Distinct(models))
            .WithTrackingName(TrackingNames.MaskedRecordRecords);

        var targets = records
            .Combine(AttributeAliasOption.Create(context))
            .Select(static (pair, _) => MaskedRecordParser.Resolve(pair.Left, AttributeAliases.Parse(pair.Right)))
            .Where(static target => target is not null)
            .WithTrackingName(TrackingNames.MaskedRecordTargets);

        context.RegisterSourceOutput(targets, static (output, target) =>
            output.AddSource(MaskedRecordEmitter.HintName(target!), MaskedRecordEmitter.Emit(target!)));
    }

    private static ImmutableArray<MaskedRecordModel> Distinct(ImmutableArray<MaskedRecordModel> models)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<MaskedRecordModel>(models.Length);
        foreach (var model in models)
        {
            if (seen.Add(model.Declaration.MetadataName))
            {
                result.Add(model);
            }
        }

        return result.ToImmutable();
    }
}
