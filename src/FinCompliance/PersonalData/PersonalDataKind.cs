namespace FinCompliance;

/// <summary>
/// The kind of personal financial information. Each kind has a default <see cref="PersonalDataLevel"/>
/// (see <see cref="PersonalDataKinds.DefaultLevel"/>).
/// </summary>
public enum PersonalDataKind
{
    // C3: authentication information
    /// <summary>A password (C3).</summary>
    Password = 0,
    /// <summary>A PIN (C3).</summary>
    Pin = 1,
    /// <summary>A card security code, CVV / CVN2 (C3).</summary>
    CardSecurityCode = 2,
    /// <summary>Magnetic-stripe or chip track data (C3).</summary>
    CardTrackData = 3,
    /// <summary>A card's expiry date (C3).</summary>
    CardExpiry = 4,
    /// <summary>Biometric data: fingerprints, face, voice (C3).</summary>
    Biometric = 5,

    // C2: identity and account information
    /// <summary>A person's name (C2).</summary>
    Name = 100,
    /// <summary>An identity document number, e.g. 身份证号 (C2).</summary>
    IdNumber = 101,
    /// <summary>A phone number (C2).</summary>
    Phone = 102,
    /// <summary>An e-mail address (C2).</summary>
    Email = 103,
    /// <summary>A postal address (C2).</summary>
    Address = 104,
    /// <summary>A bank card number, PAN (C2).</summary>
    BankCardNumber = 105,
    /// <summary>An account number (C2).</summary>
    AccountNumber = 106,
    /// <summary>An account balance (C2).</summary>
    AccountBalance = 107,
    /// <summary>A transaction record (C2).</summary>
    TransactionRecord = 108,
    /// <summary>Income (C2).</summary>
    Income = 109,
    /// <summary>A credit record (C2).</summary>
    CreditRecord = 110,
    /// <summary>A location (C2).</summary>
    Location = 111,
    /// <summary>A one-way hash of a credential (C2; exempt from FIN3001).</summary>
    CredentialHash = 112,
    /// <summary>Any other personal information (C2).</summary>
    Other = 113,

    // C1: internal information
    /// <summary>An internal reference of the institution (C1).</summary>
    InternalReference = 200,
}

/// <summary>Facts about <see cref="PersonalDataKind"/>.</summary>
public static class PersonalDataKinds
{
    /// <summary>The level a kind has unless <see cref="PersonalDataAttribute.Level"/> says otherwise.</summary>
    public static PersonalDataLevel DefaultLevel(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Password or PersonalDataKind.Pin or PersonalDataKind.CardSecurityCode
            or PersonalDataKind.CardTrackData or PersonalDataKind.CardExpiry or PersonalDataKind.Biometric => PersonalDataLevel.C3,
        PersonalDataKind.InternalReference => PersonalDataLevel.C1,
        _ => PersonalDataLevel.C2,
    };
}
