using System.Runtime.CompilerServices;
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

        // A compilation-wide parameter-reference action rather than a symbol-start/symbol-end pair per named type:
        // the driver's per-type member tracking for symbol-end actions showed up as lock contention in csc traces.
        var reported = new SymbolAnswers();
        context.RegisterOperationAction(
            OperationFilter.Where(IsCapturedConstructorParameter, operation => AnalyzeParameterReference(operation, attributes, reported)),
            OperationKind.ParameterReference);
    }

    /// <summary>
    /// The cheap test of <see cref="AnalyzeParameterReference"/>: a constructor's parameter read outside that constructor
    /// (almost every parameter reference belongs to the method that declares it).
    /// </summary>
    private static bool IsCapturedConstructorParameter(IOperation operation, ISymbol owner)
        => ((IParameterReferenceOperation)operation).Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
           && !SymbolEqualityComparer.Default.Equals(owner, constructor);

    /// <summary>
    /// <c>[InformationIntermediary] class Matching(List&lt;LenderBalance&gt; balances)</c>: when a member reads
    /// <c>balances</c>, the compiler keeps it in a hidden field for the object's lifetime — the platform holds the
    /// money as surely as with a declared field. A parameter only passed on to the base constructor or read by a
    /// field or property initializer is not kept. Reported once, at the parameter.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeParameterReference(
        OperationAnalysisContext context, FinComplianceAttributes attributes, SymbolAnswers reported)
    {
        // Cheap tests first: almost every parameter reference belongs to the method that declares it.
        var parameter = ((IParameterReferenceOperation)context.Operation).Parameter;
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || SymbolEqualityComparer.Default.Equals(context.ContainingSymbol, constructor)
            || IsInInitializer(context.Operation)
            || reported.Contains(parameter))
        {
            return;
        }

        var type = constructor.ContainingType;
        if (type.IsRecord || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || !IsPrimaryConstructor(constructor, context.CancellationToken)
            || !attributes.HasOnTypeOrBase(type, attributes.Symbols.InformationIntermediary)
            || !(IsClientFunds(parameter, attributes) || HoldsClientFundsType(parameter.Type, attributes, 0))
            || parameter.Locations is not [var location, ..] || !location.IsInSource
            || !reported.TryAdd(parameter, 1))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rules.IntermediaryPoolsClientFunds, location, type.Name, parameter.Name));
    }

    /// <summary>Field and property initializers run in the constructor: reading a parameter there keeps nothing.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool IsInInitializer(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrimaryConstructor(IMethodSymbol constructor, System.Threading.CancellationToken cancellationToken)
        => constructor.DeclaringSyntaxReferences is [var reference]
            && reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax or StructDeclarationSyntax;

    [MethodImpl(JitOptions.Optimized)]
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
