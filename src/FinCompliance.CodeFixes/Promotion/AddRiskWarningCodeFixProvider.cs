using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers;
using FinCompliance.Analyzers.Promotion;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace FinCompliance.CodeFixes.Promotion;

/// <summary>
/// FIN1002 fix: adds <c>[RiskWarning] public const string RiskWarning = "…";</c> with the standard text of the
/// promotion's <c>ProductKind</c> (the same text the risk-warning generator writes). When the type or a base
/// already has a member of that name, the member is called <c>RiskWarningText</c> (or <c>RiskWarningText2</c>, …).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRiskWarningCodeFixProvider))]
[Shared]
public sealed class AddRiskWarningCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "FinCompliance.AddRiskWarning";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MissingRiskWarning);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (declaration is null || declaration.Identifier.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            var kind = diagnostic.Properties.TryGetValue(MissingRiskWarningAnalyzer.ProductKindProperty, out var value)
                       && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : 0;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add the standard risk warning",
                    cancellationToken => AddRiskWarningAsync(context.Document, declaration, kind, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddRiskWarningAsync(
        Document document, TypeDeclarationSyntax declaration, int kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return document;
        }

        var name = FreeMemberName(type);
        var text = SymbolDisplay.FormatLiteral(StandardRiskWarnings.Chinese(kind), quote: true);
        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        newLine = newLine.Length == 0 ? "\n" : newLine;
        var member = SyntaxFactory.ParseMemberDeclaration(
            $"[global::FinCompliance.RiskWarning]{newLine}public const string {name} = {text};{newLine}")!;
        if (declaration.Members.Count > 0)
        {
            // A blank line between the warning and the members that were there.
            member = member.WithTrailingTrivia(member.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(newLine)));
        }

        member = member.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

        var updated = declaration.WithMembers(declaration.Members.Insert(0, member));
        if (updated.OpenBraceToken.IsKind(SyntaxKind.None))
        {
            // record R(string Name); has no body yet.
            updated = updated
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }

    private static string FreeMemberName(INamedTypeSymbol type)
    {
        var name = StandardRiskWarnings.MemberName;
        for (var suffix = 1; IsTaken(type, name); suffix++)
        {
            name = StandardRiskWarnings.MemberName + "Text" + (suffix == 1 ? string.Empty : suffix.ToString(CultureInfo.InvariantCulture));
        }

        return name;
    }

    private static bool IsTaken(INamedTypeSymbol type, string name)
    {
        if (type.Name == name)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
