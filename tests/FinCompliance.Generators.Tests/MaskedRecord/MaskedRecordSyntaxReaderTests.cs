using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FinCompliance.Generators.Tests.MaskedRecord;

/// <summary>
/// The masked-record generator reads the common record from syntax (issue #6); these tests hold that path to the
/// binding path it replaces: the same model for every record the reader settles, and binding for everything else.
/// </summary>
public class MaskedRecordSyntaxReaderTests
{
    private const string Forms = """
        using System;
        using FinCompliance;
        using Pd = FinCompliance.PersonalDataAttribute;
        using static FinCompliance.PersonalDataKind;

        public partial record Global([property: PersonalData(PersonalDataKind.Name)] string Name);

        namespace Bank.Masking
        {
            // The synthetic code base's form (bench/SyntheticCodebase).
            public partial record CustomerSnapshot(
                int Id,
                [property: PersonalData(PersonalDataKind.Name)] string Name,
                [property: PersonalData(PersonalDataKind.Email)] string Email,
                decimal Balance);

            public partial record Plain(int Id, [property: PersonalData(PersonalDataKind.Name)] string Name, [PersonalData(PersonalDataKind.Phone)] string Phone, decimal Balance);

            public sealed partial record Sealed([property: PersonalDataAttribute(PersonalDataKind.Email, Level = PersonalDataLevel.C3)] string Email)
            {
                [PersonalData(PersonalDataKind.BankCardNumber)] public long? Card;
                [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Password)] public string? Password { get; init; }
                [global::FinCompliance.PersonalData(PersonalDataKind.AccountBalance)] public decimal Balance { get; init; }
                [PersonalData(PersonalDataKind.Name), NotPersonalData] public string Alias { get; init; } = "";
                [NotPersonalData()] public string Plain { get; init; } = "";
                [field: PersonalData(PersonalDataKind.Name)] public string FieldTargeted { get; init; } = "";
                [property: PersonalData(PersonalDataKind.Address)] public string Street { get; init; } = "";
                public int WriteOnly { set { } }
                public static int Count;
                public const int Max = 3;
                [PersonalData(PersonalDataKind.Name)] internal string Internal { get; init; } = "";
                [PersonalData(PersonalDataKind.Name)] private string Hidden = "";
                public string this[int i] => Hidden;
                public event Action? Changed;
                public byte[] Photo { get; init; } = [];
                public object? Tag { get; init; }
                public int?[] Scores { get; init; } = [];
                public string Computed => Email;
                public int First, Second;
                public Sealed(string email, int first) : this(email) => First = first;
                public override string ToString() => base.ToString();
                public void Raise() => Changed?.Invoke();
            }

            public abstract partial record Abstract([property: NotPersonalData, PersonalData(PersonalDataKind.Address)] string Address)
            {
                public abstract string Kind { get; }
                [PersonalData(PersonalDataKind.Phone, Level = PersonalDataLevel.C1)] public string Landline { get; init; } = "";
            }

            public partial record OptedOutParameter([NotPersonalData][property: PersonalData(PersonalDataKind.Name)] string Name);
            public partial record NoEvidence(int Id, string Name);
            public partial record Empty();
            public partial record BodyOnly { [PersonalData(PersonalDataKind.IdNumber)] public string IdNumber { get; init; } = ""; }

            // Left to binding:
            public partial record Derived(string Nickname) : Plain(1, Nickname, "", 0m);
            public partial record Generic<T>([property: PersonalData(PersonalDataKind.Name)] string Name, T Value);
            public partial record struct Point([property: PersonalData(PersonalDataKind.Address)] string Street);
            public partial record Dated([property: PersonalData(PersonalDataKind.Name)] string Name, DateTime Born);
            public partial record Aliased([property: Pd(PersonalDataKind.Email)] string Email);
            public partial record Marked([property: Obsolete] string Name);
            public partial record Printing([property: PersonalData(PersonalDataKind.Name)] string Name)
            {
                protected virtual bool PrintMembers(System.Text.StringBuilder builder) => true;
            }
            public partial record Redeclared([property: PersonalData(PersonalDataKind.Name)] string Name) { public string Name { get; init; } = Name; }
            public partial class Outer { public partial record Nested([property: PersonalData(PersonalDataKind.Phone)] string Phone); }
            public partial record Split([property: PersonalData(PersonalDataKind.Name)] string Name);
            public partial record Params(params int[] Values) { [PersonalData(PersonalDataKind.Name)] public string Name { get; init; } = ""; }
            public partial record Imported([property: PersonalData(Phone)] string Phone);
            public partial record Cast([property: PersonalData((PersonalDataKind)5)] string Value);
            public partial record Typed([property: PersonalData(PersonalDataKind.Name)] string Name, Plain Owner);
        }
        """;

    private const string FileScoped = """
        using FinCompliance;
        namespace Bank.Masking.Scoped;

        public partial record Contact([property: PersonalData(PersonalDataKind.Email)] string Email, string? Note, long? Mobile);
        """;

    private const string OtherPart = """
        namespace Bank.Masking
        {
            public partial record Split { public int Extra { get; init; } }
        }
        """;

    private static readonly string[] LeftToBinding =
    [
        "Bank.Masking.Derived", "Bank.Masking.Generic`1", "Bank.Masking.Point", "Bank.Masking.Dated", "Bank.Masking.Aliased",
        "Bank.Masking.Marked", "Bank.Masking.Printing", "Bank.Masking.Redeclared", "Bank.Masking.Outer.Nested", "Bank.Masking.Split",
        "Bank.Masking.Params", "Bank.Masking.Imported", "Bank.Masking.Cast", "Bank.Masking.Typed",
    ];

    [Fact]
    public void Syntax_and_binding_give_the_same_models()
    {
        var compilation = GeneratorHarness.CreateCompilation(Forms, FileScoped, OtherPart);
        var multiPartRecords = MultiPartRecordsOf(compilation);
        Assert.Equal(["Bank.Masking.Split"], multiPartRecords);
        Assert.True(MaskedRecordSyntaxReader.Names.AreUnambiguous(compilation, CancellationToken.None));

        var settled = new List<string>();
        var bound = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            foreach (var record in MaskedRecordParser.PartialRecords(tree.GetRoot()))
            {
                var id = SourceDeclarations.TypeId(record)!;
                if (!MaskedRecordSyntaxReader.TryRead(record, multiPartRecords, out var bySyntax))
                {
                    bound.Add(id);
                    continue;
                }

                settled.Add(id);
                var byBinding = MaskedRecordParser.Parse((INamedTypeSymbol)semanticModel.GetDeclaredSymbol(record)!, compilation, CancellationToken.None);
                Assert.True(Equals(byBinding, bySyntax), $"{id}:\n  binding {Render(byBinding)}\n  syntax  {Render(bySyntax)}");
            }
        }

        Assert.Equal(LeftToBinding.Order(), bound.Distinct().Order());
        Assert.Contains("Bank.Masking.Sealed", settled);
        Assert.Contains("Bank.Masking.Scoped.Contact", settled);
        Assert.Contains("Global", settled);
        Assert.Contains("Bank.Masking.CustomerSnapshot", settled);
        Assert.Equal(10, settled.Count);
    }

    [Fact]
    public void What_the_syntax_reads_of_a_record()
    {
        var compilation = GeneratorHarness.CreateCompilation(Forms);
        var models = MaskedRecordSyntaxReader.ReadFile(compilation.SyntaxTrees.Single(), new MaskedRecordReadContext(BySyntax: true, EquatableArray<string>.Empty), CancellationToken.None).Models;
        var byName = models.ToDictionary(model => model.Declaration.MetadataName);

        var @sealed = byName["Bank.Masking.Sealed"];
        Assert.Equal("private", @sealed.Modifiers);
        Assert.Equal(
            "Email Card Password Balance Alias Plain FieldTargeted Street Photo Tag Scores Computed First Second",
            string.Join(" ", @sealed.Members.Select(member => member.Name)));
        var alias = @sealed.Members.Single(member => member.Name == "Alias");
        Assert.True(alias.NotPersonalData);
        Assert.Empty(@sealed.Members.Single(member => member.Name == "FieldTargeted").Own);
        Assert.Equal(ValueShape.NullableValue, @sealed.Members.Single(member => member.Name == "Card").Shape);
        Assert.Equal(ValueShape.String, @sealed.Members.Single(member => member.Name == "Password").Shape);
        Assert.Equal(ValueShape.Reference, @sealed.Members.Single(member => member.Name == "Scores").Shape);
        Assert.Equal((int)Analyzers.SensitivityLevel.C3, Assert.Single(@sealed.Members[0].Own).Level);

        Assert.Equal("protected virtual", byName["Bank.Masking.Abstract"].Modifiers);
        Assert.Equal("Bank.Masking", byName["Bank.Masking.Plain"].Declaration.Namespace);
        Assert.Equal(string.Empty, byName["Global"].Declaration.Namespace);
        // Records without evidence are settled, and nothing is generated for them.
        Assert.DoesNotContain("Bank.Masking.NoEvidence", byName.Keys);
        Assert.DoesNotContain("Bank.Masking.Empty", byName.Keys);
    }

    [Fact]
    public void Without_syntax_reading_every_record_is_bound()
    {
        var compilation = GeneratorHarness.CreateCompilation(Forms);
        var reading = MaskedRecordSyntaxReader.ReadFile(compilation.SyntaxTrees.Single(), new MaskedRecordReadContext(BySyntax: false, EquatableArray<string>.Empty), CancellationToken.None);
        Assert.Empty(reading.Models);
        Assert.Equal(
            MaskedRecordParser.PartialRecords(compilation.SyntaxTrees.Single().GetRoot()).Count(),
            reading.ToBind!.Records.Length);
    }

    [Theory]
    [InlineData("namespace App { public sealed class NotPersonalDataAttribute : System.Attribute { } }", false)]
    [InlineData("namespace App { public sealed class PersonalData : System.Attribute { } }", false)]
    [InlineData("namespace App { public sealed class PersonalDataHelper { } public enum NotPersonalData { A } }", true)]
    public void Another_attribute_of_those_names_turns_syntax_reading_off(string source, bool expected)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        Assert.Equal(expected, MaskedRecordSyntaxReader.Names.AreUnambiguous(compilation, CancellationToken.None));
    }

    [Theory]
    [InlineData("using PersonalData = Vendor.SensitiveAttribute;", true)]
    [InlineData("namespace App { using NotPersonalDataAttribute = Vendor.SensitiveAttribute; }", true)]
    [InlineData("global using PersonalDataAttribute = Vendor.SensitiveAttribute;", true)]
    [InlineData("using Pd = FinCompliance.PersonalDataAttribute;", false)]
    public void A_using_alias_of_those_names_is_found(string source, bool expected)
    {
        var tree = GeneratorHarness.CreateCompilation(source).SyntaxTrees.Single();
        Assert.Equal(expected, SourceDeclarations.Read(tree, MaskedRecordSyntaxReader.Names, withTypeFacts: false, CancellationToken.None).DeclaresAliasOfName);
    }

    [Fact]
    public void An_alias_named_PersonalData_for_another_attribute_is_bound_not_read()
    {
        const string Source = """
            using PersonalData = Vendor.TagAttribute;
            namespace Vendor { public sealed class TagAttribute(FinCompliance.PersonalDataKind kind) : System.Attribute { public FinCompliance.PersonalDataKind Kind { get; } = kind; } }
            namespace App
            {
                public partial record Lead([property: PersonalData(FinCompliance.PersonalDataKind.Phone)] string Mobile);
                public static class Probe { public static string Show() => new Lead("13812345678").ToString(); }
            }
            """;

        // Vendor.TagAttribute is no personal-data attribute: the record is printed as the compiler prints it.
        var run = new GeneratorHarness(new MaskedRecordGenerator()).Run(Source);
        Assert.Empty(run.Sources);
    }

    private static EquatableArray<string> MultiPartRecordsOf(Compilation compilation)
        => SourceDeclarations.MultiPartRecords(
            compilation.SyntaxTrees.Select(tree => SourceDeclarations.Read(tree, MaskedRecordSyntaxReader.Names, withTypeFacts: false, CancellationToken.None).PartialRecords).ToImmutableArray());

    private static string Render(MaskedRecordModel? model)
        => model is null
            ? "(nothing)"
            : $"{model.Declaration} {model.Modifiers} derived={model.IsDerived} struct={model.IsStruct} "
              + string.Join("; ", model.Members.Select(member =>
                  $"{member.Name}:{member.Shape} own=[{string.Join(",", member.Own)}] out={member.NotPersonalData} type=[{string.Join(",", member.FromType)}]"));
}
