using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// Base of every FinCompliance analyzer. <see cref="Initialize"/> is sealed so that every rule gets the same
/// policy for free: concurrent execution, no analysis of generated code, and the FinCompliance symbols resolved
/// once per compilation with an early bail-out when the compilation does not reference FinCompliance.
/// </summary>
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
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = FinComplianceSymbols.For(start.Compilation);
            if (!symbols.IsReferenced)
            {
                return;
            }

            OnCompilationStart(start, symbols);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references FinCompliance.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols);
}
