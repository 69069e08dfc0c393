using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R5.2: 赋权 — shares sum to 100, income split with the grant, minimum term, decision/cost terms, approval, certificate.</summary>
public sealed class RightsGrantTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();
    private static readonly RightsGrantOptions Options = new() { MinimumLongTermUseYears = 10 };

    private static RightsGrantTerms Ownership(decimal unit = 30m, decimal zhang = 42m, decimal li = 28m) => new(
        GrantType.Ownership, unit,
        [new("张伟", People.ZhangWei, zhang), new("李娜", People.LiNa, li)],
        null, null, 30m, 70m, "转化净收入单位 30%、完成人团队 70%", "重大转化事项由单位与完成人共同决策", "专利维持费由完成人承担", FeeBearer.Completers);

    private static RightsGrantTerms UseRight(DateOnly? start, DateOnly? end) => new(
        GrantType.LongTermUseRight, 0m, [new("张伟", People.ZhangWei, 100m)],
        start, end, 30m, 70m, "收益单位 30%、完成人 70%", "完成人决策，单位备案", "费用由完成人承担", FeeBearer.Completers);

    [Fact]
    public void Office_grants_ownership_shares_summing_to_100_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership(), People.Office, Options, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal(RightsGrantStatus.Submitted, result.Value.Status);
        Assert.Equal(30m, result.Value.UnitSharePercent);
        Assert.Equal(70m, result.Value.CompleterShares.Sum(s => s.SharePercent));
    }

    [Fact]
    public void Ownership_shares_not_summing_to_100_are_rejected_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership(unit: 30m, zhang: 40m, li: 20m), People.Office, Options, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "rights_grant.shares_must_sum_100");
    }

    [Fact]
    public void Grant_without_an_income_split_agreement_is_rejected_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership() with { IncomeSplitAgreement = "" }, People.Office, Options, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "rights_grant.income_split_required");
    }

    [Fact]
    public void Income_split_not_summing_to_100_is_rejected_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership() with { UnitIncomePercent = 40m }, People.Office, Options, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "rights_grant.income_split_must_sum_100");
    }

    [Fact]
    public void Long_term_use_right_ending_the_day_before_the_tenth_anniversary_reaches_the_minimum_term_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, UseRight(new DateOnly(2026, 3, 2), new DateOnly(2036, 3, 1)), People.Office, Options, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal(new DateOnly(2026, 3, 2), result.Value.TermStartsOn);
        Assert.Equal(new DateOnly(2036, 3, 1), result.Value.TermEndsOn);
    }

    [Fact]
    public void Long_term_use_right_ending_one_day_short_of_ten_years_is_rejected_naming_the_earliest_end_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, UseRight(new DateOnly(2026, 3, 2), new DateOnly(2036, 2, 29)), People.Office, Options, _now);
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal(("termEnd", "rights_grant.term_below_minimum", "R5.2"), (error.Field, error.Code, error.Rule));
        Assert.Contains("2036-03-01", error.Zh);
        Assert.Contains("2036-03-01", error.En);
        Assert.DoesNotContain("R5.2", error.Zh);
    }

    [Theory]
    [InlineData("2028-02-29", "2038-02-28")] // a 29 February start: the anniversary is 1 March, the term reaches 28 February
    [InlineData("2028-03-01", "2038-02-28")]
    [InlineData("2026-01-01", "2035-12-31")]
    public void The_earliest_end_of_a_ten_year_term_is_the_day_before_the_anniversary_both_days_included_R5_2(string start, string end) =>
        Assert.Equal(DateOnly.Parse(end), RightsGrant.MinimumEnd(DateOnly.Parse(start), 10));

    [Fact]
    public void Long_term_use_right_needs_both_dates_and_an_end_after_the_start_R5_2()
    {
        var a = Registered(_now);
        var missing = RightsGrant.Request(a, UseRight(null, null), People.Office, Options, _now);
        Assert.Equal(["termStart", "termEnd"], missing.Error!.FieldErrors.Select(f => f.Field));
        Assert.All(missing.Error.FieldErrors, f => Assert.Equal("rights_grant.term_dates_required", f.Code));
        var backwards = RightsGrant.Request(a, UseRight(new DateOnly(2030, 1, 1), new DateOnly(2029, 1, 1)), People.Office, Options, _now);
        Assert.Equal("rights_grant.term_end_before_start", Assert.Single(backwards.Error!.FieldErrors).Code);
    }

    [Fact]
    public void Long_term_use_right_minimum_term_is_configuration_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, UseRight(new DateOnly(2026, 3, 2), new DateOnly(2031, 3, 1)), People.Office,
            new RightsGrantOptions { MinimumLongTermUseYears = 5 }, _now);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Decision_and_cost_bearing_terms_are_required_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership() with { DecisionMechanism = "", CostSharing = " " }, People.Office, Options, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "rights_grant.decision_mechanism_required");
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "rights_grant.cost_sharing_required");
    }

    [Fact]
    public void Unregistered_achievement_cannot_be_granted_R5_2()
    {
        var a = UnderReview(_now);
        var result = RightsGrant.Request(a, Ownership(), People.Office, Options, _now);
        Assert.Equal("rights_grant.achievement_not_registered", result.Error?.Code);
    }

    [Fact]
    public void Approval_issues_a_certificate_showing_the_agreed_term_R5_2()
    {
        var a = Registered(_now);
        var grant = RightsGrant.Request(a, UseRight(new DateOnly(2025, 4, 1), new DateOnly(2035, 3, 31)), People.Office, Options, _now).Value;
        Assert.True(grant.Approve(People.Office, _now.AddDays(1)).IsSuccess);
        Assert.Equal(RightsGrantStatus.Approved, grant.Status);
        Assert.StartsWith("FQ-2025-", grant.CertificateNo);
        Assert.Equal(new DateOnly(2035, 3, 31), grant.TermEndsOn);
        var cert = grant.Certificate().Value;
        Assert.Contains(cert.Lines, l => l.Zh.Contains("长期使用权") && l.En.Contains("Long-term use right"));
        Assert.Contains(cert.Lines, l => l.Zh.Contains("2025-04-01 至 2035-03-31（含首尾两日）") && l.En.Contains("2025-04-01 to 2035-03-31"));
    }

    [Fact]
    public void Researcher_cannot_approve_a_grant_R5_2()
    {
        var a = Registered(_now);
        var grant = RightsGrant.Request(a, Ownership(), People.Office, Options, _now).Value;
        var result = grant.Approve(People.Researcher, _now);
        Assert.Equal("rights_grant.role_not_allowed", result.Error?.Code);
        Assert.Equal(RightsGrantStatus.Submitted, grant.Status);
        Assert.Null(grant.CertificateNo);
    }

    [Fact]
    public void Office_of_another_organisation_cannot_approve_R5_2()
    {
        var a = Registered(_now);
        var grant = RightsGrant.Request(a, Ownership(), People.Office, Options, _now).Value;
        Assert.Equal(404, grant.Approve(People.OtherOffice, _now).Error?.Status);
        Assert.Equal(RightsGrantStatus.Submitted, grant.Status);
    }

    [Fact]
    public void Rejection_needs_a_reason_and_has_no_certificate_R5_2()
    {
        var a = Registered(_now);
        var grant = RightsGrant.Request(a, Ownership(), People.Office, Options, _now).Value;
        Assert.Contains(grant.Reject(People.Office, _now, "").Error!.FieldErrors, f => f.Code == "rights_grant.reason_required");
        Assert.True(grant.Reject(People.Office, _now, "份额约定不合理").IsSuccess);
        Assert.Equal("rights_grant.invalid_transition", grant.Certificate().Error?.Code);
    }

    [Fact]
    public void Completer_cannot_request_a_grant_of_an_achievement_that_is_not_idle_R5_3()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, Ownership(), People.CoInventor, Options, _now);
        Assert.Equal("rights_grant.completer_request_requires_idle", result.Error?.Code);
    }

    [Fact]
    public void Completer_may_request_a_grant_of_an_idle_achievement_R5_3()
    {
        var a = Registered(_now);
        Assert.True(a.EvaluateIdle(ShanghaiIdle, _now.AddMonths(13)));
        var result = RightsGrant.Request(a, Ownership(), People.CoInventor, Options, _now.AddMonths(13));
        Assert.True(result.IsSuccess);
        Assert.True(result.Value.RequestedByCompleter);
    }

    [Fact]
    public void Researcher_who_is_not_a_completer_cannot_request_a_grant_R5_3()
    {
        var a = Registered(_now);
        a.EvaluateIdle(ShanghaiIdle, _now.AddMonths(13));
        var stranger = Caller.Of(Guid.NewGuid(), Orgs.Fudan, Roles.Researcher);
        var result = RightsGrant.Request(a, Ownership(), stranger, Options, _now.AddMonths(13));
        Assert.Equal("rights_grant.not_a_completer", result.Error?.Code);
    }
}
