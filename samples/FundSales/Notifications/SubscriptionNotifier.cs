using System;
using System.Threading.Tasks;
using FinCompliance;
using Microsoft.Extensions.Logging;

namespace FundSales.Notifications;

/// <summary>Confirms fund subscriptions to the subscriber and to partners, and logs what happened.</summary>
public sealed class SubscriptionNotifier(ILogger<SubscriptionNotifier> logger, IPartnerGateway partner)
{
    /// <summary>Non-compliant: the subscriber's mobile number lands in the application log (FIN3003).</summary>
    public void LogConfirmation(SubscriberContact contact, decimal amount)
        => logger.LogInformation("Subscription of {Amount} confirmed for {Mobile}", amount, contact.Mobile);

    /// <summary>Compliant: the log names the subscriber by id and shows only a masked mobile number.</summary>
    public void LogConfirmationMasked(SubscriberContact contact, decimal amount)
        => logger.LogInformation(
            "Subscription of {Amount} confirmed for {Subscriber} ({Mobile})",
            amount, contact.SubscriberId, Masking.Mask(contact.Mobile, PersonalDataKind.Phone));

    /// <summary>Non-compliant: the card number travels into an exception message, and from there into every log (FIN3003).</summary>
    public void RejectCard(SubscriberContact contact)
    {
        var message = $"Settlement card {contact.SettlementCard} was declined";
        throw new InvalidOperationException(message);
    }

    /// <summary>Compliant: the exception says which subscriber and how long the card number was, not the number.</summary>
    public void RejectCardSafely(SubscriberContact contact)
        => throw new InvalidOperationException(
            $"Settlement card of {contact.SubscriberId} ({contact.SettlementCard.Length} digits) was declined");

    /// <summary>Non-compliant: the marketing partner receives the name and mobile number in clear (FIN3005).</summary>
    public Task ShareWithMarketingAsync(SubscriberContact contact)
        => partner.PushAsync("campaign", new { contact.SubscriberId, contact.FullName, contact.Mobile });

    /// <summary>
    /// Compliant: the partner gets a masked mobile number; the custodian gets the identity number only as
    /// ciphertext (<c>[Encrypted]</c>).
    /// </summary>
    public async Task ShareSafelyAsync(SubscriberContact contact)
    {
        await partner.PushAsync("campaign", new { contact.SubscriberId, Mobile = Masking.Mask(contact.Mobile, PersonalDataKind.Phone) });
        await partner.PushAsync("custodian", new { contact.SubscriberId, contact.IdNumberCiphertext });
    }

    /// <summary>Compliant: whether a card is on file is a fact about the data, not the data.</summary>
    public void LogCardOnFile(SubscriberContact contact)
        => Console.WriteLine($"{contact.SubscriberId}: card on file = {!string.IsNullOrEmpty(contact.SettlementCard)}");
}
