using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FinCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers.Funds;

/// <summary>
/// The tag policy of money: client, reserve and proprietary funds, redemption targets, product yields and
/// promotional rewards (FIN1003, FIN2001, FIN2002). All knowledge of the funds attributes lives here, none in
/// the engine.
/// </summary>
public sealed class FundsTagPolicy : TagPolicy
{
    /// <summary>Tags that a numeric or monetary member read of a tagged object keeps.</summary>
    public const TagKind MoneyKinds = TagKind.ClientFunds | TagKind.CustomerReserveFunds | TagKind.ProprietaryFunds
        | TagKind.ProductYield | TagKind.PromotionalReward;

    /// <summary>Client funds in the sense of FIN2002 (reserve funds are client funds too).</summary>
    public const TagKind AnyClientFunds = TagKind.ClientFunds | TagKind.CustomerReserveFunds;

    private static readonly ConditionalWeakTable<Compilation, FundsTagPolicy> Cache = new();

    // Member names that denote identifiers or counts, not amounts, even when numeric (AccountId, SerialNo, ...).
    private static readonly string[] NonMonetarySuffixes =
        ["Id", "ID", "No", "Number", "Count", "Length", "Code", "Version", "Index", "Days", "Months", "Years", "Hash"];

    private readonly FinComplianceSymbols symbols;
    private readonly FinComplianceAttributes attributes;

    private FundsTagPolicy(FinComplianceAttributes attributes)
    {
        this.attributes = attributes;
        symbols = attributes.Symbols;
    }

    /// <summary>The policy of <paramref name="compilation"/>, shared by every funds rule.</summary>
    public static FundsTagPolicy For(Compilation compilation, FinComplianceAttributes attributes)
        => Cache.GetValue(compilation, _ => new FundsTagPolicy(attributes));

    /// <summary>Funds tags are attributes, which a constructed or substituted member shares with its definition.</summary>
    protected override ISymbol SymbolCacheKey(ISymbol symbol) => symbol.OriginalDefinition;

    /// <summary>
    /// Funds tags of a type are the attributes of its definition and base types (<c>List&lt;ClientAccount&gt;</c>
    /// has <c>List&lt;T&gt;</c>'s); an array or <c>Nullable&lt;T&gt;</c> has its element's (see <see cref="ComputeTypeTags"/>).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    protected override ITypeSymbol TypeCacheKey(ITypeSymbol type)
    {
        while (true)
        {
            if (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
                continue;
            }

            var definition = type.OriginalDefinition;
            if (definition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments: [var underlying] })
            {
                type = underlying;
                continue;
            }

            return definition;
        }
    }

    /// <summary>Symbol tags come from the symbol's own attributes only (return-value attributes for a method).</summary>
    [MethodImpl(JitOptions.Optimized)]
    protected override bool MayHaveSymbolTags(ISymbol symbol) => !TagAttributes(symbol).IsEmpty;

    protected override TagSet ComputeSymbolTags(ISymbol symbol)
    {
        var kinds = TagKind.None;
        foreach (var attribute in TagAttributes(symbol))
        {
            kinds |= KindOf(attribute.AttributeClass, allowRedemption: symbol is IParameterSymbol);
        }

        return new TagSet(kinds);
    }

    /// <summary>The attributes a symbol's tags are read from: a method's return-value attributes, or a field's, property's or parameter's own.</summary>
    private static ImmutableArray<AttributeData> TagAttributes(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.GetReturnTypeAttributes(),
        IFieldSymbol or IPropertySymbol or IParameterSymbol => symbol.GetAttributes(),
        _ => ImmutableArray<AttributeData>.Empty,
    };

    protected override TagSet ComputeTypeTags(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return GetTypeTags(array.ElementType);
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return GetTypeTags(nullable.TypeArguments[0]);
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return TagSet.Empty;
        }

        var kinds = TagKind.None;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                kinds |= KindOf(attribute.AttributeClass, allowRedemption: true);
            }
        }

        return new TagSet(kinds);
    }

    /// <summary>
    /// A numeric or monetary value read from a funds-tagged object keeps its funds tags; identifiers, names,
    /// flags and dates do not. Redemption is a property of the object only, never of its members.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public override TagSet ReadFromCarrier(TagSet carrier, ISymbol member, ITypeSymbol? resultType)
    {
        if (!carrier.HasAny(MoneyKinds) || resultType is null || IsNonMonetaryName(member.Name) || !IsMonetary(resultType))
        {
            return TagSet.Empty;
        }

        return carrier.Only(MoneyKinds);
    }

    /// <summary>
    /// Numeric types, types named like money or amounts, types the policy tags; unwrapping <c>Nullable</c>,
    /// <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c> (an async withdrawal yields money).
    /// </summary>
    public bool IsMonetary(ITypeSymbol type) => IsNumericOrMonetary(type, MoneyKinds);

    /// <summary>
    /// Whether <paramref name="value"/> is text (a <c>string</c>, seen through implicit conversions): a log line or
    /// label that mentions an amount describes money, it cannot fund or move anything, so the money rules do not
    /// count its tags when it is passed or assigned.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsText(IOperation? value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value?.Type?.SpecialType == SpecialType.System_String;
    }

    private static bool IsNonMonetaryName(string name)
    {
        foreach (var suffix in NonMonetarySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private TagKind KindOf(INamedTypeSymbol? attribute, bool allowRedemption)
    {
        // Symbol tags are cached per definition, so the alias look-up runs once per attribute of a tagged symbol.
        var kinds = OwnKindOf(attribute, allowRedemption);
        return attributes.HasAliases ? kinds | OwnKindOf(attributes.AliasTarget(attribute), allowRedemption) : kinds;
    }

    private TagKind OwnKindOf(INamedTypeSymbol? attribute, bool allowRedemption)
    {
        if (attribute is null)
        {
            return TagKind.None;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, symbols.ClientFunds))
        {
            return TagKind.ClientFunds;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, symbols.CustomerReserveFunds))
        {
            return TagKind.CustomerReserveFunds;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, symbols.ProprietaryFunds))
        {
            return TagKind.ProprietaryFunds;
        }

        if (allowRedemption && SymbolEqualityComparer.Default.Equals(attribute, symbols.Redemption))
        {
            return TagKind.Redemption;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, symbols.ProductYield))
        {
            return TagKind.ProductYield;
        }

        return SymbolEqualityComparer.Default.Equals(attribute, symbols.PromotionalReward)
            ? TagKind.PromotionalReward
            : TagKind.None;
    }
}
