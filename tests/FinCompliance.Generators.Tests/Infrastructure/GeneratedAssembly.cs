using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators.Tests;

/// <summary>
/// Compiles a generator run's input plus its output for real, loads it into a collectible
/// <see cref="AssemblyLoadContext"/> and calls a static method: an end-to-end check of what the generated code does.
/// FinCompliance.dll itself comes from the default context (the test project references it).
/// </summary>
public static class GeneratedAssembly
{
    public static object? Invoke(GeneratorRun run, string typeName, string methodName)
    {
        var compilation = run.Compilation.AddSyntaxTrees(run.Result.GeneratedSources.Select(s => s.SyntaxTree));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!;
            return method.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }
}
