using System;

namespace FinCompliance;

/// <summary>The method returns a masked or redacted form of its input: the result is no longer personal data.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class MasksPersonalDataAttribute : Attribute
{
}
