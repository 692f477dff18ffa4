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
/// Records are found through members carrying <c>[PersonalData]</c> (<c>ForAttributeWithMetadataName</c>) and, for
/// aliases, <c>DataClassificationAttribute</c> subclasses and members whose type is personal data, through a syntax
/// provider over the other partial records.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MaskedRecordGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var annotated = context.SyntaxProvider
            .ForAttributeWithMetadataName("FinCompliance.PersonalDataAttribute", MaskedRecordParser.IsRecordMember, MaskedRecordParser.ParseAnnotatedMember)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.MaskedRecordAnnotated);

        var otherAttributes = context.SyntaxProvider
            .CreateSyntaxProvider(MaskedRecordParser.IsRecordNotFoundByAttribute, MaskedRecordParser.ParseRecordDeclaration)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.MaskedRecordOtherAttributes);

        // A record is found once per annotated member (and maybe by both paths): keep one model per record.
        var records = annotated.Collect()
            .Combine(otherAttributes.Collect())
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

    private static ImmutableArray<MaskedRecordModel> Distinct(ImmutableArray<MaskedRecordModel?> first, ImmutableArray<MaskedRecordModel?> second)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<MaskedRecordModel>();
        foreach (var model in first.AddRange(second))
        {
            if (model is not null && seen.Add(model.Declaration.MetadataName))
            {
                result.Add(model);
            }
        }

        return result.ToImmutable();
    }
}
