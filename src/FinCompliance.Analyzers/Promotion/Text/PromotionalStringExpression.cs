using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// Turns a string expression inside a promotion into the <see cref="TextRun"/>s a reader sees. The unit is the
/// outermost string expression: a concatenation or interpolation is read as a whole, constants folded
/// (<c>"保" + "本"</c>, <c>Prefix + "本"</c>, <c>$"{Const}"</c>), and a non-constant part (<c>{rate}</c>) breaks the
/// text. Every character keeps its exact source span, escapes included.
/// </summary>
internal static class PromotionalStringExpression
{
    /// <summary>The operation kinds that can start a string expression (an immutable array: registered per block, not copied).</summary>
    public static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Literal, OperationKind.Utf8String, OperationKind.InterpolatedString, OperationKind.Binary,
        OperationKind.FieldReference, OperationKind.LocalReference);

    private static readonly string[] DisplayAttributes =
    [
        "System.ComponentModel.DataAnnotations.DisplayAttribute",
        "System.ComponentModel.DescriptionAttribute",
        "System.ComponentModel.DisplayNameAttribute",
    ];

    /// <summary>
    /// The runs of <paramref name="operation"/> if it is the outermost string expression of text people read;
    /// null when it is part of a larger expression (the larger one is read instead) or not copy (a comparison
    /// operand, a pattern, an attribute argument other than a display label).
    /// </summary>
    public static List<TextRun>? Read(IOperation operation, PromotionScope scope)
    {
        if (!IsOutermostString(operation) || !IsCopy(operation))
        {
            return null;
        }

        var builder = new Builder(scope);
        builder.Flatten(operation);
        builder.Break();
        return builder.Runs;
    }

    /// <summary>Whether the operation is a string expression that is not part of a larger one (cheap; no syntax walk).</summary>
    public static bool IsOutermostString(IOperation operation) => IsStringPiece(operation) && !IsPartOfLarger(operation);

    // The type is tested before ConstantValue: reading a number's constant value boxes it, and promotions are full of numbers.
    private static bool IsStringPiece(IOperation operation) => operation switch
    {
        ILiteralOperation literal => IsString(literal.Type) && literal.ConstantValue is { HasValue: true, Value: string },
        IUtf8StringOperation => true,
        IInterpolatedStringOperation => true,
        IBinaryOperation binary => IsStringConcatenation(binary),
        IFieldReferenceOperation field => field.Field.IsConst && IsString(field.Type) && field.ConstantValue is { HasValue: true, Value: string },
        ILocalReferenceOperation local => local.Local.IsConst && IsString(local.Type) && local.ConstantValue is { HasValue: true, Value: string },
        _ => false,
    };

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsStringConcatenation(IBinaryOperation binary)
        => binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type);

    private static bool IsPartOfLarger(IOperation operation) => operation.Parent switch
    {
        IBinaryOperation parent => IsStringConcatenation(parent),
        IInterpolationOperation hole => IsFoldedHole(hole),
        _ => false,
    };

    private static bool IsFoldedHole(IInterpolationOperation hole)
        => hole.Alignment is null && hole.FormatString is null
           && hole.Expression.ConstantValue is { HasValue: true, Value: string };

    private static bool IsCopy(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        // Comparisons and patterns test input; they are not shown to anyone.
        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }
            or IPatternOperation or IPatternCaseClauseOperation or ISingleValueCaseClauseOperation)
        {
            return false;
        }

        // Log messages are read by operators, not customers.
        if (IsLoggingArgument(parent))
        {
            return false;
        }

        var attribute = operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>();
        if (attribute is null)
        {
            return true;
        }

        // Attribute arguments are metadata, except the labels UI frameworks show ([Display(Name = ...)], [Description]).
        var attributeType = operation.SemanticModel?.GetTypeInfo(attribute).Type;
        var name = attributeType?.ToDisplayString();
        return name is not null && DisplayAttributes.Contains(name);
    }

    /// <summary>
    /// Whether <paramref name="parent"/> is an argument (or a <c>params</c> element) of a call into a logging or
    /// diagnostics API (<see cref="LogSinks.IsLoggingCall"/>).
    /// </summary>
    private static bool IsLoggingArgument(IOperation? parent)
    {
        if (parent is IArrayInitializerOperation { Parent: IArrayCreationOperation array })
        {
            parent = array.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
               && invocation.SemanticModel?.Compilation is { } compilation
               && LogSinks.For(compilation).IsLoggingCall(invocation);
    }

    private sealed class Builder
    {
        private readonly PromotionScope scope;
        private TextRun current = new();

        public Builder(PromotionScope scope) => this.scope = scope;

        public List<TextRun> Runs { get; } = [];

        public void Break()
        {
            if (current.Length > 0)
            {
                Runs.Add(current);
                current = new TextRun();
            }
        }

        public void Flatten(IOperation operation)
        {
            switch (operation)
            {
                case IBinaryOperation binary when IsStringConcatenation(binary):
                    Flatten(binary.LeftOperand);
                    Flatten(binary.RightOperand);
                    break;
                case ILiteralOperation { Syntax: LiteralExpressionSyntax literal, ConstantValue: { HasValue: true, Value: string } }:
                    AppendToken(literal.Token);
                    break;
                case IUtf8StringOperation { Syntax: LiteralExpressionSyntax utf8 }:
                    AppendToken(utf8.Token);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part.Syntax is InterpolatedStringTextSyntax text)
                        {
                            AppendInterpolatedText(text);
                        }
                        else if (part is IInterpolationOperation hole && IsFoldedHole(hole))
                        {
                            Flatten(hole.Expression);
                        }
                        else
                        {
                            Break();
                        }
                    }

                    break;
                case IFieldReferenceOperation { Field: { IsConst: true } field, ConstantValue: { HasValue: true, Value: string value } }:
                    // A constant declared in a promotion is read (and reported) at its declaration already.
                    current.BeginPiece(operation.Syntax.SpanStart, operation.Syntax.Span.End,
                        field.Locations.Any(l => l.IsInSource) && scope.Contains(field));
                    current.AppendOpaque(value, operation.Syntax.SpanStart, operation.Syntax.Span.End);
                    break;
                case ILocalReferenceOperation { Local.IsConst: true, ConstantValue: { HasValue: true, Value: string value } }:
                    current.BeginPiece(operation.Syntax.SpanStart, operation.Syntax.Span.End, isReportedElsewhere: true);
                    current.AppendOpaque(value, operation.Syntax.SpanStart, operation.Syntax.Span.End);
                    break;
                default:
                    Break();
                    break;
            }
        }

        private void AppendToken(SyntaxToken token)
        {
            var text = token.Text;
            var end = text.Length;
            var kind = token.Kind();
            if (kind is SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
                or SyntaxKind.Utf8MultiLineRawStringLiteralToken
                && end >= 2 && text[end - 2] is 'u' or 'U' && text[end - 1] == '8')
            {
                end -= 2;
            }

            int start;
            EscapeDecoder.Mode mode;
            switch (kind)
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                    var verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
                    start = verbatim ? 2 : 1;
                    mode = verbatim ? EscapeDecoder.Mode.Verbatim : EscapeDecoder.Mode.Regular;
                    if (end > start && text[end - 1] == '"')
                    {
                        end--;
                    }

                    break;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                    var quotes = 0;
                    while (quotes < end && text[quotes] == '"')
                    {
                        quotes++;
                    }

                    start = quotes;
                    var closing = 0;
                    while (closing < quotes && end - closing - 1 >= start && text[end - closing - 1] == '"')
                    {
                        closing++;
                    }

                    end -= closing;
                    mode = EscapeDecoder.Mode.Raw;
                    break;
                default:
                    // Anything unexpected: read the value, report at the whole token.
                    current.BeginPiece(token.SpanStart, token.Span.End);
                    current.AppendOpaque(token.ValueText, token.SpanStart, token.Span.End);
                    return;
            }

            current.BeginPiece(token.SpanStart, token.Span.End);
            EscapeDecoder.Append(current, text, start, System.Math.Max(start, end), token.SpanStart, mode);
        }

        private void AppendInterpolatedText(InterpolatedStringTextSyntax part)
        {
            var token = part.TextToken;
            var startKind = (part.Parent as InterpolatedStringExpressionSyntax)?.StringStartToken.Kind();
            var (mode, doubledBraces) = startKind switch
            {
                SyntaxKind.InterpolatedStringStartToken => (EscapeDecoder.Mode.Regular, true),
                SyntaxKind.InterpolatedVerbatimStringStartToken => (EscapeDecoder.Mode.Verbatim, true),
                _ => (EscapeDecoder.Mode.Raw, false),
            };
            current.BeginPiece(token.SpanStart, token.Span.End);
            EscapeDecoder.Append(current, token.Text, 0, token.Text.Length, token.SpanStart, mode, doubledBraces);
        }
    }
}
