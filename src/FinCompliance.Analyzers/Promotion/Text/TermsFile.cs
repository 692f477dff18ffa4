using System;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// A team's <c>FinCompliance.terms.txt</c>: one entry a line, <c>guarantee: &lt;term&gt;</c> (adds a FIN1001 term),
/// <c>claim: &lt;term&gt;</c> (adds a FIN1004 term) or <c>exempt: &lt;term&gt;</c> (an occurrence of the phrase is not
/// flagged by either rule). <c>#</c> starts a comment line; blank lines are ignored; the colon may be full-width.
/// Any other line is an <see cref="Errors">error</see> (FIN0001), and is otherwise ignored.
/// Parsed once per <see cref="SourceText"/> and shared by every rule and compilation that sees the same text.
/// </summary>
public sealed class TermsFile
{
    /// <summary>The file name the analyzers look for (in any folder, any case).</summary>
    public const string FileName = "FinCompliance.terms.txt";

    private static readonly ConditionalWeakTable<SourceText, TermsFile> Cache = new();

    private TermsFile(ImmutableArray<string> guarantee, ImmutableArray<string> claim, ImmutableArray<string> exempt,
        ImmutableArray<TermsFileError> errors)
    {
        Guarantee = guarantee;
        Claim = claim;
        Exempt = exempt;
        Errors = errors;
    }

    public ImmutableArray<string> Guarantee { get; }

    public ImmutableArray<string> Claim { get; }

    public ImmutableArray<string> Exempt { get; }

    public ImmutableArray<TermsFileError> Errors { get; }

    public static bool IsTermsFile(AdditionalText file)
        => string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The parsed file (cached per text).</summary>
    public static TermsFile Parse(SourceText text) => Cache.GetValue(text, Create);

    /// <summary>All terms files among the additional files merged (usually one), or null when there is none.</summary>
    public static TermsFile? From(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        TermsFile? result = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsTermsFile(file) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            var parsed = Parse(text);
            result = result is null ? parsed : new TermsFile(
                result.Guarantee.AddRange(parsed.Guarantee), result.Claim.AddRange(parsed.Claim),
                result.Exempt.AddRange(parsed.Exempt), result.Errors.AddRange(parsed.Errors));
        }

        return result;
    }

    private static TermsFile Create(SourceText text)
    {
        var guarantee = ImmutableArray.CreateBuilder<string>();
        var claim = ImmutableArray.CreateBuilder<string>();
        var exempt = ImmutableArray.CreateBuilder<string>();
        var errors = ImmutableArray.CreateBuilder<TermsFileError>();
        foreach (var line in text.Lines)
        {
            var content = text.ToString(line.Span);
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var leading = content.Length - content.TrimStart().Length;
            var span = new TextSpan(line.Start + leading, trimmed.Length);
            var colon = trimmed.IndexOfAny([':', '：']);
            if (colon < 0)
            {
                errors.Add(new TermsFileError(span, $"'{trimmed}' has no ':'; expected 'guarantee: <term>', 'claim: <term>' or 'exempt: <term>'"));
                continue;
            }

            var prefix = trimmed.Substring(0, colon).Trim();
            var term = trimmed.Substring(colon + 1).Trim();
            var target = prefix.ToLowerInvariant() switch
            {
                "guarantee" => guarantee,
                "claim" => claim,
                "exempt" => exempt,
                _ => null,
            };
            if (target is null)
            {
                errors.Add(new TermsFileError(span, $"unknown prefix '{prefix}'; expected 'guarantee', 'claim' or 'exempt'"));
            }
            else if (NormalizedText.Fold(term).Length == 0)
            {
                errors.Add(new TermsFileError(span, $"'{prefix}:' has no term"));
            }
            else
            {
                target.Add(term);
            }
        }

        return new TermsFile(guarantee.ToImmutable(), claim.ToImmutable(), exempt.ToImmutable(), errors.ToImmutable());
    }
}

/// <summary>A line of the terms file that cannot be read: its span and what is wrong.</summary>
public readonly struct TermsFileError
{
    public TermsFileError(TextSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public TextSpan Span { get; }

    public string Message { get; }
}
