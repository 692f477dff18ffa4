using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>The EF Core types the Records rules recognise, resolved once per compilation (null when EF Core is absent).</summary>
internal sealed class EntityFrameworkSymbols
{
    private static readonly ConditionalWeakTable<Compilation, EntityFrameworkSymbols> Cache = new();

    private EntityFrameworkSymbols(Compilation compilation)
    {
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");

        // ExecuteDelete[Async] lives in RelationalQueryableExtensions in EF Core 7 and 8, and in
        // EntityFrameworkQueryableExtensions from EF Core 9 on.
        RelationalQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        QueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
    }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? RelationalQueryableExtensions { get; }

    public INamedTypeSymbol? QueryableExtensions { get; }

    public bool IsAvailable => DbSet is not null || DbContext is not null;

    public static EntityFrameworkSymbols For(Compilation compilation)
        => Cache.GetValue(compilation, static c => new EntityFrameworkSymbols(c));
}
