using System.Threading;
using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.PersonalDataStoredInPlaintextAnalyzer>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class PersonalDataStoredInPlaintextTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations.Schema;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;
        using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

        [Encrypted]
        public sealed class AesConverter : ValueConverter<string, string>
        {
            public AesConverter() : base(v => v, v => v) { }
        }

        public sealed class UpperConverter : ValueConverter<string, string>
        {
            public UpperConverter() : base(v => v.ToUpperInvariant(), v => v) { }
        }

        """;

    private static Task VerifyAsync(string source, string? options = null)
    {
        var test = new Verify.Test { TestCode = Usings + source };
        test.TestState.AddLibraries();
        if (options is not null)
        {
            test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", options));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task DbSetEntityWithPlaintextCardNumberIsFlagged() => VerifyAsync("""
        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public string {|FIN3001:CardNo|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string? {|FIN3001:Mobile|} { get; set; }
            public string DisplayName { get; set; } = "";
        }

        public class ShopContext : DbContext
        {
            public DbSet<Customer> Customers => Set<Customer>();
        }
        """);

    [Fact]
    public Task SameTypeWithoutADbSetIsNotPersisted() => VerifyAsync("""
        public class CustomerDto
        {
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
        }

        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
        }

        public class Order { public int Id { get; set; } public string Sku { get; set; } = ""; }
        """);

    [Fact]
    public Task EncryptedMemberOrTypeIsSilent() => VerifyAsync("""
        [Encrypted] public sealed class Ciphertext { public byte[] Bytes { get; set; } = []; }

        [Table("customers")]
        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber), Encrypted] public string CardNo { get; set; } = "";
            [PersonalData(PersonalDataKind.IdNumber)] public Ciphertext? IdNumber { get; set; }
            [PersonalData(PersonalDataKind.Phone)] public string {|FIN3001:Phone|} { get; set; } = "";
        }
        """);

    [Fact]
    public Task TableAndPersistedEntityTypesArePersisted() => VerifyAsync("""
        [Table("accounts")]
        public class Account
        {
            [PersonalData(PersonalDataKind.AccountNumber)] public string {|FIN3001:Number|} { get; set; } = "";
        }

        [PersistedEntity]
        public class Contact
        {
            [PersonalData(PersonalDataKind.Email)] public string {|FIN3001:Email|} = "";
            [PersonalData(PersonalDataKind.Name)] public string {|FIN3001:Name|} { get; set; } = "";
        }
        """);

    [Fact]
    public Task CredentialHashC1AndComputedMembersAreSilent() => VerifyAsync("""
        [PersistedEntity]
        public class User
        {
            [PersonalData(PersonalDataKind.CredentialHash)] public string PasswordHash { get; set; } = "";
            [PersonalData(PersonalDataKind.InternalReference)] public string CustomerRef { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone, Level = PersonalDataLevel.C1)] public string DeskPhone { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string {|FIN3001:Phone|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string MaskedPhone => Masking.Mask(Phone, PersonalDataKind.Phone);
            [PersonalData(PersonalDataKind.Phone)] public static string? LastSeenPhone { get; set; }
            [NotMapped, PersonalData(PersonalDataKind.Phone)] public string? TypedPhone { get; set; }
        }
        """);

    [Fact]
    public Task HasConversionWithEncryptedConverterInOnModelCreating() => VerifyAsync("""
        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
            [PersonalData(PersonalDataKind.IdNumber)] public string IdNumber { get; set; } = "";
            [PersonalData(PersonalDataKind.AccountNumber)] public string AccountNo { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string {|FIN3001:Phone|} { get; set; } = "";
            [PersonalData(PersonalDataKind.Email)] public string {|FIN3001:Email|} { get; set; } = "";
        }

        public class ShopContext : DbContext
        {
            private static readonly ValueConverter Protector = new AesConverter();

            public DbSet<Customer> Customers => Set<Customer>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                var converter = new AesConverter();
                modelBuilder.Entity<Customer>(b =>
                {
                    b.Property(c => c.CardNo).HasMaxLength(64).HasConversion<AesConverter>();
                    b.Property(c => c.IdNumber).HasConversion(converter);
                    b.Property("AccountNo").HasConversion(Protector);
                    b.Property(c => c.Phone).HasConversion(new UpperConverter());
                    b.Property(c => c.Email).HasConversion<string>();
                });
            }
        }
        """);

    [Fact]
    public Task ConventionConversionWithEncryptedConverterCoversItsType() => VerifyAsync("""
        public readonly record struct CardNumber(string Value);
        public readonly record struct Msisdn(string Value);

        [Encrypted]
        public sealed class CardNumberConverter : ValueConverter<CardNumber, string>
        {
            public CardNumberConverter() : base(v => v.Value, v => new CardNumber(v)) { }
        }

        public sealed class MsisdnConverter : ValueConverter<Msisdn, string>
        {
            public MsisdnConverter() : base(v => v.Value, v => new Msisdn(v)) { }
        }

        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public CardNumber Card { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public CardNumber? BackupCard { get; set; }
            [PersonalData(PersonalDataKind.Phone)] public Msisdn {|FIN3001:Phone|} { get; set; }
        }

        public class ShopContext : DbContext
        {
            public DbSet<Customer> Customers => Set<Customer>();

            protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
            {
                configurationBuilder.Properties<CardNumber>().HaveConversion<CardNumberConverter>();
                configurationBuilder.Properties<Msisdn>().HaveConversion<MsisdnConverter>();
            }
        }
        """);

    [Fact]
    public Task EntityTypeConfigurationCountsAsPersistedAndConverts() => VerifyAsync("""
        public partial class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
        }

        public partial class Customer
        {
            [PersonalData(PersonalDataKind.Address)] public string {|FIN3001:Address|} { get; set; } = "";
        }

        public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
        {
            public void Configure(EntityTypeBuilder<Customer> builder)
                => builder.Property(c => c.CardNo).HasConversion(new AesConverter());
        }
        """);

    [Fact]
    public Task ModelBuilderEntityNavigationsAndBaseClassesArePersisted() => VerifyAsync("""
        public abstract class Party
        {
            [PersonalData(PersonalDataKind.Name)] public string {|FIN3001:Name|} { get; set; } = "";
        }

        public class Customer : Party
        {
            public int Id { get; set; }
            public List<BankCard> Cards { get; set; } = new();
            [NotMapped] public Scratch? Draft { get; set; }
        }

        public class BankCard
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.BankCardNumber)] public string {|FIN3001:Number|} { get; set; } = "";
        }

        public class Scratch
        {
            [PersonalData(PersonalDataKind.BankCardNumber)] public string Number { get; set; } = "";
        }

        public class ShopContext : DbContext
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Customer>().Ignore(c => c.Draft);
            }
        }
        """);

    [Fact]
    public Task IgnoredMemberIsNotPersisted() => VerifyAsync("""
        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
        }

        public class ShopContext : DbContext
        {
            public DbSet<Customer> Customers { get; set; } = null!;
            protected override void OnModelCreating(ModelBuilder modelBuilder)
                => modelBuilder.Entity<Customer>().Ignore(c => c.Phone);
        }
        """);

    [Fact]
    public Task PositionalRecordParameterAttributeCounts() => VerifyAsync("""
        [Table("payees")]
        public record Payee(int Id, [PersonalData(PersonalDataKind.BankCardNumber)] string {|FIN3001:CardNo|}, [PersonalData(PersonalDataKind.Name), Encrypted] string Name);
        """);

    [Fact]
    public Task AliasedVendorAttributesAreUnderstood() => VerifyAsync(
        """
        namespace Vendor
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SensitiveAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class CipherAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class StoredAttribute : System.Attribute { }
            public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Vendor", "Private")) { }
            }
        }

        [Vendor.Stored]
        public class Customer
        {
            [Vendor.Sensitive] public string {|FIN3001:CardNo|} = "";
            [Vendor.Sensitive, Vendor.Cipher] public string IdNo = "";
            [Vendor.PrivateData] public string {|FIN3001:Note|} { get; set; } = "";
        }
        """,
        "Vendor.SensitiveAttribute=PersonalData(BankCardNumber), Vendor.CipherAttribute=Encrypted, Vendor.StoredAttribute=PersistedEntity");

    [Fact]
    public Task C3MembersAreLeftToFin3002() => VerifyAsync("""
        [Table("cards")]
        public class Card
        {
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string Cvv { get; set; } = "";
        }
        """);

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Customer
                {
                    [PersonalData(PersonalDataKind.BankCardNumber)] public string {|FIN3001:CardNo|} { get; set; }
                }

                public class ShopContext : DbContext
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().Property(c => c.).HasConversion<Missing>();
                        modelBuilder.Entity<Nope>();
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    // The storage model skips files whose text cannot hold a candidate call; these spellings must still be read.
    [Theory]
    [InlineData("modelBuilder.Entity\n            <Customer>(b => b.Property(c => c.CardNo).HasConversion /* encrypted */ <AesConverter>());")]
    [InlineData("modelBuilder.\\u0045ntity<Customer>(b => b.Property(c => c.CardNo).HasConversi\\u006Fn<AesConverter>());")]
    public Task ConversionInAnotherFileIsFoundWhateverItsSpelling(string configuration)
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
                    [PersonalData(PersonalDataKind.Phone)] public string {|FIN3001:Phone|} { get; set; } = "";
                }
                """,
        };
        test.TestState.Sources.Add(("ShopContext.cs", """
            using Microsoft.EntityFrameworkCore;

            public class ShopContext : DbContext
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    
            """ + configuration + """

                }
            }
            """));
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    // The calls come from the driver's operations, which skip generated code; the model binds those files itself at compilation end.
    [Theory]
    [InlineData("// <auto-generated/>\n", "", "ShopContext.g.cs")]
    [InlineData("", "[System.CodeDom.Compiler.GeneratedCode(\"scaffold\", \"1.0\")]\n", "ShopContext.cs")]
    public Task ConfigurationInGeneratedCodeIsStillRead(string header, string attribute, string fileName)
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNo { get; set; } = "";
                    [PersonalData(PersonalDataKind.Phone)] public string {|FIN3001:Phone|} { get; set; } = "";
                }

                public class Order
                {
                    public int Id { get; set; }
                    [PersonalData(PersonalDataKind.Address)] public string {|FIN3001:ShipTo|} { get; set; } = "";
                }
                """,
        };
        test.TestState.Sources.Add((fileName, header + """
            using Microsoft.EntityFrameworkCore;

            """ + attribute + """
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Customer>(b => b.Property(c => c.CardNo).HasConversion<AesConverter>());
                }
            }
            """));
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("var ids = new List<int>(); ids.Add(1); var kind = typeof(Microsoft.EntityFrameworkCore.DbContext);", false)]
    [InlineData("var entity = Entity0001(); object Entity0001() => new object();", true)]
    [InlineData("System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(1);", true)]
    [InlineData("client.PostAsJsonAsync(\"/x\", 1);", true)]
    [InlineData("var c = System.Net.Http.Json.JsonContent.Create(1);", true)]
    public void StorageModelPrefilterSkipsOnlyFilesWithoutCandidateCalls(string statement, bool mayContainCandidate)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { void M() { " + statement + " } }");

        Xunit.Assert.Equal(mayContainCandidate, PersonalDataStorageModel.MayContainCandidate(tree));
    }
}
