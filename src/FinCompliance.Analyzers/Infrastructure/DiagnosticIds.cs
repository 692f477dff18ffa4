namespace FinCompliance.Analyzers;

/// <summary>Every rule ID of FinCompliance, in one place. IDs are public contract (SPEC §4): never renumber.</summary>
public static class DiagnosticIds
{
    public const string InvalidConfiguration = "FIN0001";

    public const string GuaranteedReturns = "FIN1001";
    public const string MissingRiskWarning = "FIN1002";
    public const string RewardMixedWithYield = "FIN1003";
    public const string AbsoluteOrEndorsementClaim = "FIN1004";
    public const string MissingDisclosure = "FIN1005";

    public const string ReserveFundsUsedForRedemption = "FIN2001";
    public const string ClientFundsCommingled = "FIN2002";
    public const string IntermediaryPoolsClientFunds = "FIN2003";
    public const string IntermediaryProvidesCreditEnhancement = "FIN2004";

    public const string PersonalDataStoredInPlaintext = "FIN3001";
    public const string AuthenticationDataPersisted = "FIN3002";
    public const string PersonalDataLogged = "FIN3003";
    public const string PersonalDataInToString = "FIN3004";
    public const string PersonalDataSentToThirdParty = "FIN3005";
    public const string UnclassifiedPersonalData = "FIN3006";

    public const string SaleWithoutSuitabilityCheck = "FIN4001";
    public const string AddOnPreselected = "FIN4002";

    public const string MoneyMovedWithoutIdentification = "FIN5001";
    public const string RetainedRecordDeletedEarly = "FIN5002";
}
