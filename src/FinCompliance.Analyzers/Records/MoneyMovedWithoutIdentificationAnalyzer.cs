using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN5001: a call to a <c>[RequiresCustomerIdentification]</c> method must be preceded, on every path of the calling
/// method, by a passing <c>[CustomerIdentification]</c> (GO 221 (十八); FATF R.10). Calls inside another
/// <c>[RequiresCustomerIdentification]</c> method are exempt: the obligation lies with its callers, as for FIN4001.
/// </summary>
public sealed class MoneyMovedWithoutIdentificationAnalyzer : FinComplianceAnalyzer
{
    public MoneyMovedWithoutIdentificationAnalyzer()
        : base(Rules.MoneyMovedWithoutIdentification)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
        => MustPrecedeRule.Register(
            context, symbols, MustPrecedeRoles.RequiresCustomerIdentification, MustPrecedeRoles.CustomerIdentification,
            Rules.MoneyMovedWithoutIdentification);
}
