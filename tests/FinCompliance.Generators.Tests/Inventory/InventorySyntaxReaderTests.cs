using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FinCompliance.Generators.Tests.Inventory;

/// <summary>
/// The inventory reads most candidates from syntax (issue #6); these tests hold that path to the binding path it
/// replaces: the same entries for every form the reader accepts, and binding wherever the syntax does not settle it.
/// </summary>
public class InventorySyntaxReaderTests
{
    private const string Forms = """
        using FinCompliance;
        using Pd = FinCompliance.PersonalDataAttribute;
        using static FinCompliance.PersonalDataKind;

        namespace Bank.Outer
        {
            namespace Inner
            {
                [ClientFunds] public struct Money { }

                [RetainedRecord(7), PersistedEntity]
                public class Ledger<TEntry, TKey>
                {
                    [PersonalData(PersonalDataKind.Name)] public string Owner = "", CoOwner = "";
                    [global::FinCompliance.PersonalData(global::FinCompliance.PersonalDataKind.Phone, Level = FinCompliance.PersonalDataLevel.C3)]
                    public string Phone { get; set; } = "";
                    [Pd(PersonalDataKind.Email)] public string Email { get; set; } = "";
                    [PersonalData(BankCardNumber)] public string Card { get; set; } = "";
                    [PersonalDataAttribute((PersonalDataKind)101)] public string Id { get; set; } = "";
                    [field: Encrypted] public string Secret { get; set; } = "";
                    [DataEgress] public event System.EventHandler? Shared;
                    [DataEgress] public event System.EventHandler Sent { add { } remove { } }
                    [ClientFunds] public decimal this[int index] => 0m;
                    [ProductYield] public decimal Yield(int days, [ClientFunds] decimal amount) => 0m;
                    [return: PromotionalReward] public decimal Reward() => 0m;
                    [AuthorizedTransfer("custody " + "sweep")] public void Sweep() { }
                    [AuthorizedTransfer("custody sweep")] public void Sweep2() { }

                    public class Entry { [CustomerReserveFunds] public decimal Reserve; }
                }
            }
        }

        namespace Bank.Records
        {
            [RetainedRecord] public record Trade([PersonalData(PersonalDataKind.TransactionRecord)] string Details, [ClientFunds] decimal Amount);
            public record Derived([PersonalData(PersonalDataKind.Name)] string Name) : Trade(Name, 0m);
            public record Shadowed([PersonalData(PersonalDataKind.Name)] string Name) { public readonly string Name = Name; }
            public partial record Split([PersonalData(PersonalDataKind.Email)] string Email);
            public record Targeted([property: PersonalData(PersonalDataKind.Phone)] string Phone);
            public record struct Point([PersonalData(PersonalDataKind.Address)] string Street);
            [ProductPromotion] public class Banner { }
            [ProductPromotion(ProductKind.Fund)] public class FundBanner { [ProductYield] public decimal SevenDay { get; } }
            public interface IAccount { [PersonalData(PersonalDataKind.AccountNumber)] string Number { get; } }
            public class Account : IAccount { [PersonalData(PersonalDataKind.AccountNumber)] string IAccount.Number => ""; }
            [DataEgress] public delegate void Export<T>(T value);
            public enum Channel { Web, App }
            public class Constants { public const int Years = 9; [RetainedRecord(Years)] public class Archive { } }
        }
        """;

    // Partial records (the masked-record generator needs them partial): read from syntax when no other file declares a
    // part; bound when one does (OtherParts: a same-named property, a base record), with the same entries.
    private const string PartialRecords = """
        using FinCompliance;
        namespace Bank.Partials
        {
            public partial record Single([property: PersonalData(PersonalDataKind.Name)] string Name, [PersonalData(PersonalDataKind.Email)] string Email);
            public partial record Twice([property: PersonalData(PersonalDataKind.Name)] string Name, [PersonalData(PersonalDataKind.Phone)] string Phone);
            public partial record Based([property: PersonalData(PersonalDataKind.Name)] string Name);
            public static partial class Outer { public partial record Nested([property: PersonalData(PersonalDataKind.AccountNumber)] string Id); }
            public record Param([param: PersonalData(PersonalDataKind.Name)] string Name);
        }
        """;

    private const string OtherParts = """
        namespace Bank.Partials
        {
            public partial record Twice { public string Name { get; init; } = Name; }
            public record Base { public string Name { get; init; } = ""; }
            public partial record Based : Base;
        }
        """;

    private const string FileScoped = """
        using FinCompliance;
        namespace Bank.Sales;

        [ProductSale] public sealed class Desk
        {
            [SuitabilityCheck] public bool Check(int customer) => true;
            [OptIn] public bool AddInsurance { get; set; }
            [MasksPersonalData] public static string Mask(string value) => value;
        }

        public static class Outer { public static class Nested<T> { [ProprietaryFunds] public static decimal House; } }
        """;

    // Methods, constructors and their parameters: read from syntax when every parameter type is predefined, else the ID is
    // bound and the attributes are still read from syntax. The other members with parameters (operators, local
    // functions, lambdas, indexers, primary constructors) and file-local types are bound whole.
    private const string Members = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using FinCompliance;
        namespace Bank.Transfers
        {
            public interface ILedger { void Post([ClientFunds] decimal amount); }

            public partial class Desk : ILedger
            {
                [Redemption] public Desk([ClientFunds] decimal opening, string? note, int[] ids) { }
                [Redemption] public void Redeem([ClientFunds] decimal amount, [PersonalData(PersonalDataKind.Name)] string name, decimal? fee = null) { }
                [CustomerIdentification] public bool Identify<T>(T customer, ref int code, out string token, params string[] documents) where T : class { token = ""; return true; }
                [ProductSale] public Task<decimal> SellAsync(List<decimal> amounts, Dictionary<string, decimal> fees, [Redemption] Desk? other) => Task.FromResult(0m);
                void ILedger.Post([ClientFunds] decimal amount) { }
                [SuitabilityCheck] partial void Checked([ClientFunds] decimal amount);
                partial void Checked([ProprietaryFunds] decimal amount) { }
                [AuthorizedTransfer("sweep"), ProductSale] public void Sweep([ProductYield] decimal yield, [DataEgress] object sink) { }
                [AuthorizedTransfer(nameof(Sweep))] public void Named() { }
                public static decimal operator +(Desk desk, [ClientFunds] decimal amount) => amount;
                public decimal this[[ClientFunds] decimal amount] => amount;
                public void Local()
                {
                    void Inner([ClientFunds] decimal amount) { }
                    System.Action<decimal> action = ([ClientFunds] decimal amount) => { };
                }
            }

            public class Primary([ClientFunds] decimal balance) { public decimal Balance => balance; }
            public record Positional([ClientFunds] decimal Balance) { public Positional([ProprietaryFunds] int fee) : this(0m) { } }
            public struct Generic<T> { [ProductSale] public void Sell(T item, [ClientFunds] decimal amount) { } [ProductSale] public void Price([ClientFunds] decimal amount) { } }
            public class Shapes
            {
                static Shapes() { }
                [ProductSale] public Shapes(string?[] names, int? limit, in long size, ref readonly double rate, params object[] rest) { }
                [ProductSale] public void Jagged(int[][] rows, [ClientFunds] decimal[,] grid) { }
                [ProductSale] public void Native(nint handle, dynamic value, [ClientFunds] decimal @checked) { }
                [ProductSale] public void None() { }
            }
            file class Hidden { [ProductSale] public void Sell([ClientFunds] decimal amount) { } [PersonalData(PersonalDataKind.Name)] public string Name { get; set; } = ""; }
            public static class Extensions { [CustomerIdentification] public static bool Verified(this string customer, [PersonalData(PersonalDataKind.Phone)] string phone) => true; }
        }
        """;

    // Methods whose parameters are the project's own types, written as simple names: named from the project's types
    // (SourceTypes) where C#'s lookup can only find that type, else bound.
    private const string ProjectTypes = """
        using System;
        using FinCompliance;
        using Bank.Customers;
        using Bank.Products;
        namespace Bank.Customers { public sealed class Customer { } public struct Money { } public enum Tier { A } public record Snapshot(int Id); }
        namespace Bank.Products { public sealed class Product { } public sealed class Shared { } }
        namespace Bank.Other { public sealed class Shared { } public sealed class Imported { } }
        namespace Bank.Sales
        {
            using Bank.Other;
            public sealed class Local { }
            public sealed class Counter
            {
                [ProductSale] public void Sell(Local local, [ClientFunds] decimal amount) { }
                [ProductSale] public void Share(Shared shared) { }
                [ProductSale] public void Import(Imported imported) { }
            }
        }
        namespace Bank.Orders
        {
            public sealed class OrderBook
            {
                [ProductSale] public void Subscribe(Customer customer, Product product, [ClientFunds] decimal amount) { }
                [ProductSale] public OrderBook(Money? money, Money[] many, Tier tier, Customer? maybe, Snapshot?[] snapshots) { }
                [ProductSale] public void Nested(Inner inner) { }
                [ProductSale] public void Exact(Bank.Customers.Customer customer) { }
                [ProductSale] public void Many(System.Collections.Generic.List<Customer> all) { }
                [ProductSale] public void Text(String text) { }
                [ProductSale] public void Point(Vendor point) { }
                public sealed class Inner { }
            }

            public sealed class Typed<Customer> { [ProductSale] public void Take([ClientFunds] decimal amount, Customer customer) { } }
            public sealed class Vendor { }
        }
        namespace Vendor.Tools { }
        """;

    private const string GlobalImports = """
        global using Bank.Globals;
        using Ledger = Bank.Globals.Account;
        namespace Bank.Globals { public sealed class Account { } public sealed class Ledger { } }
        """;

    private const string UsesGlobalImports = """
        namespace Bank.Elsewhere
        {
            public sealed class Teller
            {
                [FinCompliance.ProductSale] public void Open(Account account) { }
                [FinCompliance.ProductSale] public void Keep(Ledger ledger) { }
            }
        }
        """;

    [Fact]
    public void Syntax_and_binding_give_the_same_entries()
    {
        var sources = new[] { Forms, FileScoped, Members, PartialRecords, OtherParts, ProjectTypes, GlobalImports, UsesGlobalImports }.Concat(RepositorySources.Samples()).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(sources);
        Assert.True(InventorySyntaxReader.Names.AreUnambiguous(compilation, CancellationToken.None));
        var multiPartRecords = MultiPartRecordsOf(compilation);
        Assert.Equal(["Bank.Partials.Based", "Bank.Partials.Twice"], multiPartRecords);

        var types = SourceTypesOf(compilation);
        var bySyntax = new List<InventoryEntry>();
        var byBinding = new List<InventoryEntry>();
        var readFromSyntax = 0;
        var readWithBoundId = 0;
        var namedFromSyntax = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (InventoryCandidateFinder.Find(tree, EquatableArray<UsingAlias>.Empty, CancellationToken.None) is not { } candidates)
            {
                continue;
            }

            bySyntax.AddRange(EntriesOf(candidates, compilation, new InventoryReadContext(BySyntax: true, multiPartRecords), types));
            byBinding.AddRange(EntriesOf(candidates, compilation, new InventoryReadContext(BySyntax: false, multiPartRecords), types));
            var readings = candidates.Nodes.Select(candidate => (candidate, reading: InventorySyntaxReader.Read(candidate, [], multiPartRecords))).ToList();
            readFromSyntax += readings.Count(pair => pair.reading == SyntaxReading.Read);
            readWithBoundId += readings.Count(pair => pair.reading == SyntaxReading.NeedsBoundId);
            namedFromSyntax += readings.Count(pair => pair.reading == SyntaxReading.NeedsBoundId
                && InventorySyntaxReader.TryGetNamedId(pair.candidate.Node, types, out _, out _));
        }

        var expected = Render(byBinding);
        var actual = Render(bySyntax);
        Assert.Equal(expected, actual);
        Assert.Contains("P:Bank.Outer.Inner.Ledger`2.Phone|Property|PersonalData|Phone|C3", expected);
        Assert.Contains("F:Bank.Outer.Inner.Ledger`2.Entry.Reserve|Field|CustomerReserveFunds", expected);
        Assert.Contains("P:Bank.Records.Trade.Details|Property|PersonalData|TransactionRecord", expected);
        Assert.Contains("E:Bank.Outer.Inner.Ledger`2.Shared|Event|DataEgress", expected);
        Assert.Contains("T:Bank.Records.Constants.Archive|Type|RetainedRecord|||Retention: 9 years", expected);
        Assert.Contains("M:Bank.Transfers.Desk.#ctor(System.Decimal,System.String,System.Int32[])/opening|Parameter|ClientFunds", expected);
        Assert.Contains("M:Bank.Transfers.Desk.Identify``1(``0,System.Int32@,System.String@,System.String[])|Method|CustomerIdentification", expected);
        Assert.Contains("M:Bank.Transfers.Desk.Bank#Transfers#ILedger#Post(System.Decimal)/amount|Parameter|ClientFunds", expected);
        Assert.Contains("M:Bank.Transfers.Desk.Checked(System.Decimal)/amount|Parameter|ProprietaryFunds", expected);
        Assert.Contains("M:Bank.Transfers.Desk.Sweep(System.Decimal,System.Object)|Method|AuthorizedTransfer|||sweep", expected);
        Assert.Contains("M:Bank.Transfers.Desk.op_Addition(Bank.Transfers.Desk,System.Decimal)/amount|Parameter|ClientFunds", expected);
        Assert.Contains("M:Bank.Transfers.Generic`1.Sell(`0,System.Decimal)/amount|Parameter|ClientFunds", expected);
        // The forms the reader accepts are most of the candidates; the rest (other members, attribute targets,
        // non-literal arguments) were bound and still agree.
        Assert.True(readFromSyntax >= 20, $"only {readFromSyntax} candidates read from syntax");
        Assert.True(readWithBoundId >= 10, $"only {readWithBoundId} candidates read from syntax with a bound ID");
        Assert.Contains("M:Bank.Transfers.Shapes.#ctor(System.String[],System.Nullable{System.Int32},System.Int64@,System.Double@,System.Object[])|Method|ProductSale", expected);
        Assert.Contains("M:Bank.Transfers.Shapes.None|Method|ProductSale", expected);
        Assert.Contains("M:Bank.Transfers.Generic`1.Price(System.Decimal)/amount|Parameter|ClientFunds", expected);
        // Parameters of the project's own types.
        Assert.Contains("M:Bank.Sales.Counter.Sell(Bank.Sales.Local,System.Decimal)/amount|Parameter|ClientFunds", expected);
        Assert.Contains("M:Bank.Orders.OrderBook.Subscribe(Bank.Customers.Customer,Bank.Products.Product,System.Decimal)|Method|ProductSale", expected);
        Assert.Contains("M:Bank.Orders.OrderBook.#ctor(System.Nullable{Bank.Customers.Money},Bank.Customers.Money[],Bank.Customers.Tier,Bank.Customers.Customer,Bank.Customers.Snapshot[])|Method|ProductSale", expected);
        Assert.Contains("M:Bank.Orders.Typed`1.Take(System.Decimal,`0)/amount|Parameter|ClientFunds", expected);
        Assert.Contains("M:Bank.Elsewhere.Teller.Open(Bank.Globals.Account)|Method|ProductSale", expected);
        foreach (var (method, named) in new[]
        {
            ("Bank.Sales.Counter.Sell", true), ("Bank.Orders.OrderBook.Subscribe", true), ("Bank.Orders.OrderBook.#ctor", true),
            ("Bank.Sales.Counter.Share", false), ("Bank.Sales.Counter.Import", false), ("Bank.Orders.OrderBook.Nested", false),
            ("Bank.Orders.OrderBook.Exact", false), ("Bank.Orders.OrderBook.Many", false), ("Bank.Orders.OrderBook.Text", false),
            ("Bank.Orders.OrderBook.Point", false), ("Bank.Orders.Typed`1.Take", false),
            ("Bank.Elsewhere.Teller.Open", true), ("Bank.Elsewhere.Teller.Keep", false),
        })
        {
            Assert.True(named == NamedFromSyntax(compilation, types, method), $"{method} named from syntax: expected {named}");
        }

        Assert.True(namedFromSyntax >= 5, $"only {namedFromSyntax} candidates named from the project's types");
        // [property: …] on a positional parameter is the property's attribute, listed as the property.
        Assert.Contains("P:Bank.Records.Targeted.Phone|Property|PersonalData|Phone|", expected);
        Assert.Contains("P:Bank.Partials.Single.Name|Property|PersonalData|Name|", expected);
        Assert.Contains("P:Bank.Partials.Single.Email|Property|PersonalData|Email|", expected);
        Assert.Contains("P:Bank.Partials.Outer.Nested.Id|Property|PersonalData|AccountNumber|", expected);
        Assert.Contains("P:Bank.Partials.Twice.Phone|Property|PersonalData|Phone|", expected);
        Assert.Contains("P:Bank.Partials.Param.Name|Property|PersonalData|Name|", expected);
        // Where the parameter makes no property the compiler ignores [property: …] (with a warning): so does the inventory.
        Assert.DoesNotContain("Twice.Name|", expected);
        Assert.DoesNotContain("Based.Name|", expected);
    }

    [Fact]
    public void A_partial_record_is_read_from_syntax_only_when_no_other_file_declares_a_part()
    {
        var compilation = GeneratorHarness.CreateCompilation(PartialRecords, OtherParts);
        var multiPartRecords = MultiPartRecordsOf(compilation);
        var candidates = InventoryCandidateFinder.Find(compilation.SyntaxTrees.First(), EquatableArray<UsingAlias>.Empty, CancellationToken.None)!;
        string Readings(EquatableArray<string>? multiPart)
            => string.Join(" ", candidates.Nodes
                .Where(candidate => candidate.Node is ParameterSyntax)
                .Select(candidate => $"{((ParameterSyntax)candidate.Node).Identifier.ValueText}:{InventorySyntaxReader.Read(candidate, [], multiPart)}"));

        Assert.Equal("Name:Read Email:Read Name:NotSettled Phone:NotSettled Name:NotSettled Id:Read Name:NotSettled", Readings(multiPartRecords));
        Assert.Equal("Name:NotSettled Email:NotSettled Name:NotSettled Phone:NotSettled Name:NotSettled Id:NotSettled Name:NotSettled", Readings(null));
    }

    private static EquatableArray<string> MultiPartRecordsOf(Compilation compilation)
        => SourceDeclarations.MultiPartRecords(
            compilation.SyntaxTrees.Select(tree => SourceDeclarations.Read(tree, InventorySyntaxReader.Names, withTypeFacts: false, CancellationToken.None).PartialRecords).ToImmutableArray());

    private static SourceTypes SourceTypesOf(Compilation compilation)
        => SourceTypes.Create(compilation.SyntaxTrees
                .Select(tree => SourceDeclarations.Read(tree, InventorySyntaxReader.Names, withTypeFacts: true, CancellationToken.None).TypeFacts)
                .ToImmutableArray())
            .WithReferences(compilation, CancellationToken.None);

    /// <summary>Whether the method of that ID prefix (<c>Bank.Orders.OrderBook.Subscribe</c>) is named from syntax.</summary>
    private static bool NamedFromSyntax(Compilation compilation, SourceTypes types, string method)
    {
        var declaration = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            .Single(node => compilation.GetSemanticModel(node.SyntaxTree).GetDeclaredSymbol(node)!.GetDocumentationCommentId()!.StartsWith("M:" + method + "(", StringComparison.Ordinal));
        return InventorySyntaxReader.TryGetNamedId(declaration, types, out _, out _);
    }

    /// <summary>
    /// A file's entries as the generator's three steps give them: what the syntax reads, the IDs the project's types name,
    /// then what is left bound.
    /// </summary>
    private static IEnumerable<InventoryEntry> EntriesOf(InventoryCandidates candidates, Compilation compilation, InventoryReadContext context, SourceTypes types)
    {
        var reading = InventoryParser.NameIds(InventoryParser.ReadFile(candidates, context, CancellationToken.None), types);
        return reading.ToBind is null
            ? reading.Entries
            : reading.Entries.Concat(InventoryParser.BindFile(reading.ToBind, compilation, CancellationToken.None));
    }

    [Theory]
    [InlineData("namespace Vendor { public sealed class EncryptedAttribute : System.Attribute { } }", false)]
    [InlineData("namespace Vendor { public sealed class OptIn : System.Attribute { } }", false)]
    [InlineData("namespace Vendor { public sealed class Redemption { } public sealed class ProductSaleAttribute { } }", true)]
    [InlineData("namespace FinCompliance.Local { public sealed class Other : System.Attribute { } }", true)]
    public void Another_attribute_of_a_category_name_turns_syntax_reading_off(string source, bool expected)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        Assert.Equal(expected, InventorySyntaxReader.Names.AreUnambiguous(compilation, CancellationToken.None));
    }

    // The syntax test that spares the symbol search of the source in almost every build: every way of declaring a type
    // of a category's name is found (it only decides whether the search runs); member names and locals are not types.
    [Theory]
    [InlineData("namespace Vendor.Identity; public sealed class PersonalDataAttribute : System.Attribute { }", true)]
    [InlineData("namespace Vendor { namespace Inner { static class Outer { sealed class Encrypted { } } } }", true)]
    [InlineData("public record ClientFunds(decimal Amount);", true)]
    [InlineData("public record struct OptInAttribute;", true)]
    [InlineData("enum Redemption { None }", true)]
    [InlineData("interface ProductSale { }", true)]
    [InlineData("public delegate void SuitabilityCheck();", true)]
    [InlineData("class Bank { public void PersonalData() { } public int ClientFunds; public event System.Action? OptIn; }", false)]
    [InlineData("class Bank { void M() { var Encrypted = 1; int Redemption() => Encrypted; } }", false)]
    [InlineData("namespace PersonalData { class Ledger { } }", false)]
    [InlineData("class PersonalDataHelper { } class ClientFundsAttributeReader { }", false)]
    public void A_type_named_like_a_category_is_found_by_syntax(string source, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        Assert.Equal(expected, SourceDeclarations.Read(tree, InventorySyntaxReader.Names, withTypeFacts: false, CancellationToken.None).DeclaresName);
    }

    [Theory]
    [InlineData("namespace Vendor.Identity { public sealed class PersonalDataAttribute : System.Attribute { } }", false)]
    [InlineData("namespace Vendor { public sealed class ClientFunds : System.Attribute { } }", false)]
    [InlineData("public sealed class RetainedRecordAttribute : System.Attribute { }", false)]
    [InlineData("namespace Vendor { public static class Outer { public sealed class EncryptedAttribute : System.Attribute { } } }", false)]
    [InlineData("namespace Vendor { public sealed class OptInAttribute<T> : System.Attribute { } }", false)]
    [InlineData("namespace FinCompliance { public sealed class PersonalDataAttribute : System.Attribute { } }", true)]
    [InlineData("namespace FinCompliance { public static class Outer { public sealed class PersonalDataAttribute : System.Attribute { } } }", false)]
    [InlineData("namespace FinCompliance.Vendor { public sealed class OptInAttribute : System.Attribute { } }", false)]
    [InlineData("namespace Vendor { public sealed class PersonalDataAttribute { } }", true)]
    [InlineData("namespace Vendor { public sealed class Ledger : System.Attribute { } }", true)]
    [InlineData("namespace Vendor { public sealed class PersonalDataAttributes : System.Attribute { } public sealed class Encrypt : System.Attribute { } }", true)]
    public void Another_attribute_of_a_category_name_in_a_referenced_assembly_turns_syntax_reading_off(string vendorSource, bool expected)
    {
        // As in ASP.NET Core Identity, whose PersonalDataAttribute a consumer's [PersonalData] could bind to instead.
        var (vendor, image) = Vendor(vendorSource);

        // A compiled reference (its metadata is read) and, as the IDE gives a project reference, a compilation (its symbols are).
        foreach (var reference in new MetadataReference[] { MetadataReference.CreateFromImage(image), vendor.ToMetadataReference() })
        {
            var compilation = GeneratorHarness.CreateCompilation("class Consumer { }").AddReferences(reference);
            Assert.Equal(expected, InventorySyntaxReader.Names.AreUnambiguous(compilation, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("namespace Vendor { public sealed class Helper { } }", true)]
    [InlineData("namespace Vendor { public sealed class Customer { } }", false)]
    [InlineData("namespace Vendor { public static class Outer { public sealed class Customer<T> { } } }", false)]
    [InlineData("namespace Vendor.Customer.Tools { public sealed class Helper { } }", false)]
    [InlineData("namespace Vendor { public sealed class Customers { } }", true)]
    public void A_type_or_namespace_of_the_name_in_a_referenced_assembly_leaves_the_ID_to_binding(string vendorSource, bool named)
    {
        // A type of the name in any namespace of a reference could be what a using brings in, a base type's nested type,
        // or (a namespace) what the lookup finds first: the name is then not settled by the project's types.
        var (vendor, image) = Vendor(vendorSource);

        const string Consumer = """
            using FinCompliance;
            namespace Bank
            {
                public sealed class Customer { }
                public sealed class Desk { [ProductSale] public void Sell(Customer customer) { } }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(Consumer).AddReferences(MetadataReference.CreateFromImage(image));
        Assert.Equal(named, NamedFromSyntax(compilation, SourceTypesOf(compilation), "Bank.Desk.Sell"));

        // A project reference (a compilation, in the IDE): its metadata cannot be read, so no name is settled.
        var withProjectReference = GeneratorHarness.CreateCompilation(Consumer).AddReferences(vendor.ToMetadataReference());
        Assert.False(NamedFromSyntax(withProjectReference, SourceTypesOf(withProjectReference), "Bank.Desk.Sell"));
    }

    /// <summary>A vendor library: its compilation (a project reference, as the IDE gives it) and its compiled image.</summary>
    private static (CSharpCompilation Compilation, byte[] Image) Vendor(string source)
    {
        var vendor = CSharpCompilation.Create(
            "Vendor",
            [CSharpSyntaxTree.ParseText(source)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(vendor.Emit(image).Success);
        return (vendor, image.ToArray());
    }

    // The metadata test agrees with the type names the compiler gives, on every framework reference assembly: each
    // assembly's own names are found (a sample of them, nested and generic types included), names it lacks are not.
    [Fact]
    public void Metadata_type_names_agree_with_the_symbols_on_the_framework()
    {
        const string NoNamespace = "No.Such.Namespace";
        var compilation = GeneratorHarness.CreateCompilation("class Consumer { }");
        var absent = new MetadataTypeNames.NameHashes(["PersonalDataAttribute", "ClientFunds", "NoSuchTypeAnywhere"]);
        var checkedNames = 0;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var reference = Assert.IsAssignableFrom<PortableExecutableReference>(compilation.GetMetadataReference(assembly));
            var names = assembly.TypeNames.OrderBy(name => name, StringComparer.Ordinal).ToList();
            var lacksAbsent = !names.Contains("PersonalDataAttribute") && !names.Contains("ClientFunds") && !names.Contains("NoSuchTypeAnywhere");
            Assert.Equal(!lacksAbsent, MetadataTypeNames.MayDeclareAny(reference, absent, NoNamespace));
            for (var index = 0; index < names.Count; index += 97)
            {
                Assert.True(MetadataTypeNames.MayDeclareAny(reference, new MetadataTypeNames.NameHashes([names[index]]), NoNamespace), $"{names[index]} in {assembly.Name}");
                checkedNames++;
            }
        }

        Assert.True(checkedNames > 100, $"only {checkedNames} names checked");
    }

    [Fact]
    public void A_user_attribute_of_a_category_name_is_not_listed()
    {
        var run = new GeneratorHarness(new ComplianceInventoryGenerator()).Run("""
            using FinCompliance;
            namespace Vendor { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class EncryptedAttribute : System.Attribute { } }
            namespace Bank
            {
                using Vendor;
                public class Card
                {
                    [PersonalData(PersonalDataKind.BankCardNumber), Encrypted] public string Number { get; set; } = "";
                }
            }
            """);
        var inventory = run.Result.GeneratedSources.Single(source => source.HintName.Contains("ComplianceInventory", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("P:Bank.Card.Number|Property|PersonalData|", inventory);
        Assert.DoesNotContain("|Encrypted|", inventory);
    }

    private static string Render(IEnumerable<InventoryEntry> entries)
    {
        var model = InventoryParser.Build(entries.ToEquatableArray(), new InventoryOptions(Enabled: true, DefaultRetentionYears: 5));
        return model is null ? string.Empty : string.Join("\n", model.Entries.Select(entry =>
            $"{entry.Symbol}|{entry.SymbolKind}|{entry.Category}|{entry.Kind}|{entry.Level}|{entry.Detail}"));
    }
}
