using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Finds the terms of one rule in folded text: leftmost-longest, English terms only at word boundaries, negated
/// occurrences (不保本, "not risk-free") and occurrences inside an exempt phrase (第一期) left out.
/// Built once per compilation; thread-safe. Candidates are indexed by their first character, so text without
/// any candidate first character costs one dictionary probe per character.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly Dictionary<char, string[]> terms;
    private readonly Dictionary<char, string[]> exemptions;

    private PhraseMatcher(IEnumerable<string> terms, IEnumerable<string> exemptions)
    {
        this.terms = Index(terms);
        this.exemptions = Index(exemptions);
    }

    /// <summary>The matcher of <paramref name="kind"/>: the built-in list plus and minus the user's terms.</summary>
    public static PhraseMatcher Create(TermKind kind, TermsFile? userTerms)
    {
        var builtIn = kind == TermKind.Guarantee ? BuiltInTerms.Guarantee : BuiltInTerms.Claim;
        var added = userTerms is null ? ImmutableArray<string>.Empty
            : kind == TermKind.Guarantee ? userTerms.Guarantee : userTerms.Claim;
        var exempt = userTerms is null ? BuiltInTerms.Exempt : BuiltInTerms.Exempt.AddRange(userTerms.Exempt);
        return new PhraseMatcher(builtIn.Concat(added), exempt);
    }

    /// <summary>
    /// Whether any term could occur in <paramref name="run"/>: some character folds to a term's first character.
    /// False for most text, which then needs no folding, no copy and no search.
    /// </summary>
    public bool MayOccurIn(TextRun run)
    {
        for (var i = 0; i < run.Length; i++)
        {
            if (terms.ContainsKey(NormalizedText.FoldCharacter(run[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms that occur in <paramref name="text"/> as promises or claims.</summary>
    public List<PhraseMatch> Find(string text)
    {
        List<PhraseMatch>? found = null;
        List<(int Start, int End)>? exempt = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (exemptions.TryGetValue(text[i], out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (MatchesAt(text, i, candidate))
                    {
                        (exempt ??= []).Add((i, i + candidate.Length));
                    }
                }
            }
        }

        for (var i = 0; i < text.Length;)
        {
            var term = LongestAt(text, i);
            if (term is null)
            {
                i++;
                continue;
            }

            var end = i + term.Length;
            if (!IsExempt(exempt, i, end) && !NegationScope.IsNegated(text, i))
            {
                (found ??= []).Add(new PhraseMatch(i, end, term));
            }

            i = end;
        }

        return found ?? [];
    }

    private string? LongestAt(string text, int index)
    {
        if (!terms.TryGetValue(text[index], out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (MatchesAt(text, index, candidate))
            {
                return candidate; // candidates are sorted longest first
            }
        }

        return null;
    }

    private static bool IsExempt(List<(int Start, int End)>? exempt, int start, int end)
    {
        if (exempt is null)
        {
            return false;
        }

        foreach (var range in exempt)
        {
            if (range.Start <= start && end <= range.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesAt(string text, int index, string term)
    {
        if (index + term.Length > text.Length || string.CompareOrdinal(text, index, term, 0, term.Length) != 0)
        {
            return false;
        }

        // English words match whole: "risk-free" but not "brisk-freeze"; "第1" but not "第10".
        if (NormalizedText.IsWordChar(term[0]) && index > 0 && NormalizedText.IsWordChar(text[index - 1]))
        {
            return false;
        }

        var end = index + term.Length;
        return !(NormalizedText.IsWordChar(term[term.Length - 1]) && end < text.Length && NormalizedText.IsWordChar(text[end]));
    }

    private static Dictionary<char, string[]> Index(IEnumerable<string> phrases)
        => phrases.Select(NormalizedText.Fold)
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(phrase => phrase[0])
            .ToDictionary(group => group.Key, group => group.OrderByDescending(p => p.Length).ToArray());
}
