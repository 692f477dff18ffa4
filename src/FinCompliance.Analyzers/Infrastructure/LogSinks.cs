using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// The places text goes to be read by operators rather than customers: logging frameworks (Microsoft.Extensions.Logging,
/// Serilog, NLog, log4net), the console, <c>Debug</c> and <c>Trace</c>. Recognised by their real types, never by
/// look-alike names, and resolved once per compilation. FIN3003 reports personal data reaching them; the promotion
/// rules do not read log messages as copy.
/// </summary>
public sealed class LogSinks
{
    public const string MicrosoftLogging = "Microsoft.Extensions.Logging";
    public const string Console = "the console";

    private static readonly ConditionalWeakTable<Compilation, LogSinks> Cache = new();

    private LogSinks(Compilation compilation)
    {
        loggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessage");
        microsoftLogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        loggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        loggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        serilogLogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
        serilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        nlogLoggerBase = compilation.GetTypeByMetadataName("NLog.ILoggerBase");
        nlogLogger = compilation.GetTypeByMetadataName("NLog.Logger");
        log4netLog = compilation.GetTypeByMetadataName("log4net.ILog");
        console = compilation.GetTypeByMetadataName("System.Console");
        debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        exception = compilation.GetTypeByMetadataName("System.Exception");
    }

    private readonly INamedTypeSymbol? loggerMessage;

    public static LogSinks For(Compilation compilation) => Cache.GetValue(compilation, static c => new LogSinks(c));

    /// <summary>The sink a call writes to (for messages), or null when it writes nowhere we know.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public string? SinkOf(IInvocationOperation invocation)
        => SinkOf(invocation.TargetMethod) ?? ConsoleWriterSink(invocation);

    /// <summary>
    /// Whether the call belongs to a logging or diagnostics API (console output excluded: a console app's output
    /// is what its users read). <c>LoggerMessage.Define</c> counts: its format string is a log message.
    /// </summary>
    public bool IsLoggingCall(IInvocationOperation invocation)
        => SinkOf(invocation) is { } sink && sink != Console
           || (loggerMessage is not null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, loggerMessage));

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

    private readonly INamedTypeSymbol? microsoftLogger;
    private readonly INamedTypeSymbol? loggerExtensions;
    private readonly INamedTypeSymbol? loggerMessageAttribute;
    private readonly INamedTypeSymbol? serilogLogger;
    private readonly INamedTypeSymbol? serilogLog;
    private readonly INamedTypeSymbol? nlogLoggerBase;
    private readonly INamedTypeSymbol? nlogLogger;
    private readonly INamedTypeSymbol? log4netLog;
    private readonly INamedTypeSymbol? console;
    private readonly INamedTypeSymbol? debug;
    private readonly INamedTypeSymbol? trace;
    private readonly INamedTypeSymbol? exception;
    private readonly ConcurrentDictionary<IMethodSymbol, string> sinkByMethod = new(SymbolEqualityComparer.Default);

    public bool IsMicrosoftLogger(ITypeSymbol type) => microsoftLogger is not null && IsOrImplements(type, microsoftLogger);

    public bool IsException(ITypeSymbol? type) => type.IsOrDerivesFrom(exception);

    /// <summary>The sink's name for messages, or null when <paramref name="method"/> writes nowhere we know.</summary>
    [MethodImpl(JitOptions.Optimized)]
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

/// <summary><c>Console.Out.WriteLine(…)</c>, <c>Console.Error.Write(…)</c>.</summary>
private static string? ConsoleWriterSink(IInvocationOperation invocation)
    => invocation.TargetMethod.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync"
       && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error", ContainingType: { Name: "Console" } console } }
       && console.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
        ? Console
        : null;
}
