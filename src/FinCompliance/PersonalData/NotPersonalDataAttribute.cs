using System;

namespace FinCompliance;

/// <summary>Declares that a member whose name looks like personal data is not (opts out of FIN3006).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class NotPersonalDataAttribute : Attribute
{
}
