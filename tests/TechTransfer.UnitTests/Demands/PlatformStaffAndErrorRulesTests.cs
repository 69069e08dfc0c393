using System.Reflection;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

/// <summary>
/// Issue #11 in the Demands domain: one caller model (<see cref="ICurrentUser"/>, tested with <see cref="Caller"/>) and one
/// definition of platform staff (DM.9); rule ids as the errors' <c>Rule</c>; validators that never dereference a null element.
/// </summary>
public sealed class PlatformStaffAndErrorRulesTests
{
    private static readonly Guid ReviewerOrg = Guid.NewGuid();

    [Fact]
    public void A_platform_administrator_is_staff_under_any_configuration()
    {
        var admin = Caller.Of(Guid.NewGuid(), null, Roles.PlatformAdmin);
        Assert.True(new PlatformStaff(ReviewerOrg).Includes(admin));
        Assert.True(new PlatformStaff(null).Includes(admin));
    }

    [Fact]
    public void Only_technology_managers_of_the_configured_reviewer_organisation_are_staff()
    {
        var staff = new PlatformStaff(ReviewerOrg);
        Assert.True(staff.Includes(Caller.Of(Guid.NewGuid(), ReviewerOrg, Roles.TechManager)));
        Assert.False(staff.Includes(Caller.Of(Guid.NewGuid(), Fudan, Roles.TechManager)));
    }

    [Fact]
    public void Every_technology_manager_is_staff_when_no_reviewer_organisation_is_configured()
    {
        Assert.True(new PlatformStaff(null).Includes(Caller.Of(Guid.NewGuid(), Fudan, Roles.TechManager)));
    }

    [Fact]
    public void Other_roles_and_anonymous_callers_are_never_staff()
    {
        var staff = new PlatformStaff(null);
        Assert.False(staff.Includes(Caller.Of(Guid.NewGuid(), ReviewerOrg, Roles.InstitutionAdmin, Roles.Enterprise, Roles.Analyst)));
        Assert.False(staff.Includes(Caller.Anonymous));
    }

    [Fact]
    public void A_technology_manager_outside_the_reviewer_organisation_cannot_approve()
    {
        var now = Start;
        var demand = DraftDemand(Enterprise(AcmeMotors), now);
        Assert.True(demand.Submit(Caller.Of(Guid.NewGuid(), AcmeMotors, Roles.Enterprise), now).IsSuccess);
        var outsider = Caller.Of(Guid.NewGuid(), Fudan, Roles.TechManager);
        Assert.Equal(DemandErrors.NotReviewer.Code, demand.Approve(outsider, new PlatformStaff(ReviewerOrg), null, now).Error?.Code);
        Assert.True(demand.Approve(outsider, new PlatformStaff(null), null, now).IsSuccess);
    }

    [Fact]
    public void An_anonymous_caller_sees_only_public_demands_and_no_contact()
    {
        var demand = PublishedDemand(Enterprise(AcmeMotors), Start);
        Assert.True(demand.IsVisibleTo(Caller.Anonymous, Staff));
        Assert.False(demand.ContactVisibleTo(Caller.Anonymous, Staff));
        Assert.False(DraftDemand(Enterprise(AcmeMotors), Start).IsVisibleTo(Caller.Anonymous, Staff));
    }

    [Fact]
    public void A_caller_without_a_user_id_cannot_post()
    {
        var nameOnly = new Caller(null, "someone", AcmeMotors, new HashSet<string> { Roles.Enterprise });
        Assert.Equal(DemandErrors.OnlyEnterprisesPost.Code, Demand.Create(Guid.NewGuid(), nameOnly, ValidDemand(Start), Start).Error?.Code);
    }

    // ------------------------------------------------------------ null elements and bodies

    [Fact]
    public void A_null_keyword_is_ignored_by_the_validator_instead_of_crashing()
    {
        var result = DemandValidation.Validate(ValidDemand(Start) with { Keywords = [null!, "液冷"] }, Start);
        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal(["液冷"], result.Value.Keywords);
    }

    [Fact]
    public void A_null_rubric_row_is_reported_as_an_empty_criterion()
    {
        var (_, errors) = Rubric.Build([null, new CriterionInput("技术先进性", null, 100)]);
        Assert.Contains(errors, e => e.Field == "rubric[0].nameZh" && e.Code == "demand.field_required");
        Assert.Contains(errors, e => e.Field == "rubric[0].weight");
    }

    [Fact]
    public void An_over_long_e_mail_address_is_refused()
    {
        var result = DemandValidation.Validate(ValidDemand(Start) with { ContactEmail = new string('a', 300) + "@example.cn" }, Start);
        Assert.Contains(result.Error!.FieldErrors, e => e.Code == "demand.contact_email_invalid");
    }

    [Fact]
    public void A_deadline_more_than_ten_years_ahead_is_refused_so_no_page_ever_shows_an_unrepresentable_date()
    {
        var result = DemandValidation.Validate(ValidDemand(Start) with { Deadline = DateTimeOffset.MaxValue }, Start);
        Assert.Contains(result.Error!.FieldErrors, e => e.Field == "deadline" && e.Code == "demand.date_too_far" && e.Rule == "DM.6");
        Assert.True(DemandValidation.Validate(ValidDemand(Start) with { Deadline = Start.AddYears(10) }, Start).IsSuccess);
    }

    [Fact]
    public void Score_values_are_checked_before_the_rubric_is_known()
    {
        var errors = Rubric.ValidateScoreValues(new Dictionary<string, decimal> { ["c1"] = 11m, ["c2"] = 7.25m, ["c3"] = 8m });
        Assert.Equal(["challenge.score_out_of_range", "challenge.score_too_precise"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Review_and_cancellation_bodies_are_checked_without_the_record()
    {
        Assert.Equal("demand.rejection_reason_required", Assert.Single(Demand.CheckRejection(" ")).Code);
        Assert.Equal("demand.field_too_long", Assert.Single(Demand.CheckReviewComment(new string('x', 1001))).Code);
        Assert.Empty(Demand.CheckClosing(null));
        Assert.Equal("challenge.cancel_reason_required", Assert.Single(Challenge.CheckCancellation(null)).Code);
        Assert.Equal("challenge.contract_reference_invalid", Assert.Single(Challenge.CheckContractReference(new string('x', 101))).Code);
        Assert.Equal(2, Challenge.CheckProposal(new ProposalDetails("短", "短", null, -1m)).Count(e => e.Code == "demand.field_too_short"));
    }

    // ------------------------------------------------------------ rule ids are a field

    private static IEnumerable<(string Name, string Zh, string En, string? Rule)> Catalogue()
    {
        foreach (var type in new[] { typeof(DemandErrors), typeof(ChallengeErrors) })
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (f.GetValue(null) is Error e) yield return ($"{type.Name}.{f.Name}", e.Zh, e.En, e.Rule);
                if (f.GetValue(null) is FieldError fe) yield return ($"{type.Name}.{f.Name}", fe.Zh, fe.En, fe.Rule);
            }
    }

    [Fact]
    public void No_demand_or_challenge_error_carries_a_rule_id_in_its_text()
    {
        var all = Catalogue().ToList();
        Assert.True(all.Count > 30, $"only {all.Count} errors found");
        Assert.All(all, e => Assert.DoesNotMatch(@"\b(DM|CH)\.\d+", e.Zh + " " + e.En));
    }

    [Fact]
    public void Errors_that_enforce_a_module_rule_name_it_as_a_field()
    {
        Assert.Equal("DM.9", DemandErrors.NotReviewer.Rule);
        Assert.Equal("DM.11", DemandErrors.OnlyEnterprisesPost.Rule);
        Assert.Equal("DM.9", DemandErrors.RejectionReasonRequired.Rule);
        Assert.Equal("DM.9", DemandErrors.RejectionReasonRequired.FieldErrors.Single().Rule);
        Assert.Equal("DM.3", DemandErrors.IpcCodeInvalid("X", "ipcCodes").FieldErrors.Single().Rule);
        Assert.Equal("CH.8", ChallengeErrors.ConflictOfInterest.Rule);
        Assert.Equal("CH.3", ChallengeErrors.RubricEmpty.Rule);
        Assert.Equal("CH.13", ChallengeErrors.CancelReasonRequired.FieldErrors.Single().Rule);
    }
}
