using System;
using System.Threading.Tasks;
using FinCompliance;

namespace FundSales.Sales;

/// <summary>Compares the customer's risk assessment with the fund's risk level (适当性管理).</summary>
public interface IRiskProfiler
{
    [SuitabilityCheck]
    Task<bool> IsSuitableAsync(string customerId, string fundCode);
}

/// <summary>Books a fund subscription for a customer.</summary>
public interface IFundSubscriptions
{
    [ProductSale]
    Task SubscribeAsync(string customerId, string fundCode, decimal amount);
}

public sealed record SubscriptionRequest(string CustomerId, string FundCode, decimal Amount);

public sealed class SubscriptionFlow
{
    private readonly IRiskProfiler profiler;
    private readonly IFundSubscriptions subscriptions;

    public SubscriptionFlow(IRiskProfiler profiler, IFundSubscriptions subscriptions)
    {
        this.profiler = profiler;
        this.subscriptions = subscriptions;
    }

    // Compliant: the suitability result guards the subscription on every path.
    public async Task<bool> SubscribeAsync(SubscriptionRequest request)
    {
        if (!await profiler.IsSuitableAsync(request.CustomerId, request.FundCode))
        {
            return false;
        }

        await subscriptions.SubscribeAsync(request.CustomerId, request.FundCode, request.Amount);
        return true;
    }

    // FIN4001: small subscriptions skip the suitability check.
    public async Task QuickSubscribeAsync(SubscriptionRequest request)
    {
        if (request.Amount >= 10_000m)
        {
            var suitable = await profiler.IsSuitableAsync(request.CustomerId, request.FundCode);
            if (!suitable)
            {
                throw new InvalidOperationException("The fund is above the customer's risk tolerance.");
            }
        }

        await subscriptions.SubscribeAsync(request.CustomerId, request.FundCode, request.Amount);
    }

    // FIN4001: the check runs once, but the scheduled subscription runs later, unchecked.
    public async Task<Func<Task>> PlanMonthlyAsync(SubscriptionRequest request)
    {
        if (!await profiler.IsSuitableAsync(request.CustomerId, request.FundCode))
        {
            throw new InvalidOperationException("The fund is above the customer's risk tolerance.");
        }

        return () => subscriptions.SubscribeAsync(request.CustomerId, request.FundCode, request.Amount);
    }

    // Compliant: each scheduled run checks again.
    public Func<Task> PlanMonthlyChecked(SubscriptionRequest request)
        => async () =>
        {
            if (await profiler.IsSuitableAsync(request.CustomerId, request.FundCode))
            {
                await subscriptions.SubscribeAsync(request.CustomerId, request.FundCode, request.Amount);
            }
        };
}
