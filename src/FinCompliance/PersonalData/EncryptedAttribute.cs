using System;

namespace FinCompliance;

/// <summary>
/// Stored and transmitted encrypted. On a type: its values are ciphertext. On an EF Core value converter type:
/// members converted with it (<c>HasConversion</c>) count as encrypted.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class EncryptedAttribute : Attribute
{
}
