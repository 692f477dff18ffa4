using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers;
using FinCompliance.Analyzers.PersonalData;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FinCompliance.CodeFixes;

/// <summary>
/// FIN3003: wrap the logged personal-data reference in <c>Masking.Mask(value, PersonalDataKind.Kind)</c>. Offered
/// only when the analyzer found a single reference of one kind in a place that accepts a string (it then sets
/// the <c>MaskKind</c> property); non-string values are converted with <c>ToString()</c> first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataLoggedCodeFixProvider)), Shared]
public sealed class PersonalDataLoggedCodeFixProvider : CodeFixProvider
{
    private const string Title = "Mask the personal data with Masking.Mask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PersonalDataLogged);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(PersonalDataReach.MaskKindProperty, out var kind) && kind is not null
                && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => MaskAsync(context.Document, diagnostic, kind, token), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> MaskAsync(Document document, Diagnostic diagnostic, string kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value || model is null)
        {
            return document;
        }

        // FindNode can return an argument's expression wrapped in parentheses or the argument itself.
        if (value.Span != diagnostic.Location.SourceSpan)
        {
            return document;
        }

        var type = model.GetTypeInfo(value, cancellationToken).Type;
        var text = value.WithoutTrivia();
        ExpressionSyntax input = text;
        if (type is null || type.SpecialType != SpecialType.System_String)
        {
            var receiver = text is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                ? text
                : SyntaxFactory.ParenthesizedExpression(text);
            var toString = SyntaxFactory.IdentifierName("ToString");
            input = type is { IsValueType: true } && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, toString))
                : SyntaxFactory.ConditionalAccessExpression(
                    receiver, SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(toString)));
        }

        var mask = SyntaxFactory.ParseExpression("global::FinCompliance.Masking.Mask")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var kindExpression = SyntaxFactory.ParseExpression("global::FinCompliance.PersonalDataKind." + kind)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var replacement = SyntaxFactory.InvocationExpression(
                mask,
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(input), SyntaxFactory.Argument(kindExpression) })))
            .WithTriviaFrom(value)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
    }
}
