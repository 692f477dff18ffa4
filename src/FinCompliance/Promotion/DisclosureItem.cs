namespace FinCompliance;

/// <summary>An item of information a product must disclose to investors.</summary>
public enum DisclosureItem
{
    /// <summary>The business model (商业模式).</summary>
    BusinessModel = 0,
    /// <summary>The management team (经营管理).</summary>
    Management = 1,
    /// <summary>Financial condition (财务状况).</summary>
    Financials = 2,
    /// <summary>How the raised money is used (资金使用).</summary>
    UseOfFunds = 3,
    /// <summary>The product's risk level (风险等级).</summary>
    RiskLevel = 4,
    /// <summary>Fees and charges (费用).</summary>
    Fees = 5,
    /// <summary>Past performance, with its caveats (过往业绩).</summary>
    PastPerformance = 6,
}
