using System;

namespace FinCompliance;

/// <summary>
/// Personal financial information (个人金融信息). C2/C3 values must not be stored in plaintext (FIN3001), written to
/// logs (FIN3003), printed by a generated <c>ToString</c> (FIN3004) or sent to third parties unmasked (FIN3005);
/// C3 values must not be persisted or serialized at all (FIN3002).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = true, AllowMultiple = false)]
public sealed class PersonalDataAttribute : Attribute
{
    /// <summary>Classifies the member as personal data of the given kind, at the kind's default level.</summary>
    public PersonalDataAttribute(PersonalDataKind kind)
    {
        Kind = kind;
        Level = PersonalDataKinds.DefaultLevel(kind);
    }

    /// <summary>The kind of information.</summary>
    public PersonalDataKind Kind { get; }

    /// <summary>The sensitivity level; defaults from <see cref="Kind"/>.</summary>
    public PersonalDataLevel Level { get; set; }
}
