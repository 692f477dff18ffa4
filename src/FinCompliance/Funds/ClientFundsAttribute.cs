using System;

namespace FinCompliance;

/// <summary>
/// Money that belongs to customers (客户资金). It must be kept apart from the institution's own money
/// (FIN2002) and must not be pooled by an information intermediary (FIN2003).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class ClientFundsAttribute : Attribute
{
}
