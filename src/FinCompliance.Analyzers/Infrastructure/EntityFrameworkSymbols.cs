using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The EF Core types the rules recognise (persisted entities for the personal-data rules, deletions for the
/// records rules), resolved once per compilation. Each is null when the project does not reference EF Core.
/// </summary>
public sealed class EntityFrameworkSymbols
{
    private static readonly ConditionalWeakTable<Compilation, EntityFrameworkSymbols> Cache = new();

    private EntityFrameworkSymbols(Compilation compilation)
    {
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        ModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
        EntityTypeConfiguration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
        EntityTypeBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder");
        PropertyBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder");
        OwnedAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.OwnedAttribute");

        // ExecuteDelete[Async] lives in RelationalQueryableExtensions in EF Core 7 and 8, and in
        // EntityFrameworkQueryableExtensions from EF Core 9 on.
        RelationalQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        QueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
    }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? ModelBuilder { get; }

    public INamedTypeSymbol? EntityTypeConfiguration { get; }

    public INamedTypeSymbol? EntityTypeBuilder { get; }

    public INamedTypeSymbol? PropertyBuilder { get; }

    public INamedTypeSymbol? OwnedAttribute { get; }

    public INamedTypeSymbol? RelationalQueryableExtensions { get; }

    public INamedTypeSymbol? QueryableExtensions { get; }

    public bool IsAvailable => DbSet is not null || DbContext is not null;

    public static EntityFrameworkSymbols For(Compilation compilation)
        => Cache.GetValue(compilation, static c => new EntityFrameworkSymbols(c));
}
