using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FinCompliance.Generators.Tests;

/// <summary>
/// Runs a generator in a project on C# 7.3 (the default of a netstandard2.0 library) and returns the generated files,
/// after asserting that the output compiles without errors or warnings there too.
/// </summary>
public static class LegacyLanguage
{
    public static string[] Run(IIncrementalGenerator generator, string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var compilation = CSharpCompilation.Create(
            "Legacy",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "/src/Legacy.cs")],
            [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(global::FinCompliance.ProductPromotionAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: ReportDiagnostic.Error));
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
        return output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToArray();
    }
}
