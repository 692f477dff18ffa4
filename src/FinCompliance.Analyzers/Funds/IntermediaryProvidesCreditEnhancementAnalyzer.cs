using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2004: an <c>[InformationIntermediary]</c> type that declares a <c>[CreditEnhancement]</c> method (reported
/// at the method) or calls / references one of another type (reported at the call) (GO 221 (八): 不得提供增信服务).
/// </summary>
public sealed class IntermediaryProvidesCreditEnhancementAnalyzer : FinComplianceAnalyzer
{
    public IntermediaryProvidesCreditEnhancementAnalyzer()
        : base(Rules.IntermediaryProvidesCreditEnhancement)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.InformationIntermediary is null || symbols.CreditEnhancement is null)
        {
            return;
        }

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, attributes), SymbolKind.Method);
        context.RegisterOperationAction(
            OperationFilter.Where((operation, _) => IsCreditEnhancement(TargetOf(operation), attributes), operation => AnalyzeReference(operation, attributes)),
            OperationKind.Invocation,
            OperationKind.MethodReference);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeMethod(SymbolAnalysisContext context, FinComplianceAttributes attributes)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsImplicitlyDeclared || !IsCreditEnhancement(method, attributes)
            || IntermediaryOf(method.ContainingType, attributes) is not { } intermediary)
        {
            return;
        }

        foreach (var location in method.Locations)
        {
            if (location.IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.IntermediaryProvidesCreditEnhancement, location, intermediary.Name, method.Name));
                break;
            }
        }
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeReference(OperationAnalysisContext context, FinComplianceAttributes attributes)
    {
        var target = TargetOf(context.Operation);
        if (target is null || !IsCreditEnhancement(target, attributes)
            || IntermediaryOf(context.ContainingSymbol.ContainingType, attributes) is not { } intermediary)
        {
            return;
        }

        // A credit-enhancement method the intermediary declares itself is already reported at its declaration.
        if (IntermediaryOf(target.ContainingType, attributes) is { } declaringIntermediary
            && SymbolEqualityComparer.Default.Equals(declaringIntermediary, intermediary))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.IntermediaryProvidesCreditEnhancement, context.Operation.Syntax.GetLocation(), intermediary.Name, target.Name));
    }

    /// <summary>The method a call runs or a method reference names.</summary>
    private static IMethodSymbol? TargetOf(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IMethodReferenceOperation reference => reference.Method,
        _ => null,
    };

    /// <summary>The method, the method it overrides, or its extension-method definition is <c>[CreditEnhancement]</c>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool IsCreditEnhancement(IMethodSymbol? method, FinComplianceAttributes attributes)
    {
        for (var current = method?.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            if (attributes.Has(current.OriginalDefinition, attributes.Symbols.CreditEnhancement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost <c>[InformationIntermediary]</c> type that is or encloses <paramref name="type"/>.</summary>
    private static INamedTypeSymbol? IntermediaryOf(INamedTypeSymbol? type, FinComplianceAttributes attributes)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (attributes.HasOnTypeOrBase(current, attributes.Symbols.InformationIntermediary))
            {
                return current;
            }
        }

        return null;
    }
}
