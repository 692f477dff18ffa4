using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using FinCompliance.Analyzers;

namespace FinCompliance.CodeFixes;

/// <summary>FIN4002: default the opt-in to unselected by replacing the reported <c>true</c> with <c>false</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddOnPreselectedCodeFixProvider)), Shared]
public sealed class AddOnPreselectedCodeFixProvider : CodeFixProvider
{
    private const string Title = "Default the opt-in to false";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AddOnPreselected);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => SetFalseAsync(context.Document, diagnostic, token), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> SetFalseAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            return document;
        }

        // [DefaultValue(typeof(bool), "true")] takes the value as text.
        ExpressionSyntax replacement = value.IsKind(SyntaxKind.StringLiteralExpression)
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("false"))
            : SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
        replacement = replacement.WithTriviaFrom(value);
        return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
    }
}
