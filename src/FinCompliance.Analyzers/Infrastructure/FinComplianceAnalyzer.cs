using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// Base of every FinCompliance rule. <see cref="Initialize"/> is sealed so that every rule gets the same
/// policy for free: concurrent execution, no analysis of generated code, and the FinCompliance symbols resolved
/// once per compilation with an early bail-out when the compilation does not reference FinCompliance.
/// </summary>
/// <remarks>
/// The package exports only <see cref="FinComplianceRuleHost"/>, which applies the same policy once and calls
/// <see cref="OnCompilationStart"/> of every rule. A rule is still a <see cref="DiagnosticAnalyzer"/> so that tests
/// and the benchmark can run it alone (which is what <see cref="Initialize"/> is for).
/// </remarks>
public abstract class FinComplianceAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticDescriptor> supportedDiagnostics;

    protected FinComplianceAnalyzer(params DiagnosticDescriptor[] supportedDiagnostics)
        => this.supportedDiagnostics = ImmutableArray.Create(supportedDiagnostics);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => supportedDiagnostics;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RegisterForCompilationsThatReferenceFinCompliance(context, OnCompilationStart);
    }

    /// <summary>
    /// Calls <paramref name="onCompilationStart"/> with the compilation's FinCompliance symbols, only for compilations
    /// that reference FinCompliance. Shared with the rule host, so that both bail out the same way.
    /// </summary>
    internal static void RegisterForCompilationsThatReferenceFinCompliance(
        AnalysisContext context, Action<CompilationStartAnalysisContext, FinComplianceSymbols> onCompilationStart)
        => context.RegisterCompilationStartAction(start =>
        {
            var symbols = FinComplianceSymbols.For(start.Compilation);
            if (symbols.IsReferenced)
            {
                onCompilationStart(start, symbols);
            }
        });

    /// <summary>Registers the rule's actions from the host's compilation start.</summary>
    internal void Register(CompilationStartAnalysisContext context, FinComplianceSymbols symbols) => OnCompilationStart(context, symbols);

    /// <summary>Registers the rule's actions for a compilation that references FinCompliance.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols);
}
