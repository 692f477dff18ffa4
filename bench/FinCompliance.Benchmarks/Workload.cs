using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using FinCompliance.SyntheticCodebase;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Benchmarks;

/// <summary>The synthetic code base as a compilation, and the analyzer sets measured against it.</summary>
public sealed class Workload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public Workload(int files, int seed = CodebaseWriter.DefaultSeed)
    {
        Files = CodebaseWriter.Generate(files, seed).ToImmutableArray();
        Lines = Files.Sum(f => f.Text.Count(c => c == '\n') + 1);
    }

    public ImmutableArray<GeneratedFile> Files { get; }

    public int Lines { get; }

    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences();

    public ImmutableArray<SyntaxTree> Parse()
        => Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: "/synthetic/" + f.Path)).ToImmutableArray();

    public static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, ImmutableDictionary<string, ReportDiagnostic>? severities = null)
        => CSharpCompilation.Create(
            "Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true)
                .WithSpecificDiagnosticOptions(severities ?? ImmutableDictionary<string, ReportDiagnostic>.Empty));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string[] prefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.Extensions."];
        return
        [
            .. Basic.Reference.Assemblies.Net80.References.All,
            MetadataReference.CreateFromFile(typeof(global::FinCompliance.ProductPromotionAttribute).Assembly.Location),
            .. Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(path => prefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    }
}

/// <summary>A named set of analyzers, with the severities that turn all their rules on (as Audit / latest-all do).</summary>
public sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)
{
    public ImmutableDictionary<string, ReportDiagnostic> AllRulesOn { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

    public int RuleCount => AllRulesOn.Count;

    /// <summary>FinCompliance as it ships: the exported analyzers, found by reflection (the rule host, which registers every rule).</summary>
    public static AnalyzerSet FinCompliance { get; } = new("FinCompliance", Exported<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>("FinCompliance.Analyzers"));

    /// <summary>Every rule as an analyzer of its own, for per-rule execution times (the host is timed as one analyzer).</summary>
    public static AnalyzerSet FinComplianceRules { get; } = new("FinCompliance", global::FinCompliance.Analyzers.FinComplianceRuleHost.Rules.CastArray<DiagnosticAnalyzer>());

    /// <summary>FinCompliance's generators, as the driver consumes them.</summary>
    public static ImmutableArray<ISourceGenerator> FinComplianceGenerators { get; } =
        Exported<object, GeneratorAttribute>("FinCompliance.Generators")
            .Select(g => g is IIncrementalGenerator incremental ? incremental.AsSourceGenerator() : (ISourceGenerator)g)
            .ToImmutableArray();

    /// <summary>An analyzer that registers one no-op action: what the analyzer driver costs by itself.</summary>
    public static AnalyzerSet Empty { get; } = new("Empty analyzer (driver overhead)", [new EmptyAnalyzer()]);

    /// <summary>
    /// Microsoft.CodeAnalysis.NetAnalyzers (the .NET SDK analyzers) with every rule on — AnalysisLevel=latest-all —
    /// loaded from the NuGet package folder as analyzer file references.
    /// </summary>
    public static AnalyzerSet NetAnalyzers { get; } = LoadNetAnalyzers();

    private static ImmutableArray<T> Exported<T, TAttribute>(string assemblyName)
        where TAttribute : Attribute
        => Assembly.Load(new AssemblyName(assemblyName)).GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes<TAttribute>().Any() && typeof(T).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static AnalyzerSet LoadNetAnalyzers()
    {
        var package = typeof(Workload).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NetAnalyzersPackage")?.Value;
        var folder = package is null ? null : Path.Combine(package, "analyzers", "dotnet", "cs");
        if (folder is null || !Directory.Exists(folder))
        {
            return new("Microsoft.CodeAnalysis.NetAnalyzers (not found)", []);
        }

        var loader = new LoadFromLoader();
        var analyzers = Directory.EnumerateFiles(folder, "*.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        var version = Path.GetFileName(package!.TrimEnd(Path.DirectorySeparatorChar));
        return new($"Microsoft.CodeAnalysis.NetAnalyzers {version} (latest-all)", analyzers);
    }

    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Nothing", "Nothing", "Bench", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
