using System.ComponentModel;
using FinCompliance;

namespace FundSales.Sales;

/// <summary>Add-ons offered on the subscription checkout page.</summary>
public sealed class CheckoutOptions
{
    // FIN4002: account-security insurance is ticked for everyone who does not notice it.
    [OptIn]
    public bool AccountSecurityInsurance { get; set; } = true;

    // FIN4002: the default tells the form binder to pre-tick marketing consent.
    [OptIn, DefaultValue(true)]
    public bool MarketingConsent { get; set; }

    // Compliant: unselected until the customer chooses it.
    [OptIn]
    public bool AutoReinvestDividends { get; set; }

    // Not an add-on: no [OptIn], no rule.
    public bool SendConfirmationEmail { get; set; } = true;
}

public sealed record CheckoutForm(bool AccountSecurityInsurance, bool MarketingConsent, bool AutoReinvestDividends);

public static class CheckoutOptionsFactory
{
    // Compliant: the values come from what the customer ticked.
    public static CheckoutOptions FromForm(CheckoutForm form)
        => new()
        {
            AccountSecurityInsurance = form.AccountSecurityInsurance,
            MarketingConsent = form.MarketingConsent,
            AutoReinvestDividends = form.AutoReinvestDividends,
        };

    // FIN4002: the "recommended" bundle switches the add-on on for the customer.
    public static CheckoutOptions Recommended()
        => new() { AutoReinvestDividends = true };
}
