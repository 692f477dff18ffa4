using System;

namespace FinCompliance;

/// <summary>
/// Pays out redemptions of fund or wealth-management products, or is the account they are paid from.
/// Customer reserve funds must not reach it (FIN2001).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class RedemptionAttribute : Attribute
{
}
