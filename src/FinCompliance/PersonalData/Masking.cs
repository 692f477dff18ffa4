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
/// <item><see cref="PersonalDataKind.Name"/>: the first character.</item>
/// <item><see cref="PersonalDataKind.Email"/>: the first character of the local part and the whole domain (<c>a***@example.com</c>;
/// the local part is always shown as three stars, so its length is not revealed).</item>
/// <item>Every C3 kind and every other kind: the fixed text <c>***</c>.</item>
/// </list>
/// <c>null</c> stays <c>null</c>. A value too short to hide at least <see cref="MinimumHidden"/> characters (one for
/// names) is masked completely: <c>***</c>.
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
        var shown = head + tail;
        var hidden = value.Length - shown;
        // A short value would be mostly revealed: mask it completely.
        if (hidden < MinimumHidden)
        {
            return FullMask;
        }

        return value.Substring(0, head) + new string('*', hidden) + value.Substring(value.Length - tail);
    }

    private static string MaskName(string value)
    {
        // A name's first character may be a surrogate pair (rare CJK characters).
        var first = value.Length > 1 && char.IsHighSurrogate(value[0]) ? 2 : 1;
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

        return value.Substring(0, 1) + FullMask + value.Substring(at);
    }
}
