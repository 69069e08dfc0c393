using TechTransfer.Achievements.Domain;
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
        null, 30m, 70m, "转化净收入单位 30%、完成人团队 70%", "重大转化事项由单位与完成人共同决策", "专利维持费由完成人承担", FeeBearer.Completers);

    private static RightsGrantTerms UseRight(int years) => new(
        GrantType.LongTermUseRight, 0m, [new("张伟", People.ZhangWei, 100m)],
        years, 30m, 70m, "收益单位 30%、完成人 70%", "完成人决策，单位备案", "费用由完成人承担", FeeBearer.Completers);

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
    public void Long_term_use_right_below_the_configured_minimum_term_is_rejected_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, UseRight(9), People.Office, Options, _now);
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("rights_grant.term_below_minimum", error.Code);
        Assert.Contains("10", error.Zh);
    }

    [Fact]
    public void Long_term_use_right_minimum_term_is_configuration_R5_2()
    {
        var a = Registered(_now);
        var result = RightsGrant.Request(a, UseRight(5), People.Office, new RightsGrantOptions { MinimumLongTermUseYears = 5 }, _now);
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
    public void Approval_issues_a_certificate_and_starts_the_term_R5_2()
    {
        var a = Registered(_now);
        var grant = RightsGrant.Request(a, UseRight(10), People.Office, Options, _now).Value;
        Assert.True(grant.Approve(People.Office, _now.AddDays(1)).IsSuccess);
        Assert.Equal(RightsGrantStatus.Approved, grant.Status);
        Assert.StartsWith("FQ-2025-", grant.CertificateNo);
        Assert.Equal(_now.AddDays(1).AddYears(10), grant.TermEnd);
        var cert = grant.Certificate().Value;
        Assert.Contains(cert.Lines, l => l.Zh.Contains("长期使用权") && l.En.Contains("Long-term use right"));
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
        var stranger = Actor.Researcher(Guid.NewGuid(), Orgs.Fudan);
        var result = RightsGrant.Request(a, Ownership(), stranger, Options, _now.AddMonths(13));
        Assert.Equal("rights_grant.not_a_completer", result.Error?.Code);
    }
}
