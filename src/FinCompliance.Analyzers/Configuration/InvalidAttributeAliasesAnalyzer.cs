using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN0001 for the <c>fincompliance.attribute_aliases</c> option: one diagnostic per entry that cannot be read (the
/// entry is ignored, the others still apply). The option has no source location, so the diagnostic has none either.
/// </summary>
public sealed class InvalidAttributeAliasesAnalyzer : FinComplianceAnalyzer
{
    public InvalidAttributeAliasesAnalyzer()
        : base(Rules.InvalidConfiguration)
    {
    }

    // RS1013: Initialize is sealed in the base class (it owns the bail-out), so RegisterCompilationAction is not available.
#pragma warning disable RS1013
    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var errors = FinComplianceAttributes.For(context.Compilation, context.Options).Aliases.Errors;
        if (errors.IsDefaultOrEmpty)
        {
            return;
        }

        context.RegisterCompilationEndAction(end =>
        {
            foreach (var error in errors)
            {
                end.ReportDiagnostic(Diagnostic.Create(Rules.InvalidConfiguration, Location.None, AnalyzerOptionsExtensions.AttributeAliasesOption + ": " + error));
            }
        });
    }
#pragma warning restore RS1013
}
