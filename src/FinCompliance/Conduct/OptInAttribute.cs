using System;

namespace FinCompliance;

/// <summary>An optional add-on or consent: it must default to unselected (FIN4002, no forced bundling).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class OptInAttribute : Attribute
{
}
