using System;

namespace FinCompliance;

/// <summary>Verifies the customer's identity (客户身份识别). Returns <c>bool</c> (or <c>Task&lt;bool&gt;</c>), or throws when identification fails.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class CustomerIdentificationAttribute : Attribute
{
}
