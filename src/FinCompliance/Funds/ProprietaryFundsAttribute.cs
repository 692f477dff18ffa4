using System;

namespace FinCompliance;

/// <summary>The institution's own money (自有资金), to be kept apart from client funds (FIN2002).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class ProprietaryFundsAttribute : Attribute
{
}
