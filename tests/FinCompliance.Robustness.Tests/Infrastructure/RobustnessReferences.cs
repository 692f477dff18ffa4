using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// What the inputs compile against: the .NET 8 reference assemblies, FinCompliance.dll and the real libraries the
/// rules recognise (EF Core, logging frameworks, JSON serializers). Shared instances, so metadata is read once.
/// </summary>
public static class RobustnessReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net80.References.All,
        MetadataReference.CreateFromFile(typeof(global::FinCompliance.ProductPromotionAttribute).Assembly.Location),
        .. Libraries(),
    ];

    private static ImmutableArray<MetadataReference> Libraries()
    {
        string[] prefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Serilog", "NLog", "log4net", "Newtonsoft.Json"];
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => prefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>Locates files of this repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
