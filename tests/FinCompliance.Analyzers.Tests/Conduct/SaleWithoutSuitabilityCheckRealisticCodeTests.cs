using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.SaleWithoutSuitabilityCheckAnalyzer>;

namespace FinCompliance.Analyzers.Tests.Conduct;

/// <summary>FIN4001 on the service code a fund platform writes: DI services, guards, using, switch, parallel loops.</summary>
public sealed class SaleWithoutSuitabilityCheckRealisticCodeTests
{
    private const string Services = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using FinCompliance;

        public sealed record SubscribeRequest(string CustomerId, string FundCode, decimal Amount);

        public enum SuitabilityOutcome { Suitable, Unsuitable, NeedsReview }

        public sealed record SuitabilityResult(bool IsSuitable, string Reason);

        public interface IAssessor
        {
            [SuitabilityCheck] SuitabilityResult Assess(string customer, string fund);
            [SuitabilityCheck] Task<SuitabilityResult> AssessAsync(string customer, string fund);
        }

        public interface IRiskProfiler
        {
            [SuitabilityCheck] Task<bool> IsSuitableAsync(string customer, string fund, CancellationToken ct = default);
            [SuitabilityCheck] bool IsSuitable(string customer, string fund);
            [SuitabilityCheck] void EnsureSuitable(string customer, string fund);
        }

        public interface IOrderBook
        {
            [ProductSale] Task<Guid> SubscribeAsync(SubscribeRequest request, CancellationToken ct = default);
            [ProductSale] Guid Subscribe(SubscribeRequest request);
        }
        """;

    private static Task VerifyAsync(string body) => Verify.VerifyAnalyzerAsync(Services + "\n" + body + "\n");

    [Fact]
    public Task GuardedServiceMethodsAreSilent() => VerifyAsync("""
        public sealed class SubscriptionService(IRiskProfiler profiler, IOrderBook orders)
        {
            public async Task<Guid> SubscribeAsync(SubscribeRequest request, CancellationToken ct)
            {
                ArgumentNullException.ThrowIfNull(request);
                var ok = await profiler.IsSuitableAsync(request.CustomerId, request.FundCode, ct).ConfigureAwait(false);
                if (!ok) throw new InvalidOperationException("Not suitable");
                using var audit = new MemoryStream();
                try
                {
                    return await orders.SubscribeAsync(request, ct);
                }
                finally
                {
                    audit.Flush();
                }
            }

            public Guid Quick(SubscribeRequest r) => profiler.IsSuitable(r.CustomerId, r.FundCode) ? orders.Subscribe(r) : Guid.Empty;

            public Guid Switched(SubscribeRequest r)
            {
                switch (profiler.IsSuitable(r.CustomerId, r.FundCode))
                {
                    case true:
                        return orders.Subscribe(r);
                    default:
                        return Guid.Empty;
                }
            }

            public void Batch(IEnumerable<SubscribeRequest> requests)
            {
                Parallel.ForEach(requests, r =>
                {
                    profiler.EnsureSuitable(r.CustomerId, r.FundCode);
                    orders.Subscribe(r);
                });
            }

            public Guid Guarded(SubscribeRequest r)
            {
                using (new MemoryStream())
                {
                    if (!profiler.IsSuitable(r.CustomerId, r.FundCode))
                    {
                        return Guid.Empty;
                    }

                    return orders.Subscribe(r);
                }
            }
        }
        """);

    [Fact]
    public Task UnguardedServiceMethodsAreFlagged() => VerifyAsync("""
        public sealed class SubscriptionService(IRiskProfiler profiler, IOrderBook orders)
        {
            public async Task<Guid> SubscribeAsync(SubscribeRequest request, CancellationToken ct)
            {
                var ok = await profiler.IsSuitableAsync(request.CustomerId, request.FundCode, ct);
                if (!ok) Console.WriteLine("unsuitable, continuing");
                return await {|FIN4001:orders.SubscribeAsync(request, ct)|};
            }

            public Guid Quick(SubscribeRequest r) => {|FIN4001:orders.Subscribe(r)|};

            public void Batch(IEnumerable<SubscribeRequest> requests)
            {
                foreach (var r in requests) profiler.EnsureSuitable(r.CustomerId, r.FundCode);
                Parallel.ForEach(requests, r => {|FIN4001:orders.Subscribe(r)|});
            }

            public Guid AfterFinally(SubscribeRequest r)
            {
                try
                {
                    profiler.EnsureSuitable(r.CustomerId, r.FundCode);
                }
                catch (InvalidOperationException)
                {
                }

                return {|FIN4001:orders.Subscribe(r)|};
            }

            public Guid ResultIgnored(SubscribeRequest r)
            {
                _ = profiler.IsSuitable(r.CustomerId, r.FundCode);
                return {|FIN4001:orders.Subscribe(r)|};
            }
        }
        """);

    [Fact]
    public Task AnAssessmentResultMustBeKeptToCount() => VerifyAsync("""
        public sealed class AssessedSubscriptions(IAssessor assessor, IOrderBook orders)
        {
            public Guid Tested(SubscribeRequest r)
            {
                var result = assessor.Assess(r.CustomerId, r.FundCode);
                if (!result.IsSuitable) throw new InvalidOperationException(result.Reason);
                return orders.Subscribe(r);
            }

            public async Task<Guid> TestedAsync(SubscribeRequest r)
            {
                var result = await assessor.AssessAsync(r.CustomerId, r.FundCode);
                return result.IsSuitable ? orders.Subscribe(r) : Guid.Empty;
            }

            public Guid Ignored(SubscribeRequest r)
            {
                assessor.Assess(r.CustomerId, r.FundCode);
                return {|FIN4001:orders.Subscribe(r)|};
            }

            public Guid Discarded(SubscribeRequest r)
            {
                _ = assessor.Assess(r.CustomerId, r.FundCode);
                return {|FIN4001:orders.Subscribe(r)|};
            }

            public async Task<Guid> IgnoredAsync(SubscribeRequest r)
            {
                await assessor.AssessAsync(r.CustomerId, r.FundCode);
                return {|FIN4001:orders.Subscribe(r)|};
            }
        }
        """);
}
