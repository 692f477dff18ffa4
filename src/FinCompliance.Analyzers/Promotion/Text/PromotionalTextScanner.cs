using System.Collections.Generic;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>A match of a rule's term in a <see cref="TextRun"/>, mapped back to source positions.</summary>
public readonly struct SourceMatch
{
    public SourceMatch(int start, int end, string phrase)
    {
        Start = start;
        End = end;
        Phrase = phrase;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The phrase as written in the run (before folding).</summary>
    public string Phrase { get; }
}

/// <summary>Runs a <see cref="PhraseMatcher"/> over a <see cref="TextRun"/> and maps matches back to the source.</summary>
public static class PromotionalTextScanner
{
    public static List<SourceMatch> Scan(TextRun run, PhraseMatcher matcher)
    {
        var result = new List<SourceMatch>();
        if (run.Length == 0 || !matcher.MayOccurIn(run))
        {
            return result;
        }

        var original = run.ToString();
        var normalized = NormalizedText.Create(original);
        foreach (var match in matcher.Find(normalized.Text))
        {
            var from = normalized.SourceIndex[match.Start];
            var to = normalized.SourceIndex[match.End - 1] + 1;
            if (run.IsReportedElsewhere(from, to))
            {
                continue;
            }

            var (start, end) = run.SourceSpan(from, to);
            result.Add(new SourceMatch(start, end, original.Substring(from, to - from)));
        }

        return result;
    }
}
