namespace FinCompliance.Generators;

/// <summary>
/// A partial <c>[ProductPromotion]</c> type that has no risk warning member: where it is declared, which product kind
/// it promotes, and the attributes its (own and inherited) fields and properties carry that could be aliases of
/// <c>[RiskWarning]</c> (resolved against <c>fincompliance.attribute_aliases</c> in a later step).
/// </summary>
internal sealed record RiskWarningModel(
    TypeDeclaration Declaration,
    int ProductKind,
    string ProductKindName,
    EquatableArray<string> MemberAttributeNames);
