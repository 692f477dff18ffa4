using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace FinCompliance.Package.Tests.Infrastructure;

/// <summary>One diagnostic as MSBuild's console logger prints it: <c>path(line,col): warning FIN1001: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, string Severity, string Id, string Message)
{
    // The location part is optional: MSBuild task warnings may name only the file, or nothing at all.
    private static readonly Regex Pattern = new(
        @"^[ \t]*(?:(?<file>[^\s(][^\r\n(]*?)(?:\((?<line>\d+)(?:,\d+)*\))?[ \t]*:[ \t]+)?(?<severity>warning|error)[ \t]+(?<id>[A-Z]+\d+)[ \t]*:[ \t]*(?<message>[^\r\n]*?)(?:[ \t]+\[[^\]\r\n]+\])?[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public string FileName => System.IO.Path.GetFileName(File);

    public override string ToString() => $"{FileName}({Line}): {Severity} {Id}: {Message}";

    /// <summary>Every distinct diagnostic in a build log (the console logger repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        return Pattern.Matches(output)
            .Select(match => new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();
    }
}

/// <summary>A finished consumer build: the process result and the FinCompliance diagnostics in its log.</summary>
public sealed class BuildResult
{
    public BuildResult(ProcessResult process)
    {
        Process = process;
        Diagnostics = BuildDiagnostic.Parse(process.Output);
    }

    public ProcessResult Process { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public bool Succeeded => Process.ExitCode == 0;

    public IReadOnlyList<BuildDiagnostic> FinDiagnostics
        => Diagnostics.Where(d => d.Id.StartsWith("FIN", StringComparison.Ordinal)).ToList();

    /// <summary>Errors that are not FinCompliance's (a missing globalconfig would be CS2001, for instance).</summary>
    public IReadOnlyList<BuildDiagnostic> OtherErrors
        => Diagnostics.Where(d => d.Severity == "error" && !d.Id.StartsWith("FIN", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<BuildDiagnostic> Find(string id, string? fileName = null)
        => Diagnostics.Where(d => d.Id == id && (fileName is null || string.Equals(d.FileName, fileName, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>For assertion messages: the parsed diagnostics, then the whole log.</summary>
    public string Describe()
        => "Diagnostics:" + Environment.NewLine
           + string.Join(Environment.NewLine, Diagnostics.Select(d => "  " + d)) + Environment.NewLine
           + Process.Describe();
}
