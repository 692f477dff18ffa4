namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>A phrase found in a <see cref="NormalizedText"/>: [Start, End) in folded characters.</summary>
public readonly struct PhraseMatch
{
    public PhraseMatch(int start, int end, string term)
    {
        Start = start;
        End = end;
        Term = term;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The folded term that matched.</summary>
    public string Term { get; }
}
