using System;

namespace FinCompliance;

/// <summary>
/// Customer identity or transaction records that must be kept for the retention period (FIN5002).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
public sealed class RetainedRecordAttribute : Attribute
{
    /// <summary>Marks a retained record type.</summary>
    /// <param name="years">The retention period in years; 0 means the build property <c>FinComplianceRetentionYears</c> (default 5).</param>
    public RetainedRecordAttribute(int years = 0) => Years = years;

    /// <summary>The retention period in years; 0 means the project default.</summary>
    public int Years { get; }
}
