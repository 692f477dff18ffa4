using FinCompliance.Analyzers.Promotion.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Configuration;

/// <summary>
/// FIN0001 for <c>FinCompliance.terms.txt</c>: every line that is not a comment, blank, or
/// <c>guarantee:</c> / <c>claim:</c> / <c>exempt:</c> followed by a term, reported at that file and line.
/// </summary>
public sealed class InvalidTermsFileLineAnalyzer : FinComplianceAnalyzer
{
    public InvalidTermsFileLineAnalyzer()
        : base(Rules.InvalidConfiguration)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
        => context.RegisterAdditionalFileAction(file =>
        {
            if (!TermsFile.IsTermsFile(file.AdditionalFile) || file.AdditionalFile.GetText(file.CancellationToken) is not { } text)
            {
                return;
            }

            foreach (var error in TermsFile.Parse(text).Errors)
            {
                var location = Location.Create(file.AdditionalFile.Path, error.Span, text.Lines.GetLinePositionSpan(error.Span));
                file.ReportDiagnostic(Diagnostic.Create(
                    Rules.InvalidConfiguration, location, $"{TermsFile.FileName} line {text.Lines.GetLineFromPosition(error.Span.Start).LineNumber + 1}: {error.Message}"));
            }
        });
}
