using TechTransfer.Patents.Domain;

namespace TechTransfer.UnitTests.Patents;

public sealed class PatentLicenceTests
{
    private static readonly DateOnly Start = new(2026, 4, 1);

    [Theory]
    [InlineData(LicenseScope.Exclusive)]
    [InlineData(LicenseScope.Sole)]
    public void Licence_while_open_declaration_is_active_cannot_be_exclusive_or_sole(LicenseScope scope)
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.RecordLicence("某企业", scope, Start, new DateOnly(2028, 1, 1), openLicenceInForce: true, PatentBuilder.Now);
        Assert.Equal("patent.exclusive_licence_during_open_licence", result.Error?.Code); // R3.10
        Assert.Empty(patent.Licences);
    }

    [Fact]
    public void Ordinary_licence_is_allowed_while_open_declaration_is_active()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.RecordLicence("某企业", LicenseScope.NonExclusive, Start, new DateOnly(2028, 1, 1), openLicenceInForce: true, PatentBuilder.Now);
        Assert.True(result.IsSuccess);
        Assert.Single(patent.Licences);
    }

    [Fact]
    public void Exclusive_licence_is_allowed_without_open_declaration()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.RecordLicence("某企业", LicenseScope.Exclusive, Start, new DateOnly(2028, 1, 1), openLicenceInForce: false, PatentBuilder.Now);
        Assert.True(result.IsSuccess);
        Assert.True(patent.HasActiveExclusiveOrSoleLicence(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void No_other_licence_while_an_exclusive_licence_runs()
    {
        var patent = PatentBuilder.Granted().Build();
        patent.RecordLicence("甲企业", LicenseScope.Exclusive, Start, new DateOnly(2028, 1, 1), false, PatentBuilder.Now);
        var result = patent.RecordLicence("乙企业", LicenseScope.NonExclusive, Start, new DateOnly(2028, 1, 1), false, PatentBuilder.Now);
        Assert.Equal(PatentErrors.ExistingExclusiveLicence.Code, result.Error?.Code);
        Assert.Single(patent.Licences);
    }

    [Fact]
    public void Licence_cannot_run_past_the_patent_expiry()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.RecordLicence("某企业", LicenseScope.NonExclusive, Start, patent.ExpiryDate.AddDays(1), false, PatentBuilder.Now);
        Assert.Equal("patent.licence_beyond_expiry", result.Error?.Code);
        Assert.Empty(patent.Licences);
    }
}
