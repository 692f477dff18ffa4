using System;
using System.Text;

namespace FinCompliance.Generators;

/// <summary>A small indenting text writer for emitters (four spaces, <c>\n</c> line endings on every platform).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length != 0)
        {
            text.Append(' ', depth * 4).Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="text"/> as is, without indentation (e.g. the lines of a verbatim string).</summary>
    public CodeWriter Raw(string text)
    {
        this.text.Append(text);
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return new Scope(this);
    }

    public override string ToString() => text.ToString();

    private sealed class Scope(CodeWriter writer) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                writer.depth--;
                writer.Line("}");
            }
        }
    }
}
