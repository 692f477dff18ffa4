using System.Text;
using Microsoft.CodeAnalysis.Testing;

namespace FinCompliance.Analyzers.Tests;

/// <summary>Configuration shared by every analyzer, code fix and generator test.</summary>
public static class FinComplianceTestExtensions
{
    /// <summary>.NET 8 plus the FinCompliance runtime library: what a package consumer compiles against.</summary>
    public static void UseFinComplianceDefaults(this SolutionState state, AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.Net80;
        state.AdditionalReferences.Add(TestReferences.FinCompliance);
    }

    /// <summary>Adds the real third-party libraries (EF Core, logging frameworks, JSON serializers).</summary>
    public static void AddLibraries(this SolutionState state)
        => state.AdditionalReferences.AddRange(TestReferences.Libraries);

    /// <summary>
    /// Sets global options as a package consumer's build would: <c>build_property.*</c> from MSBuild properties
    /// and <c>fincompliance.*</c> options from a .globalconfig.
    /// </summary>
    public static void AddGlobalOptions(this SolutionState state, params (string Key, string Value)[] options)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var (key, value) in options)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", text.ToString()));
    }

    /// <summary>Adds an AdditionalFiles item with <c>FinComplianceText="promotion"</c> metadata (or another kind).</summary>
    public static void AddTextFile(this SolutionState state, string path, string content, string? textKind = "promotion")
    {
        state.AdditionalFiles.Add((path, content));
        if (textKind is not null)
        {
            state.AnalyzerConfigFiles.Add(($"/{System.IO.Path.GetFileName(path)}.editorconfig.globalconfig",
                $"is_global = true\n[{path}]\nbuild_metadata.AdditionalFiles.FinComplianceText = {textKind}\n"));
        }
    }
}
