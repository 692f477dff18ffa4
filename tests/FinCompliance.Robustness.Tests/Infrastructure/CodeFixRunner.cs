using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Drives every shipped code fix provider the way the IDE does: for each diagnostic a provider can fix, register its
/// fixes, compute every offered action's operations and apply the first in an AdhocWorkspace; then Fix All in the
/// document. Every exception is collected as a failure naming the input, the diagnostic and the provider.
/// </summary>
public static class CodeFixRunner
{
    /// <summary>Diagnostics fixed per input and ID: enough to cover each fix's shapes, bounded for time.</summary>
    public const int MaxDiagnosticsPerId = 2;

    /// <summary>
    /// Diagnostics handed to one Fix All. Crash-freedom does not need more; how Fix All scales with hundreds of
    /// occurrences is a performance question (Fix All of FIN3003 over 250 occurrences took ~60 s when this was written).
    /// </summary>
    public const int MaxFixAllDiagnostics = 60;

    public static ImmutableHashSet<string> FixableIds { get; } = ShippedComponents.CodeFixProviders
        .SelectMany(p => p.FixableDiagnosticIds).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The slowest attempts so far (seconds, description): reported by the test to spot a fix that scales badly.</summary>
    public static ConcurrentBag<(double Seconds, string What)> Durations { get; } = new();

    /// <summary>Runs the fixes over one input; returns failures and how many fixes were attempted.</summary>
    public static async Task<(List<string> Failures, int Attempts)> RunAsync(RobustnessInput input, AnalysisEnvironment environment)
    {
        var failures = new List<string>();
        var attempts = 0;
        if (FixableIds.IsEmpty)
        {
            return (failures, attempts);
        }

        // Each attempt (the first analysis, each fix, each Fix All) gets its own timeout.
        using var timeout = new CancellationTokenSource(AnalysisPipeline.Timeout);
        var ct = timeout.Token;
        try
        {
            var (_, initial) = await AnalyzeFreshAsync(input, environment, ct).ConfigureAwait(false);
            var chosen = initial
                .Where(d => FixableIds.Contains(d.Id))
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .SelectMany(g => g.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).Take(MaxDiagnosticsPerId))
                .Select(d => (d.Id, Path: d.Location.SourceTree?.FilePath, d.Location.SourceSpan))
                .ToList();

            foreach (var (id, path, span) in chosen)
            {
                foreach (var provider in ShippedComponents.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(id)))
                {
                    attempts++;
                    var what = $"{provider.GetType().FullName} fixing {id} at {path}{span} of input '{input.Name}'";
                    using var attempt = new CancellationTokenSource(AnalysisPipeline.Timeout);
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    try
                    {
                        await FixOneAsync(input, environment, provider, id, path, span, attempt.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (attempt.IsCancellationRequested)
                    {
                        failures.Add($"timed out after {AnalysisPipeline.Timeout.TotalSeconds:0} s (hang?): {what}");
                    }
                    catch (Exception e)
                    {
                        failures.Add($"code fix threw: {what}: {AnalysisPipeline.Describe(e)}");
                    }

                    Durations.Add((started.Elapsed.TotalSeconds, what));
                }
            }

            foreach (var id in chosen.Select(c => c.Id).Distinct())
            {
                foreach (var provider in ShippedComponents.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(id)))
                {
                    attempts++;
                    var what = $"Fix All of {provider.GetType().FullName} for {id} in input '{input.Name}'";
                    using var attempt = new CancellationTokenSource(AnalysisPipeline.Timeout);
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    try
                    {
                        await FixAllAsync(input, environment, provider, id, chosen.First(c => c.Id == id).Path, attempt.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (attempt.IsCancellationRequested)
                    {
                        failures.Add($"timed out after {AnalysisPipeline.Timeout.TotalSeconds:0} s (hang?): {what}");
                    }
                    catch (Exception e)
                    {
                        failures.Add($"Fix All threw: {what}: {AnalysisPipeline.Describe(e)}");
                    }

                    Durations.Add((started.Elapsed.TotalSeconds, what));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failures.Add($"timed out (hang?) analysing input '{input.Name}' for code fixes");
        }

        return (failures, attempts);
    }

    /// <summary>
    /// A fresh workspace per fix, so that applying one fix never meets a solution another fix already changed; the
    /// diagnostics are recomputed there, so the provider gets them exactly as the IDE would.
    /// </summary>
    private static async Task FixOneAsync(
        RobustnessInput input, AnalysisEnvironment environment, CodeFixProvider provider, string id, string? path, TextSpan span, CancellationToken ct)
    {
        var (workspace, diagnostics) = await AnalyzeFreshAsync(input, environment, ct).ConfigureAwait(false);
        using var _ = workspace;
        var diagnostic = diagnostics.FirstOrDefault(d => d.Id == id && d.Location.SourceTree?.FilePath == path && d.Location.SourceSpan == span)
                         ?? throw new InvalidOperationException($"{id} at {path}{span} was not reported again: the analyzer is not deterministic");
        var document = workspace.CurrentSolution.GetDocument(diagnostic.Location.SourceTree)!;

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), ct);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);

        var first = true;
        foreach (var action in actions.SelectMany(Flatten))
        {
            var operations = await action.GetOperationsAsync(ct).ConfigureAwait(false);
            foreach (var operation in operations.OfType<ApplyChangesOperation>())
            {
                await MaterializeAsync(operation.ChangedSolution, workspace.CurrentSolution, ct).ConfigureAwait(false);
            }

            if (first)
            {
                first = false;
                foreach (var operation in operations)
                {
                    if (operation is ApplyChangesOperation apply && !workspace.TryApplyChanges(apply.ChangedSolution))
                    {
                        throw new InvalidOperationException($"the workspace refused the changes of '{action.Title}'");
                    }

                    if (operation is not ApplyChangesOperation)
                    {
                        operation.Apply(workspace, ct);
                    }
                }
            }
        }
    }

    private static async Task FixAllAsync(
        RobustnessInput input, AnalysisEnvironment environment, CodeFixProvider provider, string id, string? path, CancellationToken ct)
    {
        var fixAll = provider.GetFixAllProvider();
        if (fixAll is null)
        {
            return;
        }

        var (workspace, diagnostics) = await AnalyzeFreshAsync(input, environment, ct).ConfigureAwait(false);
        using var _ = workspace;
        var ofId = diagnostics.Where(d => d.Id == id)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Take(MaxFixAllDiagnostics).ToImmutableArray();
        var diagnostic = ofId.FirstOrDefault(d => d.Location.SourceTree?.FilePath == path);
        if (diagnostic is null)
        {
            return;
        }

        var document = workspace.CurrentSolution.GetDocument(diagnostic.Location.SourceTree)!;

        // The equivalence key of the first offered fix selects which fix Fix All applies, as in the IDE.
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), ct)).ConfigureAwait(false);
        var key = actions.FirstOrDefault()?.EquivalenceKey;
        var context = new FixAllContext(document, provider, FixAllScope.Document, key, [id], new Diagnostics(ofId), ct);
        var fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        if (fix is null)
        {
            return;
        }

        foreach (var operation in await fix.GetOperationsAsync(ct).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                await MaterializeAsync(apply.ChangedSolution, workspace.CurrentSolution, ct).ConfigureAwait(false);
                if (!workspace.TryApplyChanges(apply.ChangedSolution))
                {
                    throw new InvalidOperationException("the workspace refused the Fix All changes");
                }
            }
        }
    }

    /// <summary>Forces the changed documents' text and syntax to be computed (a lazy fix throws only then).</summary>
    private static async Task MaterializeAsync(Solution changed, Solution original, CancellationToken ct)
    {
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments()))
            {
                var document = changed.GetDocument(id)!;
                await document.GetTextAsync(ct).ConfigureAwait(false);
                await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action)
        => action.NestedActions.IsDefaultOrEmpty ? [action] : action.NestedActions.SelectMany(Flatten);

    /// <summary>Builds the input as an AdhocWorkspace project and runs every analyzer over its compilation.</summary>
    private static async Task<(AdhocWorkspace Workspace, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeFreshAsync(
        RobustnessInput input, AnalysisEnvironment environment, CancellationToken ct)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = input.Files.Select(f => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            Path.GetFileName(f.Path),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(f.Text), VersionStamp.Default, f.Path)),
            filePath: f.Path));
        var compilationOptions = AnalysisPipeline.Compile(input).Options;
        var project = workspace.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Input", "Input", LanguageNames.CSharp,
            compilationOptions: compilationOptions,
            parseOptions: AnalysisPipeline.ParseOptions,
            documents: documents,
            metadataReferences: RobustnessReferences.All));

        var compilation = (await project.GetCompilationAsync(ct).ConfigureAwait(false))!;
        var errors = new ConcurrentQueue<string>();
        var diagnostics = await compilation.WithAnalyzers(
                ShippedComponents.Analyzers,
                new CompilationWithAnalyzersOptions(environment.AnalyzerOptions, (e, a, _) => errors.Enqueue($"{a.GetType().Name}: {e.Message}"), true, false, false))
            .GetAnalyzerDiagnosticsAsync(ct).ConfigureAwait(false);
        return (workspace, diagnostics);
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(all);
    }
}
