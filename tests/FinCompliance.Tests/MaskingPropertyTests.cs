using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinCompliance.Tests;

/// <summary>A value to mask: digits, letters, CJK, surrogate pairs, lone surrogates, '@', '*', whitespace, any length.</summary>
public sealed record MaskInput(string Value)
{
    public override string ToString() => "\"" + string.Concat(Value.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
}

/// <summary>A well-formed UTF-16 value (no lone surrogates), rich in surrogate pairs.</summary>
public sealed record WellFormedInput(string Value)
{
    public override string ToString() => new MaskInput(Value).ToString();
}

public static class MaskingArbitraries
{
    private static readonly string[] WellFormedPieces = ["0", "7", "a", "@", "张", "\U00020000", "\U0001F600", "\U00020001"];


    private static readonly string[] Pieces =
    [
        "0", "1", "6", "9", "a", "Z", "@", "*", ".", "-", " ", "\t", "张", "三", "\U00020000", "\U0001F600", "\uD800", "\uDC00", "é",
    ];

    public static Arbitrary<MaskInput> MaskInputs()
        => Gen.Frequency(
                (4, Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts))),
                (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)))
            .Select(value => new MaskInput(value))
            .ToArbitrary();

    public static Arbitrary<WellFormedInput> WellFormedInputs()
        => Gen.ArrayOf(Gen.Elements(WellFormedPieces)).Select(parts => new WellFormedInput(string.Concat(parts))).ToArbitrary();

    public static Arbitrary<PersonalDataKind> Kinds() => Gen.Elements(Enum.GetValues<PersonalDataKind>()).ToArbitrary();
}

/// <summary>Properties of <see cref="Masking.Mask"/> for every kind and random input (see its remarks).</summary>
[Properties(Arbitrary = [typeof(MaskingArbitraries)], MaxTest = 500)]
public sealed class MaskingPropertyTests
{
    /// <summary>The documented kept characters (head, tail) of the kinds that keep both ends.</summary>
    private static (int Head, int Tail)? KeptEnds(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.BankCardNumber => (6, 4),
        PersonalDataKind.AccountNumber => (0, 4),
        PersonalDataKind.Phone => (3, 4),
        PersonalDataKind.IdNumber => (1, 1),
        _ => null,
    };

    [Property]
    public void NeverThrowsAndIsDeterministic(MaskInput input, PersonalDataKind kind)
        => Assert.Equal(Masking.Mask(input.Value, kind), Masking.Mask(input.Value, kind));

    [Property]
    public void NullStaysNull(PersonalDataKind kind) => Assert.Null(Masking.Mask(null, kind));

    [Property]
    public void IsNeverLongerThanNeeded(MaskInput input, PersonalDataKind kind)
    {
        var masked = Masking.Mask(input.Value, kind)!;
        if (kind == PersonalDataKind.Email && masked != Masking.FullMask)
        {
            // The local part is always three stars (plus at most one character): its length is hidden, not kept.
            var domain = input.Value.Substring(input.Value.LastIndexOf('@'));
            Assert.True(masked.Length <= domain.Length + Masking.FullMask.Length + 2);
            return;
        }

        Assert.True(masked.Length <= Math.Max(input.Value.Length, Masking.FullMask.Length), $"'{masked}' is longer than needed");
    }

    [Property]
    public void EndKeepingKindsRevealExactlyTheDocumentedPositions(MaskInput input, PersonalDataKind kind)
    {
        if (KeptEnds(kind) is not var (head, tail))
        {
            return;
        }

        var value = input.Value;
        var masked = Masking.Mask(value, kind)!;
        if (value.Length - head - tail < Masking.MinimumHidden)
        {
            Assert.Equal(Masking.FullMask, masked);
            return;
        }

        Assert.Equal(value.Length, masked.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var documented = i < head || i >= value.Length - tail;
            if (!documented)
            {
                Assert.Equal('*', masked[i]);
            }
            else if (masked[i] != value[i])
            {
                // Only half of a surrogate pair that the boundary cuts may be masked in a kept position.
                Assert.Equal('*', masked[i]);
                var cutAtHead = i == head - 1 && char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]);
                var cutAtTail = i == value.Length - tail && char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]);
                Assert.True(cutAtHead || cutAtTail, $"position {i} of '{masked}' should be kept");
            }
        }
    }

    [Property]
    public void NeverCreatesHalfCharacters(MaskInput input, PersonalDataKind kind)
    {
        var masked = Masking.Mask(input.Value, kind)!;
        if (IsWellFormed(input.Value))
        {
            Assert.True(IsWellFormed(masked), $"'{masked}' contains half a surrogate pair");
        }
    }

    [Property]
    public void NeverCutsASurrogatePair(WellFormedInput input)
    {
        foreach (var kind in Enum.GetValues<PersonalDataKind>())
        {
            var masked = Masking.Mask(input.Value, kind)!;
            Assert.True(IsWellFormed(masked), $"{kind}: '{new MaskInput(masked)}' contains half a surrogate pair");
        }
    }

    [Property]
    public void NamesKeepOnlyTheFirstCharacter(MaskInput input)
    {
        var value = input.Value;
        var masked = Masking.Mask(value, PersonalDataKind.Name)!;
        var first = value.Length > 1 && char.IsHighSurrogate(value[0]) && char.IsLowSurrogate(value[1]) ? 2 : 1;
        if (value.Length <= first)
        {
            Assert.Equal(Masking.FullMask, masked);
            return;
        }

        Assert.Equal(value.Substring(0, first) + new string('*', value.Length - first), masked);
    }

    [Property]
    public void EmailsKeepTheFirstCharacterAndTheDomainOnly(MaskInput input)
    {
        var value = input.Value;
        var masked = Masking.Mask(value, PersonalDataKind.Email)!;
        var at = value.LastIndexOf('@');
        if (at < 1 || at == value.Length - 1)
        {
            Assert.Equal(Masking.FullMask, masked);
            return;
        }

        var domain = value.Substring(at);
        Assert.EndsWith(Masking.FullMask + domain, masked, StringComparison.Ordinal);
        var shown = masked.Substring(0, masked.Length - Masking.FullMask.Length - domain.Length);
        Assert.True(shown.Length <= 2 && value.StartsWith(shown, StringComparison.Ordinal) && shown.Length < at, $"'{masked}' reveals the local part");
    }

    [Property]
    public void OtherKindsAreAlwaysFullyMasked(MaskInput input, PersonalDataKind kind)
    {
        if (KeptEnds(kind) is not null || kind is PersonalDataKind.Name or PersonalDataKind.Email)
        {
            return;
        }

        Assert.Equal(Masking.FullMask, Masking.Mask(input.Value, kind));
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
