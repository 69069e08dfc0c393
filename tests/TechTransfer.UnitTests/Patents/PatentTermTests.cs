using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Patents;

/// <summary>R3.8: term from type and filing date, plus term compensation.</summary>
public sealed class PatentTermTests
{
    [Theory]
    [InlineData(PatentType.Invention, "2040-05-09")]
    [InlineData(PatentType.UtilityModel, "2030-05-09")]
    [InlineData(PatentType.Design, "2030-05-09")] // filed before 2021-06-01: 10 years for designs
    public void Expiry_follows_type_and_filing_date(PatentType type, string expected)
    {
        var patent = PatentBuilder.Granted().OfType(type).FiledOn(new DateOnly(2020, 5, 10)).Build();
        Assert.Equal(DateOnly.Parse(expected), patent.ExpiryDate);
    }

    [Fact]
    public void Design_filed_after_the_2021_amendment_is_protected_fifteen_years()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.Design).FiledOn(new DateOnly(2021, 6, 1)).Build();
        Assert.Equal(new DateOnly(2036, 5, 31), patent.ExpiryDate);
    }

    [Fact]
    public void Term_compensation_extends_the_invention_expiry()
    {
        var patent = PatentBuilder.Granted().FiledOn(new DateOnly(2020, 5, 10)).WithCompensation(100).Build();
        Assert.Equal(new DateOnly(2040, 5, 9).AddDays(100), patent.ExpiryDate);
    }

    [Fact]
    public void Term_compensation_on_a_utility_model_is_rejected()
    {
        var details = PatentBuilder.Granted().OfType(PatentType.UtilityModel).WithCompensation(30).Details();
        var result = Patent.Register(Orgs.Fudan, details, PatentTermRules.Default, PatentBuilder.Now);
        Assert.True(result.IsFailure);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "patent.term_compensation_invention_only");
    }

    [Fact]
    public void Application_number_is_normalised_from_office_formats()
    {
        Assert.Equal("2020101234567", Patent.NormalizeApplicationNo(" ZL CN2020 1012 3456.7 "));
        Assert.Equal("2020101234567", PatentBuilder.Granted().Build().ApplicationNo);
    }

    [Fact]
    public void Patent_without_grant_cannot_be_in_force()
    {
        var details = PatentBuilder.Granted().NotGranted().WithStatus(PatentLegalStatus.InForce).Details();
        var result = Patent.Register(Orgs.Fudan, details, PatentTermRules.Default, PatentBuilder.Now);
        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "patent.in_force_without_grant");
    }

    [Fact]
    public void Grant_before_filing_is_rejected()
    {
        var details = PatentBuilder.Granted().Details() with { GrantAnnouncementDate = new DateOnly(2019, 1, 1) };
        var result = Patent.Register(Orgs.Fudan, details, PatentTermRules.Default, PatentBuilder.Now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "patent.grant_before_filing");
    }

    [Fact]
    public void Update_cannot_change_the_application_number()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.Update(PatentBuilder.Granted().Details() with { ApplicationNo = "CN202199999999.1", Title = "新名称" },
            PatentTermRules.Default, PatentBuilder.Now);
        Assert.Equal(PatentErrors.ApplicationNoChanged.Code, result.Error?.Code);
        Assert.Equal("一种锂电池缺陷检测方法", patent.Title);
    }

    [Fact]
    public void Fee_paid_until_cannot_move_backwards()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.RecordAnnualFeePaidUntil(new DateOnly(2025, 1, 1), PatentBuilder.Now);
        Assert.Equal(PatentErrors.FeePaidUntilGoesBack.Code, result.Error?.Code);
        Assert.Equal(new DateOnly(2026, 5, 9), patent.AnnualFeePaidUntil);
    }

    [Fact]
    public void Released_pledge_is_no_longer_active()
    {
        var patent = PatentBuilder.Granted().Build();
        var pledge = patent.AddPledge("上海银行", new DateOnly(2025, 1, 1), 1_000_000m, PatentBuilder.Now).Value;
        Assert.True(patent.HasActivePledge(PatentBuilder.Today));
        Assert.True(patent.ReleasePledge(pledge.Id, new DateOnly(2026, 1, 1), PatentBuilder.Now).IsSuccess);
        Assert.False(patent.HasActivePledge(PatentBuilder.Today));
    }

    [Fact]
    public void Suspension_needs_a_reason()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = patent.Suspend(" ", PatentBuilder.Now);
        Assert.Equal(PatentErrors.SuspensionReasonRequired.Code, Assert.Single(result.Error!.FieldErrors).Code);
        Assert.False(patent.IsSuspended);
    }

    [Fact]
    public void Error_messages_are_bilingual_cite_the_article_and_carry_the_rule_as_a_field()
    {
        var e = PatentErrors.ExclusiveLicenceWhileOpenLicence(LicenseScope.Exclusive);
        Assert.Equal("R3.10", e.Rule);
        Assert.DoesNotContain("R3.10", e.Zh + e.En);
        Assert.Contains("专利法第五十一条", e.Zh);
        Assert.Contains("Patent Law art. 51", e.En);
        Assert.Contains("独占许可", e.Message(Bilingual.Chinese));
        Assert.StartsWith("An open-licence", e.Message(Bilingual.English));
    }
}
