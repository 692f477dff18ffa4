using System;
using System.Linq;

namespace FinCompliance.Analyzers.Tests.PersonalData;

/// <summary>The analyzers mirror the runtime enums (they cannot load the runtime library); keep them in step.</summary>
public sealed class PersonalDataClassTests
{
    [Fact]
    public void KindMirrorMatchesTheRuntimeEnum()
    {
        var runtime = Enum.GetValues<global::FinCompliance.PersonalDataKind>().Select(k => (k.ToString(), (int)k));
        var mirror = Enum.GetValues<PersonalInformationKind>().Select(k => (k.ToString(), (int)k));
        Assert.Equal(runtime, mirror);
    }

    [Fact]
    public void LevelMirrorMatchesTheRuntimeEnum()
    {
        var runtime = Enum.GetValues<global::FinCompliance.PersonalDataLevel>().Select(k => (k.ToString(), (int)k));
        var mirror = Enum.GetValues<SensitivityLevel>().Select(k => (k.ToString(), (int)k));
        Assert.Equal(runtime, mirror);
    }

    [Fact]
    public void DefaultLevelsMatchTheRuntime()
    {
        foreach (var kind in Enum.GetValues<global::FinCompliance.PersonalDataKind>())
        {
            Assert.Equal((int)global::FinCompliance.PersonalDataKinds.DefaultLevel(kind), (int)PersonalDataClass.DefaultLevel((PersonalInformationKind)(int)kind));
        }
    }

    [Theory]
    [InlineData("Vendor.SensitiveAttribute=PersonalData(Other), Pay.PrivacyPropertyAttribute=Encrypted", 0)]
    [InlineData("A.BAttribute=PersonalData(PersonalDataKind.BankCardNumber); C.D=ClientFundsAttribute", 0)]
    [InlineData("A.B=PersonalData(Nope)", 1)]
    [InlineData("A.B=AuthorizedTransfer", 1)]
    [InlineData("A.B", 1)]
    [InlineData("=Encrypted, A.B=", 2)]
    [InlineData("A B=Encrypted", 1)]
    [InlineData("", 0)]
    public void AliasesReportBadEntries(string option, int errors)
        => Assert.Equal(errors, AttributeAliases.Parse(option).Errors.Length);

    [Fact]
    public void AliasesIgnoreUnreadableEntriesButKeepTheRest()
    {
        var aliases = AttributeAliases.Parse("A.B=Nope, Vendor.SensitiveAttribute=PersonalData(Phone)");
        Assert.Single(aliases.Errors);
        Assert.False(aliases.IsEmpty);
    }
}
