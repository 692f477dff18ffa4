using FinCompliance.Analyzers.Promotion.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Promotion;

/// <summary>
/// FIN1004: superlatives (最佳, 第一, "highest yield") and borrowed endorsements (央行背书, "government-backed") in
/// promotional text. Ordinals and factual limits (第一期, 最高可借) are not claims.
/// </summary>
public sealed class AbsoluteOrEndorsementClaimAnalyzer : PromotionalTextAnalyzer
{
    public AbsoluteOrEndorsementClaimAnalyzer()
        : base(Rules.AbsoluteOrEndorsementClaim, TermKind.Claim)
    {
    }
}
