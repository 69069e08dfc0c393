using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>
/// The one eligibility rule for open licensing (spec §3.2, R3.1–R3.6): what the declaration form's patent picker shows
/// and what the submission checks refuse, for every obstacle.
/// </summary>
public sealed class OpenLicenceEligibilityTests
{
    private static readonly DateOnly Today = PatentBuilder.Today;

    private static OpenLicenceEligibility Of(Patent p, bool declared = false) => OpenLicenceEligibility.Of(p, declared, Today);

    [Fact]
    public void A_granted_paid_unencumbered_invention_is_eligible_without_conditions()
    {
        var e = Of(PatentBuilder.Granted().Build());
        Assert.True(e.IsEligible);
        Assert.Empty(e.Obstacles);
    }

    [Theory]
    [InlineData(PatentLegalStatus.Lapsed, OpenLicenceObstacle.Terminated)]
    [InlineData(PatentLegalStatus.Abandoned, OpenLicenceObstacle.Terminated)]
    [InlineData(PatentLegalStatus.Expired, OpenLicenceObstacle.Expired)]
    [InlineData(PatentLegalStatus.Invalidated, OpenLicenceObstacle.Invalidated)]
    public void A_patent_that_ended_is_not_eligible_and_says_why(PatentLegalStatus status, OpenLicenceObstacle reason)
    {
        var e = Of(PatentBuilder.Granted().WithStatus(status).Build());
        Assert.False(e.IsEligible);
        Assert.Contains(reason, e.Blocking);
    }

    [Fact]
    public void A_patent_not_yet_granted_is_not_eligible()
    {
        var e = Of(PatentBuilder.Granted().NotGranted().Build());
        Assert.Equal([OpenLicenceObstacle.NotGranted], e.Blocking.Where(o => o != OpenLicenceObstacle.AnnualFeeUnpaid));
        Assert.False(e.IsEligible);
    }

    [Fact]
    public void Unpaid_annual_fees_block()
    {
        var e = Of(PatentBuilder.Granted().FeesPaidUntil(Today.AddDays(-1)).Build());
        Assert.Equal([OpenLicenceObstacle.AnnualFeeUnpaid], e.Obstacles);
        Assert.False(e.IsEligible);
    }

    [Fact]
    public void A_patent_already_declared_is_not_eligible()
    {
        var e = Of(PatentBuilder.Granted().Build(), declared: true);
        Assert.Equal([OpenLicenceObstacle.AlreadyDeclared], e.Obstacles);
        Assert.False(e.IsEligible);
    }

    [Fact]
    public void A_pledged_patent_is_eligible_on_the_condition_of_the_pledgees_consent()
    {
        var p = PatentBuilder.Granted().Build();
        Assert.True(p.AddPledge("上海银行", Today.AddDays(-10), 1_000_000m, PatentBuilder.Now).IsSuccess);
        var e = Of(p);
        Assert.True(e.IsEligible);
        Assert.Equal([OpenLicenceObstacle.PledgeeConsentNeeded], e.Conditions);
        Assert.Empty(e.Blocking);
    }

    [Fact]
    public void A_released_pledge_no_longer_needs_consent()
    {
        var p = PatentBuilder.Granted().Build();
        var pledge = p.AddPledge("上海银行", Today.AddDays(-10), null, PatentBuilder.Now).Value;
        Assert.True(p.ReleasePledge(pledge.Id, Today, PatentBuilder.Now).IsSuccess);
        Assert.Empty(Of(p).Obstacles);
    }

    [Theory]
    [InlineData(PatentType.UtilityModel)]
    [InlineData(PatentType.Design)]
    public void A_utility_model_or_design_needs_an_evaluation_report(PatentType type)
    {
        var e = Of(PatentBuilder.Granted().OfType(type).FiledOn(new DateOnly(2022, 5, 10)).Build());
        Assert.True(e.IsEligible);
        Assert.Equal([OpenLicenceObstacle.EvaluationReportNeeded], e.Conditions);
    }

    [Fact]
    public void An_exclusive_licence_or_a_suspension_blocks()
    {
        var licensed = PatentBuilder.Granted().Build();
        Assert.True(licensed.RecordLicence("上海某公司", LicenseScope.Exclusive, Today.AddDays(-5), Today.AddYears(1), false, PatentBuilder.Now).IsSuccess);
        Assert.Equal([OpenLicenceObstacle.ExclusiveLicence], Of(licensed).Blocking);

        var suspended = PatentBuilder.Granted().Build();
        Assert.True(suspended.Suspend("权属纠纷", PatentBuilder.Now).IsSuccess);
        Assert.Equal([OpenLicenceObstacle.Suspended], Of(suspended).Blocking);
    }

    [Fact]
    public void The_submission_checks_use_the_same_rule()
    {
        // every blocking obstacle is a failing check; a met condition is not
        var pledged = PatentBuilder.Granted().FeesPaidUntil(Today.AddDays(-1)).Build();
        pledged.AddPledge("上海银行", Today.AddDays(-10), null, PatentBuilder.Now);
        var d = Declarations.DraftFor(pledged);
        var codes = d.CheckSubmission(pledged, Declarations.Options, Today).Select(f => f.Code).ToList();
        Assert.Contains("open_license.annual_fee_unpaid", codes);
        Assert.Contains("open_license.pledgee_consent_required", codes);
        Assert.Equal(Of(pledged).Obstacles.Count, codes.Count);
    }

    [Fact]
    public void Every_obstacle_has_a_label_in_both_languages()
    {
        foreach (var o in Enum.GetValues<OpenLicenceObstacle>())
        {
            var (zh, en) = OpenLicenceEligibility.Label(o);
            Assert.NotEqual(o.ToString(), zh);
            Assert.NotEqual(o.ToString(), en);
        }
    }
}
