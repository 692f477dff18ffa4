using System;
using System.Collections.Immutable;
using System.Linq;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.PerRuleAnalyzers;

/// <summary>
/// Exports one rule as an analyzer under the rule's own name, so that csc's per-analyzer report has a line for it. The
/// rule runs exactly as in its tests: its sealed <see cref="DiagnosticAnalyzer.Initialize"/> applies the package's policy
/// and registers its actions.
/// </summary>
/// <remarks>
/// 21 exported analyzers bring back the thread-pool burst that made FinCompliance export one (docs/performance.md,
/// "Fourth round"), so a build with these is in csc's slow mode more often, and its callback times, which csc takes
/// with the wall clock, come out high rather than low. Use it for the per-rule shares, not for the total.
/// </remarks>
public abstract class RuleAsAnalyzer<TRule> : DiagnosticAnalyzer
    where TRule : FinComplianceAnalyzer, new()
{
    private static readonly TRule Rule = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rule.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context)
    {
        // The rule's own Initialize sets both again; stated here too for RS1025/RS1026.
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        Rule.Initialize(context);
    }
}

/// <summary>
/// Every rule without a <see cref="RuleAsAnalyzer{TRule}"/> in Rules.cs (one added to the package after that list was
/// written), so that this build never runs fewer rules than the package. A line for it in csc's report means the list
/// is out of date.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RulesWithoutTheirOwnLine : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<FinComplianceAnalyzer> Unlisted = FindUnlisted();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Unlisted.SelectMany(rule => rule.SupportedDiagnostics).Distinct().ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        foreach (var rule in Unlisted)
        {
            rule.Initialize(context);
        }
    }

    private static ImmutableArray<FinComplianceAnalyzer> FindUnlisted()
    {
        var types = typeof(RulesWithoutTheirOwnLine).Assembly.GetTypes();
        var listed = types
            .Select(type => type.BaseType)
            .Where(type => type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(RuleAsAnalyzer<>))
            .Select(type => type!.GetGenericArguments()[0])
            .ToImmutableHashSet();
        return types
            .Where(type => typeof(FinComplianceAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && !listed.Contains(type))
            .Select(type => (FinComplianceAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }
}
