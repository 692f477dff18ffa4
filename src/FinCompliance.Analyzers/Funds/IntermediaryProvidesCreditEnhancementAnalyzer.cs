using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2004: an <c>[InformationIntermediary]</c> type that declares a <c>[CreditEnhancement]</c> method (reported
/// at the method) or calls / references one of another type (reported at the call) (GO 221 (八): 不得提供增信服务).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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

        context.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, symbols), SymbolKind.Method);
        context.RegisterOperationAction(
            operation => AnalyzeReference(operation, symbols), OperationKind.Invocation, OperationKind.MethodReference);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, FinComplianceSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsImplicitlyDeclared || !IsCreditEnhancement(method, symbols)
            || IntermediaryOf(method.ContainingType, symbols) is not { } intermediary)
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

    private static void AnalyzeReference(OperationAnalysisContext context, FinComplianceSymbols symbols)
    {
        var target = context.Operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        if (target is null || !IsCreditEnhancement(target, symbols)
            || IntermediaryOf(context.ContainingSymbol.ContainingType, symbols) is not { } intermediary)
        {
            return;
        }

        // A credit-enhancement method the intermediary declares itself is already reported at its declaration.
        if (IntermediaryOf(target.ContainingType, symbols) is { } declaringIntermediary
            && SymbolEqualityComparer.Default.Equals(declaringIntermediary, intermediary))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.IntermediaryProvidesCreditEnhancement, context.Operation.Syntax.GetLocation(), intermediary.Name, target.Name));
    }

    /// <summary>The method, the method it overrides, or its extension-method definition is <c>[CreditEnhancement]</c>.</summary>
    private static bool IsCreditEnhancement(IMethodSymbol method, FinComplianceSymbols symbols)
    {
        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            if (current.OriginalDefinition.HasAttribute(symbols.CreditEnhancement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost <c>[InformationIntermediary]</c> type that is or encloses <paramref name="type"/>.</summary>
    private static INamedTypeSymbol? IntermediaryOf(INamedTypeSymbol? type, FinComplianceSymbols symbols)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.HasAttributeOnTypeOrBase(symbols.InformationIntermediary))
            {
                return current;
            }
        }

        return null;
    }
}
