using System.Globalization;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Decodes the escapes of C# and JSON string literals and of XML/HTML character references into a
/// <see cref="TextRun"/>, keeping for each decoded character the source span of its escape (so that
/// <c>"\u4FDD\u672C"</c> is matched as 保本 and reported at the escapes).
/// </summary>
internal static class EscapeDecoder
{
    public enum Mode
    {
        /// <summary>Source text as written (raw string literals, plain text files).</summary>
        Raw,

        /// <summary>A regular C# string: backslash escapes.</summary>
        Regular,

        /// <summary>A C# verbatim string: <c>""</c> is a quote.</summary>
        Verbatim,

        /// <summary>A JSON string: backslash escapes including <c>\/</c>.</summary>
        Json,

        /// <summary>XML / HTML text: character references (<c>&amp;amp;</c>, <c>&amp;#x4FDD;</c>).</summary>
        Markup,
    }

    /// <summary>Appends <paramref name="text"/>[from, to) decoded; <paramref name="origin"/> is the source position of text[0].</summary>
    public static void Append(TextRun run, string text, int from, int to, int origin, Mode mode, bool doubledBraces = false)
    {
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (doubledBraces && (c == '{' || c == '}') && i + 1 < to && text[i + 1] == c)
            {
                run.Append(c, origin + i, origin + i + 2);
                i += 2;
            }
            else if (c == '\\' && i + 1 < to && mode is Mode.Regular or Mode.Json)
            {
                i = AppendBackslashEscape(run, text, i, to, origin);
            }
            else if (c == '"' && mode == Mode.Verbatim && i + 1 < to && text[i + 1] == '"')
            {
                run.Append('"', origin + i, origin + i + 2);
                i += 2;
            }
            else if (c == '&' && mode == Mode.Markup && TryCharacterReference(text, i, to, out var decoded, out var length))
            {
                run.Append(decoded, origin + i, origin + i + length);
                i += length;
            }
            else
            {
                run.Append(c, origin + i, origin + i + 1);
                i++;
            }
        }
    }

    private static int AppendBackslashEscape(TextRun run, string text, int i, int to, int origin)
    {
        var n = text[i + 1];
        int digits;
        switch (n)
        {
            case 'u':
                digits = 4;
                break;
            case 'U':
                digits = 8;
                break;
            case 'x':
                digits = 0;
                while (digits < 4 && i + 2 + digits < to && IsHex(text[i + 2 + digits]))
                {
                    digits++;
                }

                break;
            default:
                var simple = n switch
                {
                    'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', 'a' => '\a', 'b' => '\b', 'f' => '\f',
                    'v' => '\v', 'e' => '\u001b', _ => n, // \" \\ \' \/ and anything unknown: the character itself
                };
                run.Append(simple, origin + i, origin + i + 2);
                return i + 2;
        }

        if (digits > 0 && i + 2 + digits <= to
            && uint.TryParse(text.Substring(i + 2, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
            && code <= 0x10FFFF)
        {
            var end = origin + i + 2 + digits;
            if (code > 0xFFFF)
            {
                foreach (var unit in char.ConvertFromUtf32((int)code))
                {
                    run.Append(unit, origin + i, end);
                }
            }
            else
            {
                run.Append((char)code, origin + i, end);
            }

            return i + 2 + digits;
        }

        run.Append(n, origin + i, origin + i + 2);
        return i + 2;
    }

    private static bool TryCharacterReference(string text, int i, int to, out char decoded, out int length)
    {
        decoded = '\0';
        length = 0;
        var semicolon = text.IndexOf(';', i + 1, System.Math.Min(12, to - i - 1));
        if (semicolon < 0)
        {
            return false;
        }

        var name = text.Substring(i + 1, semicolon - i - 1);
        length = semicolon - i + 1;
        if (name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            if (uint.TryParse(hex ? name.Substring(2) : name.Substring(1),
                    hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code <= 0xFFFF)
            {
                decoded = (char)code;
                return true;
            }

            return false;
        }

        decoded = name switch
        {
            "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'', "nbsp" => ' ', "ensp" => ' ',
            "emsp" => ' ', "thinsp" => ' ', "ndash" => '–', "mdash" => '—', "rsquo" => '’', "lsquo" => '‘',
            "percnt" => '%', _ => '\0',
        };
        return decoded != '\0';
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
