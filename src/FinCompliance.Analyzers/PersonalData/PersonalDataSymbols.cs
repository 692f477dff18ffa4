using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The third-party types the personal-data rules recognise (EF Core through <see cref="EntityFrameworkSymbols"/>, data annotations, the JSON serializers),
/// resolved once per compilation. Any of them may be missing: a project without EF Core has no DbContext.
/// </summary>
public sealed class PersonalDataSymbols
{
    private static readonly ConditionalWeakTable<Compilation, PersonalDataSymbols> Cache = new();

    private PersonalDataSymbols(Compilation compilation)
    {
        EntityFramework = EntityFrameworkSymbols.For(compilation);
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

    /// <summary>EF Core, shared with the records rules.</summary>
    public EntityFrameworkSymbols EntityFramework { get; }

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
