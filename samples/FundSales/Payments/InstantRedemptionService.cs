using System.Threading.Tasks;

namespace FundSales.Payments;

/// <summary>"T+0" redemptions of the money-market fund: the investor is paid before the fund settles.</summary>
public sealed class InstantRedemptionService
{
    private readonly CustomerReserveAccount reserve = new();
    private readonly OwnFundsAccount ownFunds = new();
    private readonly RedemptionPayer payer = new();

    /// <summary>Non-compliant: advances the redemption out of customers' reserve funds (FIN2001).</summary>
    public async Task RedeemFromReserveAsync(string investorId, decimal amount)
    {
        var advance = await reserve.WithdrawAsync(amount);
        await payer.PayAsync(investorId, advance);
    }

    /// <summary>Compliant: the distributor advances its own money and logs which reserve account it did not touch.</summary>
    public async Task RedeemFromOwnFundsAsync(string investorId, decimal amount)
    {
        await payer.PayAsync(investorId, ownFunds.Withdraw(amount));
        payer.Log("advanced from own funds; reserve " + reserve.AccountId + " untouched");
    }

    /// <summary>Compliant: reserve funds settle a payment the customer instructed.</summary>
    public void PayMerchant(string merchantAccountNo, decimal amount)
        => reserve.PayPayee(merchantAccountNo, reserve.Withdraw(amount));
}
