using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FinCompliance.Generators.Tests;

/// <summary>Compilation edits for caching tests.</summary>
public static class Edits
{
    /// <summary>Adds a new file with an unrelated class.</summary>
    public static CSharpCompilation AddUnrelatedClass(CSharpCompilation compilation)
        => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { public class Helper { public int Twice(int x) => x * 2; } }",
            GeneratorHarness.ParseOptions,
            path: "/src/Unrelated.cs"));

    /// <summary>Replaces the text of source file <paramref name="index"/> (as passed to <c>Run</c>).</summary>
    public static CSharpCompilation ReplaceFile(CSharpCompilation compilation, int index, string newText)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == $"/src/File{index}.cs");
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, path: old.FilePath));
    }

    /// <summary>The generated sources of a re-run, by hint name.</summary>
    public static System.Collections.Generic.Dictionary<string, string> Sources(GeneratorRunResult result)
        => result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}
