namespace FundSales.Catalogue;

/// <summary>The product risk rating used for suitability (R1 lowest … R5 highest), as on Chinese fund platforms.</summary>
public enum RiskLevel
{
    R1 = 1,
    R2 = 2,
    R3 = 3,
    R4 = 4,
    R5 = 5,
}
