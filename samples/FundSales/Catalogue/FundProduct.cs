using FinCompliance;

namespace FundSales.Catalogue;

/// <summary>A fund on the shelf of the sales platform.</summary>
public sealed class FundProduct
{
    public FundProduct(string code, string name, RiskLevel riskLevel, decimal sevenDayAnnualisedYield, decimal managementFeeRate)
    {
        Code = code;
        Name = name;
        RiskLevel = riskLevel;
        SevenDayAnnualisedYield = sevenDayAnnualisedYield;
        ManagementFeeRate = managementFeeRate;
    }

    /// <summary>The six-digit fund code, e.g. 000198.</summary>
    public string Code { get; }

    public string Name { get; }

    public RiskLevel RiskLevel { get; }

    /// <summary>The fund's own 7-day annualised yield (七日年化收益率), as published by the fund manager.</summary>
    [ProductYield]
    public decimal SevenDayAnnualisedYield { get; }

    public decimal ManagementFeeRate { get; }
}
