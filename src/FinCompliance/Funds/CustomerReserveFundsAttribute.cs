using System;

namespace FinCompliance;

/// <summary>
/// A payment institution's customer reserve funds (客户备付金); also client funds. They must not be used to
/// advance redemptions of funds or wealth-management products (FIN2001).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class CustomerReserveFundsAttribute : Attribute
{
}
