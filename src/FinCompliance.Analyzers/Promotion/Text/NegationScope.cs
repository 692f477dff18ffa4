using System;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Decides whether a term is negated, which turns a promise into a disclosure (不保本, 不承诺保本, 并非无风险,
/// "not principal-protected", "we cannot guarantee returns"). A negator counts only shortly before the term and in
/// the same clause: punctuation and contrast words (但, 而, but, and) end its scope, and "not only" / 不仅 are not
/// negations. Text after the term never negates it ("保本！不要错过" is a promise).
/// </summary>
internal static class NegationScope
{
    /// <summary>How many folded characters before a Chinese term a negator may stand (不承诺任何保本).</summary>
    private const int ChineseWindow = 6;

    /// <summary>How many words may stand between an English negator and the term ("not a risk-free").</summary>
    private const int EnglishWordsBetween = 3;

    private static readonly string[] ChineseNegators =
        ["并非", "绝非", "并不", "无法", "不能", "打破", "禁止", "严禁", "杜绝", "拒绝", "不", "非", "没", "未"];

    // Words that start with a negator character but do not negate: "not only", "very", "no matter", "different".
    private static readonly string[] ChineseNonNegators =
        ["不仅", "不但", "不止", "不只", "不光", "不单", "不管", "不论", "不断", "不少", "不同", "不错", "不久", "不菲",
         "非常", "非但", "没准", "未来"];

    // Double negatives read as affirmatives: 不得不, 不可不, 无不, 莫不.
    private static readonly string[] ChineseDoubleNegatives = ["不得不", "不可不", "不能不", "无不", "莫不"];

    private static readonly string[] EnglishNegators =
        ["not", "no", "never", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
         "won't", "without", "nor", "neither", "non"];

    private static readonly string[] EnglishScopeEnders = ["but", "and", "yet", "plus", "while", "so", "only", "just", "merely"];

    public static bool IsNegated(string text, int termStart)
        => IsNegatedInChinese(text, termStart) || IsNegatedInEnglish(text, termStart);

    private static bool IsNegatedInChinese(string text, int termStart)
    {
        var limit = Math.Max(0, termStart - ChineseWindow);
        for (var j = termStart - 1; j >= limit; j--)
        {
            var c = text[j];
            if (IsClauseBreak(c) || c == '但' || c == '而' || c == '却')
            {
                return false;
            }

            foreach (var negator in ChineseNegators)
            {
                if (j + negator.Length <= termStart && string.CompareOrdinal(text, j, negator, 0, negator.Length) == 0)
                {
                    if (EndsDoubleNegative(text, j + negator.Length))
                    {
                        return false;
                    }

                    if (StartsWithAny(text, j, ChineseNonNegators))
                    {
                        break;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNegatedInEnglish(string text, int termStart)
    {
        var end = termStart;
        string? following = null;
        for (var words = 0; words <= EnglishWordsBetween; words++)
        {
            // Step back over the separating space to the previous word.
            var wordEnd = end;
            while (wordEnd > 0 && text[wordEnd - 1] == ' ')
            {
                wordEnd--;
            }

            if (wordEnd == 0 || !IsEnglishWordChar(text[wordEnd - 1]))
            {
                return false; // start of text, punctuation or CJK: the clause ends here
            }

            var wordStart = wordEnd;
            while (wordStart > 0 && IsEnglishWordChar(text[wordStart - 1]))
            {
                wordStart--;
            }

            var word = text.Substring(wordStart, wordEnd - wordStart);
            if (Array.IndexOf(EnglishNegators, word) >= 0)
            {
                // "not only", "not just": the negator does not reach the term.
                return following is null || Array.IndexOf(EnglishScopeEnders, following) < 0;
            }

            if (Array.IndexOf(EnglishScopeEnders, word) >= 0 && word is not ("only" or "just" or "merely"))
            {
                return false;
            }

            following = word;
            end = wordStart;
        }

        return false;
    }

    private static bool IsEnglishWordChar(char c) => NormalizedText.IsWordChar(c) || c == '\'';

    private static bool IsClauseBreak(char c)
        => c is ',' or '.' or '!' or '?' or ';' or ':' or '，' or '。' or '！' or '？' or '；' or '：' or '、'
            or '\n' or '\r' or '(' or ')' or '（' or '）' or '【' or '】' or '"' or '“' or '”' or '|';

    private static bool StartsWithAny(string text, int index, string[] words)
    {
        foreach (var word in words)
        {
            if (index + word.Length <= text.Length && string.CompareOrdinal(text, index, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsDoubleNegative(string text, int end)
    {
        foreach (var phrase in ChineseDoubleNegatives)
        {
            var start = end - phrase.Length;
            if (start >= 0 && string.CompareOrdinal(text, start, phrase, 0, phrase.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
