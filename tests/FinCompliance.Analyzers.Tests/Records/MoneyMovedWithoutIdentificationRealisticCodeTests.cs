using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.MoneyMovedWithoutIdentificationAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Records;

/// <summary>FIN5001 on account-opening and payment services: guards, constructors, expression bodies, KYC outcomes.</summary>
public sealed class MoneyMovedWithoutIdentificationRealisticCodeTests
{
    private const string Services = """
        using System;
        using System.Threading.Tasks;
        using FinCompliance;

        public enum KycStatus { Pending, Verified, Rejected }

        public interface IKyc
        {
            [CustomerIdentification] Task<bool> IsVerifiedAsync(string customerId);
            [CustomerIdentification] void EnsureVerified(string customerId);
            [CustomerIdentification] KycStatus Status(string customerId);
        }

        public interface IPayments
        {
            [RequiresCustomerIdentification] Task TransferAsync(string customerId, decimal amount);
            [RequiresCustomerIdentification] string OpenAccount(string customerId);
        }
        """;

    [Fact]
    public Task IdentifiedPathsAreSilentAndUnidentifiedOnesFlagged() => Verify.VerifyAnalyzerAsync(Services + """
        public sealed class PaymentService(IKyc kyc, IPayments payments)
        {
            public async Task PayAsync(string customerId, decimal amount)
            {
                ArgumentException.ThrowIfNullOrEmpty(customerId);
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
                if (!await kyc.IsVerifiedAsync(customerId)) throw new UnauthorizedAccessException();
                await payments.TransferAsync(customerId, amount);
            }

            public string Open(string customerId) => kyc.Status(customerId) switch
            {
                KycStatus.Verified => payments.OpenAccount(customerId),
                _ => throw new InvalidOperationException("KYC not passed"),
            };

            public string OpenUnchecked(string customerId) => {|FIN5001:payments.OpenAccount(customerId)|};

            public async Task PayWithoutIdentificationAsync(string customerId, decimal amount)
            {
                ArgumentException.ThrowIfNullOrEmpty(customerId);
                await {|FIN5001:payments.TransferAsync(customerId, amount)|};
            }
        }

        public sealed class AccountOpening
        {
            public AccountOpening(IKyc kyc, IPayments payments, string customerId)
            {
                kyc.EnsureVerified(customerId);
                AccountNo = payments.OpenAccount(customerId);
            }

            public AccountOpening(IPayments payments, string customerId)
                => AccountNo = {|FIN5001:payments.OpenAccount(customerId)|};

            public string AccountNo { get; }
        }
        """);
}
