using System;

namespace FinCompliance.Analyzers.Flow;

/// <summary>
/// The tags one value carries: a set of <see cref="TagKind"/> bits plus an optional payload that describes the
/// <see cref="TagKind.PersonalData"/> tag (policy-defined bits, e.g. one bit per personal-data kind and level).
/// Sets are merged by union (bitwise OR of kinds and payloads); the default value is the empty set.
/// </summary>
public readonly struct TagSet : IEquatable<TagSet>
{
    /// <summary>The kinds whose meaning the payload refines; removing all of them clears the payload.</summary>
    public const TagKind PayloadKinds = TagKind.PersonalData;

    public static TagSet Empty => default;

    public TagSet(TagKind kinds, ulong payload = 0)
    {
        Kinds = kinds;
        Payload = (kinds & PayloadKinds) == 0 ? 0 : payload;
    }

    public TagKind Kinds { get; }

    /// <summary>Policy-defined detail of <see cref="PayloadKinds"/>; zero when none of them is present.</summary>
    public ulong Payload { get; }

    public bool IsEmpty => Kinds == TagKind.None;

    /// <summary>Whether at least one of <paramref name="kinds"/> is present.</summary>
    public bool HasAny(TagKind kinds) => (Kinds & kinds) != 0;

    public TagSet Union(TagSet other)
        => other.IsEmpty ? this : IsEmpty ? other : new TagSet(Kinds | other.Kinds, Payload | other.Payload);

    /// <summary>This set restricted to <paramref name="kinds"/>.</summary>
    public TagSet Only(TagKind kinds) => (Kinds & kinds) == Kinds ? this : new TagSet(Kinds & kinds, Payload);

    /// <summary>This set without <paramref name="kinds"/> (e.g. after a sanitizing call).</summary>
    public TagSet Without(TagKind kinds) => (Kinds & kinds) == 0 ? this : new TagSet(Kinds & ~kinds, Payload);

    public static TagSet operator |(TagSet left, TagSet right) => left.Union(right);

    public static bool operator ==(TagSet left, TagSet right) => left.Equals(right);

    public static bool operator !=(TagSet left, TagSet right) => !left.Equals(right);

    public bool Equals(TagSet other) => Kinds == other.Kinds && Payload == other.Payload;

    public override bool Equals(object? obj) => obj is TagSet other && Equals(other);

    public override int GetHashCode() => ((int)Kinds * 397) ^ Payload.GetHashCode();

    public override string ToString() => Payload == 0 ? Kinds.ToString() : $"{Kinds} (0x{Payload:X})";
}
