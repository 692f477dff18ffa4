namespace FinCompliance.Generators;

/// <summary>
/// One row of the compliance inventory: a symbol classified by a FinCompliance attribute.
/// <see cref="Symbol"/> is the documentation-comment ID (<c>P:Bank.Customer.Phone</c>); for a parameter or return
/// value it is the method's ID followed by <c>/</c> and the parameter name or <c>return</c>.
/// <see cref="RetentionYears"/> is the <c>[RetainedRecord]</c> period (0: the project default), -1 elsewhere.
/// </summary>
internal sealed record InventoryEntry(
    string Symbol,
    string SymbolKind,
    string Category,
    string Kind,
    string Level,
    string Detail,
    int RetentionYears);

/// <summary>The build properties the inventory reads.</summary>
internal sealed record InventoryOptions(bool Enabled, int DefaultRetentionYears);

/// <summary>What the emitter writes: every entry, sorted, with project defaults applied.</summary>
internal sealed record InventoryModel(EquatableArray<InventoryEntry> Entries);
