using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// The FinCompliance attribute and enum types of one compilation, resolved once and shared by every rule
/// (and the generators) through <see cref="For"/>.
/// </summary>
public sealed class FinComplianceSymbols
{
    private static readonly ConditionalWeakTable<Compilation, FinComplianceSymbols> Cache = new();
    private static readonly FinComplianceSymbols NotReferenced = new();

    private FinComplianceSymbols()
    {
    }

    private FinComplianceSymbols(Compilation compilation)
    {
        IsReferenced = true;
        ProductPromotion = Get(compilation, "ProductPromotionAttribute");
        RiskWarning = Get(compilation, "RiskWarningAttribute");
        ProductYield = Get(compilation, "ProductYieldAttribute");
        PromotionalReward = Get(compilation, "PromotionalRewardAttribute");
        RequiresDisclosure = Get(compilation, "RequiresDisclosureAttribute");
        Disclosure = Get(compilation, "DisclosureAttribute");
        ProductKind = Get(compilation, "ProductKind");
        DisclosureItem = Get(compilation, "DisclosureItem");

        ClientFunds = Get(compilation, "ClientFundsAttribute");
        CustomerReserveFunds = Get(compilation, "CustomerReserveFundsAttribute");
        ProprietaryFunds = Get(compilation, "ProprietaryFundsAttribute");
        Redemption = Get(compilation, "RedemptionAttribute");
        AuthorizedTransfer = Get(compilation, "AuthorizedTransferAttribute");
        InformationIntermediary = Get(compilation, "InformationIntermediaryAttribute");
        CreditEnhancement = Get(compilation, "CreditEnhancementAttribute");

        PersonalData = Get(compilation, "PersonalDataAttribute");
        Encrypted = Get(compilation, "EncryptedAttribute");
        MasksPersonalData = Get(compilation, "MasksPersonalDataAttribute");
        DataEgress = Get(compilation, "DataEgressAttribute");
        PersistedEntity = Get(compilation, "PersistedEntityAttribute");
        NotPersonalData = Get(compilation, "NotPersonalDataAttribute");
        PersonalDataKind = Get(compilation, "PersonalDataKind");
        PersonalDataLevel = Get(compilation, "PersonalDataLevel");
        Masking = Get(compilation, "Masking");

        ProductSale = Get(compilation, "ProductSaleAttribute");
        SuitabilityCheck = Get(compilation, "SuitabilityCheckAttribute");
        RequiresCustomerIdentification = Get(compilation, "RequiresCustomerIdentificationAttribute");
        CustomerIdentification = Get(compilation, "CustomerIdentificationAttribute");
        OptIn = Get(compilation, "OptInAttribute");
        RetainedRecord = Get(compilation, "RetainedRecordAttribute");
    }

    /// <summary>
    /// Whether the compilation references FinCompliance at all. Rules bail out early when it does not, so a
    /// project that does not use the attributes pays nothing.
    /// </summary>
    public bool IsReferenced { get; }

    public INamedTypeSymbol? ProductPromotion { get; }
    public INamedTypeSymbol? RiskWarning { get; }
    public INamedTypeSymbol? ProductYield { get; }
    public INamedTypeSymbol? PromotionalReward { get; }
    public INamedTypeSymbol? RequiresDisclosure { get; }
    public INamedTypeSymbol? Disclosure { get; }
    public INamedTypeSymbol? ProductKind { get; }
    public INamedTypeSymbol? DisclosureItem { get; }

    public INamedTypeSymbol? ClientFunds { get; }
    public INamedTypeSymbol? CustomerReserveFunds { get; }
    public INamedTypeSymbol? ProprietaryFunds { get; }
    public INamedTypeSymbol? Redemption { get; }
    public INamedTypeSymbol? AuthorizedTransfer { get; }
    public INamedTypeSymbol? InformationIntermediary { get; }
    public INamedTypeSymbol? CreditEnhancement { get; }

    public INamedTypeSymbol? PersonalData { get; }
    public INamedTypeSymbol? Encrypted { get; }
    public INamedTypeSymbol? MasksPersonalData { get; }
    public INamedTypeSymbol? DataEgress { get; }
    public INamedTypeSymbol? PersistedEntity { get; }
    public INamedTypeSymbol? NotPersonalData { get; }
    public INamedTypeSymbol? PersonalDataKind { get; }
    public INamedTypeSymbol? PersonalDataLevel { get; }
    public INamedTypeSymbol? Masking { get; }

    public INamedTypeSymbol? ProductSale { get; }
    public INamedTypeSymbol? SuitabilityCheck { get; }
    public INamedTypeSymbol? RequiresCustomerIdentification { get; }
    public INamedTypeSymbol? CustomerIdentification { get; }
    public INamedTypeSymbol? OptIn { get; }
    public INamedTypeSymbol? RetainedRecord { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, computed on first use and cached for its lifetime.</summary>
    public static FinComplianceSymbols For(Compilation compilation)
        => Cache.GetValue(compilation, static c =>
            c.GetTypeByMetadataName("FinCompliance.ProductPromotionAttribute") is null
                ? NotReferenced
                : new FinComplianceSymbols(c));

    private static INamedTypeSymbol? Get(Compilation compilation, string name)
        => compilation.GetTypeByMetadataName("FinCompliance." + name);
}
