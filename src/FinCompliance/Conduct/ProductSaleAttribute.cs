using System;

namespace FinCompliance;

/// <summary>Completes the sale or subscription of a financial product to a customer. Every call must follow a passing <see cref="SuitabilityCheckAttribute"/> check on every path (FIN4001).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ProductSaleAttribute : Attribute
{
}
