namespace FinCompliance.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData(PersonalDataKind.BankCardNumber, "6222021234567890123", "622202*********0123")]
    [InlineData(PersonalDataKind.AccountNumber, "1234567890", "******7890")]
    [InlineData(PersonalDataKind.Phone, "13812345678", "138****5678")]
    [InlineData(PersonalDataKind.IdNumber, "110101199003074512", "1****************2")]
    [InlineData(PersonalDataKind.Name, "张三丰", "张**")]
    [InlineData(PersonalDataKind.Email, "alice@example.com", "a***@example.com")]
    [InlineData(PersonalDataKind.CardSecurityCode, "123", "***")]
    [InlineData(PersonalDataKind.Password, "correct horse battery staple", "***")]
    [InlineData(PersonalDataKind.Address, "北京市西城区金融大街1号", "***")]
    public void MasksEachKindAsDocumented(PersonalDataKind kind, string value, string expected)
        => Assert.Equal(expected, Masking.Mask(value, kind));

    [Fact]
    public void NullStaysNull() => Assert.Null(Masking.Mask(null, PersonalDataKind.BankCardNumber));

    [Theory]
    [InlineData(PersonalDataKind.BankCardNumber, "6222021234")]
    [InlineData(PersonalDataKind.Phone, "1381234")]
    [InlineData(PersonalDataKind.Name, "张")]
    [InlineData(PersonalDataKind.Email, "@example.com")]
    [InlineData(PersonalDataKind.IdNumber, "")]
    public void ShortValuesAreFullyMasked(PersonalDataKind kind, string value)
        => Assert.Equal(Masking.FullMask, Masking.Mask(value, kind));

    [Fact]
    public void LevelsDefaultFromKind()
    {
        Assert.Equal(PersonalDataLevel.C3, new PersonalDataAttribute(PersonalDataKind.Pin).Level);
        Assert.Equal(PersonalDataLevel.C2, new PersonalDataAttribute(PersonalDataKind.CredentialHash).Level);
        Assert.Equal(PersonalDataLevel.C1, new PersonalDataAttribute(PersonalDataKind.InternalReference).Level);
        Assert.Equal(PersonalDataLevel.C1, new PersonalDataAttribute(PersonalDataKind.Name) { Level = PersonalDataLevel.C1 }.Level);
    }
}
