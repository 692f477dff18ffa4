using System;

namespace FinCompliance;

/// <summary>Marks the risk warning (风险提示) of the enclosing promotion. It must not be empty.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class RiskWarningAttribute : Attribute
{
}
