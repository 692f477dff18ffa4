using System;

namespace FinCompliance;

/// <summary>
/// Returns from a marketing activity (coupons, red packets, rate boosts). They must not be mixed with the
/// product's own yield (FIN1003).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class PromotionalRewardAttribute : Attribute
{
}
