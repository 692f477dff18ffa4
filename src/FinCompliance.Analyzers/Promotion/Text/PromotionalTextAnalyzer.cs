using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Shared engine of FIN1001 and FIN1004: reads the promotional text of C# promotions (string expressions inside
/// <c>[ProductPromotion]</c> declarations) and of AdditionalFiles marked <c>FinComplianceText="promotion"</c>, and
/// reports each term of the rule's kind at the phrase itself. Code outside a promotion is never read.
/// </summary>
public abstract class PromotionalTextAnalyzer : FinComplianceAnalyzer
{
    private readonly DiagnosticDescriptor rule;
    private readonly TermKind kind;

    protected PromotionalTextAnalyzer(DiagnosticDescriptor rule, TermKind kind)
        : base(rule)
    {
        this.rule = rule;
        this.kind = kind;
    }

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var matcher = PromotionalMatchers.For(context.Options, kind, context.CancellationToken);
        if (symbols.ProductPromotion is { } productPromotion)
        {
            // Most code is not promotional: the scope is tested once per operation block (cached per type), and only
            // the blocks of promotions get the string-expression action. An operation action on every literal,
            // concatenation and constant reference of the compilation would be called for all of them.
            var scope = new PromotionScope(FinComplianceAttributes.For(context.Compilation, context.Options), productPromotion);
            context.RegisterOperationBlockStartAction([MethodImpl(JitOptions.Optimized)] (block) =>
            {
                if (!scope.Includes(block.OwningSymbol))
                {
                    return;
                }

                block.RegisterOperationAction(
                    operation =>
                    {
                        if (PromotionalStringExpression.IsOutermostString(operation.Operation))
                        {
                            AnalyzeExpression(operation, matcher, scope);
                        }
                    },
                    PromotionalStringExpression.Kinds);
            });
        }

        context.RegisterAdditionalFileAction(file => AnalyzeFile(file, matcher));
    }

    private void AnalyzeExpression(OperationAnalysisContext context, PhraseMatcher matcher, PromotionScope scope)
    {
        var runs = PromotionalStringExpression.Read(context.Operation, scope);
        if (runs is null)
        {
            return;
        }

        var tree = context.Operation.Syntax.SyntaxTree;
        foreach (var run in runs)
        {
            foreach (var match in PromotionalTextScanner.Scan(run, matcher))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    rule, Location.Create(tree, TextSpan.FromBounds(match.Start, match.End)), match.Phrase));
            }
        }
    }

    private void AnalyzeFile(AdditionalFileAnalysisContext context, PhraseMatcher matcher)
    {
        var file = context.AdditionalFile;
        if (!string.Equals(context.Options.GetTextKind(file), "promotion", StringComparison.OrdinalIgnoreCase)
            || TermsFile.IsTermsFile(file) // a glob such as **/*.txt may catch the term list itself
            || context.AdditionalFile.GetText(context.CancellationToken) is not { } text
            || text.Length > PromotionalFileReader.MaxLength)
        {
            return;
        }

        var content = text.ToString();
        if (PromotionalFileReader.LooksBinary(content))
        {
            return;
        }

        foreach (var run in PromotionalFileReader.Read(file.Path, content))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            foreach (var match in PromotionalTextScanner.Scan(run, matcher))
            {
                var span = TextSpan.FromBounds(match.Start, match.End);
                context.ReportDiagnostic(Diagnostic.Create(
                    rule, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), match.Phrase));
            }
        }
    }
}
