using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>
/// R3.16 by the clock (专利法实施细则第一百一十五条): a patent whose next annual fee is still unpaid when the 6-month grace
/// period ends lapses, terminated from the fee's due date; and every date rule of the module reads business dates in
/// Asia/Shanghai, so 23:30 in Shanghai (15:30 UTC) is still that day and 00:30 (16:30 UTC the day before) is the next.
/// </summary>
public sealed class FeeLapseAndBusinessDateTests
{
    private const int Grace = 6;
    private static readonly DateTimeOffset Now = Declarations.At(2026, 3, 2);

    private static Patent FeesPaidUntil(DateOnly paidUntil) => PatentBuilder.Granted().FeesPaidUntil(paidUntil).Build();

    [Fact]
    public void An_unpaid_fee_does_not_lapse_the_patent_on_the_last_day_of_grace()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 5, 9));
        Assert.Equal(new DateOnly(2026, 11, 9), patent.AnnualFeeGraceEndsOn(Grace));
        Assert.False(patent.LapseIfFeesUnpaid(new DateOnly(2026, 11, 9), Grace, Now));
        Assert.Equal(PatentLegalStatus.InForce, patent.LegalStatus);
    }

    [Fact]
    public void An_unpaid_fee_lapses_the_patent_the_day_after_grace_terminated_from_the_due_date()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 5, 9));
        var version = patent.Version;
        Assert.True(patent.LapseIfFeesUnpaid(new DateOnly(2026, 11, 10), Grace, Now));
        Assert.Equal(PatentLegalStatus.Lapsed, patent.LegalStatus);
        Assert.Equal(new DateOnly(2026, 5, 9), patent.LapsedOn);
        Assert.Equal(version + 1, patent.Version);
    }

    [Fact]
    public void Grace_of_a_month_end_due_date_ends_on_the_last_day_of_the_sixth_month()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 8, 31));
        Assert.Equal(new DateOnly(2027, 2, 28), patent.AnnualFeeGraceEndsOn(Grace));
        Assert.False(patent.LapseIfFeesUnpaid(new DateOnly(2027, 2, 28), Grace, Now));
        Assert.True(patent.LapseIfFeesUnpaid(new DateOnly(2027, 3, 1), Grace, Now));
    }

    [Fact]
    public void Lapsing_twice_changes_nothing_the_second_time()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 5, 9));
        Assert.True(patent.LapseIfFeesUnpaid(new DateOnly(2026, 12, 1), Grace, Now));
        var version = patent.Version;
        Assert.False(patent.LapseIfFeesUnpaid(new DateOnly(2026, 12, 2), Grace, Now));
        Assert.Equal(version, patent.Version);
    }

    [Fact]
    public void A_fee_recorded_within_grace_keeps_the_patent_in_force()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 5, 9));
        Assert.True(patent.RecordAnnualFeePaidUntil(new DateOnly(2027, 5, 9), Now).IsSuccess);
        Assert.False(patent.LapseIfFeesUnpaid(new DateOnly(2026, 12, 1), Grace, Now));
        Assert.Equal(PatentLegalStatus.InForce, patent.LegalStatus);
    }

    [Fact]
    public void No_fee_falls_due_once_the_fees_cover_the_whole_term()
    {
        var patent = PatentBuilder.Granted().Build();
        Assert.True(patent.RecordAnnualFeePaidUntil(patent.ExpiryDate, Now).IsSuccess);
        Assert.Null(patent.NextAnnualFeeDue);
        Assert.False(patent.LapseIfFeesUnpaid(patent.ExpiryDate.AddYears(1), Grace, Now));
    }

    [Fact]
    public void A_patent_not_in_force_never_lapses_for_fees()
    {
        var patent = FeesPaidUntil(new DateOnly(2026, 5, 9));
        Assert.True(patent.ChangeLegalStatus(PatentLegalStatus.Invalidated, Now).IsSuccess);
        Assert.False(patent.LapseIfFeesUnpaid(new DateOnly(2027, 1, 1), Grace, Now));
        Assert.Equal(PatentLegalStatus.Invalidated, patent.LegalStatus);
        Assert.Null(patent.LapsedOn);
    }

    [Fact]
    public void A_declaration_on_a_patent_lapsed_for_fees_lapses_as_patent_terminated()
    {
        var (patent, d) = Declarations.Active();
        Assert.True(patent.LapseIfFeesUnpaid(new DateOnly(2026, 11, 10), Grace, Now));
        Assert.True(d.LapseIfEnded(patent.LegalStatus, new DateOnly(2026, 11, 10)));
        Assert.Equal(OpenLicenseLapseReason.PatentTerminated, d.LapseReason);
    }

    // ------------------------------------------------------------ business dates at the Shanghai day boundary

    private static readonly DateTimeOffset At2330Shanghai = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At0030ShanghaiNextDay = new(2026, 3, 10, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_licence_notice_dated_today_in_Shanghai_is_accepted_at_half_past_midnight_when_UTC_is_still_the_day_before()
    {
        var (_, d) = Declarations.Active(); // announced 2026-03-10
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-1", new DateOnly(2026, 3, 11), At0030ShanghaiNextDay);
        Assert.True(grant.IsSuccess, grant.Error?.Code);
    }

    [Fact]
    public void A_licence_notice_dated_tomorrow_is_refused_at_half_past_eleven_at_night_in_Shanghai()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-1", new DateOnly(2026, 3, 11), At2330Shanghai);
        Assert.Equal("open_license.date_in_future", Assert.Single(grant.Error!.FieldErrors).Code);
        Assert.Empty(d.Grants);
    }

    [Fact]
    public void Custody_whose_term_ends_today_in_Shanghai_is_still_active_at_23_30_and_expires_at_00_30()
    {
        var a = CustodyAgreement.Create(Orgs.Fudan, "TG-1", CustodySubjectType.Patent, Guid.NewGuid(), "标的", Orgs.TransferCo, "转移机构",
            new CustodyMandate([CustodyDealType.Listing], 1m, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 10)),
            [new CustodyBeneficiary("复旦大学", null, 100m)], Now).Value;
        Assert.True(a.Activate(Orgs.TransferCo, At2330Shanghai).IsSuccess); // still 2026-03-10, the last day of the term
        Assert.False(a.ExpireIfTermEnded(BusinessTime.DateOf(At2330Shanghai)));
        Assert.True(a.ExpireIfTermEnded(BusinessTime.DateOf(At0030ShanghaiNextDay))); // 2026-03-11 in Shanghai, 2026-03-10 in UTC
        Assert.Equal(CustodyStatus.Expired, a.Status);
    }

    [Fact]
    public void A_payment_dated_today_in_Shanghai_makes_the_grant_effective_and_sets_the_filing_due_three_months_later()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-1", new DateOnly(2026, 3, 10), At2330Shanghai).Value;
        var paid = d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "回单", new DateOnly(2026, 3, 11), Declarations.Options, At0030ShanghaiNextDay);
        Assert.True(paid.IsSuccess, paid.Error?.Code);
        Assert.Equal(new DateOnly(2026, 3, 11), grant.EffectiveOn);
        Assert.Equal(new DateOnly(2026, 6, 11), grant.Filing!.DueOn);
    }
}
