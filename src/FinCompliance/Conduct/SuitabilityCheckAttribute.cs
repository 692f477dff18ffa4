using System;

namespace FinCompliance;

/// <summary>Checks the customer's risk tolerance against the product's risk level (适当性). Returns <c>bool</c> (or <c>Task&lt;bool&gt;</c>), or throws when the check fails.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class SuitabilityCheckAttribute : Attribute
{
}
