using System;

namespace FinCompliance;

/// <summary>A yield figure of the product itself, e.g. the 7-day annualised yield of a money-market fund.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class ProductYieldAttribute : Attribute
{
}
