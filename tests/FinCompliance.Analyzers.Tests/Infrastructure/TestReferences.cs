using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FinCompliance.Analyzers.Tests;

/// <summary>The references test compilations are built against: .NET 8, FinCompliance, and real third-party libraries.</summary>
public static class TestReferences
{
    /// <summary>The .NET 8 reference assemblies (what most of our users target).</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The FinCompliance runtime library (attributes, enums, <c>Masking</c>).</summary>
    public static MetadataReference FinCompliance { get; } =
        MetadataReference.CreateFromFile(typeof(global::FinCompliance.ProductPromotionAttribute).Assembly.Location);

    /// <summary>
    /// The real libraries the rules recognise by metadata name (EF Core, Microsoft.Extensions.Logging and
    /// Compliance, Serilog, NLog, log4net, Newtonsoft.Json) with their dependencies, from this test's output folder.
    /// </summary>
    public static ImmutableArray<MetadataReference> Libraries { get; } = LoadLibraries();

    private static ImmutableArray<MetadataReference> LoadLibraries()
    {
        string[] prefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Serilog", "NLog", "log4net", "Newtonsoft.Json"];
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => prefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => Net80Build(path) ?? path)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>The library's .NET 8 build when the output folder holds one (see the test project), else null.</summary>
    private static string? Net80Build(string path)
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, "net8.0-references", Path.GetFileName(path));
        return File.Exists(candidate) ? candidate : null;
    }
}
