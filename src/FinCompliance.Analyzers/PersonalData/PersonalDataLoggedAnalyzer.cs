using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.PersonalData;

/// <summary>
/// FIN3003: a value carrying C2/C3 personal data, or a whole object whose type has C2/C3 members, passed to a
/// logging framework (Microsoft.Extensions.Logging, Serilog, NLog, log4net), the console, <c>Debug</c>,
/// <c>Trace</c> or an exception's message, unmasked (JR/T 0171-2020 §7.1.6; GO 221 (十七)).
/// </summary>
public sealed class PersonalDataLoggedAnalyzer : FinComplianceAnalyzer
{
    private const string ExceptionMessage = "an exception message";

    public PersonalDataLoggedAnalyzer()
        : base(Rules.PersonalDataLogged)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.PersonalData is null)
        {
            return;
        }

        var policy = PersonalDataTagPolicy.For(context.Compilation, context.Options);
        var sinks = LogSinks.For(context.Compilation);
        // Compilation-wide actions, not per-block ones: the flow analysis runs over the tree the sink call belongs to
        // (PersonalDataReach.AnalysisOf), computed on the first sink call only and shared with FIN3005.
        context.RegisterOperationAction(
            OperationFilter.Where(
                (operation, _) => MayWriteToSink(operation, sinks),
                [MethodImpl(JitOptions.Optimized)] (operation) =>
                {
                    if (operation.Operation.Kind == OperationKind.Invocation)
                    {
                        AnalyzeInvocation(operation, policy, sinks);
                    }
                    else
                    {
                        AnalyzeCreation(operation, policy, sinks);
                    }
                }),
            CallKinds);
    }

    /// <summary>
    /// The cheap test of the two analyses below: a call into a sink, or an exception created (<c>: base(message)</c>
    /// included). Cached per method and type in <see cref="LogSinks"/>.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool MayWriteToSink(IOperation operation, LogSinks sinks) => operation switch
    {
        IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor } constructor } => sinks.IsException(constructor.ContainingType),
        IInvocationOperation invocation => sinks.SinkOf(invocation) is not null,
        IObjectCreationOperation creation => sinks.IsException(creation.Type),
        _ => false,
    };

    /// <summary>The operations that may write to a sink: calls, and exceptions created with a message.</summary>
    internal static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeInvocation(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, LogSinks sinks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.Constructor)
        {
            // : base(message) in a custom exception.
            if (sinks.IsException(method.ContainingType))
            {
                ReportMessageArguments(context, policy, invocation.Arguments);
            }

            return;
        }

        var sink = sinks.SinkOf(invocation);
        if (sink is null)
        {
            return;
        }

        var findings = new List<PersonalDataReach.Finding>();
        var analysis = PersonalDataReach.AnalysisOf(invocation, policy, context.CancellationToken);
        foreach (var argument in invocation.Arguments)
        {
            if (IsLoggerArgument(argument, method, sinks))
            {
                continue;
            }

            PersonalDataReach.Collect(argument.Value, analysis, policy, plaintextOnly: false, findings);
        }

        // logger.LogError(new InvalidCardException(card), …): reported once, as an exception message.
        RemoveInsideExceptions(findings, invocation, sinks);
        Report(context, findings, sink);
    }

    // A loop, not RemoveAll with a lambda: the lambda's captures would be allocated on every call of
    // AnalyzeInvocation, which runs for every invocation of the compilation.
    private static void RemoveInsideExceptions(List<PersonalDataReach.Finding> findings, IInvocationOperation invocation, LogSinks sinks)
    {
        for (var i = findings.Count - 1; i >= 0; i--)
        {
            if (IsInsideException(findings[i].Value, invocation, sinks))
            {
                findings.RemoveAt(i);
            }
        }
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeCreation(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, LogSinks sinks)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (sinks.IsException(creation.Type))
        {
            ReportMessageArguments(context, policy, creation.Arguments);
        }
    }

    private static void ReportMessageArguments(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, ImmutableArray<IArgumentOperation> arguments)
    {
        List<PersonalDataReach.Finding>? findings = null;
        TagFlowAnalysis? analysis = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                && parameter.Name.EndsWith("essage", StringComparison.Ordinal)
                && parameter.Name.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                findings ??= new List<PersonalDataReach.Finding>();
                analysis ??= PersonalDataReach.AnalysisOf(argument, policy, context.CancellationToken);

                // An exception message is a string: whole objects reach it only through their ToString (FIN3004).
                PersonalDataReach.Collect(argument.Value, analysis, policy, plaintextOnly: false, findings);
                findings.RemoveAll(finding => finding.Members is not null);
            }
        }

        if (findings is not null)
        {
            Report(context, findings, ExceptionMessage);
        }
    }

    private static void Report(OperationAnalysisContext context, List<PersonalDataReach.Finding> findings, string sink)
    {
        HashSet<Location>? reported = null;
        foreach (var finding in findings)
        {
            var location = finding.Value.Syntax.GetLocation();
            reported ??= new HashSet<Location>();
            if (reported.Add(location))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.PersonalDataLogged, location, finding.Properties(), finding.Describe(), sink));
            }
        }
    }

    private static bool IsInsideException(IOperation value, IOperation sinkCall, LogSinks sinks)
    {
        for (var current = value.Parent; current is not null && current != sinkCall; current = current.Parent)
        {
            if (current is IObjectCreationOperation creation && sinks.IsException(creation.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The logger itself (extension receiver, a <c>[LoggerMessage]</c> method's logger) is not logged data.</summary>
    private static bool IsLoggerArgument(IArgumentOperation argument, IMethodSymbol method, LogSinks sinks)
        => argument.Parameter is { } parameter
           && ((parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true })
               || sinks.IsMicrosoftLogger(parameter.Type));
}
