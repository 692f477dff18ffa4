using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers.Flow;
using FinCompliance.Analyzers.Funds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Tests.Flow;

/// <summary>The tag-flow engine on its own: which expressions of a method carry which tags.</summary>
public sealed class TagFlowEngineTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;

        [CustomerReserveFunds]
        public class ReserveAccount
        {
            public string AccountId { get; set; } = "";
            public string Name { get; set; } = "";
            public bool IsOpen { get; set; }
            public DateTime OpenedOn { get; set; }
            public int SerialNo { get; set; }
            public decimal Balance { get; set; }
            public decimal Withdraw(decimal amount) => amount;
            public Task<decimal> WithdrawAsync(decimal amount) => Task.FromResult(amount);
            public bool TryWithdraw(decimal amount, out decimal taken) { taken = amount; return true; }
        }

        public class Ledger
        {
            [ClientFunds] public decimal ClientBalance;
            [ProprietaryFunds] public decimal OwnBalance { get; set; }
            public decimal Other { get; set; }
            [return: ClientFunds] public decimal Collected() => 0m;
        }

        public record Payment(decimal Amount);

        [ProprietaryFunds]
        public struct OwnMoney
        {
            public decimal Value;
        }
        """;

    [Fact]
    public async Task ConstructedGenericsArraysAndNullableUsesShareTheTagsOfTheirDefinitions()
    {
        // The funds policy caches tags by a symbol's original definition and a type's definition (arrays and
        // Nullable<T> by their element): constructed and annotated uses must still carry the tags, and the first
        // use of a definition (here List<int>'s) must not decide for another construction.
        var run = await RunAsync(
            """
            void M(Pool<int> ints, Pool<string>? texts, ClientPot<decimal>[] pots, OwnMoney[]? owns, ReserveAccount? maybe)
            {
                var plain = new List<int>().Count;
                var a = ints.Held;
                var b = texts!.Held;
                var c = ints.Take<decimal>();
                var d = pots[0];
                var e = owns![0];
                var f = maybe;
                var g = new ClientPot<string>();
                var h = ints.Other;
            }
            """,
            extra: """
                public class Pool<T>
                {
                    [ClientFunds] public decimal Held { get; set; }
                    public decimal Other { get; set; }
                    [return: ProprietaryFunds] public decimal Take<TValue>() => 0m;
                }

                [ClientFunds]
                public class ClientPot<T> { }
                """);

        Assert.Equal(TagKind.ClientFunds, run.Kinds("ints.Held"));
        Assert.Equal(TagKind.ClientFunds, run.Kinds("texts!.Held"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("ints.Take<decimal>()"));
        Assert.Equal(TagKind.ClientFunds, run.Kinds("pots[0]"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("owns![0]"));
        Assert.Equal(TagKind.CustomerReserveFunds, run.Kinds("maybe"));
        Assert.Equal(TagKind.ClientFunds, run.Kinds("new ClientPot<string>()"));
        Assert.Equal(TagKind.None, run.Kinds("ints.Other"));
        Assert.Equal(TagKind.None, run.Kinds("new List<int>().Count"));
    }

    [Fact]
    public async Task AnnotatedSymbolsAndTypesCarryTheirTags()
    {
        var run = await RunAsync("""
            void M(Ledger ledger, ReserveAccount reserve, [ProprietaryFunds] decimal own, decimal plain, OwnMoney? maybe)
            {
                var h = maybe;
                var a = ledger.ClientBalance;
                var b = ledger.OwnBalance;
                var c = ledger.Collected();
                var d = ledger.Other;
                var e = own;
                var f = plain;
                var g = reserve;
            }
            """);

        Assert.Equal(TagKind.ClientFunds, run.Kinds("ledger.ClientBalance"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("ledger.OwnBalance"));
        Assert.Equal(TagKind.ClientFunds, run.Kinds("ledger.Collected()"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("own"));
        Assert.Equal(TagKind.CustomerReserveFunds, run.Kinds("reserve"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("maybe"));
        Assert.Equal(TagKind.None, run.Kinds("ledger.Other"));
        Assert.Equal(TagKind.None, run.Kinds("plain"));
        Assert.Equal(TagKind.None, run.Kinds("ledger"));
    }

    [Fact]
    public async Task OnlyMonetaryMembersOfATaggedObjectCarryItsTags()
    {
        var run = await RunAsync("""
            void M(ReserveAccount reserve)
            {
                Use(reserve.Balance, reserve.Withdraw(5m), reserve.AccountId, reserve.Name, reserve.IsOpen, reserve.OpenedOn, reserve.SerialNo);
            }
            void Use(params object[] values) { }
            """);

        Assert.Equal(TagKind.CustomerReserveFunds, run.Kinds("reserve.Balance"));
        Assert.Equal(TagKind.CustomerReserveFunds, run.Kinds("reserve.Withdraw(5m)"));
        Assert.Equal(TagKind.None, run.Kinds("reserve.AccountId"));
        Assert.Equal(TagKind.None, run.Kinds("reserve.Name"));
        Assert.Equal(TagKind.None, run.Kinds("reserve.IsOpen"));
        Assert.Equal(TagKind.None, run.Kinds("reserve.OpenedOn"));
        Assert.Equal(TagKind.None, run.Kinds("reserve.SerialNo"));
    }

    [Fact]
    public async Task DerivedValuesCarryTheTagsOfWhatTheyAreDerivedFrom()
    {
        var run = await RunAsync("""
            void M(Ledger ledger, decimal plain, bool flag, decimal? maybe)
            {
                var sum = ledger.ClientBalance + plain;
                var picked = flag ? sum : 0m;
                var coalesced = maybe ?? picked;
                var text = $"Balance {coalesced}";
                var formatted = string.Format("{0}", ledger.OwnBalance);
                var str = picked.ToString();
                var payment = new Payment(picked);
                var anon = new { Value = ledger.OwnBalance };
                var array = new[] { plain, ledger.ClientBalance };
                var list = new List<decimal> { ledger.ClientBalance };
                var tuple = (plain, ledger.OwnBalance);
                var rounded = Math.Round(sum, 2);
                var negated = -sum;
                object boxed = sum;
                var compared = sum > 10m;
                var unrelated = plain * 2;
                Use(sum, picked, coalesced, text, formatted, str, payment, anon, array, list, tuple, rounded, negated, boxed, compared, unrelated);
            }
            void Use(params object[] values) { }
            """);

        foreach (var name in new[] { "sum", "picked", "coalesced", "text", "str", "payment", "array", "list", "rounded", "negated", "boxed" })
        {
            Assert.True(run.LocalKinds(name) == TagKind.ClientFunds, name + " should carry client funds but carries " + run.LocalKinds(name));
        }

        Assert.Equal(TagKind.ProprietaryFunds, run.LocalKinds("formatted"));
        Assert.Equal(TagKind.ProprietaryFunds, run.LocalKinds("anon"));
        Assert.Equal(TagKind.ProprietaryFunds, run.LocalKinds("tuple"));
        Assert.Equal(TagKind.None, run.LocalKinds("compared"));
        Assert.Equal(TagKind.None, run.LocalKinds("unrelated"));
    }

    [Fact]
    public async Task AwaitedWithdrawalsOutArgumentsAndLoopsCarryTags()
    {
        var run = await RunAsync("""
            async Task M(ReserveAccount reserve, List<ReserveAccount> accounts)
            {
                var awaited = await reserve.WithdrawAsync(10m);
                reserve.TryWithdraw(5m, out var taken);
                decimal total = 0;
                foreach (var account in accounts)
                {
                    total += account.Balance;
                }
                Use(awaited, taken, total);
            }
            void Use(params object[] values) { }
            """);

        Assert.Equal(TagKind.CustomerReserveFunds, run.LocalKinds("awaited"));
        Assert.Equal(TagKind.CustomerReserveFunds, run.LocalKinds("taken"));
        Assert.Equal(TagKind.CustomerReserveFunds, run.LocalKinds("total"));
    }

    [Fact]
    public async Task LambdaAndLocalFunctionResultsCarryWhatTheyReturn()
    {
        var run = await RunAsync("""
            void M(List<ReserveAccount> accounts, Ledger ledger)
            {
                var total = accounts.Sum(a => a.Balance);
                var ids = accounts.Select(a => a.AccountId).ToList();
                var open = accounts.Where(a => a.IsOpen).ToList();
                Func<decimal> later = () => ledger.OwnBalance;
                var invoked = later();
                var local = Local();
                Use(total, ids, open, invoked, local);

                decimal Local() => ledger.ClientBalance;
            }
            void Use(params object[] values) { }
            """, extra: "namespace Extra { }");

        Assert.Equal(TagKind.CustomerReserveFunds, run.LocalKinds("total"));
        Assert.Equal(TagKind.None, run.LocalKinds("ids"));
        Assert.Equal(TagKind.ProprietaryFunds, run.LocalKinds("invoked"));
        Assert.Equal(TagKind.ClientFunds, run.LocalKinds("local"));
    }

    [Fact]
    public async Task LambdasAndLocalFunctionsSeeCapturedAndPassedTags()
    {
        var run = await RunAsync("""
            void M(Ledger ledger, decimal plain)
            {
                var captured = ledger.ClientBalance;
                Func<decimal> lambda = () => captured + 1;
                Local(ledger.OwnBalance);
                Local2(plain);

                void Local(decimal value) => Use(value);
                void Local2(decimal other) => Use(other);
            }
            void Use(params object[] values) { }
            """);

        Assert.Equal(TagKind.ClientFunds, run.Kinds("captured + 1"));
        Assert.Equal(TagKind.ProprietaryFunds, run.Kinds("value"));
        Assert.Equal(TagKind.None, run.Kinds("other"));
    }

    [Fact]
    public async Task AnUnconditionalReassignmentKillsEarlierValues()
    {
        var run = await RunAsync("""
            void M(Ledger ledger, decimal plain)
            {
                var holder = ledger.ClientBalance;
                Use(holder);
                holder = plain;
                Use(holder);
            }
            void Use(params object[] values) { }
            """);

        var reads = run.Reads("holder");
        Assert.Equal(TagKind.ClientFunds, run.Analysis.GetTags(reads[0]).Kinds);
        Assert.Equal(TagKind.None, run.Analysis.GetTags(reads[1]).Kinds);
        var assignment = run.Analysis.Operations.OfType<ISimpleAssignmentOperation>().Single();
        Assert.Equal(TagKind.None, run.Analysis.GetDeclaredTags(assignment.Target).Kinds);
    }

    [Fact]
    public async Task ConditionalAssignmentsLoopBackEdgesAndLambdaWritesAreKept()
    {
        var run = await RunAsync("""
            void M(Ledger ledger, decimal plain, bool flag)
            {
                var conditional = plain;
                if (flag) conditional = ledger.ClientBalance;
                Use(conditional);

                var looped = plain;
                for (var i = 0; i < 3; i++)
                {
                    Use(looped);
                    looped = ledger.OwnBalance;
                }

                var captured = plain;
                Action write = () => captured = ledger.ClientBalance;
                captured = plain;
                Use(captured);
            }
            void Use(params object[] values) { }
            """);

        Assert.Equal(TagKind.ClientFunds, run.Analysis.GetTags(run.Reads("conditional")[0]).Kinds);
        Assert.Equal(TagKind.ProprietaryFunds, run.Analysis.GetTags(run.Reads("looped")[0]).Kinds);
        Assert.Equal(TagKind.ClientFunds, run.Analysis.GetTags(run.Reads("captured")[0]).Kinds);
    }

    [Fact]
    public async Task AnAccumulatorBringsItsEarlierValueIntoItsOwnUpdate()
    {
        var run = await RunAsync("""
            void M(Ledger ledger)
            {
                var total = ledger.ClientBalance;
                total += ledger.OwnBalance;
                total = total + ledger.OwnBalance;
            }
            """);

        var compound = run.Analysis.Operations.OfType<ICompoundAssignmentOperation>().Single();
        Assert.Equal(TagKind.ClientFunds, run.Analysis.GetOperandTags(compound.Target, compound).Kinds);
        var binary = run.Analysis.Operations.OfType<IBinaryOperation>().Single();
        Assert.Equal(TagKind.ClientFunds | TagKind.ProprietaryFunds, run.Analysis.GetOperandTags(binary.LeftOperand, binary).Kinds);
        Assert.Equal(TagKind.ProprietaryFunds, run.Analysis.GetOperandTags(binary.RightOperand, binary).Kinds);
    }

    [Fact]
    public async Task BlocksWithoutTaggedSymbolsAreNotAnalysedAndAnalysesAreCached()
    {
        var run = await RunAsync("""
            int M(int a, string b) { var c = a + b.Length; return c * 2; }
            """);

        Assert.Same(TagFlowAnalysis.Empty, run.Analysis);
        Assert.True(run.Analysis.IsEmpty);

        var tagged = await RunAsync("decimal M(Ledger l) => l.ClientBalance;");
        Assert.False(tagged.Analysis.IsEmpty);
        Assert.Same(tagged.Analysis, tagged.Policy.Analyze(tagged.Block, CancellationToken.None));
    }

    [Fact]
    public async Task BrokenCodeDoesNotThrow()
    {
        var run = await RunAsync("""
            void M(Ledger ledger)
            {
                var x = ledger.ClientBalance + Missing.Value;
                Unknown(x, ledger.;
                var y = x ? ;
            }
            """, allowErrors: true);

        Assert.Equal(TagKind.ClientFunds, run.LocalKinds("x"));
    }

    [Fact]
    public async Task APolicyCanAddASanitizedPayloadTagThatDerivedFactsDoNotCarry()
    {
        var run = await RunAsync("""
            void M(Customer customer)
            {
                var phone = customer.Phone;
                var masked = Masker.Mask(phone);
                var length = phone.Length;
                var empty = string.IsNullOrEmpty(phone);
                var greeting = "Hi " + phone;
                Use(masked, length, empty, greeting);
            }
            void Use(params object[] values) { }
            """, extra: """
            public sealed class SecretAttribute : Attribute { }
            public class Customer { [Secret] public string Phone { get; set; } = ""; }
            public static class Masker { public static string Mask(string value) => "***"; }
            """, policy: _ => new SecretPolicy());

        Assert.Equal(new TagSet(TagKind.PersonalData, 0b101), run.LocalTags("phone"));
        Assert.Equal(new TagSet(TagKind.PersonalData, 0b101), run.LocalTags("greeting"));
        Assert.Equal(TagKind.None, run.LocalKinds("masked"));
        Assert.Equal(TagKind.None, run.LocalKinds("length"));
        Assert.Equal(TagKind.None, run.LocalKinds("empty"));
    }

    /// <summary>A stand-in for the personal-data policy: proves the extension points are enough.</summary>
    private sealed class SecretPolicy : TagPolicy
    {
        protected override TagSet ComputeSymbolTags(ISymbol symbol)
            => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "SecretAttribute")
                ? new TagSet(TagKind.PersonalData, 0b101)
                : TagSet.Empty;

        protected override TagSet ComputeTypeTags(ITypeSymbol type) => TagSet.Empty;

        public override TagSet AfterCall(IInvocationOperation call, TagSet tags)
            => call.TargetMethod.Name == "Mask" ? tags.Without(TagKind.PersonalData) : tags;
    }

    private static async Task<EngineRun> RunAsync(
        string members, bool allowErrors = false, string extra = "", System.Func<Compilation, TagPolicy>? policy = null)
    {
        var source = Model + "\n" + extra + "\npublic class Subject\n{\n" + members + "\n}\n";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "EngineTest", [tree], references.Add(TestReferences.FinCompliance),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var model = compilation.GetSemanticModel(tree);
        var subject = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.Text == "Subject");
        var method = subject.Members.OfType<MethodDeclarationSyntax>().First();
        var block = model.GetOperation(method)!;
        var tagPolicy = policy?.Invoke(compilation) ?? FundsTagPolicy.For(compilation, FinComplianceAttributes.For(compilation, new AnalyzerOptions([])));
        return new EngineRun(tagPolicy, block, tagPolicy.Analyze(block, CancellationToken.None));
    }

    private sealed record EngineRun(TagPolicy Policy, IOperation Block, TagFlowAnalysis Analysis)
    {
        /// <summary>Union of the tags of every operation whose syntax is exactly <paramref name="text"/>.</summary>
        public TagKind Kinds(string text, System.Func<IOperation, bool>? filter = null)
        {
            var matches = Analysis.Operations.Where(o => o.Syntax.ToString() == text && (filter?.Invoke(o) ?? true)).ToList();
            if (matches.Count == 0)
            {
                // The block was not analysed (Empty): find the syntax in the tree to make sure the test is meaningful.
                Assert.Contains(text, Block.Syntax.ToString(), System.StringComparison.Ordinal);
            }

            return matches.Aggregate(TagSet.Empty, (set, o) => set | Analysis.GetTags(o)).Kinds;
        }

        public TagSet LocalTags(string name)
        {
            var references = Analysis.Operations.OfType<ILocalReferenceOperation>()
                .Where(r => r.Local.Name == name && !r.IsDeclaration).ToImmutableArray();
            Assert.NotEmpty(references);
            return references.Aggregate(TagSet.Empty, (set, r) => set | Analysis.GetTags(r));
        }

        public TagKind LocalKinds(string name) => LocalTags(name).Kinds;

        /// <summary>The reads of local <paramref name="name"/>, in source order (assignment targets excluded).</summary>
        public ILocalReferenceOperation[] Reads(string name)
            => Analysis.Operations.OfType<ILocalReferenceOperation>()
                .Where(r => r.Local.Name == name && !r.IsDeclaration
                            && !(r.Parent is ISimpleAssignmentOperation assignment && assignment.Target == r))
                .OrderBy(r => r.Syntax.SpanStart)
                .ToArray();
    }
}
