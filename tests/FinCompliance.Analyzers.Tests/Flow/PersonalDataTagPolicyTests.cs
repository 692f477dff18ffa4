using System;
using System.Linq;
using FinCompliance.Analyzers.Flow;
using FinCompliance.Analyzers.PersonalData;

namespace FinCompliance.Analyzers.Tests.Flow;

/// <summary>The personal-data payload: every kind and level survives encoding, merging keeps the plaintext distinction.</summary>
public sealed class PersonalDataTagPolicyTests
{
    public static TheoryData<PersonalInformationKind> ProtectedKinds()
    {
        var data = new TheoryData<PersonalInformationKind>();
        foreach (var kind in Enum.GetValues<PersonalInformationKind>().Where(k => k != PersonalInformationKind.InternalReference))
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedKinds))]
    public void EveryKindRoundTripsAtBothLevels(PersonalInformationKind kind)
    {
        foreach (var level in new[] { SensitivityLevel.C2, SensitivityLevel.C3 })
        {
            var tags = PersonalDataTagPolicy.Encode(new PersonalDataClass(kind, level), encrypted: false);
            Assert.True(tags.HasAny(TagKind.PersonalData));
            Assert.Equal([new PersonalDataClass(kind, level)], PersonalDataTagPolicy.Decode(tags).ToArray());
        }
    }

    [Fact]
    public void C1AndUnclassifiedValuesCarryNothing()
    {
        Assert.True(PersonalDataTagPolicy.Encode(PersonalDataClass.OfKind(PersonalInformationKind.InternalReference), encrypted: false).IsEmpty);
        Assert.True(PersonalDataTagPolicy.Encode(null, encrypted: false).IsEmpty);
    }

    [Fact]
    public void MergingKeepsWhichKindsHadAPlaintextContributor()
    {
        var encryptedCard = PersonalDataTagPolicy.Encode(PersonalDataClass.OfKind(PersonalInformationKind.BankCardNumber), encrypted: true);
        var phone = PersonalDataTagPolicy.Encode(PersonalDataClass.OfKind(PersonalInformationKind.Phone), encrypted: false);
        var cvv = PersonalDataTagPolicy.Encode(PersonalDataClass.OfKind(PersonalInformationKind.CardSecurityCode), encrypted: false);
        var merged = encryptedCard | phone | cvv;

        Assert.Equal(
            ["BankCardNumber, C2", "CardSecurityCode, C3", "Phone, C2"],
            PersonalDataTagPolicy.Decode(merged).Select(c => c.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(
            ["CardSecurityCode, C3", "Phone, C2"],
            PersonalDataTagPolicy.Decode(merged, plaintextOnly: true).Select(c => c.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Empty(PersonalDataTagPolicy.Decode(encryptedCard, plaintextOnly: true));
        Assert.Empty(PersonalDataTagPolicy.Decode(merged.Without(TagKind.PersonalData)));
    }
}
