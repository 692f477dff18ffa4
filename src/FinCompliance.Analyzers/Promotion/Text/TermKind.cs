namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>Which promotional-text rule a phrase belongs to.</summary>
public enum TermKind
{
    /// <summary>FIN1001: guaranteed principal, yield or freedom from risk.</summary>
    Guarantee,

    /// <summary>FIN1004: superlatives and borrowed endorsements.</summary>
    Claim,
}
