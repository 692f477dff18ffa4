using System.Collections.Generic;
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

    /// <summary>
    /// One syntax rewrite per document with one semantic model: the batch fixer computed and simplified a whole
    /// new document per occurrence and merged them, which grew super-linearly with the occurrences in a method.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(MaskAllAsync);

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
        if (root is null || model is null || FindValue(root, diagnostic) is not { } value)
        {
            return document;
        }

        var type = model.GetTypeInfo(value, cancellationToken).Type;
        return document.WithSyntaxRoot(root.ReplaceNode(value, Mask(value, type, kind)));
    }

    private static async Task<Document?> MaskAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Everything is read from the original tree (types included) before the one rewrite.
        var masks = new Dictionary<ExpressionSyntax, (ITypeSymbol? Type, string Kind)>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(PersonalDataReach.MaskKindProperty, out var kind) && kind is not null
                && FindValue(root, diagnostic) is { } value && !masks.ContainsKey(value))
            {
                masks.Add(value, (model.GetTypeInfo(value, cancellationToken).Type, kind));
            }
        }

        if (masks.Count == 0)
        {
            return document;
        }

        // A value nested in another masked value is rewritten first and handed over inside it.
        var fixedRoot = root.ReplaceNodes(masks.Keys, (original, rewritten) => Mask(rewritten, masks[original].Type, masks[original].Kind));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>The flagged expression, or null when the diagnostic no longer points at exactly one expression.</summary>
    private static ExpressionSyntax? FindValue(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            return null;
        }

        // FindNode can return an argument's expression wrapped in parentheses or the argument itself.
        return value.Span == diagnostic.Location.SourceSpan ? value : null;
    }

    /// <summary><c>Masking.Mask(value, PersonalDataKind.Kind)</c>, converting a non-string value with <c>ToString()</c> first.</summary>
    private static ExpressionSyntax Mask(ExpressionSyntax value, ITypeSymbol? type, string kind)
    {
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
        return SyntaxFactory.InvocationExpression(
                mask,
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(input), SyntaxFactory.Argument(kindExpression) })))
            .WithTriviaFrom(value)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
