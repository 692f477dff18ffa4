namespace FinCompliance.Analyzers;

/// <summary>Mirror of <c>FinCompliance.PersonalDataLevel</c> (same values); analyzers do not load the runtime library.</summary>
public enum SensitivityLevel
{
    C1 = 1,
    C2 = 2,
    C3 = 3,
}

/// <summary>Mirror of <c>FinCompliance.PersonalDataKind</c> (same names and values; a test keeps them in step).</summary>
public enum PersonalInformationKind
{
    Password = 0,
    Pin = 1,
    CardSecurityCode = 2,
    CardTrackData = 3,
    CardExpiry = 4,
    Biometric = 5,
    Name = 100,
    IdNumber = 101,
    Phone = 102,
    Email = 103,
    Address = 104,
    BankCardNumber = 105,
    AccountNumber = 106,
    AccountBalance = 107,
    TransactionRecord = 108,
    Income = 109,
    CreditRecord = 110,
    Location = 111,
    CredentialHash = 112,
    Other = 113,
    InternalReference = 200,
}

/// <summary>The classification of one piece of personal financial information: its kind and its level.</summary>
public readonly record struct PersonalDataClass(PersonalInformationKind Kind, SensitivityLevel Level)
{
    /// <summary>What a <c>DataClassificationAttribute</c> subclass or an unspecific alias means: Other, C2.</summary>
    public static PersonalDataClass Other { get; } = new(PersonalInformationKind.Other, SensitivityLevel.C2);

    /// <summary>The level a kind has unless the attribute's <c>Level</c> says otherwise (same table as the runtime).</summary>
    public static SensitivityLevel DefaultLevel(PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.Password or PersonalInformationKind.Pin or PersonalInformationKind.CardSecurityCode
            or PersonalInformationKind.CardTrackData or PersonalInformationKind.CardExpiry or PersonalInformationKind.Biometric => SensitivityLevel.C3,
        PersonalInformationKind.InternalReference => SensitivityLevel.C1,
        _ => SensitivityLevel.C2,
    };

    public static PersonalDataClass OfKind(PersonalInformationKind kind) => new(kind, DefaultLevel(kind));

    /// <summary>C2 or C3: the levels the protection rules (FIN3001–FIN3005) are about.</summary>
    public bool IsProtected => Level >= SensitivityLevel.C2;

    /// <summary>For messages: <c>BankCardNumber, C2</c>.</summary>
    public override string ToString() => $"{Kind}, {Level}";
}
