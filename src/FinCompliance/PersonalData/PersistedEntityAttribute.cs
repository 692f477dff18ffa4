using System;

namespace FinCompliance;

/// <summary>
/// The type is stored in a database. EF Core entity types (a <c>DbSet&lt;T&gt;</c> on a <c>DbContext</c>) and types
/// with <c>[Table]</c> count without it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
public sealed class PersistedEntityAttribute : Attribute
{
}
