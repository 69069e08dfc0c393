using TechTransfer.Patents.Domain;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>What the rights-expiry job applies by the clock: patent term end, declaration lapse (§3.3), custody expiry.</summary>
public sealed class RightsExpiryRulesTests
{
    private static readonly DateTimeOffset Now = Declarations.At(2026, 3, 2);

    [Fact]
    public void An_in_force_patent_expires_the_day_after_its_expiry_date_and_not_before()
    {
        var patent = PatentBuilder.Granted().Build();
        Assert.False(patent.ExpireIfTermEnded(patent.ExpiryDate, Now));
        Assert.Equal(PatentLegalStatus.InForce, patent.LegalStatus);

        Assert.True(patent.ExpireIfTermEnded(patent.ExpiryDate.AddDays(1), Now));
        Assert.Equal(PatentLegalStatus.Expired, patent.LegalStatus);
    }

    [Fact]
    public void Expiring_a_patent_twice_changes_nothing_the_second_time()
    {
        var patent = PatentBuilder.Granted().Build();
        Assert.True(patent.ExpireIfTermEnded(patent.ExpiryDate.AddDays(1), Now));
        Assert.False(patent.ExpireIfTermEnded(patent.ExpiryDate.AddDays(2), Now));
    }

    [Fact]
    public void A_patent_that_already_ended_otherwise_keeps_its_status()
    {
        var patent = PatentBuilder.Granted().Build();
        Assert.True(patent.ChangeLegalStatus(PatentLegalStatus.Invalidated, Now).IsSuccess);
        Assert.False(patent.ExpireIfTermEnded(patent.ExpiryDate.AddDays(1), Now));
        Assert.Equal(PatentLegalStatus.Invalidated, patent.LegalStatus);
    }

    [Theory]
    [InlineData(PatentLegalStatus.Lapsed, OpenLicenseLapseReason.PatentTerminated)]
    [InlineData(PatentLegalStatus.Abandoned, OpenLicenseLapseReason.PatentTerminated)]
    [InlineData(PatentLegalStatus.Invalidated, OpenLicenseLapseReason.PatentInvalidated)]
    [InlineData(PatentLegalStatus.Expired, OpenLicenseLapseReason.TermEnded)]
    public void A_declaration_lapses_when_its_patent_ended(PatentLegalStatus patentStatus, OpenLicenseLapseReason reason)
    {
        var (_, d) = Declarations.Active();
        var today = new DateOnly(2026, 6, 1);
        Assert.True(d.LapseIfEnded(patentStatus, today));
        Assert.Equal(OpenLicenseStatus.Lapsed, d.Status);
        Assert.Equal(reason, d.LapseReason);
        Assert.Equal(today, d.LapsedOn);
    }

    [Fact]
    public void A_declaration_lapses_the_day_after_its_announced_licence_term_ends()
    {
        var (_, d) = Declarations.Active();
        Assert.False(d.LapseIfEnded(PatentLegalStatus.InForce, d.LicenseTermEnd));
        Assert.Equal(OpenLicenseStatus.Active, d.Status);

        Assert.True(d.LapseIfEnded(PatentLegalStatus.InForce, d.LicenseTermEnd.AddDays(1)));
        Assert.Equal(OpenLicenseLapseReason.TermEnded, d.LapseReason);
    }

    [Fact]
    public void A_withdrawn_declaration_does_not_lapse_and_a_lapsed_one_is_left_alone()
    {
        var (_, d) = Declarations.Active();
        Assert.True(d.LapseIfEnded(PatentLegalStatus.Invalidated, new DateOnly(2026, 6, 1)));
        Assert.False(d.LapseIfEnded(PatentLegalStatus.Expired, new DateOnly(2026, 7, 1)));
        Assert.Equal(OpenLicenseLapseReason.PatentInvalidated, d.LapseReason);
        Assert.Equal(new DateOnly(2026, 6, 1), d.LapsedOn);
    }

    private static CustodyAgreement ActiveCustody(DateOnly termEnd)
    {
        var a = CustodyAgreement.Create(Orgs.Fudan, "TG-2026-001", CustodySubjectType.Patent, Guid.NewGuid(), "一种锂电池缺陷检测方法",
            Orgs.TransferCo, "上海某技术转移公司", new CustodyMandate([CustodyDealType.Listing], 100_000m, new DateOnly(2026, 3, 1), termEnd),
            [new CustodyBeneficiary("复旦大学", Orgs.Fudan, 100m)], Now).Value;
        Assert.True(a.Activate(Orgs.TransferCo, Now).IsSuccess);
        return a;
    }

    [Fact]
    public void Active_custody_expires_the_day_after_its_term_and_then_refuses_operations()
    {
        var a = ActiveCustody(new DateOnly(2027, 2, 28));
        Assert.False(a.ExpireIfTermEnded(new DateOnly(2027, 2, 28)));
        Assert.True(a.ExpireIfTermEnded(new DateOnly(2027, 3, 1)));
        Assert.Equal(CustodyStatus.Expired, a.Status);
        Assert.False(a.ExpireIfTermEnded(new DateOnly(2027, 3, 2)));

        var op = a.Operate(Orgs.TransferCo, new CustodyOperationRequest(CustodyDealType.Listing, "", 200_000m, null), Declarations.At(2027, 3, 1));
        Assert.Equal("custody.not_active", op.Error!.Code);
    }

    [Fact]
    public void Terminated_or_draft_custody_does_not_expire()
    {
        var a = ActiveCustody(new DateOnly(2027, 2, 28));
        Assert.True(a.Terminate(Orgs.Fudan, "协商终止", Now).IsSuccess);
        Assert.False(a.ExpireIfTermEnded(new DateOnly(2027, 3, 1)));
        Assert.Equal(CustodyStatus.Terminated, a.Status);
    }

    [Fact]
    public void Renewing_expired_custody_into_the_future_reactivates_it()
    {
        var a = ActiveCustody(new DateOnly(2027, 2, 28));
        Assert.True(a.ExpireIfTermEnded(new DateOnly(2027, 3, 1)));
        Assert.True(a.Renew(Orgs.Fudan, new DateOnly(2028, 2, 29), Declarations.At(2027, 3, 5)).IsSuccess);
        Assert.Equal(CustodyStatus.Active, a.Status);
        Assert.Equal("Active", a.DisplayStatus(new DateOnly(2027, 3, 5)));
    }
}

/// <summary>The custody operator must be chosen (the page's picker sends no id when nothing is chosen).</summary>
public sealed class CustodyOperatorChoiceTests
{
    [Fact]
    public void An_agreement_without_an_operator_is_refused_on_the_operator_field()
    {
        var r = CustodyAgreement.Create(Orgs.Fudan, "TG-2026-009", CustodySubjectType.Patent, Guid.NewGuid(), "一种锂电池缺陷检测方法",
            Guid.Empty, "", new CustodyMandate([CustodyDealType.Listing], 100_000m, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28)),
            [new CustodyBeneficiary("复旦大学", Orgs.Fudan, 100m)], Declarations.At(2026, 3, 2));
        var field = Assert.Single(r.Error!.FieldErrors);
        Assert.Equal(("operatorOrganizationId", "custody.operator_required"), (field.Field, field.Code));
    }
}
