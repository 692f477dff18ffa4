using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN4002: an <c>[OptIn]</c> member (an optional add-on or consent) must default to unselected (GO 221 (十六):
/// 严禁强制捆绑销售). Flags the constant <c>true</c> in the member's initializer, in <c>[DefaultValue(true)]</c>, in a
/// constructor assignment (including the default of a primary-constructor or positional-record parameter that
/// initialises it) and in an object initializer or <c>with</c> expression. Values that come from elsewhere (user
/// input, parameters without a <c>true</c> default) and assignments in ordinary methods (a user ticking the box) are
/// not flagged. The diagnostic is at the <c>true</c> itself, so the code fix can replace it with <c>false</c>.
/// </summary>
public sealed class AddOnPreselectedAnalyzer : FinComplianceAnalyzer
{
    private const string DefaultValueAttributeName = "System.ComponentModel.DefaultValueAttribute";

    public AddOnPreselectedAnalyzer()
        : base(Rules.AddOnPreselected)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var optIn = symbols.OptIn;
        if (optIn is null)
        {
            return;
        }

        var defaultValueAttribute = context.Compilation.GetTypeByMetadataName(DefaultValueAttributeName);
        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);

        // Only a constant true or a parameter can pre-select (see ReportIfPreselected): the cheap test, before any attribute is read.
        context.RegisterOperationAction(
            OperationFilter.Where(
                static (operation, _) => CanPreselect(((ISymbolInitializerOperation)operation).Value),
                [MethodImpl(JitOptions.Optimized)] (operation) =>
                {
                    var initializer = (ISymbolInitializerOperation)operation.Operation;
                    var members = initializer switch
                    {
                        IFieldInitializerOperation field => field.InitializedFields.CastArray<ISymbol>(),
                        IPropertyInitializerOperation property => property.InitializedProperties.CastArray<ISymbol>(),
                        _ => default,
                    };

                    if (members.IsDefaultOrEmpty)
                    {
                        return;
                    }

                    foreach (var member in members)
                    {
                        if (attributes.Has(member, optIn))
                        {
                            ReportIfPreselected(operation.ReportDiagnostic, member, initializer.Value, allowParameterDefault: true);
                        }
                    }
                }),
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer);

        context.RegisterOperationAction(
            OperationFilter.Where(
                static (operation, _) => CanPreselect(((ISimpleAssignmentOperation)operation).Value),
                [MethodImpl(JitOptions.Optimized)] (operation) =>
                {
                    var assignment = (ISimpleAssignmentOperation)operation.Operation;

                    // Cheapest test first: only a constant true or a parameter can pre-select (see ReportIfPreselected);
                    // most assignments are neither and never get their target's attributes read.
                    if (!CanPreselect(assignment.Value))
                    {
                        return;
                    }

                    var member = assignment.Target switch
                    {
                        IPropertyReferenceOperation property => (ISymbol)property.Property,
                        IFieldReferenceOperation field => field.Field,
                        _ => null,
                    };

                    if (member is null || !attributes.Has(member, optIn))
                    {
                        return;
                    }

                    if (assignment.Parent is IObjectOrCollectionInitializerOperation)
                    {
                        // new Order { Insurance = true } and order with { Insurance = true }
                        ReportIfPreselected(operation.ReportDiagnostic, member, assignment.Value, allowParameterDefault: false);
                    }
                    else if (operation.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                             && IsOwnMember(assignment.Target, constructor))
                    {
                        ReportIfPreselected(operation.ReportDiagnostic, member, assignment.Value, allowParameterDefault: true);
                    }
                }),
            OperationKind.SimpleAssignment);

        context.RegisterSymbolAction(
            symbol =>
            {
                var member = symbol.Symbol;
                if (!attributes.Has(member, optIn))
                {
                    return;
                }

                // [DefaultValue(true)]: tells designers, serializers and binders the add-on starts selected.
                // Also [DefaultValue(typeof(bool), "true")], the form designers write.
                var defaultValue = member.GetAttribute(defaultValueAttribute);
                var trueArgument = defaultValue?.ConstructorArguments switch
                {
                    [{ Value: true }] => 0,
                    [{ Value: ITypeSymbol { SpecialType: SpecialType.System_Boolean } }, { Value: string text }]
                        when string.Equals(text.Trim(), "true", System.StringComparison.OrdinalIgnoreCase) => 1,
                    _ => -1,
                };

                if (trueArgument >= 0
                    && defaultValue!.ApplicationSyntaxReference?.GetSyntax(symbol.CancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
                    && trueArgument < arguments.Arguments.Count)
                {
                    symbol.ReportDiagnostic(Diagnostic.Create(
                        Rules.AddOnPreselected, arguments.Arguments[trueArgument].Expression.GetLocation(), member.Name));
                }

                // record Order([property: OptIn] bool Insurance = true): the positional parameter initialises the property.
                if (member is IPropertySymbol { ContainingType.IsRecord: true } property)
                {
                    foreach (var constructor in property.ContainingType.InstanceConstructors)
                    {
                        foreach (var parameter in constructor.Parameters)
                        {
                            if (parameter.Name == property.Name && IsPositionalRecordParameter(parameter))
                            {
                                ReportParameterDefault(symbol.ReportDiagnostic, property, parameter);
                            }
                        }
                    }
                }
            },
            SymbolKind.Property,
            SymbolKind.Field);
    }

    private static void ReportIfPreselected(
        System.Action<Diagnostic> report, ISymbol member, IOperation value, bool allowParameterDefault)
    {
        var unwrapped = value;
        while (unwrapped is IConversionOperation conversion)
        {
            unwrapped = conversion.Operand;
        }

        if (unwrapped.ConstantValue is { HasValue: true, Value: true })
        {
            report(Diagnostic.Create(Rules.AddOnPreselected, value.Syntax.GetLocation(), member.Name));
        }
        else if (allowParameterDefault
                 && unwrapped is IParameterReferenceOperation { Parameter: var parameter }
                 && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            // public Order(bool insurance = true) => Insurance = insurance;   class Order(bool insurance = true)
            ReportParameterDefault(report, member, parameter);
        }
    }

    private static bool CanPreselect(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: true } || value is IParameterReferenceOperation;
    }

    private static void ReportParameterDefault(System.Action<Diagnostic> report, ISymbol member, IParameterSymbol parameter)
    {
        if (parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: true }
            && parameter.DeclaringSyntaxReferences is [var reference]
            && reference.GetSyntax() is ParameterSyntax { Default.Value: var defaultValue })
        {
            report(Diagnostic.Create(Rules.AddOnPreselected, defaultValue.GetLocation(), member.Name));
        }
    }

    private static bool IsPositionalRecordParameter(IParameterSymbol parameter)
        => parameter.DeclaringSyntaxReferences is [var reference]
           && reference.GetSyntax() is ParameterSyntax { Parent.Parent: RecordDeclarationSyntax };

    private static bool IsOwnMember(IOperation target, IMethodSymbol constructor)
    {
        var instance = target switch
        {
            IPropertyReferenceOperation property => property.Instance,
            IFieldReferenceOperation field => field.Instance,
            _ => null,
        };

        return constructor.IsStatic ? instance is null : instance is IInstanceReferenceOperation;
    }
}
