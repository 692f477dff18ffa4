using System.Collections.Generic;
using System.Text;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Text folded for phrase matching: lower case, full-width ASCII folded to half-width, hyphens read as spaces,
/// whitespace runs collapsed to one space and dropped next to CJK characters ("保 本" reads as "保本").
/// Every folded character remembers the index of the character it came from, so that a match maps back to the
/// original span.
/// </summary>
public sealed class NormalizedText
{
    private NormalizedText(string text, int[] sourceIndex)
    {
        Text = text;
        SourceIndex = sourceIndex;
    }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>For each folded character, the index of its character in the original string (may be longer than <see cref="Text"/>).</summary>
    public IReadOnlyList<int> SourceIndex { get; }

    public static NormalizedText Create(string original)
    {
        // Arrays of the original's length (the folded text is never longer): no builder growth, no copy of the map.
        var folded = new char[original.Length];
        var map = new int[original.Length];
        var length = 0;
        var pendingSpace = -1;
        for (var i = 0; i < original.Length; i++)
        {
            var c = Fold(original[i]);
            if (c == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            c = char.ToLowerInvariant(c);
            if (pendingSpace >= 0)
            {
                // Spaces between CJK characters are layout, not word breaks: "保 本" is "保本".
                if (length > 0 && !IsCjk(folded[length - 1]) && !IsCjk(c))
                {
                    folded[length] = ' ';
                    map[length++] = pendingSpace;
                }

                pendingSpace = -1;
            }

            folded[length] = c;
            map[length++] = i;
        }

        return new NormalizedText(new string(folded, 0, length), map);
    }

    /// <summary>
    /// How <paramref name="c"/> reads in folded text when it is not whitespace: lower case, full-width folded;
    /// '\0' for an invisible character. A folded phrase can only start with such a character.
    /// </summary>
    public static char FoldCharacter(char c)
    {
        c = Fold(c);
        return c == '\0' || char.IsWhiteSpace(c) ? c : char.ToLowerInvariant(c);
    }

    /// <summary>Folds a term the same way (without the index map).</summary>
    public static string Fold(string term) => Create(term).Text;

    /// <summary>Whether <paramref name="c"/> is an ASCII letter or digit: English words end where these end.</summary>
    public static bool IsWordChar(char c) => c < 128 && char.IsLetterOrDigit(c);

    public static bool IsCjk(char c)
        => (c >= '\u3000' && c <= '\u303F')   // CJK punctuation
           || (c >= '\u3400' && c <= '\u4DBF')
           || (c >= '\u4E00' && c <= '\u9FFF')
           || (c >= '\uF900' && c <= '\uFAFF')
           || (c >= '\uFF00' && c <= '\uFFEF') // full-width punctuation left after folding
           || char.IsSurrogate(c);            // CJK extension B and beyond

    private static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0); // full-width ASCII: ＡＢＣ, ％, １００, －
        }

        switch (c)
        {
            case '\u3000': // ideographic space
            case '-':
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2212':
                return ' ';
            case '\u2018':
            case '\u2019':
            case '\u02BC':
                return '\'';
            case '\u200B':
            case '\u200C':
            case '\u200D':
            case '\u2060':
            case '\uFEFF':
            case '\u00AD':
                return '\0'; // invisible: zero-width spaces, soft hyphen
            default:
                return c;
        }
    }
}
