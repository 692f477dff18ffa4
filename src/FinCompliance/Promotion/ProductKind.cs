namespace FinCompliance;

/// <summary>The kind of financial product a promotion or sale concerns.</summary>
public enum ProductKind
{
    /// <summary>Any financial product (the default): 市场有风险，投资需谨慎。</summary>
    General = 0,
    /// <summary>Publicly offered or private funds (基金).</summary>
    Fund = 1,
    /// <summary>Wealth-management products (理财产品).</summary>
    Wealth = 2,
    /// <summary>Insurance (保险).</summary>
    Insurance = 3,
    /// <summary>Online lending, P2P (网络借贷).</summary>
    Lending = 4,
    /// <summary>Equity crowdfunding (股权众筹).</summary>
    Crowdfunding = 5,
    /// <summary>Trusts (信托).</summary>
    Trust = 6,
    /// <summary>Consumer finance (消费金融).</summary>
    ConsumerFinance = 7,
    /// <summary>Payment services (支付).</summary>
    Payment = 8,
}
