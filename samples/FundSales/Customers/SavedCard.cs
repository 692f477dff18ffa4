using FinCompliance;

namespace FundSales.Customers;

/// <summary>A card the customer saved for quick subscriptions (an entity reached through <see cref="Customer.Cards"/>).</summary>
public class SavedCard
{
    public int Id { get; set; }

    // Compliant: [Encrypted] on the member, the application stores ciphertext.
    [PersonalData(PersonalDataKind.BankCardNumber), Encrypted]
    public string CardNumberCiphertext { get; set; } = "";

    // FIN3002: the card security code must not be kept after authorisation, encrypted or not.
    [PersonalData(PersonalDataKind.CardSecurityCode)]
    public string Cvv { get; set; } = "";
}
