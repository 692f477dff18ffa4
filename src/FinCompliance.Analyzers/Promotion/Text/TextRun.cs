using System.Collections.Generic;
using System.Text;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// A stretch of text a reader sees as one piece (a literal, a folded concatenation, a JSON value, the visible
/// text of a page), with the source span of every character so that a match maps back to the exact source.
/// Characters may come from several pieces (<c>"保" + "本"</c>); a piece can be marked as reported elsewhere.
/// </summary>
public sealed class TextRun
{
    private readonly StringBuilder text = new();
    private readonly List<int> starts = [];
    private readonly List<int> ends = [];
    private readonly List<int> pieces = [];
    private readonly List<bool> reportedElsewhere = [];
    private readonly List<(int Start, int End)> pieceSpans = [];

    public int Length => text.Length;

    public override string ToString() => text.ToString();

    /// <summary>
    /// Starts a new piece written at source span [start, end) (a whole literal or constant reference); a match
    /// across pieces is reported over the whole pieces (<c>"保" + "本"</c>).
    /// </summary>
    public void BeginPiece(int start, int end, bool isReportedElsewhere = false)
    {
        reportedElsewhere.Add(isReportedElsewhere);
        pieceSpans.Add((start, end));
    }

    /// <summary>Appends one character of the current piece that came from source span [start, end).</summary>
    public void Append(char c, int start, int end)
    {
        text.Append(c);
        starts.Add(start);
        ends.Add(end);
        pieces.Add(reportedElsewhere.Count - 1);
    }

    /// <summary>Appends a string whose characters all map to [start, end) (a constant referenced by name).</summary>
    public void AppendOpaque(string value, int start, int end)
    {
        foreach (var c in value)
        {
            Append(c, start, end);
        }
    }

    /// <summary>The source span of run characters [from, to).</summary>
    public (int Start, int End) SourceSpan(int from, int to)
    {
        int first = pieces[from], last = pieces[to - 1];
        if (first == last || first < 0 || last < 0)
        {
            return (starts[from], ends[to - 1]);
        }

        return (System.Math.Min(starts[from], pieceSpans[first].Start), System.Math.Max(ends[to - 1], pieceSpans[last].End));
    }

    /// <summary>
    /// Whether characters [from, to) all belong to one piece that is reported at its own declaration (a
    /// constant declared inside the promotion), so reporting them again at the use would be a duplicate.
    /// </summary>
    public bool IsReportedElsewhere(int from, int to)
    {
        var piece = pieces[from];
        if (piece < 0 || !reportedElsewhere[piece])
        {
            return false;
        }

        for (var i = from + 1; i < to; i++)
        {
            if (pieces[i] != piece)
            {
                return false;
            }
        }

        return true;
    }
}
