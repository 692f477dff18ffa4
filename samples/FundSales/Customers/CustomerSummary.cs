using FinCompliance;

namespace FundSales.Customers;

/// <summary>
/// What the service desk sees. FIN3004: the compiler-generated ToString prints IdNumber and Mobile in clear wherever a
/// summary is logged or interpolated. Making the record partial lets the generator print them masked.
/// </summary>
public record CustomerSummary(
    int CustomerId,
    [property: PersonalData(PersonalDataKind.IdNumber)] string IdNumber,
    [property: PersonalData(PersonalDataKind.Phone)] string Mobile);

/// <summary>A hand-written ToString: FIN3004 at the unmasked card number, not at the masked name.</summary>
public sealed class SubscriptionReceipt
{
    [PersonalData(PersonalDataKind.Name)]
    public string InvestorName { get; set; } = "";

    [PersonalData(PersonalDataKind.BankCardNumber)]
    public string DebitCardNo { get; set; } = "";

    public decimal Amount { get; set; }

    public override string ToString()
        => $"{Masking.Mask(InvestorName, PersonalDataKind.Name)} paid {Amount:N2} from card {DebitCardNo}";
}
