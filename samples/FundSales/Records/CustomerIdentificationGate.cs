using System.Threading.Tasks;
using FinCompliance;

namespace FundSales.Records;

/// <summary>Identity verification (客户身份识别): throws when the customer cannot be identified.</summary>
public interface IIdentityVerification
{
    [CustomerIdentification]
    Task EnsureIdentifiedAsync(string customerId);

    [CustomerIdentification]
    bool IsIdentified(string customerId);
}

/// <summary>Moves money out of the platform.</summary>
public interface IPaymentGateway
{
    [RequiresCustomerIdentification]
    Task WithdrawToBankAsync(string customerId, decimal amount);
}

public sealed class WithdrawalService
{
    private readonly IIdentityVerification identity;
    private readonly IPaymentGateway payments;

    public WithdrawalService(IIdentityVerification identity, IPaymentGateway payments)
    {
        this.identity = identity;
        this.payments = payments;
    }

    // Compliant: identification completes before the withdrawal.
    public async Task WithdrawAsync(string customerId, decimal amount)
    {
        await identity.EnsureIdentifiedAsync(customerId);
        await payments.WithdrawToBankAsync(customerId, amount);
    }

    // FIN5001: the retry path skips identification.
    public async Task WithdrawWithRetryAsync(string customerId, decimal amount, bool isRetry)
    {
        if (!isRetry && !identity.IsIdentified(customerId))
        {
            return;
        }

        await payments.WithdrawToBankAsync(customerId, amount);
    }
}
