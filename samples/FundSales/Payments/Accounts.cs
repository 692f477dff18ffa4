using System.Threading.Tasks;
using FinCompliance;

namespace FundSales.Payments;

/// <summary>The payment licence's customer reserve funds (客户备付金), held at the central bank.</summary>
[CustomerReserveFunds]
public sealed class CustomerReserveAccount
{
    public string AccountId { get; } = "PBOC-RESERVE-001";

    public decimal Balance { get; private set; }

    public decimal Withdraw(decimal amount)
    {
        Balance -= amount;
        return amount;
    }

    public Task<decimal> WithdrawAsync(decimal amount) => Task.FromResult(Withdraw(amount));

    /// <summary>Settles a payment the customer instructed (to a merchant or back to the customer).</summary>
    public void PayPayee(string payeeAccountNo, decimal amount)
    {
    }
}

/// <summary>The distributor's own operating account (自有资金).</summary>
[ProprietaryFunds]
public sealed class OwnFundsAccount
{
    public decimal Balance { get; set; }

    public decimal Withdraw(decimal amount)
    {
        Balance -= amount;
        return amount;
    }

    public void Deposit(decimal amount) => Balance += amount;
}

/// <summary>Fund-sale settlement money that belongs to investors (客户资金).</summary>
[ClientFunds]
public sealed class InvestorSettlementAccount
{
    public string AccountNo { get; } = "SETTLE-7788";

    public decimal Balance { get; set; }

    public decimal Withdraw(decimal amount)
    {
        Balance -= amount;
        return amount;
    }
}

/// <summary>Pays investors who redeem money-market fund units.</summary>
[Redemption]
public sealed class RedemptionPayer
{
    public Task PayAsync(string investorId, decimal amount) => Task.CompletedTask;

    public void Log(string message)
    {
    }
}
