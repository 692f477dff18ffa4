using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The descriptor of every rule, in one place, so that IDs, titles, severities, help links, docs and release
/// tracking are kept in step (a test checks them against docs/rules and AnalyzerReleases.*.md).
/// </summary>
public static class Rules
{
    /// <summary>Where the rule pages live; <c>docs/rules/&lt;ID&gt;.md</c> in the repository.</summary>
    public const string HelpLinkBase = "https://github.com/fincompliance/FinCompliance/blob/main/docs/rules/";

    /// <summary>Custom tag of rules that are heuristic (raised to warning by <c>FinComplianceMode=Audit</c>).</summary>
    public const string HeuristicTag = "Heuristic";

    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        DiagnosticIds.InvalidConfiguration, RuleCategories.Configuration, DiagnosticSeverity.Warning,
        "Invalid FinCompliance configuration",
        "Invalid FinCompliance configuration: {0}",
        "A FinCompliance terms file line or option value cannot be read; it is ignored until it is fixed.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor GuaranteedReturns = Create(
        DiagnosticIds.GuaranteedReturns, RuleCategories.Promotion, DiagnosticSeverity.Warning,
        "Promotion promises guaranteed returns",
        "Promotional text promises guaranteed returns: '{0}'",
        "Promotions of financial products must not promise principal protection, guaranteed yield or freedom from risk (GO 221 (十); Advertising Law Art. 25).");

    public static readonly DiagnosticDescriptor MissingRiskWarning = Create(
        DiagnosticIds.MissingRiskWarning, RuleCategories.Promotion, DiagnosticSeverity.Warning,
        "Promotion has no risk warning",
        "Promotion '{0}' has no non-empty [RiskWarning] member",
        "Every promotion of a financial product must carry a risk warning (GO 221 (十); FCA COBS 4.2).");

    public static readonly DiagnosticDescriptor RewardMixedWithYield = Create(
        DiagnosticIds.RewardMixedWithYield, RuleCategories.Promotion, DiagnosticSeverity.Warning,
        "Promotional rewards mixed with product yield",
        "A promotional reward is mixed with the product's yield{0}",
        "Returns from marketing activities must not be presented as, or combined with, the product's own yield (GO 221 (十)).");

    public static readonly DiagnosticDescriptor AbsoluteOrEndorsementClaim = Create(
        DiagnosticIds.AbsoluteOrEndorsementClaim, RuleCategories.Promotion, DiagnosticSeverity.Warning,
        "Promotion uses absolute or endorsement claims",
        "Promotional text uses an absolute or endorsement claim: '{0}'",
        "Promotions must not use superlatives or claim endorsement by the state or a regulator (Advertising Law Art. 9, Art. 25).");

    public static readonly DiagnosticDescriptor MissingDisclosure = Create(
        DiagnosticIds.MissingDisclosure, RuleCategories.Promotion, DiagnosticSeverity.Warning,
        "Required disclosure is missing",
        "'{0}' does not disclose {1}",
        "A product that must disclose information needs a [Disclosure(item)] member for every required item (GO 221 (九), (十)).");

    public static readonly DiagnosticDescriptor ReserveFundsUsedForRedemption = Create(
        DiagnosticIds.ReserveFundsUsedForRedemption, RuleCategories.Funds, DiagnosticSeverity.Warning,
        "Customer reserve funds used for redemption",
        "Customer reserve funds are used for a redemption{0}",
        "Customer reserve funds must not be used to advance redemptions of funds or other wealth-management products (GO 221 (十)).");

    public static readonly DiagnosticDescriptor ClientFundsCommingled = Create(
        DiagnosticIds.ClientFundsCommingled, RuleCategories.Funds, DiagnosticSeverity.Warning,
        "Client funds commingled with proprietary funds",
        "Client funds are commingled with proprietary funds{0}",
        "Client funds must be kept apart from the institution's own funds (GO 221 (十四); FCA CASS 7).");

    public static readonly DiagnosticDescriptor IntermediaryPoolsClientFunds = Create(
        DiagnosticIds.IntermediaryPoolsClientFunds, RuleCategories.Funds, DiagnosticSeverity.Warning,
        "Information intermediary pools client funds",
        "Information intermediary '{0}' holds client funds in '{1}'",
        "A lending or crowdfunding platform acting as an information intermediary must not pool client funds (GO 221 (八); P2P interim measures Art. 10).");

    public static readonly DiagnosticDescriptor IntermediaryProvidesCreditEnhancement = Create(
        DiagnosticIds.IntermediaryProvidesCreditEnhancement, RuleCategories.Funds, DiagnosticSeverity.Warning,
        "Information intermediary provides credit enhancement",
        "Information intermediary '{0}' provides credit enhancement through '{1}'",
        "A lending or crowdfunding platform acting as an information intermediary must not provide guarantees or credit enhancement (GO 221 (八)).");

    public static readonly DiagnosticDescriptor PersonalDataStoredInPlaintext = Create(
        DiagnosticIds.PersonalDataStoredInPlaintext, RuleCategories.PersonalData, DiagnosticSeverity.Warning,
        "Personal data stored in plaintext",
        "Personal data '{0}' ({1}) of a persisted type is stored in plaintext",
        "C2 personal financial information must be stored encrypted (JR/T 0171-2020 storage requirements; GO 221 (十七); PIPL Art. 51; PCI DSS 3.5.1; GDPR Art. 32).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AuthenticationDataPersisted = Create(
        DiagnosticIds.AuthenticationDataPersisted, RuleCategories.PersonalData, DiagnosticSeverity.Warning,
        "Authentication data persisted or serialized",
        "Authentication data '{0}' ({1}) is {2}",
        "C3 authentication data (PINs, card security codes, track data) must not be stored or serialized (JR/T 0171-2020 C3; PCI DSS 3.3.1).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PersonalDataLogged = Create(
        DiagnosticIds.PersonalDataLogged, RuleCategories.PersonalData, DiagnosticSeverity.Warning,
        "Personal data written to a log, console, trace or exception",
        "Personal data ({0}) is written to {1} unmasked",
        "Personal financial information must not reach logs, consoles, traces or exception messages unmasked (JR/T 0171-2020; GO 221 (十七)).");

    public static readonly DiagnosticDescriptor PersonalDataInToString = Create(
        DiagnosticIds.PersonalDataInToString, RuleCategories.PersonalData, DiagnosticSeverity.Warning,
        "Personal data exposed by ToString",
        "'{0}' exposes personal data through ToString{1}",
        "A type's string form ends up in logs and error messages; it must not contain personal data unmasked (JR/T 0171-2020 display masking; GO 221 (十七); PCI DSS 3.4.1).");

    public static readonly DiagnosticDescriptor PersonalDataSentToThirdParty = Create(
        DiagnosticIds.PersonalDataSentToThirdParty, RuleCategories.PersonalData, DiagnosticSeverity.Warning,
        "Personal data sent to a third party unmasked",
        "Personal data ({0}) is sent to a third party unmasked",
        "Personal financial information must not be disclosed to third parties unmasked (GO 221 (十七); PIPL Art. 23, 28).");

    public static readonly DiagnosticDescriptor UnclassifiedPersonalData = Create(
        DiagnosticIds.UnclassifiedPersonalData, RuleCategories.PersonalData, DiagnosticSeverity.Info,
        "Member looks like unclassified personal data",
        "'{0}' looks like personal data ({1}); classify it with [PersonalData] or mark it [NotPersonalData]",
        "Members whose names read as personal data should be classified so that the other personal-data rules can protect them.",
        HeuristicTag);

    public static readonly DiagnosticDescriptor SaleWithoutSuitabilityCheck = Create(
        DiagnosticIds.SaleWithoutSuitabilityCheck, RuleCategories.Conduct, DiagnosticSeverity.Warning,
        "Product sold without suitability check",
        "'{0}' sells a product without a passing suitability check on every path",
        "A financial product may be sold only after the customer's risk tolerance has been checked against the product's risk level (GO 221 (十二); MiFID II Art. 25).");

    public static readonly DiagnosticDescriptor AddOnPreselected = Create(
        DiagnosticIds.AddOnPreselected, RuleCategories.Conduct, DiagnosticSeverity.Warning,
        "Add-on pre-selected (forced bundling)",
        "Opt-in '{0}' is pre-selected",
        "Optional add-ons and consents must default to unselected (GO 221 (十六): 严禁强制捆绑销售).");

    public static readonly DiagnosticDescriptor MoneyMovedWithoutIdentification = Create(
        DiagnosticIds.MoneyMovedWithoutIdentification, RuleCategories.Records, DiagnosticSeverity.Warning,
        "Money moved without customer identification",
        "'{0}' is called without passing customer identification on every path",
        "Moving money for a customer or opening an account requires identifying the customer first (GO 221 (十八); FATF R.10).");

    public static readonly DiagnosticDescriptor RetainedRecordDeletedEarly = Create(
        DiagnosticIds.RetainedRecordDeletedEarly, RuleCategories.Records, DiagnosticSeverity.Warning,
        "Retained record deleted before its retention period",
        "'{0}' records are deleted {1}; they must be kept {2} years",
        "Customer identity and transaction records must be kept for the retention period (GO 221 (十八); AML Law Art. 19; FATF R.11).");

    private static DiagnosticDescriptor Create(
        string id, string category, DiagnosticSeverity severity, string title, string message, string description,
        params string[] customTags)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description,
            helpLinkUri: HelpLinkBase + id + ".md", customTags);
}
