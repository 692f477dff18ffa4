using System;

namespace FinCompliance;

/// <summary>
/// A reviewed movement between client and proprietary funds (for example collecting an earned fee).
/// FIN2002 does not flag commingling inside such a method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class AuthorizedTransferAttribute : Attribute
{
    /// <summary>Marks a reviewed transfer.</summary>
    /// <param name="justification">Why the transfer is allowed, for the reviewer and the audit trail.</param>
    public AuthorizedTransferAttribute(string justification) => Justification = justification;

    /// <summary>Why the transfer is allowed.</summary>
    public string Justification { get; }
}
