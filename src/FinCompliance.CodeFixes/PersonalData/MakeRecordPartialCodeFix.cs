using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.CodeFixes;

/// <summary>
/// FIN3004 (record form): makes the record <c>partial</c>, so that the masked-record generator writes a
/// <c>PrintMembers</c> that prints its personal data through <c>Masking.Mask</c>. Containing types are made partial
/// too (the generated part has to repeat them).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeRecordPartialCodeFix)), Shared]
public sealed class MakeRecordPartialCodeFix : CodeFixProvider
{
    private const string Title = "Make the record partial (generate a masked PrintMembers)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PersonalDataInToString);

    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (RecordOf(root, diagnostic) is { } record && NeedsPartial(record))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), nameof(MakeRecordPartialCodeFix)),
                    diagnostic);
            }
        }
    }

    private static RecordDeclarationSyntax? RecordOf(SyntaxNode? root, Diagnostic diagnostic)
    {
        if (root is null || !diagnostic.Properties.ContainsKey(PersonalDataInToStringAnalyzer.CompilerGeneratedProperty))
        {
            return null;
        }

        return root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<RecordDeclarationSyntax>().FirstOrDefault();
    }

    private static bool NeedsPartial(TypeDeclarationSyntax declaration)
        => declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var declarations = diagnostics
            .Select(diagnostic => RecordOf(root, diagnostic))
            .Where(record => record is not null)
            .SelectMany(record => record!.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
            .Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword))
            .Distinct()
            .ToList();
        if (declarations.Count == 0)
        {
            return document;
        }

        var fixedRoot = root.ReplaceNodes(declarations, (_, rewritten) => AddPartial((TypeDeclarationSyntax)rewritten));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary><c>partial</c> must come last, right before <c>class</c>/<c>struct</c>/<c>record</c>.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }

    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
            => await FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
