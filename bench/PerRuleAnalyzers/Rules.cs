using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.PerRuleAnalyzers;

// One exported analyzer per rule, named as the rule, in the order of FinComplianceRuleHost.Rules (src/FinCompliance.Analyzers).
// A rule missing here still runs, under RulesWithoutTheirOwnLine.

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidTermsFileLineAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Configuration.InvalidTermsFileLineAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidAttributeAliasesAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.InvalidAttributeAliasesAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GuaranteedReturnsAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Promotion.GuaranteedReturnsAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbsoluteOrEndorsementClaimAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Promotion.AbsoluteOrEndorsementClaimAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRiskWarningAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Promotion.MissingRiskWarningAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RewardMixedWithYieldAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Promotion.RewardMixedWithYieldAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingDisclosureAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Promotion.MissingDisclosureAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientFundsCommingledAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Funds.ClientFundsCommingledAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReserveFundsUsedForRedemptionAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Funds.ReserveFundsUsedForRedemptionAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IntermediaryPoolsClientFundsAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Funds.IntermediaryPoolsClientFundsAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IntermediaryProvidesCreditEnhancementAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.Funds.IntermediaryProvidesCreditEnhancementAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnclassifiedPersonalDataAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.UnclassifiedPersonalDataAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataStoredInPlaintextAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.PersonalDataStoredInPlaintextAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataLoggedAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.PersonalData.PersonalDataLoggedAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInToStringAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.PersonalDataInToStringAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataSentToThirdPartyAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.PersonalData.PersonalDataSentToThirdPartyAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthenticationDataPersistedAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.AuthenticationDataPersistedAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SaleWithoutSuitabilityCheckAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.SaleWithoutSuitabilityCheckAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AddOnPreselectedAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.AddOnPreselectedAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MoneyMovedWithoutIdentificationAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.MoneyMovedWithoutIdentificationAnalyzer>;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetainedRecordDeletedEarlyAnalyzer : RuleAsAnalyzer<global::FinCompliance.Analyzers.RetainedRecordDeletedEarlyAnalyzer>;
