using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>How a member's value is turned into text, mirroring the compiler's <c>PrintMembers</c>.</summary>
internal enum ValueShape
{
    /// <summary>A reference type: <c>builder.Append((object?)value)</c>.</summary>
    Reference,

    /// <summary><c>string</c>: appended as is.</summary>
    String,

    /// <summary>A value type: <c>builder.Append(value.ToString())</c>.</summary>
    Value,

    /// <summary>A nullable value type: like <see cref="Value"/>, but a masked null stays empty.</summary>
    NullableValue,

    /// <summary>A type parameter that may be either: boxed.</summary>
    TypeParameter,
}

/// <summary>
/// One attribute that may classify a member as personal data. <see cref="AliasName"/> is the attribute's metadata
/// name when it may be an alias (empty for <c>[PersonalData]</c> itself); <see cref="Classified"/> says whether it
/// classifies without an alias (<c>[PersonalData]</c>, a <c>DataClassificationAttribute</c> subclass), as
/// <see cref="Kind"/>/<see cref="Level"/>.
/// </summary>
internal sealed record ClassificationEvidence(string AliasName, bool Classified, int Kind, int Level);

/// <summary>
/// A member the compiler's <c>PrintMembers</c> would print (public instance field, or readable non-indexer,
/// non-override property), in declaration order, with what could classify it: its own attributes (and those of the
/// positional parameter it comes from), an opt-out, and the attributes of its type and base types.
/// </summary>
internal sealed record PrintedMember(
    string Name,
    ValueShape Shape,
    EquatableArray<ClassificationEvidence> Own,
    bool NotPersonalData,
    EquatableArray<ClassificationEvidence> FromType);

/// <summary>
/// A partial record without a user-written <c>PrintMembers</c>: where it is declared, the signature its
/// <c>PrintMembers</c> must have, and its printable members (not yet classified: aliases are resolved later).
/// </summary>
internal sealed record MaskedRecordModel(
    TypeDeclaration Declaration,
    string Modifiers,
    bool IsDerived,
    bool IsStruct,
    EquatableArray<PrintedMember> Members);

/// <summary>A printable member with its classification resolved: <see cref="MaskKind"/> is empty when it is printed as is.</summary>
internal sealed record ResolvedMember(string Name, ValueShape Shape, string MaskKind, bool FullyMasked);

/// <summary>What the emitter writes: a record that has at least one C2/C3 printable member.</summary>
internal sealed record MaskedRecordTarget(
    TypeDeclaration Declaration,
    string Modifiers,
    bool IsDerived,
    bool IsStruct,
    EquatableArray<ResolvedMember> Members);

/// <summary>
/// What reading a file's records by syntax depends on beyond the file: whether <c>[PersonalData]</c> and
/// <c>[NotPersonalData]</c> can only mean FinCompliance's attributes (<see cref="MaskedRecordSyntaxReader.Names"/>, and no
/// <c>using</c> alias of those names), and which partial records have more than one part
/// (<see cref="SourceDeclarations.MultiPartRecords"/>).
/// </summary>
internal sealed record MaskedRecordReadContext(bool BySyntax, EquatableArray<string> MultiPartRecords);

/// <summary>
/// A file's syntax half (<see cref="MaskedRecordSyntaxReader.ReadFile"/>): the models the syntax settles, and the records
/// left for binding (null when none).
/// </summary>
internal sealed record MaskedRecordFileReading(EquatableArray<MaskedRecordModel> Models, PendingRecords? ToBind);

/// <summary>
/// The partial records of one file that need the compilation. Compared by reference: the generator makes a new one only
/// for an edited file.
/// </summary>
internal sealed class PendingRecords(SyntaxTree tree, ImmutableArray<RecordDeclarationSyntax> records)
{
    public SyntaxTree Tree { get; } = tree;

    public ImmutableArray<RecordDeclarationSyntax> Records { get; } = records;
}
