using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN4001: a call to a <c>[ProductSale]</c> method must be preceded, on every path of the calling method, by a
/// passing <c>[SuitabilityCheck]</c> (GO 221 (十二)). Calls inside another <c>[ProductSale]</c> method are exempt: the
/// obligation lies with its callers.
/// </summary>
public sealed class SaleWithoutSuitabilityCheckAnalyzer : FinComplianceAnalyzer
{
    public SaleWithoutSuitabilityCheckAnalyzer()
        : base(Rules.SaleWithoutSuitabilityCheck)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
        => MustPrecedeRule.Register(
            context, symbols, MustPrecedeRoles.ProductSale, MustPrecedeRoles.SuitabilityCheck, Rules.SaleWithoutSuitabilityCheck);
}
