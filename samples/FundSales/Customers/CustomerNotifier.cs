using System;
using FinCompliance;
using Microsoft.Extensions.Logging;

namespace FundSales.Customers;

/// <summary>Sends subscription confirmations. FIN3003 where personal data reaches the log or an exception unmasked.</summary>
public sealed class CustomerNotifier
{
    private readonly ILogger<CustomerNotifier> logger;

    public CustomerNotifier(ILogger<CustomerNotifier> logger) => this.logger = logger;

    public void Confirm(Customer customer, decimal amount)
    {
        // FIN3003: the settlement card number is logged in clear.
        logger.LogInformation("Subscription of {Amount} debited from card {Card}", amount, customer.SettlementCardNo);

        // Compliant: masked, and an identifier instead of the phone number.
        logger.LogInformation(
            "Confirmation for customer {Id} sent to {Phone}", customer.Id, Masking.Mask(customer.Mobile, PersonalDataKind.Phone));

        if (customer.Cards.Count == 0)
        {
            // FIN3003: exception messages end up in logs and error pages.
            throw new InvalidOperationException($"No saved card for {customer.FullName}");
        }
    }
}
