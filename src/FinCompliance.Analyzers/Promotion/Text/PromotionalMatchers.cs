using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// The matcher of a rule for a compilation's options: the built-in one when there is no terms file (built once per
/// process), else one per parsed terms file (built once per file text).
/// </summary>
internal static class PromotionalMatchers
{
    private static readonly PhraseMatcher DefaultGuarantee = PhraseMatcher.Create(TermKind.Guarantee, null);
    private static readonly PhraseMatcher DefaultClaim = PhraseMatcher.Create(TermKind.Claim, null);
    private static readonly ConditionalWeakTable<TermsFile, PhraseMatcher[]> WithTerms = new();

    public static PhraseMatcher For(AnalyzerOptions options, TermKind kind, CancellationToken cancellationToken)
    {
        var terms = TermsFile.From(options, cancellationToken);
        if (terms is null)
        {
            return kind == TermKind.Guarantee ? DefaultGuarantee : DefaultClaim;
        }

        var matchers = WithTerms.GetValue(terms, static t =>
            [PhraseMatcher.Create(TermKind.Guarantee, t), PhraseMatcher.Create(TermKind.Claim, t)]);
        return matchers[(int)kind];
    }
}
