using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.PersonalData;

/// <summary>
/// FIN3005: a C2/C3 value that is neither masked nor <c>[Encrypted]</c> passed to a <c>[DataEgress]</c> method (any
/// argument; the receiver is the sender, not the data) or to a <c>[DataEgress]</c> parameter — directly or inside
/// anonymous objects, arrays, collection and object initializers, or as a whole object whose type has such members
/// (GO 221 (十七): 不得非法买卖、泄露客户个人信息).
/// </summary>
public sealed class PersonalDataSentToThirdPartyAnalyzer : FinComplianceAnalyzer
{
    public PersonalDataSentToThirdPartyAnalyzer()
        : base(Rules.PersonalDataSentToThirdParty)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.DataEgress is null || symbols.PersonalData is null)
        {
            return;
        }

        var policy = PersonalDataTagPolicy.For(context.Compilation, context.Options);
        var egressByMethod = new SymbolAnswers();
        Func<ISymbol, byte> computeEgress = method => (byte)ComputeEgress((IMethodSymbol)method, policy.Classifier);
        [MethodImpl(JitOptions.Optimized)]
        Egress EgressOf(IMethodSymbol method) => (Egress)egressByMethod.GetOrAdd(method, computeEgress);

        // Compilation-wide, like FIN3003, whose flow analyses it shares (PersonalDataReach.AnalysisOf).
        context.RegisterOperationAction(
            OperationFilter.Where(
                (operation, _) => CallOf(operation) is ({ } method, { IsEmpty: false }) && EgressOf(method) != Egress.None,
                [MethodImpl(JitOptions.Optimized)] (operation) =>
                {
                    var (method, arguments) = CallOf(operation.Operation);
                    if (method is not null && !arguments.IsEmpty && EgressOf(method) is var egress && egress != Egress.None)
                    {
                        Analyze(operation, policy, arguments, egress == Egress.Method);
                    }
                }),
            PersonalDataLoggedAnalyzer.CallKinds);
    }

    /// <summary>The method a call or object creation runs, and its arguments.</summary>
    private static (IMethodSymbol? Method, ImmutableArray<IArgumentOperation> Arguments) CallOf(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
        IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
    };

    private static void Analyze(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, ImmutableArray<IArgumentOperation> arguments, bool egressMethod)
    {
        List<PersonalDataReach.Finding>? findings = null;
        foreach (var argument in arguments)
        {
            if (!egressMethod && (argument.Parameter is not { } parameter || !IsEgressParameter(parameter, policy.Classifier)))
            {
                continue;
            }

            if (findings is null)
            {
                // Inside a [DataEgress] method the data is already on its way out: the call site was checked.
                if (context.ContainingSymbol is IMethodSymbol container && IsEgressMethod(container, policy.Classifier))
                {
                    return;
                }

                findings = new List<PersonalDataReach.Finding>();
            }

            var analysis = PersonalDataReach.AnalysisOf(argument, policy, context.CancellationToken);
            PersonalDataReach.Collect(argument.Value, analysis, policy, plaintextOnly: true, findings);
        }

        if (findings is null)
        {
            return;
        }

        var reported = new HashSet<Location>();
        foreach (var finding in findings)
        {
            var location = finding.Value.Syntax.GetLocation();
            if (reported.Add(location))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.PersonalDataSentToThirdParty, location, finding.Describe()));
            }
        }
    }

    private enum Egress : byte
    {
        None,
        Method,
        Parameters,
    }

    private static Egress ComputeEgress(IMethodSymbol method, PersonalDataClassifier classifier)
    {
        if (IsEgressMethod(method, classifier))
        {
            return Egress.Method;
        }

        foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
        {
            if (IsEgressParameter(parameter, classifier))
            {
                return Egress.Parameters;
            }
        }

        return Egress.None;
    }

    /// <summary><c>[DataEgress]</c> (or an alias) on the method, the method it reduces, overrides or implements.</summary>
    private static bool IsEgressMethod(IMethodSymbol method, PersonalDataClassifier classifier)
    {
        var egress = classifier.Symbols.DataEgress;
        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            if (classifier.Has(current.OriginalDefinition, egress))
            {
                return true;
            }
        }

        var type = method.ContainingType;
        if (type is null || method.IsStatic || type.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method.OriginalDefinition)
                    && classifier.Has(interfaceMethod.OriginalDefinition, egress))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsEgressParameter(IParameterSymbol parameter, PersonalDataClassifier classifier)
        => classifier.Has(parameter, classifier.Symbols.DataEgress) || classifier.Has(parameter.OriginalDefinition, classifier.Symbols.DataEgress);
}
