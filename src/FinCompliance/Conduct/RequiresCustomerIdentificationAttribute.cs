using System;

namespace FinCompliance;

/// <summary>Moves money for a customer or opens an account: customer identification (KYC) must have passed on every path before it is called (FIN5001).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class RequiresCustomerIdentificationAttribute : Attribute
{
}
