using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace FinCompliance.Analyzers.Tests;

/// <summary>
/// The rule host's listing of a declaration's operations (<see cref="BlockOperations"/>) must hand the rules the
/// operations the driver would, in its order, and answer the pre-checks only for the trees it listed.
/// </summary>
public sealed class BlockOperationsTests
{
    private const string Source = """
        using System;
        using System.Linq;

        public class Account
        {
            private readonly decimal opening = 10m + 2m;

            public Account(decimal amount) : this(amount, "x")
            {
                Func<decimal, decimal> twice = value => value * 2;
                Balance = twice(amount) + Local(amount);
                decimal Local(decimal v) => v > 0 ? v : -v;
            }

            public Account(decimal amount, string name) { Balance = amount; Name = name; }

            public decimal Balance { get; }

            public string Name { get; } = "";

            public decimal Sum(decimal[] values) => values.Where(v => v > 0).Sum() + opening;
        }
        """;

    [Fact]
    public async Task Lists_every_block_in_the_drivers_order_and_answers_for_the_blocks_and_their_common_root()
    {
        var (model, tree) = await CompileAsync();
        var constructor = tree.GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>().First();
        var body = (IConstructorBodyOperation)model.GetOperation(constructor)!;

        // The driver's blocks for a constructor: the initializer's call and the body (not the body operation around them).
        var initializer = ((IExpressionStatementOperation)body.Initializer!).Operation;
        var blocks = ImmutableArray.Create(initializer, (IOperation)body.BlockBody!);
        var expected = blocks.SelectMany(block => block.DescendantsAndSelf()).ToArray();

        using (var listing = BlockOperations.Enter(blocks))
        {
            Assert.Equal(expected, listing.All);
            Assert.True(BlockOperations.TryGet(body.BlockBody!, out var ofBody));
            Assert.Equal(body.BlockBody!.DescendantsAndSelf(), ofBody);
            Assert.True(BlockOperations.TryGet(initializer, out var ofInitializer));
            Assert.Equal(initializer.DescendantsAndSelf(), ofInitializer);

            // The root of the whole tree: everything listed (the root itself references nothing).
            Assert.True(BlockOperations.TryGet(body, out var ofRoot));
            Assert.Equal(expected, ofRoot);

            // A tree that was not listed is walked by the caller.
            var other = (IMethodBodyOperation)model.GetOperation(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single())!;
            Assert.False(BlockOperations.TryGet(other, out _));
            Assert.False(BlockOperations.TryGet(other.ExpressionBody!, out _));
        }

        // Nothing outlives the analysis.
        Assert.False(BlockOperations.TryGet(body.BlockBody!, out _));
        Assert.False(BlockOperations.TryGet(body, out _));
    }

    [Fact]
    public async Task A_root_whose_children_are_not_all_listed_is_not_answered_for()
    {
        var (model, tree) = await CompileAsync();
        var constructor = tree.GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>().First();
        var body = (IConstructorBodyOperation)model.GetOperation(constructor)!;

        // Only the body: the initializer's call is part of the root's tree but not listed.
        using var listing = BlockOperations.Enter(ImmutableArray.Create((IOperation)body.BlockBody!));
        Assert.True(BlockOperations.TryGet(body.BlockBody!, out _));
        Assert.False(BlockOperations.TryGet(body, out _));
    }

    [Fact]
    public async Task Initializers_and_expression_bodies_are_listed_whole()
    {
        var (model, tree) = await CompileAsync();
        var field = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().First(v => v.Identifier.Text == "opening");
        var fieldInitializer = model.GetOperation(field.Initializer!)!;
        var method = (IMethodBodyOperation)model.GetOperation(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single())!;
        var blocks = ImmutableArray.Create(fieldInitializer, (IOperation)method.ExpressionBody!);

        using var listing = BlockOperations.Enter(blocks);
        Assert.Equal(blocks.SelectMany(block => block.DescendantsAndSelf()), listing.All);
        Assert.True(BlockOperations.TryGet(fieldInitializer, out var ofField));
        Assert.Equal(fieldInitializer.DescendantsAndSelf(), ofField);

        // Blocks of two different trees have no common root to answer for.
        Assert.False(BlockOperations.TryGet(method, out _));
    }

    private static async Task<(SemanticModel Model, SyntaxTree Tree)> CompileAsync()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Listing", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation.GetSemanticModel(tree), tree);
    }
}
