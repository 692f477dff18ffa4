using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// FIN2003: an <c>[InformationIntermediary]</c> type that declares a field or property holding client funds
/// (reserve funds included): the member is <c>[ClientFunds]</c> / <c>[CustomerReserveFunds]</c>, or its type
/// (or element type) is (GO 221 (八); P2P interim measures Art. 10: 资金池). A primary-constructor parameter of
/// a class or struct that its members capture is a hidden field and is judged the same way.
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

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(symbol => AnalyzeMember(symbol, attributes), SymbolKind.Field, SymbolKind.Property);
        context.RegisterSymbolStartAction(start => AnalyzePrimaryConstructor(start, attributes), SymbolKind.NamedType);
    }

    /// <summary>
    /// <c>[InformationIntermediary] class Matching(List&lt;LenderBalance&gt; balances)</c>: when a member reads
    /// <c>balances</c>, the compiler keeps it in a hidden field for the object's lifetime — the platform holds the
    /// money as surely as with a declared field. A parameter only passed on to the base constructor is not kept.
    /// </summary>
    private static void AnalyzePrimaryConstructor(SymbolStartAnalysisContext context, FinComplianceAttributes attributes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsRecord || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || !attributes.HasOnTypeOrBase(type, attributes.Symbols.InformationIntermediary))
        {
            return;
        }

        IMethodSymbol? primary = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences is [var reference]
                && reference.GetSyntax(context.CancellationToken) is ClassDeclarationSyntax or StructDeclarationSyntax)
            {
                primary = constructor;
            }
        }

        if (primary is null)
        {
            return;
        }

        var candidates = new List<IParameterSymbol>();
        foreach (var parameter in primary.Parameters)
        {
            if (IsClientFunds(parameter, attributes) || HoldsClientFundsType(parameter.Type, attributes, 0))
            {
                candidates.Add(parameter);
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var captured = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        context.RegisterOperationAction(
            operation =>
            {
                var parameter = ((IParameterReferenceOperation)operation.Operation).Parameter;
                if (!SymbolEqualityComparer.Default.Equals(operation.ContainingSymbol, primary)
                    && candidates.Contains(parameter, SymbolEqualityComparer.Default))
                {
                    captured.TryAdd(parameter, true);
                }
            },
            OperationKind.ParameterReference);

        context.RegisterSymbolEndAction(end =>
        {
            foreach (var parameter in candidates)
            {
                if (captured.ContainsKey(parameter) && parameter.Locations is [var location, ..] && location.IsInSource)
                {
                    end.ReportDiagnostic(Diagnostic.Create(Rules.IntermediaryPoolsClientFunds, location, type.Name, parameter.Name));
                }
            }
        });
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, FinComplianceAttributes attributes)
    {
        var member = context.Symbol;
        if (member.IsImplicitlyDeclared || member.ContainingType is not { } owner
            || !attributes.HasOnTypeOrBase(owner, attributes.Symbols.InformationIntermediary))
        {
            return;
        }

        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        if (IsClientFunds(member, attributes) || HoldsClientFundsType(type, attributes, 0))
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

    private static bool IsClientFunds(ISymbol symbol, FinComplianceAttributes attributes)
        => attributes.Has(symbol, attributes.Symbols.ClientFunds) || attributes.Has(symbol, attributes.Symbols.CustomerReserveFunds);

    /// <summary>The type, an array element or a type argument (<c>List&lt;ClientAccount&gt;</c>) is client funds.</summary>
    private static bool HoldsClientFundsType(ITypeSymbol? type, FinComplianceAttributes attributes, int depth)
    {
        if (type is null || depth > 3 || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return HoldsClientFundsType(array.ElementType, attributes, depth + 1);
        }

        if (attributes.HasOnTypeOrBase(type, attributes.Symbols.ClientFunds) || attributes.HasOnTypeOrBase(type, attributes.Symbols.CustomerReserveFunds))
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            foreach (var argument in generic.TypeArguments)
            {
                if (HoldsClientFundsType(argument, attributes, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
