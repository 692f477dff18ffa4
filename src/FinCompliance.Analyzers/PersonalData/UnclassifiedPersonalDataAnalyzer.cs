using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN3006 (heuristic, info): a string / numeric field, property or parameter whose name reads as personal data
/// (<see cref="PersonalDataNameHeuristic"/>) but is neither classified nor marked <c>[NotPersonalData]</c>.
/// Reported once, where the name is introduced: overrides and interface implementations are left alone.
/// </summary>
public sealed class UnclassifiedPersonalDataAnalyzer : FinComplianceAnalyzer
{
    /// <summary>Diagnostic property: the inferred <c>PersonalDataKind</c> name, for the code fix.</summary>
    public const string KindProperty = "Kind";

    public UnclassifiedPersonalDataAnalyzer()
        : base(Rules.UnclassifiedPersonalData)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var classifier = PersonalDataClassifier.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(symbolContext => AnalyzeMember(symbolContext, classifier), SymbolKind.Field, SymbolKind.Property);
        context.RegisterSymbolAction(symbolContext => AnalyzeParameters(symbolContext, classifier), SymbolKind.Method);
    }

    // The cheap tests first (issue #6): the name and the type rule out almost every symbol before any attribute,
    // interface or record lookup; the order of the tests does not change the outcome, only its cost.
    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeMember(SymbolAnalysisContext context, PersonalDataClassifier classifier)
    {
        var member = context.Symbol;
        var type = member switch
        {
            IFieldSymbol { IsConst: false } field => field.Type,
            IPropertySymbol { IsIndexer: false } notIndexer => notIndexer.Type,
            _ => null,
        };
        if (type is null || member.IsImplicitlyDeclared || member.IsOverride || NameKind(member, type) is not { } kind)
        {
            return;
        }

        if (member is IPropertySymbol property && PersonalDataClassifier.PositionalParameterOf(property) is not null)
        {
            // A positional record property is reported at its parameter.
            return;
        }

        if (!IsImplementation(member))
        {
            Report(context, classifier, member, kind);
        }
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeParameters(SymbolAnalysisContext context, PersonalDataClassifier classifier)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsImplicitlyDeclared || method.IsOverride || method.PartialDefinitionPart is not null
            || method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise
            || method.ContainingType?.TypeKind == TypeKind.Delegate)
        {
            return;
        }

        var checkedMethod = false;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.IsImplicitlyDeclared || NameKind(parameter, parameter.Type) is not { } kind)
            {
                continue;
            }

            if (!checkedMethod)
            {
                if (IsImplementation(method) || classifier.IsMaskingMethod(method))
                {
                    return;
                }

                checkedMethod = true;
            }

            if (!IsClassifiedThroughItsProperty(parameter, classifier))
            {
                Report(context, classifier, parameter, kind);
            }
        }
    }

    /// <summary>The kind a string / number symbol declared in source reads as by its name, or null.</summary>
    /// <remarks>The name before the locations: a source parameter makes a new array of them on every call.</remarks>
    [MethodImpl(JitOptions.Optimized)]
    private static PersonalInformationKind? NameKind(ISymbol symbol, ITypeSymbol type)
        => IsValueType(type) && PersonalDataNameHeuristic.Match(symbol.Name) is { } kind && symbol.Locations is [{ IsInSource: true }, ..]
            ? kind
            : null;

    private static void Report(SymbolAnalysisContext context, PersonalDataClassifier classifier, ISymbol symbol, PersonalInformationKind kind)
    {
        if (classifier.Classify(symbol) is not null || classifier.Has(symbol, classifier.Symbols.NotPersonalData))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind.ToString());
        context.ReportDiagnostic(Diagnostic.Create(Rules.UnclassifiedPersonalData, symbol.Locations[0], properties, symbol.Name, kind.ToString()));
    }

    /// <summary><c>record R([property: NotPersonalData] string Pan)</c>: the positional property speaks for its parameter.</summary>
    private static bool IsClassifiedThroughItsProperty(IParameterSymbol parameter, PersonalDataClassifier classifier)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record })
        {
            return false;
        }

        foreach (var member in record.GetMembers(parameter.Name))
        {
            if (member is IPropertySymbol property
                && SymbolEqualityComparer.Default.Equals(PersonalDataClassifier.PositionalParameterOf(property), parameter)
                && (classifier.Classify(property) is not null || classifier.Has(property, classifier.Symbols.NotPersonalData)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Strings, <c>char[]</c> and numbers (nullable too): what personal data is stored as.</summary>
    private static bool IsValueType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char })
        {
            return true;
        }

        return type.SpecialType is SpecialType.System_String
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal;
    }

    /// <summary>Whether the member implements an interface member (explicitly or implicitly): the interface introduced the name.</summary>
    private static bool IsImplementation(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 }:
            case IMethodSymbol { ExplicitInterfaceImplementations.Length: > 0 }:
                return true;
        }

        var type = member.ContainingType;
        if (type is null || member.IsStatic)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
