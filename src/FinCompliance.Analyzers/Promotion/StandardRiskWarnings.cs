namespace FinCompliance.Analyzers;

/// <summary>
/// The standard risk warning for each <c>ProductKind</c>, shared by the FIN1002 code fix and the risk-warning
/// generator so that both write the same text.
/// </summary>
public static class StandardRiskWarnings
{
    // Indexed by the value of FinCompliance.ProductKind (General = 0 … Payment = 8).
    private static readonly (string Chinese, string English)[] Texts =
    [
        ("市场有风险，投资需谨慎。", "The market carries risk; invest with caution."),
        ("基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。", "Funds carry risk; invest with caution. A fund's past performance does not indicate its future performance."),
        ("理财非存款，产品有风险，投资须谨慎。", "Wealth-management products are not deposits; they carry risk; invest with caution."),
        ("保险产品有风险，投保需谨慎。请仔细阅读保险条款。", "Insurance products carry risk; buy with caution. Read the policy terms carefully."),
        ("网络借贷有风险，出借需谨慎。", "Online lending carries risk; lend with caution."),
        ("股权众筹风险较高，可能损失全部投资本金，投资需谨慎。", "Equity crowdfunding is high-risk and you may lose all the money you invest; invest with caution."),
        ("信托产品有风险，投资需谨慎。", "Trust products carry risk; invest with caution."),
        ("请理性消费，按需借款，避免过度负债。", "Borrow only what you need and avoid excessive debt."),
        ("支付账户余额不是存款，不受存款保险保护。", "A payment account balance is not a deposit and is not protected by deposit insurance."),
    ];

    /// <summary>The name of the member the code fix and the generator add.</summary>
    public const string MemberName = "RiskWarning";

    /// <summary>The Chinese standard text for a product kind (unknown values fall back to General).</summary>
    public static string Chinese(int productKind) => Get(productKind).Chinese;

    /// <summary>The English translation, used in XML doc comments.</summary>
    public static string English(int productKind) => Get(productKind).English;

    private static (string Chinese, string English) Get(int productKind)
        => productKind >= 0 && productKind < Texts.Length ? Texts[productKind] : Texts[0];
}
