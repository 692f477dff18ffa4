using FinCompliance;

namespace FundSales.Notifications;

/// <summary>How the distributor reaches a fund subscriber: classified once, protected everywhere it flows.</summary>
public sealed class SubscriberContact
{
    public string SubscriberId { get; init; } = "";

    [PersonalData(PersonalDataKind.Name)]
    public string FullName { get; init; } = "";

    [PersonalData(PersonalDataKind.Phone)]
    public string Mobile { get; init; } = "";

    [PersonalData(PersonalDataKind.BankCardNumber)]
    public string SettlementCard { get; init; } = "";

    /// <summary>Ciphertext from the KYC vault: may travel to the custodian, never to a log in clear.</summary>
    [PersonalData(PersonalDataKind.IdNumber), Encrypted]
    public string IdNumberCiphertext { get; init; } = "";

    public string PreferredChannel { get; init; } = "sms";
}
