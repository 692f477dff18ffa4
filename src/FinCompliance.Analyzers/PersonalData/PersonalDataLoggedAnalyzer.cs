using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataLoggedAnalyzer : FinComplianceAnalyzer
{
    private const string MicrosoftLogging = "Microsoft.Extensions.Logging";
    private const string Console = "the console";
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
        var sinks = new SinkCatalog(context.Compilation);
        context.RegisterOperationBlockStartAction(start =>
        {
            // The flow analysis runs over the block the sink call belongs to (walking above it would make Roslyn
            // rebuild parent trees); it is computed on the first sink call only, and shared with FIN3005.
            var blocks = start.OperationBlocks;
            start.RegisterOperationAction(operation => AnalyzeInvocation(operation, policy, sinks, blocks), OperationKind.Invocation);
            start.RegisterOperationAction(operation => AnalyzeCreation(operation, policy, sinks, blocks), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, SinkCatalog sinks, ImmutableArray<IOperation> blocks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.Constructor)
        {
            // : base(message) in a custom exception.
            if (sinks.IsException(method.ContainingType))
            {
                ReportMessageArguments(context, policy, invocation.Arguments, blocks);
            }

            return;
        }

        var sink = sinks.SinkOf(method) ?? ConsoleWriterSink(invocation);
        if (sink is null)
        {
            return;
        }

        var findings = new List<PersonalDataReach.Finding>();
        var analysis = PersonalDataReach.AnalysisOf(invocation, blocks, policy, context.CancellationToken);
        foreach (var argument in invocation.Arguments)
        {
            if (IsLoggerArgument(argument, method, sinks))
            {
                continue;
            }

            PersonalDataReach.Collect(argument.Value, analysis, policy, plaintextOnly: false, findings);
        }

        // logger.LogError(new InvalidCardException(card), …): reported once, as an exception message.
        findings.RemoveAll(finding => IsInsideException(finding.Value, invocation, sinks));
        Report(context, findings, sink);
    }

    private static void AnalyzeCreation(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, SinkCatalog sinks, ImmutableArray<IOperation> blocks)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (sinks.IsException(creation.Type))
        {
            ReportMessageArguments(context, policy, creation.Arguments, blocks);
        }
    }

    private static void ReportMessageArguments(
        OperationAnalysisContext context, PersonalDataTagPolicy policy, ImmutableArray<IArgumentOperation> arguments, ImmutableArray<IOperation> blocks)
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
                analysis ??= PersonalDataReach.AnalysisOf(argument, blocks, policy, context.CancellationToken);

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

    private static bool IsInsideException(IOperation value, IOperation sinkCall, SinkCatalog sinks)
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
    private static bool IsLoggerArgument(IArgumentOperation argument, IMethodSymbol method, SinkCatalog sinks)
        => argument.Parameter is { } parameter
           && ((parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true })
               || sinks.IsMicrosoftLogger(parameter.Type));

    /// <summary><c>Console.Out.WriteLine(…)</c>, <c>Console.Error.Write(…)</c>.</summary>
    private static string? ConsoleWriterSink(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync"
           && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error", ContainingType: { Name: "Console" } console } }
           && console.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
            ? Console
            : null;

    /// <summary>Recognizes the sink methods of the supported frameworks by their real types (never by look-alike names).</summary>
    private sealed class SinkCatalog(Compilation compilation)
    {
        private static readonly ImmutableHashSet<string> SerilogMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Information", "Warning", "Error", "Debug", "Verbose", "Fatal", "Write", "ForContext");

        private static readonly ImmutableHashSet<string> NLogMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Info", "Warn", "Error", "Debug", "Trace", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace");

        private static readonly ImmutableHashSet<string> Log4NetMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Info", "Warn", "Error", "Debug", "Fatal", "InfoFormat", "WarnFormat", "ErrorFormat", "DebugFormat", "FatalFormat");

        private static readonly ImmutableHashSet<string> DebugMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Assert", "Fail");

        private static readonly ImmutableHashSet<string> TraceMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Write", "WriteLine", "WriteIf", "WriteLineIf", "Assert", "Fail", "TraceInformation", "TraceWarning", "TraceError");

        private readonly INamedTypeSymbol? microsoftLogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        private readonly INamedTypeSymbol? loggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        private readonly INamedTypeSymbol? loggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        private readonly INamedTypeSymbol? serilogLogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
        private readonly INamedTypeSymbol? serilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        private readonly INamedTypeSymbol? nlogLoggerBase = compilation.GetTypeByMetadataName("NLog.ILoggerBase");
        private readonly INamedTypeSymbol? nlogLogger = compilation.GetTypeByMetadataName("NLog.Logger");
        private readonly INamedTypeSymbol? log4netLog = compilation.GetTypeByMetadataName("log4net.ILog");
        private readonly INamedTypeSymbol? console = compilation.GetTypeByMetadataName("System.Console");
        private readonly INamedTypeSymbol? debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        private readonly INamedTypeSymbol? trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        private readonly INamedTypeSymbol? exception = compilation.GetTypeByMetadataName("System.Exception");
        private readonly ConcurrentDictionary<IMethodSymbol, string> sinkByMethod = new(SymbolEqualityComparer.Default);

        public bool IsMicrosoftLogger(ITypeSymbol type) => microsoftLogger is not null && IsOrImplements(type, microsoftLogger);

        public bool IsException(ITypeSymbol? type)
        {
            for (var current = type; current is not null && exception is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, exception))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The sink's name for messages, or null when <paramref name="method"/> writes nowhere we know.</summary>
        public string? SinkOf(IMethodSymbol method)
        {
            if (!sinkByMethod.TryGetValue(method, out var sink))
            {
                sink = sinkByMethod.GetOrAdd(method, Compute(method.ReducedFrom ?? method) ?? string.Empty);
            }

            return sink.Length == 0 ? null : sink;
        }

        private string? Compute(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var name = method.Name;
            if (Is(type, loggerExtensions)
                || (loggerMessageAttribute is not null && method.OriginalDefinition.GetAttributes().Any(a => Is(a.AttributeClass, loggerMessageAttribute)))
                || (name is "Log" or "BeginScope" && microsoftLogger is not null && IsOrImplements(type, microsoftLogger)))
            {
                return MicrosoftLogging;
            }

            if (SerilogMethods.Contains(name) && (Is(type, serilogLog) || (serilogLogger is not null && IsOrImplements(type, serilogLogger))))
            {
                return "Serilog";
            }

            if (NLogMethods.Contains(name) && (Is(type, nlogLogger) || (nlogLoggerBase is not null && IsOrImplements(type, nlogLoggerBase))))
            {
                return "NLog";
            }

            if (Log4NetMethods.Contains(name) && log4netLog is not null && IsOrImplements(type, log4netLog))
            {
                return "log4net";
            }

            if (name is "Write" or "WriteLine" && Is(type, console))
            {
                return Console;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && method.Parameters.Length > 1
                && microsoftLogger is not null && IsOrImplements(method.Parameters[0].Type, microsoftLogger))
            {
                // A LoggerMessage.Define delegate: Action<ILogger, T1, …, Exception?>.
                return MicrosoftLogging;
            }

            if (DebugMethods.Contains(name) && Is(type, debug))
            {
                return "System.Diagnostics.Debug";
            }

            return TraceMethods.Contains(name) && Is(type, trace) ? "System.Diagnostics.Trace" : null;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol expected)
        {
            if (Is(type, expected))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
