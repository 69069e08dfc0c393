using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel.Organizations;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R5.3 (Shanghai idle trigger) and R5.4 (national state intervention, foreign transfer approval).</summary>
public sealed class IdleAchievementTests
{
    private readonly DateTimeOffset _registered = Clock().GetUtcNow();

    [Fact]
    public void Fiscally_funded_achievement_registered_more_than_a_year_ago_without_conversion_is_flagged_R5_3()
    {
        var a = Registered(_registered);
        var now = _registered.AddYears(1).AddDays(1);
        Assert.True(a.EvaluateIdle(ShanghaiIdle, now));
        Assert.True(a.EligibleForCompleterLedConversion);
        Assert.Equal(now, a.IdleFlaggedAt);
        Assert.Equal(366, a.AgeInDays(now));
    }

    [Fact]
    public void Achievement_registered_exactly_a_year_ago_is_not_yet_flagged_R5_3()
    {
        var a = Registered(_registered);
        Assert.False(a.EvaluateIdle(ShanghaiIdle, _registered.AddYears(1)));
        Assert.False(a.EligibleForCompleterLedConversion);
    }

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public void A_scan_late_on_the_anniversary_does_not_flag_an_achievement_registered_early_that_day_R5_3()
    {
        var a = Registered(new DateTimeOffset(2025, 3, 2, 9, 0, 0, Shanghai));
        // 2026-03-02 23:30 in Shanghai is after the registration instant plus a year, but still the anniversary date
        Assert.False(a.EvaluateIdle(ShanghaiIdle, new DateTimeOffset(2026, 3, 2, 23, 30, 0, Shanghai)));
        Assert.False(a.EligibleForCompleterLedConversion);
        Assert.True(a.EvaluateIdle(ShanghaiIdle, new DateTimeOffset(2026, 3, 3, 0, 0, 0, Shanghai)));
        Assert.True(a.EligibleForCompleterLedConversion);
    }

    [Fact]
    public void Business_dates_are_Shanghai_dates_not_UTC_dates_R5_3()
    {
        // registered at 07:30 on 2 March in Shanghai, which is 23:30 UTC on 1 March: by UTC dates a run at 15:59 UTC on
        // 2 March 2026 would be a year and a day later; in Shanghai it is 23:59 on the anniversary, so not yet idle
        var a = Registered(new DateTimeOffset(2025, 3, 2, 7, 30, 0, Shanghai));
        Assert.False(a.EvaluateIdle(ShanghaiIdle, new DateTimeOffset(2026, 3, 2, 15, 59, 0, TimeSpan.Zero)));
        Assert.True(a.EvaluateIdle(ShanghaiIdle, new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(366, a.AgeInDays(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_completer_cannot_request_a_grant_on_the_anniversary_evening_but_can_the_next_morning_R5_3()
    {
        var registered = new DateTimeOffset(2025, 3, 2, 9, 0, 0, Shanghai);
        var a = Registered(registered);
        var options = new RightsGrantOptions();
        var terms = new RightsGrantTerms(GrantType.Ownership, 10m, [new("李娜", People.LiNa, 90m)], null, null, 20m, 80m,
            "收益单位 20%、完成人 80%", "完成人决策", "完成人承担", FeeBearer.Completers);
        var evening = new DateTimeOffset(2026, 3, 2, 22, 0, 0, Shanghai);
        a.EvaluateIdle(ShanghaiIdle, evening);
        Assert.Equal("rights_grant.completer_request_requires_idle", RightsGrant.Request(a, terms, People.CoInventor, options, evening).Error?.Code);
        var morning = new DateTimeOffset(2026, 3, 3, 8, 0, 0, Shanghai);
        a.EvaluateIdle(ShanghaiIdle, morning);
        Assert.True(RightsGrant.Request(a, terms, People.CoInventor, options, morning).IsSuccess);
    }

    [Fact]
    public void Own_funded_achievement_is_never_flagged_R5_3()
    {
        var a = Registered(_registered, Input(funding: FundingSource.Own));
        a.EvaluateIdle(ShanghaiIdle, _registered.AddYears(3));
        Assert.False(a.EligibleForCompleterLedConversion);
    }

    [Fact]
    public void Achievement_with_conversion_in_progress_is_not_flagged_R5_3()
    {
        var a = Registered(_registered);
        a.UpdateConversion(ConversionStatus.InProgress, ConversionMode.License, People.Office, _registered.AddMonths(2));
        a.EvaluateIdle(ShanghaiIdle, _registered.AddYears(2));
        Assert.False(a.EligibleForCompleterLedConversion);
    }

    [Fact]
    public void Recorded_justification_clears_and_prevents_the_flag_R5_3()
    {
        var a = Registered(_registered);
        a.EvaluateIdle(ShanghaiIdle, _registered.AddYears(2));
        Assert.True(a.EligibleForCompleterLedConversion);
        Assert.True(a.RecordIdleJustification("涉及国防安全，暂缓转化", People.Office, _registered.AddYears(2)).IsSuccess);
        Assert.False(a.EligibleForCompleterLedConversion);
        Assert.False(a.EvaluateIdle(ShanghaiIdle, _registered.AddYears(2).AddDays(1)));
        Assert.False(a.EligibleForCompleterLedConversion);
    }

    [Fact]
    public void Justification_must_not_be_empty_R5_3()
    {
        var a = Registered(_registered);
        var result = a.RecordIdleJustification(" ", People.Office, _registered);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.justification_required");
        Assert.Null(a.IdleJustification);
    }

    [Fact]
    public void Idle_period_is_configuration_R5_3()
    {
        var a = Registered(_registered);
        var twoYears = ShanghaiIdle with { IdlePeriodYears = 2 };
        a.EvaluateIdle(twoYears, _registered.AddMonths(18));
        Assert.False(a.EligibleForCompleterLedConversion);
        a.EvaluateIdle(twoYears, _registered.AddMonths(25));
        Assert.True(a.EligibleForCompleterLedConversion);
    }

    [Fact]
    public void Flag_is_kept_with_its_first_date_on_later_runs_R5_3()
    {
        var a = Registered(_registered);
        var first = _registered.AddMonths(13);
        a.EvaluateIdle(ShanghaiIdle, first);
        Assert.False(a.EvaluateIdle(ShanghaiIdle, first.AddDays(1)));
        Assert.Equal(first, a.IdleFlaggedAt);
    }

    [Fact]
    public void Fiscal_project_result_not_implemented_within_the_reasonable_period_is_flagged_for_state_intervention_R5_4()
    {
        var a = Registered(_registered);
        var national = IdleRuleSet.Defaults.Single(r => r.Jurisdiction == Jurisdiction.National);
        a.EvaluateIdle(national, _registered.AddMonths(30));
        Assert.False(a.StateMayImplementOrLicense);
        a.EvaluateIdle(national, _registered.AddMonths(37));
        Assert.True(a.StateMayImplementOrLicense);
    }

    [Fact]
    public void Transfer_abroad_of_a_fiscally_funded_result_needs_project_authority_approval_R5_4()
    {
        var a = Registered(_registered);
        var refused = a.UpdateConversion(ConversionStatus.InProgress, ConversionMode.Transfer, People.Office, _registered, counterpartyIsForeign: true);
        Assert.Contains(refused.Error!.FieldErrors, f => f.Code == "achievement.foreign_transfer_needs_project_authority_approval");
        Assert.Equal(ConversionStatus.NotStarted, a.ConversionStatus);
        var allowed = a.UpdateConversion(ConversionStatus.InProgress, ConversionMode.Transfer, People.Office, _registered,
            counterpartyIsForeign: true, projectAuthorityApprovalRef: "科技部批复 2025-017");
        Assert.True(allowed.IsSuccess);
    }

    [Fact]
    public void Non_exclusive_licence_to_a_foreign_party_needs_no_approval_R5_4()
    {
        var a = Registered(_registered);
        var result = a.UpdateConversion(ConversionStatus.InProgress, ConversionMode.License, People.Office, _registered, counterpartyIsForeign: true);
        Assert.True(result.IsSuccess);
    }
}
