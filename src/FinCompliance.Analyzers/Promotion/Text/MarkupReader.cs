using System;
using System.Collections.Generic;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// A forgiving HTML / Razor scanner that keeps what a visitor reads: text between tags (joined across inline tags
/// such as &lt;b&gt;, so "保&lt;b&gt;本&lt;/b&gt;" reads 保本; broken at block tags) and the attributes people read
/// (alt, title, placeholder, aria-label, label, button values, meta description). Tags, comments, scripts, styles
/// and Razor code (<c>@{ }</c>, <c>@( )</c>, <c>@Model.X</c>, <c>@* *@</c>, directives) are skipped.
/// Every step advances, so malformed markup cannot hang it.
/// </summary>
internal sealed class MarkupReader
{
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "del", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "small",
        "span", "strong", "sub", "sup", "u", "time", "data",
    };

    private static readonly HashSet<string> SkippedContentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "code", "pre",
    };

    private static readonly HashSet<string> ReadAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "alt", "title", "placeholder", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "label",
    };

    private static readonly HashSet<string> RazorBlockKeywords = new(StringComparer.Ordinal)
    {
        "if", "else", "foreach", "for", "while", "do", "switch", "using", "lock", "try", "catch", "finally", "section",
    };

    private static readonly HashSet<string> RazorLineDirectives = new(StringComparer.Ordinal)
    {
        "model", "inject", "page", "layout", "inherits", "namespace", "addTagHelper", "removeTagHelper",
        "tagHelperPrefix", "implements", "attribute", "typeparam", "preservewhitespace", "rendermode",
    };

    private readonly string text;
    private readonly bool razor;
    private readonly List<TextRun> runs = [];
    private TextRun current = new();

    public MarkupReader(string text, bool razor)
    {
        this.text = text;
        this.razor = razor;
    }

    public List<TextRun> Read()
    {
        var i = 0;
        var textStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int next;
            if (c == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
            {
                FlushText(textStart, i);
                next = Tag(i);
            }
            else if (razor && c == '@')
            {
                FlushText(textStart, i);
                next = Razor(i);
            }
            else if (razor && c is '{' or '}')
            {
                FlushText(textStart, i);
                Break();
                next = i + 1;
            }
            else
            {
                i++;
                continue;
            }

            i = Math.Max(next, i + 1);
            textStart = i;
        }

        FlushText(textStart, text.Length);
        Break();
        return runs;
    }

    private void FlushText(int from, int to)
    {
        if (to > from)
        {
            EscapeDecoder.Append(current, text, from, to, 0, EscapeDecoder.Mode.Markup);
        }
    }

    private void Break()
    {
        if (current.Length > 0)
        {
            runs.Add(current);
            current = new TextRun();
        }
    }

    /// <summary>Reads a tag, comment or declaration at <paramref name="start"/>; returns the index after it.</summary>
    private int Tag(int start)
    {
        if (string.CompareOrdinal(text, start, "<!--", 0, 4) == 0)
        {
            Break();
            return EndOf("-->", start + 4);
        }

        if (text[start + 1] is '!' or '?')
        {
            Break();
            return EndOf(">", start + 2);
        }

        var closing = text[start + 1] == '/';
        var nameStart = start + (closing ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] is '-' or ':' or '_' or '.'))
        {
            nameEnd++;
        }

        var name = text.Substring(nameStart, nameEnd - nameStart);
        if (!InlineTags.Contains(name))
        {
            Break();
        }

        var attributes = new List<(string Name, int ValueStart, int ValueEnd)>();
        var i = nameEnd;
        while (i < text.Length && text[i] != '>')
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '/')
            {
                i++;
                continue;
            }

            var attributeStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var attributeName = text.Substring(attributeStart, i - attributeStart);
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i < text.Length && text[i] is '"' or '\'')
                {
                    var quote = text[i];
                    var close = text.IndexOf(quote, i + 1);
                    close = close < 0 ? text.Length : close;
                    attributes.Add((attributeName, i + 1, close));
                    i = Math.Min(close + 1, text.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>')
                    {
                        i++;
                    }

                    attributes.Add((attributeName, valueStart, i));
                }
            }
            else if (i == attributeStart)
            {
                i++; // a stray character such as '=' without a name
            }
        }

        var end = Math.Min(i + 1, text.Length);
        if (closing)
        {
            return end;
        }

        foreach (var (attributeName, valueStart, valueEnd) in attributes)
        {
            if (IsRead(name, attributeName, attributes))
            {
                var run = new TextRun();
                EscapeDecoder.Append(run, text, valueStart, valueEnd, 0, EscapeDecoder.Mode.Markup);
                runs.Add(run);
            }
        }

        if (SkippedContentTags.Contains(name) && text[end - 1] == '>' && text[Math.Max(end - 2, 0)] != '/')
        {
            var close = text.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
            return close < 0 ? text.Length : EndOf(">", close);
        }

        return end;
    }

    private bool IsRead(string tag, string attribute, List<(string Name, int ValueStart, int ValueEnd)> attributes)
    {
        if (ReadAttributes.Contains(attribute))
        {
            return true;
        }

        if (attribute.Equals("value", StringComparison.OrdinalIgnoreCase))
        {
            return tag.Equals("button", StringComparison.OrdinalIgnoreCase)
                   || (tag.Equals("input", StringComparison.OrdinalIgnoreCase)
                       && AttributeValue(attributes, "type") is { } type
                       && (type.Equals("button", StringComparison.OrdinalIgnoreCase)
                           || type.Equals("submit", StringComparison.OrdinalIgnoreCase)
                           || type.Equals("reset", StringComparison.OrdinalIgnoreCase)));
        }

        if (attribute.Equals("content", StringComparison.OrdinalIgnoreCase) && tag.Equals("meta", StringComparison.OrdinalIgnoreCase))
        {
            var kind = AttributeValue(attributes, "name") ?? AttributeValue(attributes, "property") ?? string.Empty;
            return kind.EndsWith("description", StringComparison.OrdinalIgnoreCase)
                   || kind.EndsWith("title", StringComparison.OrdinalIgnoreCase)
                   || kind.Equals("keywords", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private string? AttributeValue(List<(string Name, int ValueStart, int ValueEnd)> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return text.Substring(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart).Trim();
            }
        }

        return null;
    }

    /// <summary>Skips the Razor construct at <paramref name="at"/> (an '@'); returns the index after it.</summary>
    private int Razor(int at)
    {
        var i = at + 1;
        if (i >= text.Length)
        {
            return i;
        }

        var c = text[i];
        if (c == '@')
        {
            current.Append('@', at, at + 2); // @@ is a literal '@'
            return i + 1;
        }

        if (at > 0 && NormalizedText.IsWordChar(text[at - 1]))
        {
            current.Append('@', at, at + 1); // an e-mail address: Razor leaves it as text
            return i;
        }

        Break();
        switch (c)
        {
            case '*':
                return EndOf("*@", i + 1);
            case '{':
                return SkipBalanced(i, '{', '}');
            case '(':
                return SkipBalanced(i, '(', ')');
        }

        if (!(char.IsLetter(c) || c == '_'))
        {
            current.Append('@', at, at + 1);
            return i;
        }

        var wordEnd = i;
        while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] == '_'))
        {
            wordEnd++;
        }

        var word = text.Substring(i, wordEnd - i);
        if (word is "code" or "functions")
        {
            var brace = text.IndexOf('{', wordEnd);
            return brace < 0 ? text.Length : SkipBalanced(brace, '{', '}');
        }

        if (RazorLineDirectives.Contains(word) || (word == "using" && !NextNonSpaceIs(wordEnd, '(')))
        {
            var newline = text.IndexOf('\n', wordEnd);
            return newline < 0 ? text.Length : newline;
        }

        if (RazorBlockKeywords.Contains(word))
        {
            // The condition is code; the braces' content is markup again.
            var j = wordEnd;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            return j < text.Length && text[j] == '(' ? SkipBalanced(j, '(', ')') : wordEnd;
        }

        // An implicit expression: @Model.Name, @Html.Raw(x), @items[0].
        var k = wordEnd;
        while (k < text.Length)
        {
            if (text[k] == '(' )
            {
                k = SkipBalanced(k, '(', ')');
            }
            else if (text[k] == '[')
            {
                k = SkipBalanced(k, '[', ']');
            }
            else if (text[k] == '.' && k + 1 < text.Length && (char.IsLetter(text[k + 1]) || text[k + 1] == '_'))
            {
                k++;
                while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] == '_'))
                {
                    k++;
                }
            }
            else
            {
                break;
            }
        }

        return k;
    }

    private bool NextNonSpaceIs(int from, char expected)
    {
        while (from < text.Length && text[from] == ' ')
        {
            from++;
        }

        return from < text.Length && text[from] == expected;
    }

    /// <summary>Skips a bracketed C# region starting at <paramref name="open"/>, minding string and char literals.</summary>
    private int SkipBalanced(int open, char openChar, char closeChar)
    {
        var depth = 0;
        var i = open;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' || c == '\'')
            {
                i++;
                while (i < text.Length && text[i] != c && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
            }
            else if (c == openChar)
            {
                depth++;
            }
            else if (c == closeChar && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    private int EndOf(string terminator, int from)
    {
        if (from >= text.Length)
        {
            return text.Length;
        }

        var index = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return index < 0 ? text.Length : index + terminator.Length;
    }
}
