using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Every analyzer, code fix provider and generator the package ships, found by reflection over the shipped assemblies
/// the way a host finds them (by their export attributes), so that a rule is covered the moment it lands.
/// </summary>
public static class ShippedComponents
{
    public static readonly ImmutableArray<string> AssemblyNames =
        ["FinCompliance.Analyzers", "FinCompliance.CodeFixes", "FinCompliance.Generators"];

    public static ImmutableArray<Assembly> Assemblies { get; } =
        AssemblyNames.Select(name => Assembly.Load(new AssemblyName(name))).ToImmutableArray();

    /// <summary>Every concrete type of the shipped assemblies (a type that fails to load is reported by the discovery test).</summary>
    public static ImmutableArray<Type> AllTypes { get; } = Assemblies.SelectMany(LoadableTypes).ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AllTypes
        .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixProviders { get; } = AllTypes
        .Where(t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Incremental and classic generators, as the driver consumes them.</summary>
    public static ImmutableArray<ISourceGenerator> Generators { get; } = AllTypes
        .Where(t => t.GetCustomAttributes<GeneratorAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .Where(t => !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator classic => classic,
            var other => throw new InvalidOperationException($"{t.FullName} has [Generator] but is no generator ({other})"),
        })
        .ToImmutableArray();

    /// <summary>The type behind a generator as the driver reports it (incremental generators are wrapped).</summary>
    public static string NameOf(ISourceGenerator generator) => generator.GetGeneratorType().FullName ?? generator.ToString()!;

    /// <summary>All diagnostic IDs the shipped analyzers can report.</summary>
    public static ImmutableHashSet<string> DiagnosticIds { get; } =
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);

    public static string Summary =>
        $"{Analyzers.Length} analyzers ({DiagnosticIds.Count} rule IDs), {CodeFixProviders.Length} code fix providers, {Generators.Length} generators";

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null).ToArray()!;
        }
    }
}
