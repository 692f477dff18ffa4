using System;
using System.Collections.Generic;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// A stretch of text a reader sees as one piece (a literal, a folded concatenation, a JSON value, the visible
/// text of a page), with the source span of every character so that a match maps back to the exact source.
/// Characters may come from several pieces (<c>"保" + "本"</c>); a piece can be marked as reported elsewhere.
/// </summary>
/// <remarks>
/// Every string of every promotion is read into a run, and almost none holds a term, so the source map is kept
/// compact: consecutive characters written one source character each (the common case: no escapes) share one
/// segment, instead of two positions and a piece number per character.
/// </remarks>
public sealed class TextRun
{
    private char[] text = new char[16];
    private int length;
    private readonly List<Segment> segments = [];
    private readonly List<Piece> pieces = [];

    public int Length => length;

    /// <summary>The character at <paramref name="index"/> (0 ≤ index &lt; <see cref="Length"/>).</summary>
    public char this[int index] => text[index];

    public override string ToString() => new(text, 0, length);

    /// <summary>
    /// Starts a new piece written at source span [start, end) (a whole literal or constant reference); a match
    /// across pieces is reported over the whole pieces (<c>"保" + "本"</c>).
    /// </summary>
    public void BeginPiece(int start, int end, bool isReportedElsewhere = false)
        => pieces.Add(new Piece(start, end, isReportedElsewhere));

    /// <summary>Appends one character of the current piece that came from source span [start, end).</summary>
    public void Append(char c, int start, int end)
    {
        var piece = pieces.Count - 1;
        var last = segments.Count - 1;
        if (end == start + 1 && last >= 0 && segments[last] is { IsOpaque: false } segment && segment.Piece == piece
            && segment.SourceStart + (length - segment.RunStart) == start && segment.SourceEnd == start)
        {
            // The next source character of a plain stretch: the segment grows by one.
            segments[last] = segment.WithSourceEnd(end);
        }
        else
        {
            segments.Add(new Segment(length, start, end, piece, isOpaque: end != start + 1));
        }

        Add(c);
    }

    /// <summary>Appends a string whose characters all map to [start, end) (a constant referenced by name).</summary>
    public void AppendOpaque(string value, int start, int end)
    {
        if (value.Length == 0)
        {
            return;
        }

        segments.Add(new Segment(length, start, end, pieces.Count - 1, isOpaque: true));
        foreach (var c in value)
        {
            Add(c);
        }
    }

    /// <summary>The source span of run characters [from, to).</summary>
    public (int Start, int End) SourceSpan(int from, int to)
    {
        var first = SegmentAt(from);
        var last = SegmentAt(to - 1);
        var start = first.StartOf(from);
        var end = last.EndOf(to - 1);
        if (first.Piece == last.Piece || first.Piece < 0 || last.Piece < 0)
        {
            return (start, end);
        }

        return (Math.Min(start, pieces[first.Piece].Start), Math.Max(end, pieces[last.Piece].End));
    }

    /// <summary>
    /// Whether characters [from, to) all belong to one piece that is reported at its own declaration (a
    /// constant declared inside the promotion), so reporting them again at the use would be a duplicate.
    /// </summary>
    public bool IsReportedElsewhere(int from, int to)
    {
        var piece = SegmentAt(from).Piece;
        return piece >= 0 && pieces[piece].IsReportedElsewhere && SegmentAt(to - 1).Piece == piece;
    }

    private void Add(char c)
    {
        if (length == text.Length)
        {
            Array.Resize(ref text, length * 2);
        }

        text[length++] = c;
    }

    /// <summary>The segment holding run character <paramref name="index"/>: the last one starting at or before it.</summary>
    private Segment SegmentAt(int index)
    {
        int low = 0, high = segments.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (segments[middle].RunStart <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return segments[low];
    }

    private readonly struct Piece(int start, int end, bool isReportedElsewhere)
    {
        public int Start { get; } = start;

        public int End { get; } = end;

        public bool IsReportedElsewhere { get; } = isReportedElsewhere;
    }

    /// <summary>
    /// Run characters from <see cref="RunStart"/> on, up to the next segment. Plain: one source character each,
    /// from <see cref="SourceStart"/> on. Opaque: every character maps to [SourceStart, SourceEnd) (an escape, a
    /// constant referenced by name, a markup entity).
    /// </summary>
    private readonly struct Segment(int runStart, int sourceStart, int sourceEnd, int piece, bool isOpaque)
    {
        public int RunStart { get; } = runStart;

        public int SourceStart { get; } = sourceStart;

        public int SourceEnd { get; } = sourceEnd;

        public int Piece { get; } = piece;

        public bool IsOpaque { get; } = isOpaque;

        public Segment WithSourceEnd(int end) => new(RunStart, SourceStart, end, Piece, IsOpaque);

        public int StartOf(int index) => IsOpaque ? SourceStart : SourceStart + (index - RunStart);

        public int EndOf(int index) => IsOpaque ? SourceEnd : SourceStart + (index - RunStart) + 1;
    }
}
