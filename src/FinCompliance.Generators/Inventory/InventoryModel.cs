using System;
using System.Collections.Immutable;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// One row of the compliance inventory: a symbol classified by a FinCompliance attribute.
/// <see cref="Symbol"/> is the documentation-comment ID (<c>P:Bank.Customer.Phone</c>); for a parameter or return
/// value it is the method's ID followed by <c>/</c> and the parameter name or <c>return</c>.
/// <see cref="RetentionYears"/> is the <c>[RetainedRecord]</c> period (0: the project default), -1 elsewhere.
/// </summary>
internal sealed record InventoryEntry(
    string Symbol,
    string SymbolKind,
    string Category,
    string Kind,
    string Level,
    string Detail,
    int RetentionYears);

/// <summary>
/// What an entry says about its attribute's arguments, the same whether they were read from the bound attribute or from
/// the syntax: the kind and level of personal data, the product of a promotion, the retention of a record (0: the project
/// default; -1: not a record), the justification of an authorized transfer.
/// </summary>
internal readonly record struct InventoryDescription(string Kind, string Level, string Detail, int RetentionYears)
{
    public static InventoryDescription None { get; } = new(string.Empty, string.Empty, string.Empty, -1);

    /// <param name="kind">The <c>PersonalDataKind</c> value (undefined values: <c>Other</c>).</param>
    /// <param name="level">The <c>Level</c> set on the attribute, if any (out of range: the kind's default).</param>
    public static InventoryDescription PersonalData(int kind, int? level)
    {
        var kindValue = Enum.IsDefined(typeof(PersonalInformationKind), kind) ? (PersonalInformationKind)kind : PersonalInformationKind.Other;
        var levelValue = level is >= 1 and <= 3 ? (SensitivityLevel)level.Value : PersonalDataClass.DefaultLevel(kindValue);
        return new(kindValue.ToString(), levelValue.ToString(), string.Empty, -1);
    }

    public static InventoryDescription ProductPromotion(int product)
        => new(product >= 0 && product < InventoryParser.ProductKindNames.Length ? InventoryParser.ProductKindNames[product] : InventoryParser.ProductKindNames[0], string.Empty, string.Empty, -1);

    public static InventoryDescription RetainedRecord(int years) => new(string.Empty, string.Empty, string.Empty, years > 0 ? years : 0);

    public static InventoryDescription AuthorizedTransfer(string justification) => new(string.Empty, string.Empty, justification, -1);
}

/// <summary>
/// What reading a file by syntax depends on beyond the file: whether the category names are unambiguous
/// (<see cref="OwnAttributeNames.AreUnambiguous(Microsoft.CodeAnalysis.Compilation, bool, System.Threading.CancellationToken)"/>)
/// and which partial records have more than one part (<see cref="SourceDeclarations.MultiPartRecords"/>).
/// </summary>
internal sealed record InventoryReadContext(bool BySyntax, EquatableArray<string> MultiPartRecords);

/// <summary>
/// A file's syntax half (<see cref="InventoryParser.ReadFile"/>): the entries read from syntax, and the candidates left
/// for binding (null when none).
/// </summary>
internal sealed record InventoryFileReading(EquatableArray<InventoryEntry> Entries, PendingCandidates? ToBind);

/// <summary>
/// The candidates of one file that need the compilation. Equal when of the same tree (an unedited file) and the same
/// candidates: naming IDs again after the project's types changed (<see cref="InventoryParser.NameIds"/>) then leaves
/// the bound half alone.
/// </summary>
internal sealed class PendingCandidates(SyntaxTree tree, ImmutableArray<PendingCandidate> candidates) : System.IEquatable<PendingCandidates>
{
    public SyntaxTree Tree { get; } = tree;

    public ImmutableArray<PendingCandidate> Candidates { get; } = candidates;

    public bool Equals(PendingCandidates? other)
        => other is not null && ReferenceEquals(Tree, other.Tree) && Candidates.AsSpan().SequenceEqual(other.Candidates.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as PendingCandidates);

    public override int GetHashCode() => Tree.GetHashCode() ^ Candidates.Length;
}

/// <summary>A candidate to bind: whole, or, when <paramref name="ReadEntries"/> is given, only its documentation ID.</summary>
internal sealed record PendingCandidate(InventoryCandidate Candidate, EquatableArray<InventoryEntry>? ReadEntries);

/// <summary>The build properties the inventory reads.</summary>
internal sealed record InventoryOptions(bool Enabled, int DefaultRetentionYears);

/// <summary>What the emitter writes: every entry, sorted, with project defaults applied.</summary>
internal sealed record InventoryModel(EquatableArray<InventoryEntry> Entries);
