using TechTransfer.Achievements.Domain;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R5.1: disclosure by a researcher; Draft → Disclosed → UnderReview → Registered | Returned | Declined.</summary>
public sealed class AchievementLifecycleTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();

    [Fact]
    public void Researcher_starts_a_draft_in_their_own_organisation()
    {
        var result = Achievement.Draft(Input(), People.Researcher, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal(AchievementStatus.Draft, result.Value.Status);
        Assert.Equal(Orgs.Fudan, result.Value.OwnerOrganizationId);
        Assert.Equal(2, result.Value.Completers.Count);
    }

    [Fact]
    public void Only_a_researcher_may_disclose_R5_1()
    {
        var result = Achievement.Draft(Input(), People.Office, _now);
        Assert.Equal("achievement.only_researcher_may_disclose", result.Error?.Code);
        Assert.Equal(403, result.Error?.Status);
    }

    [Fact]
    public void Disclosure_moves_a_draft_to_disclosed_and_records_the_date()
    {
        var a = NewDraft(_now);
        var result = a.Disclose(People.Researcher, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal(AchievementStatus.Disclosed, a.Status);
        Assert.Equal(_now, a.DisclosedAt);
        Assert.Single(a.History);
    }

    [Fact]
    public void Disclosure_with_contributions_not_summing_to_100_is_rejected_R5_1()
    {
        var a = NewDraft(_now, Input(completers: [new("张伟", People.ZhangWei, 60m), new("李娜", People.LiNa, 30m)]));
        var result = a.Disclose(People.Researcher, _now);
        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.contributions_must_sum_100");
        Assert.Equal(AchievementStatus.Draft, a.Status);
        Assert.Null(a.DisclosedAt);
    }

    [Fact]
    public void Disclosure_needs_a_readiness_level_between_1_and_9_R5_1()
    {
        var a = NewDraft(_now, Input(trl: 0));
        var result = a.Disclose(People.Researcher, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.trl_out_of_range");
        Assert.Equal(AchievementStatus.Draft, a.Status);
    }

    [Fact]
    public void Draft_with_a_readiness_level_of_10_is_rejected_R5_1()
    {
        var result = Achievement.Draft(Input(trl: 10), People.Researcher, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.trl_out_of_range");
    }

    [Fact]
    public void Fiscally_funded_disclosure_needs_a_project_reference_R5_1()
    {
        var input = Input() with { ProjectReferences = [] };
        var a = NewDraft(_now, input);
        var result = a.Disclose(People.Researcher, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.project_reference_required");
    }

    [Fact]
    public void Invalid_ipc_code_is_rejected_R5_1()
    {
        var result = Achievement.Draft(Input() with { IpcCodes = ["XYZ"] }, People.Researcher, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.ipc_code_invalid");
    }

    [Fact]
    public void Another_researcher_of_the_same_organisation_cannot_disclose_someone_elses_draft_R5_1()
    {
        var a = NewDraft(_now);
        var result = a.Disclose(People.CoInventor, _now);
        Assert.Equal("achievement.only_creator_may_edit", result.Error?.Code);
        Assert.Equal(AchievementStatus.Draft, a.Status);
    }

    [Fact]
    public void Office_takes_a_disclosure_into_review_and_registers_it_with_separate_management_R5_1()
    {
        var a = Disclosed(_now);
        Assert.True(a.StartReview(People.Office, _now).IsSuccess);
        var later = _now.AddDays(3);
        Assert.True(a.Register(People.Office, later, "符合登记条件").IsSuccess);
        Assert.Equal(AchievementStatus.Registered, a.Status);
        Assert.Equal(later, a.UnitRegisteredAt);
        Assert.True(a.SeparateManagement);
        Assert.Equal(ConversionStatus.NotStarted, a.ConversionStatus);
        Assert.Equal(["disclose", "start_review", "register"], a.History.Select(h => h.Action));
    }

    [Fact]
    public void Researcher_cannot_register_their_own_achievement_R5_1()
    {
        var a = UnderReview(_now);
        var result = a.Register(People.Researcher, _now);
        Assert.Equal("achievement.role_not_allowed", result.Error?.Code);
        Assert.Equal(403, result.Error?.Status);
        Assert.Equal(AchievementStatus.UnderReview, a.Status);
    }

    [Fact]
    public void Office_of_another_organisation_is_told_not_found_R5_1()
    {
        var a = Disclosed(_now);
        var result = a.StartReview(People.OtherOffice, _now);
        Assert.Equal("achievement.not_found", result.Error?.Code);
        Assert.Equal(404, result.Error?.Status);
        Assert.Equal(AchievementStatus.Disclosed, a.Status);
    }

    [Fact]
    public void Registering_a_disclosure_not_under_review_is_an_invalid_transition_R5_1()
    {
        var a = Disclosed(_now);
        var result = a.Register(People.Office, _now);
        Assert.Equal("achievement.invalid_transition", result.Error?.Code);
        Assert.Null(a.UnitRegisteredAt);
    }

    [Fact]
    public void Return_needs_a_reason_R5_1()
    {
        var a = UnderReview(_now);
        var result = a.Return(People.Office, _now, "  ");
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.reason_required");
        Assert.Equal(AchievementStatus.UnderReview, a.Status);
    }

    [Fact]
    public void Returned_achievement_can_be_edited_and_disclosed_again_R5_1()
    {
        var a = UnderReview(_now);
        Assert.True(a.Return(People.Office, _now, "请补充技术指标").IsSuccess);
        Assert.Equal("请补充技术指标", a.History[^1].Reason);
        Assert.True(a.Edit(Input() with { Abstract = "补充：检测精度 99.2%" }, People.Researcher, _now).IsSuccess);
        Assert.True(a.Disclose(People.Researcher, _now.AddDays(1)).IsSuccess);
        Assert.Equal(AchievementStatus.Disclosed, a.Status);
    }

    [Fact]
    public void Declined_achievement_is_final_R5_1()
    {
        var a = UnderReview(_now);
        Assert.True(a.Decline(People.Office, _now, "不属于职务科技成果").IsSuccess);
        var result = a.Edit(Input(), People.Researcher, _now);
        Assert.Equal("achievement.invalid_transition", result.Error?.Code);
        Assert.Equal(AchievementStatus.Declined, a.Status);
    }

    [Fact]
    public void Registered_achievement_cannot_be_edited_by_the_researcher_R5_1()
    {
        var a = Registered(_now);
        var result = a.Edit(Input() with { Title = "改名" }, People.Researcher, _now);
        Assert.Equal("achievement.invalid_transition", result.Error?.Code);
        Assert.Equal("基于深度学习的锂电池缺陷检测方法", a.Title);
    }

    [Fact]
    public void Office_records_an_evaluation_R5_1()
    {
        var a = UnderReview(_now);
        var eval = new AchievementEvaluation("技术先进，市场前景良好", PotentialRating.High, 3_000_000.456m, ProofOfConceptStatus.InProgress, null);
        Assert.True(a.RecordEvaluation(eval, People.Office, _now).IsSuccess);
        Assert.Equal(3_000_000.46m, a.Evaluation!.EstimatedValueYuan);
        Assert.Equal(People.FudanOfficer, a.EvaluatedByUserId);
    }

    [Fact]
    public void Evaluation_by_a_researcher_is_refused_R5_1()
    {
        var a = UnderReview(_now);
        var eval = new AchievementEvaluation("自评很好", PotentialRating.High, null, ProofOfConceptStatus.NotNeeded, null);
        Assert.Equal("achievement.role_not_allowed", a.RecordEvaluation(eval, People.Researcher, _now).Error?.Code);
        Assert.Null(a.Evaluation);
    }

    [Fact]
    public void Conversion_in_progress_needs_a_mode_R5_1()
    {
        var a = Registered(_now);
        var result = a.UpdateConversion(ConversionStatus.InProgress, null, People.Office, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.conversion_mode_required");
        Assert.Equal(ConversionStatus.NotStarted, a.ConversionStatus);
    }

    [Fact]
    public void Conversion_is_recorded_with_its_mode_R5_1()
    {
        var a = Registered(_now);
        Assert.True(a.UpdateConversion(ConversionStatus.Converted, ConversionMode.License, People.Office, _now).IsSuccess);
        Assert.Equal(ConversionStatus.Converted, a.ConversionStatus);
        Assert.Equal(ConversionMode.License, a.ConversionMode);
    }

    [Fact]
    public void Conversion_of_an_unregistered_achievement_is_refused_R5_1()
    {
        var a = UnderReview(_now);
        var result = a.UpdateConversion(ConversionStatus.InProgress, ConversionMode.Transfer, People.Office, _now);
        Assert.Equal("achievement.invalid_transition", result.Error?.Code);
    }

    [Fact]
    public void Errors_are_bilingual_and_carry_the_rule_as_a_field_not_in_the_text()
    {
        var a = Disclosed(_now);
        var error = a.Register(People.Office, _now).Error!;
        Assert.Equal("R5.1", error.Rule);
        Assert.DoesNotContain("R5.1", error.Zh);
        Assert.DoesNotContain("R5.1", error.En);
        Assert.NotEqual(error.Zh, error.En);
    }

    [Fact]
    public void A_return_without_a_reason_is_a_field_error_even_when_the_state_refuses_a_return_R5_1()
    {
        var a = Registered(_now);
        var result = a.Return(People.Office, _now, " ");
        Assert.Equal("achievement.reason_required", Assert.Single(result.Error!.FieldErrors).Code);
        Assert.Equal(AchievementStatus.Registered, a.Status);
    }
}
