using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.CodeFixes;

/// <summary>Bringing the <c>FinCompliance</c> namespace into scope, the way the file already orders its usings.</summary>
internal static class FinComplianceImports
{
    /// <summary>Whether <c>FinCompliance.&lt;typeName&gt;</c> binds by its simple name at <paramref name="position"/>.</summary>
    public static bool IsInScope(SemanticModel semanticModel, int position, string typeName)
    {
        foreach (var symbol in semanticModel.LookupNamespacesAndTypes(position, name: typeName))
        {
            if (symbol.ContainingNamespace?.ToDisplayString() == "FinCompliance")
            {
                return true;
            }
        }

        return false;
    }

    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("FinCompliance"));
        var usings = root.Usings;
        if (usings.Count == 0)
        {
            var newLine = SyntaxFactory.EndOfLine("\n");
            return root.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(newLine, newLine)));
        }

        // Sorted with System.* first, as dotnet_sort_system_directives_first does.
        var index = 0;
        while (index < usings.Count && usings[index].StaticKeyword.IsKind(SyntaxKind.None) && usings[index].Alias is null
               && Compare(usings[index].Name?.ToString() ?? string.Empty, "FinCompliance") < 0)
        {
            index++;
        }

        var template = usings[System.Math.Min(index, usings.Count - 1)];
        directive = directive.WithLeadingTrivia(index == 0 ? usings[0].GetLeadingTrivia() : template.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
        if (index == 0)
        {
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(SyntaxFactory.TriviaList()));
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    private static int Compare(string a, string b)
    {
        var aSystem = a == "System" || a.StartsWith("System.", System.StringComparison.Ordinal);
        var bSystem = b == "System" || b.StartsWith("System.", System.StringComparison.Ordinal);
        return aSystem != bSystem ? (aSystem ? -1 : 1) : string.CompareOrdinal(a, b);
    }

}
