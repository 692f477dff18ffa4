using System;
using System.Collections.Generic;
using System.IO;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Extracts the text people read from a promotional AdditionalFile: all of a .txt / .md file, the string values
/// (not the keys) of a .json file, the &lt;value&gt; contents (not names or comments) of a .resx file, and the
/// visible text and read attributes (alt, title, placeholder, aria-label, button values, meta descriptions) of
/// .html / .htm / .cshtml / .razor markup, without tags, scripts, styles, comments or Razor code.
/// </summary>
internal static class PromotionalFileReader
{
    /// <summary>Files larger than this are skipped: promotional copy is small, and a huge file is not copy.</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    public static List<TextRun> Read(string path, string text)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".json":
                return JsonValues(text);
            case ".resx":
            case ".xml":
                return ResxValues(text);
            case ".html":
            case ".htm":
                return new MarkupReader(text, razor: false).Read();
            case ".cshtml":
            case ".razor":
                return new MarkupReader(text, razor: true).Read();
            case ".md":
            case ".markdown":
                return [Markdown(text)];
            default:
                var run = new TextRun();
                EscapeDecoder.Append(run, text, 0, text.Length, 0, EscapeDecoder.Mode.Raw);
                return [run];
        }
    }

    /// <summary>
    /// Markdown is read as text with the emphasis and code markers left out, so that <c>保**本**</c> reads 保本;
    /// headings, links and lists are plain text already.
    /// </summary>
    private static TextRun Markdown(string text)
    {
        var run = new TextRun();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('*' or '_' or '~' or '`'))
            {
                run.Append(text[i], i, i + 1);
            }
        }

        return run;
    }

    /// <summary>Whether the text looks binary (a NUL in its first 8 KB).</summary>
    public static bool LooksBinary(string text) => text.IndexOf('\0', 0, Math.Min(text.Length, 8192)) >= 0;

    private static List<TextRun> JsonValues(string text)
    {
        var runs = new List<TextRun>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && text[end] != '"')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, text.Length);
                var next = end + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next >= text.Length || text[next] != ':')
                {
                    // A value, not a property name.
                    var run = new TextRun();
                    EscapeDecoder.Append(run, text, start, end, 0, EscapeDecoder.Mode.Json);
                    runs.Add(run);
                }

                i = end + 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var newline = text.IndexOf('\n', i);
                i = newline < 0 ? text.Length : newline;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
            }
            else
            {
                i++;
            }
        }

        return runs;
    }

    private static List<TextRun> ResxValues(string text)
    {
        var runs = new List<TextRun>();
        var i = 0;
        while ((i = text.IndexOf("<value", i, StringComparison.Ordinal)) >= 0)
        {
            var afterName = i + "<value".Length;
            if (afterName >= text.Length || !(text[afterName] == '>' || char.IsWhiteSpace(text[afterName]) || text[afterName] == '/'))
            {
                i = afterName;
                continue;
            }

            var tagEnd = text.IndexOf('>', afterName);
            if (tagEnd < 0)
            {
                break;
            }

            if (text[tagEnd - 1] == '/')
            {
                i = tagEnd + 1; // <value/>
                continue;
            }

            var close = text.IndexOf("</value>", tagEnd + 1, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var run = new TextRun();
            AppendXmlContent(run, text, tagEnd + 1, close);
            runs.Add(run);
            i = close + "</value>".Length;
        }

        return runs;
    }

    /// <summary>XML element content: character references decoded, CDATA sections as written, comments skipped.</summary>
    private static void AppendXmlContent(TextRun run, string text, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            var markup = text.IndexOf('<', i, to - i);
            var textEnd = markup < 0 ? to : markup;
            EscapeDecoder.Append(run, text, i, textEnd, 0, EscapeDecoder.Mode.Markup);
            if (markup < 0)
            {
                return;
            }

            if (string.CompareOrdinal(text, markup, "<![CDATA[", 0, 9) == 0)
            {
                var cdataEnd = text.IndexOf("]]>", markup + 9, to - markup - 9, StringComparison.Ordinal);
                var contentEnd = cdataEnd < 0 ? to : cdataEnd;
                EscapeDecoder.Append(run, text, markup + 9, contentEnd, 0, EscapeDecoder.Mode.Raw);
                i = cdataEnd < 0 ? to : cdataEnd + 3;
            }
            else
            {
                var close = text.IndexOf('>', markup, to - markup);
                i = close < 0 ? to : close + 1;
            }
        }
    }
}
