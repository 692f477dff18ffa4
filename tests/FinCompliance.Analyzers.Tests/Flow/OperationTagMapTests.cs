using System.Linq;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace FinCompliance.Analyzers.Tests.Flow;

/// <summary>
/// The flow engine's map of operations to tag sets (a dictionary of indices and an array of sets, issue #6) must behave
/// as the <c>Dictionary&lt;IOperation, TagSet&gt;</c> it replaced, with "empty set" and "absent" the same.
/// </summary>
public sealed class OperationTagMapTests
{
    private static readonly TagSet Funds = new(TagKind.ClientFunds);
    private static readonly TagSet Reserve = new(TagKind.CustomerReserveFunds);

    [Fact]
    public void Sets_replace_and_empty_sets_remove()
    {
        var operations = Operations();
        var map = new OperationTagMap();
        Assert.False(map.TryGetValue(operations[0], out var none));
        Assert.True(none.IsEmpty);

        map.Set(operations[0], Funds);
        map.Set(operations[1], TagSet.Empty); // never added
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.Slots);
        Assert.True(map.TryGetValue(operations[0], out var found));
        Assert.Equal(Funds, found);
        Assert.False(map.TryGetValue(operations[1], out _));

        map.Set(operations[0], Funds | Reserve);
        Assert.Equal(Funds | Reserve, map.Get(operations[0]));
        Assert.Equal(1, map.Count);

        map.Set(operations[0], TagSet.Empty);
        Assert.Equal(0, map.Count);
        Assert.False(map.TryGetValue(operations[0], out _));
        Assert.True(map.Get(operations[0]).IsEmpty);

        map.Set(operations[0], Reserve);
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.Slots); // the slot is reused
        Assert.Equal(Reserve, map.Get(operations[0]));
    }

    [Fact]
    public void Grows_and_keeps_the_insertion_order()
    {
        var operations = Operations();
        Assert.True(operations.Length > 9, "the sample has too few operations to make the map grow twice");
        var map = new OperationTagMap();
        for (var index = 0; index < operations.Length; index++)
        {
            map.Set(operations[index], index % 2 == 0 ? Funds : Reserve);
        }

        Assert.Equal(operations.Length, map.Count);
        Assert.Equal(operations.Length, map.Slots);
        for (var index = 0; index < operations.Length; index++)
        {
            Assert.Same(operations[index], map.OperationAt(index));
            Assert.Equal(index % 2 == 0 ? Funds : Reserve, map.TagsAt(index));
            Assert.Equal(map.TagsAt(index), map.Get(operations[index]));
        }
    }

    private static IOperation[] Operations()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class Ledger
            {
                decimal Total(decimal a, decimal b, decimal c, decimal d) => (a + b) * (c - d) + a * 2m - b / 3m + c % 5m;
            }
            """);
        var compilation = CSharpCompilation.Create("Map", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
        return body.DescendantsAndSelf().ToArray();
    }
}
