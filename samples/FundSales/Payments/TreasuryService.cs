using FinCompliance;

namespace FundSales.Payments;

/// <summary>End-of-day cash management.</summary>
public sealed class TreasuryService
{
    private readonly InvestorSettlementAccount settlement = new();
    private readonly OwnFundsAccount ownFunds = new();

    /// <summary>Non-compliant: sweeps idle investor money into the operating account (FIN2002).</summary>
    public void SweepIdleCash()
    {
        var idle = settlement.Withdraw(settlement.Balance);
        ownFunds.Deposit(idle);
    }

    /// <summary>Non-compliant: reports one pooled liquidity figure (FIN2002).</summary>
    public decimal AvailableLiquidity() => settlement.Balance + ownFunds.Balance;

    /// <summary>Compliant: a reviewed transfer of the fee investors agreed to.</summary>
    [AuthorizedTransfer("Sales fee of 0.15% per subscription, agreed in the fund contract; reviewed by finance")]
    public void CollectSalesFee(decimal fee) => ownFunds.Deposit(settlement.Withdraw(fee));

    /// <summary>Compliant: the two balances shown side by side, never combined.</summary>
    public string DailyReport()
        => $"investor settlement {settlement.AccountNo}: {settlement.Balance:N2}; own funds: {ownFunds.Balance:N2}";
}
