namespace FinCompliance.Analyzers;

/// <summary>Diagnostic categories, one per rule family (they group rules in IDEs and SARIF).</summary>
public static class RuleCategories
{
    public const string Configuration = "FinCompliance.Configuration";
    public const string Promotion = "FinCompliance.Promotion";
    public const string Funds = "FinCompliance.Funds";
    public const string PersonalData = "FinCompliance.PersonalData";
    public const string Conduct = "FinCompliance.Conduct";
    public const string Records = "FinCompliance.Records";
}
