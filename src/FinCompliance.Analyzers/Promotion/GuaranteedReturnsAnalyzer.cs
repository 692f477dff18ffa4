using FinCompliance.Analyzers.Promotion.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Promotion;

/// <summary>
/// FIN1001: promotional text that promises principal protection, guaranteed yield or no risk (保本, 稳赚,
/// "guaranteed returns", "risk-free"). Negated occurrences are disclosures and are not flagged.
/// </summary>
public sealed class GuaranteedReturnsAnalyzer : PromotionalTextAnalyzer
{
    public GuaranteedReturnsAnalyzer()
        : base(Rules.GuaranteedReturns, TermKind.Guarantee)
    {
    }
}
