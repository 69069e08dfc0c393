using TechTransfer.SharedKernel;
using TechTransfer.Demands.Domain.Demands;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

public sealed class DemandEditTests
{
    private readonly DateTimeOffset _now = Start;

    [Fact]
    public void Owner_edits_a_draft()
    {
        var owner = Enterprise(AcmeMotors);
        var demand = DraftDemand(owner, _now);
        var result = demand.Edit(owner, ValidDemand(_now) with { Title = "电机控制器液冷散热方案（修订）" }, _now.AddHours(1));
        Assert.True(result.IsSuccess);
        Assert.Equal("电机控制器液冷散热方案（修订）", demand.Title);
        Assert.Equal(_now.AddHours(1), demand.UpdatedAt);
    }

    [Fact]
    public void Another_enterprise_cannot_edit_a_draft()
    {
        var demand = DraftDemand(Enterprise(AcmeMotors), _now);
        var result = demand.Edit(Enterprise(BetaChem), ValidDemand(_now) with { Title = "被篡改的标题" }, _now);
        Assert.Equal(DemandErrors.NotOwner.Code, result.Error?.Code);
        Assert.Equal("新能源汽车电机控制器散热方案", demand.Title);
    }

    [Fact]
    public void Published_demand_cannot_be_edited()
    {
        var owner = Enterprise(AcmeMotors);
        var demand = PublishedDemand(owner, _now);
        var result = demand.Edit(owner, ValidDemand(_now) with { Title = "发布后再改标题" }, _now);
        Assert.Equal("demand.not_editable", result.Error?.Code);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Invalid_edit_leaves_the_draft_unchanged()
    {
        var owner = Enterprise(AcmeMotors);
        var demand = DraftDemand(owner, _now);
        var version = demand.Version;
        var result = demand.Edit(owner, ValidDemand(_now) with { BudgetMinYuan = 9m, BudgetMaxYuan = 1m }, _now);
        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Equal(500_000m, demand.BudgetMinYuan);
        Assert.Equal(version, demand.Version);
    }
}

public sealed class DemandReviewTests
{
    private readonly DateTimeOffset _now = Start;
    private readonly Caller _owner = Enterprise(AcmeMotors);

    private Demand Submitted()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.True(demand.Submit(_owner, _now).IsSuccess);
        return demand;
    }

    [Fact]
    public void Owner_submits_a_draft_for_review()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.True(demand.Submit(_owner, _now).IsSuccess);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
        Assert.Equal(_now, demand.SubmittedAt);
    }

    [Fact]
    public void Another_enterprise_cannot_submit_someone_elses_draft()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.Equal(DemandErrors.NotOwner.Code, demand.Submit(Enterprise(BetaChem), _now).Error?.Code);
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Fact]
    public void Draft_whose_deadline_has_passed_cannot_be_submitted()
    {
        var demand = DraftDemand(_owner, _now);
        var result = demand.Submit(_owner, demand.Deadline);
        Assert.Equal(DemandErrors.DeadlinePassed.Code, result.Error?.Code);
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Fact]
    public void Demand_under_review_cannot_be_submitted_again()
    {
        var demand = Submitted();
        Assert.Equal("demand.invalid_transition", demand.Submit(_owner, _now).Error?.Code);
    }

    [Fact]
    public void Platform_admin_approves_and_publishes()
    {
        var demand = Submitted();
        var admin = Admin();
        Assert.True(demand.Approve(admin, Staff, "内容完整", _now.AddHours(2)).IsSuccess);
        Assert.Equal(DemandStatus.Published, demand.Status);
        Assert.Equal(_now.AddHours(2), demand.PublishedAt);
        Assert.Equal(admin.UserId, demand.ReviewedByUserId);
    }

    [Fact]
    public void Technology_manager_of_the_platform_may_approve()
    {
        var demand = Submitted();
        Assert.True(demand.Approve(PlatformTechManager(), Staff, null, _now).IsSuccess);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Technology_manager_of_another_organisation_may_not_approve()
    {
        var demand = Submitted();
        Assert.Equal(DemandErrors.NotReviewer.Code, demand.Approve(OutsideTechManager(Fudan), Staff, null, _now).Error?.Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Any_technology_manager_reviews_when_no_reviewer_organisation_is_configured()
    {
        var demand = Submitted();
        var broker = Caller.Of(Guid.NewGuid(), Fudan, TechTransfer.SharedKernel.Roles.TechManager);
        Assert.True(demand.Approve(broker, AnyManagerStaff, null, _now).IsSuccess);
    }

    [Fact]
    public void Reviewer_cannot_review_a_demand_of_their_own_organisation()
    {
        var demand = Submitted();
        var ownBroker = Caller.Of(Guid.NewGuid(), AcmeMotors, TechTransfer.SharedKernel.Roles.TechManager);
        Assert.Equal(DemandErrors.ReviewerIsOwner.Code, demand.Approve(ownBroker, AnyManagerStaff, null, _now).Error?.Code);
        Assert.Equal(DemandErrors.ReviewerIsOwner.Code, demand.Reject(ownBroker, AnyManagerStaff, "自审", _now).Error?.Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Owner_cannot_approve_its_own_demand()
    {
        var demand = Submitted();
        Assert.Equal(DemandErrors.NotReviewer.Code, demand.Approve(_owner, Staff, null, _now).Error?.Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Draft_cannot_be_approved_without_being_submitted()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.Equal("demand.invalid_transition", demand.Approve(Admin(), Staff, null, _now).Error?.Code);
        Assert.Null(demand.PublishedAt);
    }

    [Fact]
    public void Demand_whose_deadline_passed_during_review_cannot_be_approved()
    {
        var demand = Submitted();
        Assert.Equal(DemandErrors.DeadlinePassed.Code, demand.Approve(Admin(), Staff, null, demand.Deadline).Error?.Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Reviewer_returns_a_demand_to_draft_with_a_reason()
    {
        var demand = Submitted();
        Assert.True(demand.Reject(Admin(), Staff, "请补充预期指标", _now).IsSuccess);
        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Equal("请补充预期指标", demand.ReviewComment);
    }

    [Fact]
    public void Returning_a_demand_without_a_reason_is_refused()
    {
        var demand = Submitted();
        Assert.Equal("demand.rejection_reason_required", demand.Reject(Admin(), Staff, " ", _now).Error?.FieldErrors.Single().Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Non_reviewer_cannot_return_a_demand()
    {
        var demand = Submitted();
        Assert.Equal(DemandErrors.NotReviewer.Code, demand.Reject(Enterprise(BetaChem), Staff, "不喜欢", _now).Error?.Code);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Returned_demand_can_be_edited_and_submitted_again()
    {
        var demand = Submitted();
        demand.Reject(Admin(), Staff, "请补充预期指标", _now);
        Assert.True(demand.Edit(_owner, ValidDemand(_now) with { Goal = "结温降低 25℃，体积不增加。" }, _now).IsSuccess);
        Assert.True(demand.Submit(_owner, _now).IsSuccess);
        Assert.Equal(DemandStatus.UnderReview, demand.Status);
    }

    [Fact]
    public void Owner_withdraws_a_demand_from_review()
    {
        var demand = Submitted();
        Assert.True(demand.Withdraw(_owner, _now).IsSuccess);
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Fact]
    public void Published_demand_cannot_be_withdrawn_to_draft()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal("demand.invalid_transition", demand.Withdraw(_owner, _now).Error?.Code);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }
}

public sealed class DemandOutcomeTests
{
    private readonly DateTimeOffset _now = Start;
    private readonly Caller _owner = Enterprise(AcmeMotors);

    [Fact]
    public void Owner_marks_a_published_demand_as_matched_with_a_partner()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.True(demand.MarkMatched(_owner, Fudan, _now).IsSuccess);
        Assert.Equal(DemandStatus.Matched, demand.Status);
        Assert.Equal(Fudan, demand.MatchedOrganizationId);
    }

    [Fact]
    public void Demand_cannot_be_matched_with_its_own_organisation()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal("demand.matched_organization_invalid", demand.MarkMatched(_owner, AcmeMotors, _now).Error?.FieldErrors.Single().Code);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Draft_cannot_be_marked_matched()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.Equal("demand.invalid_transition", demand.MarkMatched(_owner, Fudan, _now).Error?.Code);
    }

    [Fact]
    public void Demand_past_its_deadline_cannot_be_marked_matched()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal("demand.invalid_transition", demand.MarkMatched(_owner, Fudan, demand.Deadline).Error?.Code);
        Assert.Null(demand.MatchedOrganizationId);
    }

    [Fact]
    public void Another_enterprise_cannot_mark_a_demand_matched()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal(DemandErrors.NotOwner.Code, demand.MarkMatched(Enterprise(BetaChem), BetaChem, _now).Error?.Code);
    }

    [Fact]
    public void Owner_closes_a_published_demand()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.True(demand.Close(_owner, Staff, "已自行解决", _now).IsSuccess);
        Assert.Equal(DemandStatus.Closed, demand.Status);
        Assert.Equal("已自行解决", demand.CloseReason);
    }

    [Fact]
    public void Platform_staff_may_close_a_demand()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.True(demand.Close(Admin(), Staff, "信息失实", _now).IsSuccess);
    }

    [Fact]
    public void Another_enterprise_cannot_close_a_demand()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal(DemandErrors.NotOwner.Code, demand.Close(Enterprise(BetaChem), Staff, null, _now).Error?.Code);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Matched_demand_cannot_be_closed()
    {
        var demand = PublishedDemand(_owner, _now);
        demand.MarkMatched(_owner, Fudan, _now);
        Assert.Equal("demand.invalid_transition", demand.Close(_owner, Staff, null, _now).Error?.Code);
        Assert.Equal(DemandStatus.Matched, demand.Status);
    }

    [Fact]
    public void Expired_demand_cannot_be_closed()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal("demand.invalid_transition", demand.Close(_owner, Staff, null, demand.Deadline.AddDays(1)).Error?.Code);
    }
}

public sealed class DemandExpiryTests
{
    private readonly DateTimeOffset _now = Start;
    private readonly Caller _owner = Enterprise(AcmeMotors);

    [Fact]
    public void Published_demand_one_tick_before_its_deadline_is_still_published()
    {
        var demand = PublishedDemand(_owner, _now);
        var before = demand.Deadline.AddTicks(-1);
        Assert.Equal(DemandStatus.Published, demand.StatusAt(before));
        Assert.False(demand.ExpireIfDue(before));
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Published_demand_reads_as_expired_at_its_deadline_before_the_job_runs()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.Equal(DemandStatus.Expired, demand.StatusAt(demand.Deadline));
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Fact]
    public void Daily_job_stores_the_expiry_at_the_deadline()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.True(demand.ExpireIfDue(demand.Deadline.AddHours(3)));
        Assert.Equal(DemandStatus.Expired, demand.Status);
        Assert.Equal(demand.Deadline, demand.ExpiredAt);
    }

    [Fact]
    public void Draft_past_its_deadline_does_not_expire()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.False(demand.ExpireIfDue(demand.Deadline.AddDays(1)));
        Assert.Equal(DemandStatus.Draft, demand.StatusAt(demand.Deadline.AddDays(1)));
    }

    [Fact]
    public void Matched_demand_does_not_expire()
    {
        var demand = PublishedDemand(_owner, _now);
        demand.MarkMatched(_owner, Fudan, _now);
        Assert.False(demand.ExpireIfDue(demand.Deadline.AddDays(1)));
        Assert.Equal(DemandStatus.Matched, demand.Status);
    }
}

public sealed class DemandVisibilityTests
{
    private readonly DateTimeOffset _now = Start;
    private readonly Caller _owner = Enterprise(AcmeMotors);

    [Fact]
    public void Draft_is_visible_to_its_owner_only()
    {
        var demand = DraftDemand(_owner, _now);
        Assert.True(demand.IsVisibleTo(Enterprise(AcmeMotors), Staff));
        Assert.False(demand.IsVisibleTo(Enterprise(BetaChem), Staff));
        Assert.False(demand.IsVisibleTo(Caller.Anonymous, Staff));
        Assert.False(demand.IsVisibleTo(Admin(), Staff));
        Assert.False(demand.IsPublic);
    }

    [Fact]
    public void Demand_under_review_is_visible_to_reviewers_but_not_the_public()
    {
        var demand = DraftDemand(_owner, _now);
        demand.Submit(_owner, _now);
        Assert.True(demand.IsVisibleTo(PlatformTechManager(), Staff));
        Assert.False(demand.IsVisibleTo(Enterprise(BetaChem), Staff));
        Assert.False(demand.IsPublic);
    }

    [Fact]
    public void Published_demand_is_public()
    {
        var demand = PublishedDemand(_owner, _now);
        Assert.True(demand.IsPublic);
        Assert.True(demand.IsVisibleTo(Caller.Anonymous, Staff));
    }

    [Fact]
    public void Private_published_demand_is_not_public()
    {
        var demand = PublishedDemand(_owner, _now, ValidDemand(_now) with { ContactVisibility = ContactVisibility.Private });
        Assert.False(demand.IsPublic);
        Assert.False(demand.IsVisibleTo(Enterprise(BetaChem), Staff));
        Assert.True(demand.IsVisibleTo(Admin(), Staff));
        Assert.True(demand.IsVisibleTo(Enterprise(AcmeMotors), Staff));
    }

    [Fact]
    public void Public_contact_is_shown_to_anyone_who_sees_the_demand()
    {
        var demand = PublishedDemand(_owner, _now, ValidDemand(_now) with { ContactVisibility = ContactVisibility.Public });
        Assert.True(demand.ContactVisibleTo(Caller.Anonymous, Staff));
    }

    [Fact]
    public void After_match_contact_is_hidden_until_matched_and_then_shown_to_the_partner_only()
    {
        var demand = PublishedDemand(_owner, _now);
        var fudanTto = Tto(Fudan);
        Assert.False(demand.ContactVisibleTo(fudanTto, Staff));
        demand.MarkMatched(_owner, Fudan, _now);
        Assert.True(demand.ContactVisibleTo(fudanTto, Staff));
        Assert.False(demand.ContactVisibleTo(Tto(Tongji), Staff));
    }

    [Fact]
    public void Private_contact_is_shown_to_the_owner_and_platform_staff_only()
    {
        var demand = PublishedDemand(_owner, _now, ValidDemand(_now) with { ContactVisibility = ContactVisibility.Private });
        Assert.True(demand.ContactVisibleTo(Enterprise(AcmeMotors), Staff));
        Assert.True(demand.ContactVisibleTo(PlatformTechManager(), Staff));
        Assert.False(demand.ContactVisibleTo(Tto(Fudan), Staff));
    }
}

public sealed class DemandSearchMarkingTests
{
    [Fact]
    public void Demands_and_challenges_are_search_indexed_under_their_document_types()
    {
        var demand = DraftDemand(Enterprise(AcmeMotors), Start);
        var challenge = new ChallengeScenario().Challenge;
        Assert.Equal(TechTransfer.SharedKernel.Search.SearchDocumentTypes.Demand, ((TechTransfer.SharedKernel.Search.ISearchIndexed)demand).SearchDocumentType);
        Assert.Equal(TechTransfer.SharedKernel.Search.SearchDocumentTypes.Challenge, ((TechTransfer.SharedKernel.Search.ISearchIndexed)challenge).SearchDocumentType);
    }
}
