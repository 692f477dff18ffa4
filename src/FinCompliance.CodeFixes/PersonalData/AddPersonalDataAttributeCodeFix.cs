using System.Collections.Generic;
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
/// FIN3006: classifies the member with <c>[PersonalData(PersonalDataKind.&lt;inferred kind&gt;)]</c>. Uses the short
/// names when <c>FinCompliance</c> is in scope, else adds <c>using FinCompliance;</c> to the file.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPersonalDataAttributeCodeFix)), Shared]
public sealed class AddPersonalDataAttributeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnclassifiedPersonalData);

    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && TargetOf(root, diagnostic) is not null && KindOf(diagnostic) is { } kind)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Classify as [PersonalData(PersonalDataKind.{kind})]",
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        nameof(AddPersonalDataAttributeCodeFix)),
                    diagnostic);
            }
        }
    }

    private static string? KindOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(UnclassifiedPersonalDataAnalyzer.KindProperty, out var kind) ? kind : null;

    /// <summary>The declaration that takes the attribute: the parameter, the property, or the whole field declaration.</summary>
    private static SyntaxNode? TargetOf(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
        return node switch
        {
            ParameterSyntax parameter => parameter,
            PropertyDeclarationSyntax property => property,
            VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } => field,
            _ => null,
        };
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || semanticModel is null)
        {
            return document;
        }

        // One attribute per declaration (a field declaration may declare several flagged variables: the first kind wins).
        var kinds = new Dictionary<SyntaxNode, string>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (TargetOf(root, diagnostic) is { } target && KindOf(diagnostic) is { } kind && !kinds.ContainsKey(target))
            {
                kinds[target] = kind;
            }
        }

        if (kinds.Count == 0)
        {
            return document;
        }

        var inScope = kinds.Keys.All(target => FinComplianceImports.IsInScope(semanticModel, target.SpanStart, "PersonalDataAttribute"));
        var fixedRoot = (CompilationUnitSyntax)root.ReplaceNodes(kinds.Keys, (original, rewritten) => AddAttribute(rewritten, kinds[original]));
        if (!inScope)
        {
            fixedRoot = FinComplianceImports.AddUsing(fixedRoot);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    private static SyntaxNode AddAttribute(SyntaxNode declaration, string kind)
    {
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(
                SyntaxFactory.IdentifierName("PersonalData"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.IdentifierName("PersonalDataKind"),
                        SyntaxFactory.IdentifierName(kind))))))));

        if (declaration is ParameterSyntax parameter)
        {
            // Inline: [PersonalData(PersonalDataKind.Phone)] string phone
            var leading = parameter.GetLeadingTrivia();
            var stripped = parameter.WithoutLeadingTrivia();
            return stripped.WithAttributeLists(stripped.AttributeLists.Add(attribute.WithTrailingTrivia(SyntaxFactory.Space)))
                .WithLeadingTrivia(leading);
        }

        // On its own line, indented like the declaration.
        var member = (MemberDeclarationSyntax)declaration;
        var indentation = member.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var newLine = SyntaxFactory.EndOfLine("\n");
        foreach (var trivia in member.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                newLine = trivia;
                break;
            }
        }

        if (member.AttributeLists.Count > 0)
        {
            var appended = attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            var lists = member.AttributeLists;
            var last = lists[lists.Count - 1];
            if (!last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                // [A] public string Phone: keep it on one line.
                appended = attribute.WithTrailingTrivia(SyntaxFactory.Space);
                lists = lists.Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space));
            }

            return member.WithAttributeLists(lists.Add(appended));
        }

        var leadingTrivia = member.GetLeadingTrivia();
        return member.WithoutLeadingTrivia()
            .WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(leadingTrivia).WithTrailingTrivia(newLine)))
            .WithLeadingTrivia(leadingTrivia)
            .WithModifiersLeading(indentation);
    }

    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Classify as [PersonalData]";

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
            => await FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}

internal static class MemberDeclarationTriviaExtensions
{
    /// <summary>Gives the first token after the attribute lists (modifier, type or keyword) the indentation.</summary>
    public static MemberDeclarationSyntax WithModifiersLeading(this MemberDeclarationSyntax member, SyntaxTrivia indentation)
    {
        var first = member.AttributeLists.Count > 0
            ? member.AttributeLists[member.AttributeLists.Count - 1].GetLastToken().GetNextToken()
            : member.GetFirstToken();
        var trivia = indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation);
        return member.ReplaceToken(first, first.WithLeadingTrivia(trivia));
    }
}
