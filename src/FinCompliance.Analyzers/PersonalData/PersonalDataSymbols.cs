using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The third-party types the personal-data rules recognise (EF Core, data annotations, the JSON serializers),
/// resolved once per compilation. Any of them may be missing: a project without EF Core has no DbContext.
/// </summary>
public sealed class PersonalDataSymbols
{
    private static readonly ConditionalWeakTable<Compilation, PersonalDataSymbols> Cache = new();

    private PersonalDataSymbols(Compilation compilation)
    {
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        ModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
        EntityTypeConfiguration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
        EntityTypeBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder");
        PropertyBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder");
        OwnedAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.OwnedAttribute");
        TableAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.TableAttribute");
        NotMappedAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");

        SystemTextJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        SystemTextJsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        SystemTextJsonInclude = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonContent = compilation.GetTypeByMetadataName("System.Net.Http.Json.JsonContent");
        HttpClientJsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");

        NewtonsoftJsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        NewtonsoftJsonSerializer = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializer");
        NewtonsoftJsonIgnore = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonIgnoreAttribute");
        NewtonsoftJsonProperty = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonPropertyAttribute");
        NewtonsoftJsonObject = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonObjectAttribute");
        DataContract = compilation.GetTypeByMetadataName("System.Runtime.Serialization.DataContractAttribute");
        DataMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.DataMemberAttribute");
        IgnoreDataMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.IgnoreDataMemberAttribute");
    }

    public INamedTypeSymbol? DbContext { get; }
    public INamedTypeSymbol? DbSet { get; }
    public INamedTypeSymbol? ModelBuilder { get; }
    public INamedTypeSymbol? EntityTypeConfiguration { get; }
    public INamedTypeSymbol? EntityTypeBuilder { get; }
    public INamedTypeSymbol? PropertyBuilder { get; }
    public INamedTypeSymbol? OwnedAttribute { get; }
    public INamedTypeSymbol? TableAttribute { get; }
    public INamedTypeSymbol? NotMappedAttribute { get; }

    public INamedTypeSymbol? SystemTextJsonSerializer { get; }
    public INamedTypeSymbol? SystemTextJsonIgnore { get; }
    public INamedTypeSymbol? SystemTextJsonInclude { get; }
    public INamedTypeSymbol? JsonContent { get; }
    public INamedTypeSymbol? HttpClientJsonExtensions { get; }

    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }
    public INamedTypeSymbol? NewtonsoftJsonSerializer { get; }
    public INamedTypeSymbol? NewtonsoftJsonIgnore { get; }
    public INamedTypeSymbol? NewtonsoftJsonProperty { get; }
    public INamedTypeSymbol? NewtonsoftJsonObject { get; }
    public INamedTypeSymbol? DataContract { get; }
    public INamedTypeSymbol? DataMember { get; }
    public INamedTypeSymbol? IgnoreDataMember { get; }

    public static PersonalDataSymbols For(Compilation compilation)
        => Cache.GetValue(compilation, static c => new PersonalDataSymbols(c));
}
