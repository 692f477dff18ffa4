using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2003: an <c>[InformationIntermediary]</c> type that declares a field or property holding client funds
/// (reserve funds included): the member is <c>[ClientFunds]</c> / <c>[CustomerReserveFunds]</c>, or its type
/// (or element type) is (GO 221 (八); P2P interim measures Art. 10: 资金池).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IntermediaryPoolsClientFundsAnalyzer : FinComplianceAnalyzer
{
    public IntermediaryPoolsClientFundsAnalyzer()
        : base(Rules.IntermediaryPoolsClientFunds)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.InformationIntermediary is null)
        {
            return;
        }

        context.RegisterSymbolAction(symbol => AnalyzeMember(symbol, symbols), SymbolKind.Field, SymbolKind.Property);
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, FinComplianceSymbols symbols)
    {
        var member = context.Symbol;
        if (member.IsImplicitlyDeclared || member.ContainingType is not { } owner
            || !owner.HasAttributeOnTypeOrBase(symbols.InformationIntermediary))
        {
            return;
        }

        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        if (IsClientFunds(member, symbols) || HoldsClientFundsType(type, symbols, 0))
        {
            foreach (var location in member.Locations)
            {
                if (location.IsInSource)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rules.IntermediaryPoolsClientFunds, location, owner.Name, member.Name));
                    break;
                }
            }
        }
    }

    private static bool IsClientFunds(ISymbol symbol, FinComplianceSymbols symbols)
        => symbol.HasAttribute(symbols.ClientFunds) || symbol.HasAttribute(symbols.CustomerReserveFunds);

    /// <summary>The type, an array element or a type argument (<c>List&lt;ClientAccount&gt;</c>) is client funds.</summary>
    private static bool HoldsClientFundsType(ITypeSymbol? type, FinComplianceSymbols symbols, int depth)
    {
        if (type is null || depth > 3 || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return HoldsClientFundsType(array.ElementType, symbols, depth + 1);
        }

        if (type.HasAttributeOnTypeOrBase(symbols.ClientFunds) || type.HasAttributeOnTypeOrBase(symbols.CustomerReserveFunds))
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            foreach (var argument in generic.TypeArguments)
            {
                if (HoldsClientFundsType(argument, symbols, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
