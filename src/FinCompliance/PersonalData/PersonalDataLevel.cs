namespace FinCompliance;

/// <summary>Sensitivity levels of personal financial information (JR/T 0171-2020 §4.2).</summary>
public enum PersonalDataLevel
{
    /// <summary>C1: internal information of the institution (e.g. internal customer references).</summary>
    C1 = 1,
    /// <summary>C2: information that identifies a customer or an account (name, ID number, card number, balance…).</summary>
    C2 = 2,
    /// <summary>C3: authentication information (passwords, PINs, card security codes, biometrics…).</summary>
    C3 = 3,
}
