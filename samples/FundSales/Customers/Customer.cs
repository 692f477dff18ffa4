using System.Collections.Generic;
using FinCompliance;

namespace FundSales.Customers;

/// <summary>A fund investor as stored by <see cref="CustomerStore"/>.</summary>
public class Customer
{
    public int Id { get; set; }

    // FIN3001: names are C2 identity information too.
    [PersonalData(PersonalDataKind.Name)]
    public string FullName { get; set; } = "";

    // FIN3006: reads as an ID number but nobody classified it, so no other rule protects it.
    public string IdCardNo { get; set; } = "";

    // FIN3001: a bank card number stored in plaintext.
    [PersonalData(PersonalDataKind.BankCardNumber)]
    public string SettlementCardNo { get; set; } = "";

    // Compliant: CustomerStore converts it with the [Encrypted] AesStringConverter.
    [PersonalData(PersonalDataKind.Phone)]
    public string Mobile { get; set; } = "";

    // Compliant: a salted hash is what should be stored.
    [PersonalData(PersonalDataKind.CredentialHash)]
    public string TradingPasswordHash { get; set; } = "";

    public List<SavedCard> Cards { get; set; } = new();
}
