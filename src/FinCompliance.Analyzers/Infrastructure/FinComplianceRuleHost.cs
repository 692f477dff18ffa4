using System.Collections.Immutable;
using System.Linq;
using FinCompliance.Analyzers.Configuration;
using FinCompliance.Analyzers.Funds;
using FinCompliance.Analyzers.PersonalData;
using FinCompliance.Analyzers.Promotion;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// The one analyzer the package exports. It registers every rule in <see cref="Rules"/> from a single compilation-start
/// action, so the compiler sets up one analyzer instead of one per rule, and registers the rules' operation, symbol and
/// block actions combined, one per kind (<see cref="CombinedActions"/>). It applies the same policy as
/// <see cref="FinComplianceAnalyzer"/>.
/// </summary>
/// <remarks>
/// Why one analyzer: the analyzer driver initialises each exported analyzer in thread-pool work items of its own. With a
/// rule per analyzer, that was a burst of ~40 work items completing within ~30 ms, early in every compile, while the
/// thread pool's hill climbing takes its first measurement of throughput noise. That single early measurement sets the
/// size of the pool's thread-count wave for the rest of the compile; a burst in it made csc run with up to 22 worker
/// threads on 2 cores (docs/performance.md, "Fourth round").
/// <para>
/// Each rule is still a <see cref="DiagnosticAnalyzer"/> of its own, so that tests and the benchmark's per-rule timing
/// can run it alone; it is simply not exported. A rule whose diagnostics are all turned off, for every file, is not
/// registered at all: the driver used to skip such analyzers by itself, and now skips only the host as a whole.
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FinComplianceRuleHost : DiagnosticAnalyzer
{
    /// <summary>Every rule, one instance each (a test checks that no <see cref="FinComplianceAnalyzer"/> is missing).</summary>
    public static ImmutableArray<FinComplianceAnalyzer> Rules { get; } = ImmutableArray.Create<FinComplianceAnalyzer>(
        new InvalidTermsFileLineAnalyzer(),
        new InvalidAttributeAliasesAnalyzer(),
        new GuaranteedReturnsAnalyzer(),
        new AbsoluteOrEndorsementClaimAnalyzer(),
        new MissingRiskWarningAnalyzer(),
        new RewardMixedWithYieldAnalyzer(),
        new MissingDisclosureAnalyzer(),
        new ClientFundsCommingledAnalyzer(),
        new ReserveFundsUsedForRedemptionAnalyzer(),
        new IntermediaryPoolsClientFundsAnalyzer(),
        new IntermediaryProvidesCreditEnhancementAnalyzer(),
        new UnclassifiedPersonalDataAnalyzer(),
        new PersonalDataStoredInPlaintextAnalyzer(),
        new PersonalDataLoggedAnalyzer(),
        new PersonalDataInToStringAnalyzer(),
        new PersonalDataSentToThirdPartyAnalyzer(),
        new AuthenticationDataPersistedAnalyzer(),
        new SaleWithoutSuitabilityCheckAnalyzer(),
        new AddOnPreselectedAnalyzer(),
        new MoneyMovedWithoutIdentificationAnalyzer(),
        new RetainedRecordDeletedEarlyAnalyzer());

    private static readonly ImmutableArray<DiagnosticDescriptor> AllDescriptors =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).Distinct().ToImmutableArray();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => AllDescriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        FinComplianceAnalyzer.RegisterForCompilationsThatReferenceFinCompliance(context, (start, symbols) =>
        {
            // The rules' actions on the same items are registered as one (CombinedActions).
            var combined = new CombinedActions(start);
            foreach (var rule in Rules)
            {
                if (!RuleSeverity.IsOffEverywhere(rule.SupportedDiagnostics, start.Compilation, start.Options, start.CancellationToken))
                {
                    rule.Register(combined, symbols);
                }
            }

            combined.RegisterCombined();
        });
    }
}
