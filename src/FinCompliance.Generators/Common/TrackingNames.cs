namespace FinCompliance.Generators;

/// <summary>
/// The names of the tracked pipeline steps (<c>WithTrackingName</c>), in one place so that tests can prove an
/// unrelated edit regenerates nothing.
/// </summary>
public static class TrackingNames
{
    /// <summary>The <c>fincompliance.attribute_aliases</c> option, parsed (shared by all three generators).</summary>
    public const string AttributeAliases = "FinCompliance.AttributeAliases";

    /// <summary>Risk warning: the <c>[ProductPromotion]</c> types, one model each.</summary>
    public const string RiskWarningPromotions = "RiskWarning.Promotions";

    /// <summary>Risk warning: the models that still need a warning once aliases of <c>[RiskWarning]</c> are known.</summary>
    public const string RiskWarningTargets = "RiskWarning.Targets";

    /// <summary>Masked record: the files that declare a partial record (syntax only, cached per file).</summary>
    public const string MaskedRecordFiles = "MaskedRecord.Files";

    /// <summary>Masked record: each of those files read from syntax: the models of the records it settles, and the records left to bind.</summary>
    public const string MaskedRecordParsed = "MaskedRecord.Parsed";

    /// <summary>Masked record: the models of the records the syntax leaves, bound (per file; re-run on each compilation).</summary>
    public const string MaskedRecordBound = "MaskedRecord.Bound";

    /// <summary>Masked record: one model per record (a record declared in parts is parsed once per part).</summary>
    public const string MaskedRecordRecords = "MaskedRecord.Records";

    /// <summary>Masked record: the records that get a <c>PrintMembers</c>, members classified.</summary>
    public const string MaskedRecordTargets = "MaskedRecord.Targets";

    /// <summary>Inventory: the files with attributes that may be inventoried, with their candidate nodes (syntax only, cached per file).</summary>
    public const string InventoryFiles = "Inventory.Files";

    /// <summary>Inventory: per file, the entries read from syntax and the candidates left to bind (no compilation: cached per file).</summary>
    public const string InventoryRead = "Inventory.Read";

    /// <summary>Inventory: each file's reading with the method IDs the project's types settle (re-run per file when those types change).</summary>
    public const string InventoryNamed = "Inventory.Named";

    /// <summary>Inventory: per file with candidates left to bind, their entries (run again for each new compilation).</summary>
    public const string InventoryBound = "Inventory.Bound";

    /// <summary>Inventory: every entry, in file order (sorted by the model).</summary>
    public const string InventoryEntries = "Inventory.Entries";

    /// <summary>Inventory: the build options it reads (on/off, retention years).</summary>
    public const string InventoryOptions = "Inventory.Options";

    /// <summary>Inventory: the final model (null when there is nothing to write or it is turned off).</summary>
    public const string InventoryModel = "Inventory.Model";
}
