using System;

namespace FinCompliance;

/// <summary>Guarantees, compensation, principal or interest protection (增信服务).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CreditEnhancementAttribute : Attribute
{
}
