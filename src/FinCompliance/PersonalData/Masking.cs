using System;
using System.Diagnostics.CodeAnalysis;

namespace FinCompliance;

/// <summary>
/// Masks personal financial information for display, logs and partner exports.
/// </summary>
/// <remarks>
/// What stays visible, by kind (every other character becomes <c>*</c>, one for one):
/// <list type="bullet">
/// <item><see cref="PersonalDataKind.BankCardNumber"/>: the first 6 and the last 4 characters (the PCI DSS 3.4.1 maximum).</item>
/// <item><see cref="PersonalDataKind.AccountNumber"/>: the last 4.</item>
/// <item><see cref="PersonalDataKind.Phone"/>: the first 3 and the last 4.</item>
/// <item><see cref="PersonalDataKind.IdNumber"/>: the first and the last.</item>
/// <item><see cref="PersonalDataKind.Name"/>: the first character (a surrogate pair counts as one character).</item>
/// <item><see cref="PersonalDataKind.Email"/>: the first character of the local part and the whole domain (<c>a***@example.com</c>;
/// the local part is always shown as three stars, so its length is not revealed, and a one-character local part is
/// not shown at all: <c>***@example.com</c>).</item>
/// <item>Every C3 kind and every other kind: the fixed text <c>***</c>.</item>
/// </list>
/// Positions are UTF-16 code units; when a kept range would cut a surrogate pair in half, that half is masked too,
/// so the result never reveals more than the documented characters and never contains a half character that the
/// input did not. <c>null</c> stays <c>null</c>. A value too short to hide at least <see cref="MinimumHidden"/>
/// characters (one for names) is masked completely: <c>***</c>. The result is never longer than
/// <c>max(value.Length, 3)</c>, except for e-mail addresses with a local part shorter than four characters (the
/// three stars hide its length). The functions are pure: the same input always gives the same output, and no string
/// (empty, whitespace, lone surrogates, any length) makes them throw.
/// </remarks>
public static class Masking
{
    /// <summary>The text that replaces a value that is masked completely.</summary>
    public const string FullMask = "***";

    /// <summary>The fewest characters a partly masked value hides (names excepted: one).</summary>
    public const int MinimumHidden = 4;

    /// <summary>Returns the masked form of <paramref name="value"/> for its <paramref name="kind"/>.</summary>
    [MasksPersonalData]
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Mask(string? value, PersonalDataKind kind)
    {
        if (value is null)
        {
            return null;
        }

        return kind switch
        {
            PersonalDataKind.BankCardNumber => KeepEnds(value, 6, 4),
            PersonalDataKind.AccountNumber => KeepEnds(value, 0, 4),
            PersonalDataKind.Phone => KeepEnds(value, 3, 4),
            PersonalDataKind.IdNumber => KeepEnds(value, 1, 1),
            PersonalDataKind.Name => MaskName(value),
            PersonalDataKind.Email => MaskEmail(value),
            _ => FullMask,
        };
    }

    private static string KeepEnds(string value, int head, int tail)
    {
        var hidden = value.Length - head - tail;
        // A short value would be mostly revealed: mask it completely.
        if (hidden < MinimumHidden)
        {
            return FullMask;
        }

        // Never reveal half of a surrogate pair that the boundary cuts: mask that half as well.
        var shownHead = head > 0 && char.IsHighSurrogate(value[head - 1]) && char.IsLowSurrogate(value[head]) ? head - 1 : head;
        var tailStart = value.Length - tail;
        var shownTailStart = tail > 0 && char.IsLowSurrogate(value[tailStart]) && char.IsHighSurrogate(value[tailStart - 1]) ? tailStart + 1 : tailStart;

        return value.Substring(0, shownHead)
               + new string('*', shownTailStart - shownHead)
               + value.Substring(shownTailStart);
    }

    private static int FirstCharacterLength(string value)
        => value.Length > 1 && char.IsHighSurrogate(value[0]) && char.IsLowSurrogate(value[1]) ? 2 : 1;

    private static string MaskName(string value)
    {
        // A name's first character may be a surrogate pair (rare CJK characters).
        var first = value.Length == 0 ? 0 : FirstCharacterLength(value);
        if (value.Length - first < 1)
        {
            return FullMask;
        }

        return value.Substring(0, first) + new string('*', value.Length - first);
    }

    private static string MaskEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 1 || at == value.Length - 1)
        {
            return FullMask;
        }

        var first = FirstCharacterLength(value);
        // A one-character local part would be revealed whole.
        var shown = first < at ? value.Substring(0, first) : string.Empty;
        return shown + FullMask + value.Substring(at);
    }
}
