using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

public sealed class ChallengeCreateTests
{
    private readonly DateTimeOffset _now = Start;

    private Result<Challenge> Create(ChallengeDetails details) => Challenge.Create(Guid.NewGuid(), Enterprise(AcmeMotors), details, _now);

    private static FieldError SingleFieldError(Result<Challenge> result)
    {
        Assert.Equal("validation.failed", result.Error?.Code);
        return Assert.Single(result.Error!.FieldErrors);
    }

    [Fact]
    public void Enterprise_creates_a_draft_challenge_with_keyed_criteria()
    {
        var challenge = Create(ValidChallenge(_now)).Value;
        Assert.Equal(ChallengeStatus.Draft, challenge.Status);
        Assert.Equal(ChallengePhase.Draft, challenge.PhaseAt(_now));
        Assert.Equal(["c1", "c2", "c3"], challenge.Criteria.Select(c => c.Key));
        Assert.Equal(100, challenge.Criteria.Sum(c => c.Weight));
    }

    [Fact]
    public void Government_body_may_post_a_challenge() =>
        Assert.True(Challenge.Create(Guid.NewGuid(), Government(ScienceCommission), ValidChallenge(_now), _now).IsSuccess);

    [Fact]
    public void Researcher_may_not_post_a_challenge() =>
        Assert.Equal(ChallengeErrors.NotAllowedToPost.Code, Challenge.Create(Guid.NewGuid(), Researcher(Fudan), ValidChallenge(_now), _now).Error?.Code);

    [Fact]
    public void Weights_not_summing_to_100_are_refused()
    {
        var details = ValidChallenge(_now) with { Rubric = [new("技术先进性", null, 50), new("可行性", null, 40)] };
        var error = SingleFieldError(Create(details));
        Assert.Equal("challenge.weights_not_100", error.Code);
        Assert.Contains("90", error.Zh);
    }

    [Fact]
    public void Empty_rubric_is_refused() =>
        Assert.Equal("challenge.rubric_empty", SingleFieldError(Create(ValidChallenge(_now) with { Rubric = [] })).Code);

    [Fact]
    public void Zero_weight_criterion_is_refused()
    {
        var details = ValidChallenge(_now) with { Rubric = [new("技术先进性", null, 100), new("可行性", null, 0)] };
        Assert.Equal("challenge.criterion_weight_out_of_range", SingleFieldError(Create(details)).Code);
    }

    [Fact]
    public void Duplicate_criterion_names_are_refused()
    {
        var details = ValidChallenge(_now) with { Rubric = [new("可行性", null, 50), new("可行性", null, 50)] };
        Assert.Equal("challenge.criterion_names_not_unique", SingleFieldError(Create(details)).Code);
    }

    [Fact]
    public void More_than_ten_criteria_are_refused()
    {
        var rubric = Enumerable.Range(1, 11).Select(i => new CriterionInput($"评分项{i}", null, i == 1 ? 10 : 9)).ToList();
        Assert.Equal("demand.too_many_items", SingleFieldError(Create(ValidChallenge(_now) with { Rubric = rubric })).Code);
    }

    [Fact]
    public void Window_that_closes_when_it_opens_is_refused()
    {
        var d = ValidChallenge(_now);
        Assert.Equal("challenge.window_empty", SingleFieldError(Create(d with { ApplicationClosesAt = d.ApplicationOpensAt })).Code);
    }

    [Fact]
    public void Window_already_closed_is_refused()
    {
        var d = ValidChallenge(_now) with { ApplicationOpensAt = _now.AddDays(-10), ApplicationClosesAt = _now };
        Assert.Equal("challenge.window_in_past", SingleFieldError(Create(d)).Code);
    }

    [Fact]
    public void Window_opened_in_the_past_but_still_open_is_accepted() =>
        Assert.True(Create(ValidChallenge(_now) with { ApplicationOpensAt = _now.AddDays(-1) }).IsSuccess);

    [Fact]
    public void Judging_ending_when_applications_close_is_refused()
    {
        var d = ValidChallenge(_now);
        Assert.Equal("challenge.judging_before_window_closes", SingleFieldError(Create(d with { JudgingEndsAt = d.ApplicationClosesAt })).Code);
    }

    [Fact]
    public void Announcement_before_judging_ends_is_refused()
    {
        var d = ValidChallenge(_now);
        Assert.Equal("challenge.announcement_before_judging_ends", SingleFieldError(Create(d with { AnnouncementAt = d.JudgingEndsAt.AddTicks(-1) })).Code);
    }

    [Fact]
    public void Announcement_on_the_day_judging_ends_is_accepted()
    {
        var d = ValidChallenge(_now);
        Assert.True(Create(d with { AnnouncementAt = d.JudgingEndsAt }).IsSuccess);
    }

    [Fact]
    public void Zero_reward_is_refused() =>
        Assert.Equal("challenge.reward_not_positive", SingleFieldError(Create(ValidChallenge(_now) with { RewardYuan = 0m })).Code);

    [Fact]
    public void Reward_with_fractions_of_a_fen_is_refused() =>
        Assert.Equal("demand.amount_too_many_decimals", SingleFieldError(Create(ValidChallenge(_now) with { RewardYuan = 1000.001m })).Code);

    [Fact]
    public void Winner_count_of_zero_is_refused() =>
        Assert.Equal("challenge.winner_count_out_of_range", SingleFieldError(Create(ValidChallenge(_now) with { WinnerCount = 0 })).Code);

    [Fact]
    public void Invalid_ipc_code_is_refused() =>
        Assert.Equal("demand.ipc_code_invalid", SingleFieldError(Create(ValidChallenge(_now) with { IpcCodes = ["丝杠"] })).Code);

    [Fact]
    public void Owner_edits_a_draft_challenge()
    {
        var owner = Enterprise(AcmeMotors);
        var challenge = Challenge.Create(Guid.NewGuid(), owner, ValidChallenge(_now), _now).Value;
        Assert.True(challenge.Edit(owner, ValidChallenge(_now) with { RewardYuan = 5_000_000m }, _now).IsSuccess);
        Assert.Equal(5_000_000m, challenge.RewardYuan);
    }

    [Fact]
    public void Published_challenge_cannot_be_edited()
    {
        var s = new ChallengeScenario();
        Assert.Equal(ChallengeErrors.NotEditable.Code, s.Challenge.Edit(s.Owner, ValidChallenge(s.Now) with { RewardYuan = 1m }, s.Now).Error?.Code);
        Assert.Equal(3_000_000m, s.Challenge.RewardYuan);
    }

    [Fact]
    public void Another_organisation_cannot_edit_a_draft_challenge()
    {
        var s = new ChallengeScenario(publish: false);
        Assert.Equal(ChallengeErrors.NotOwner.Code, s.Challenge.Edit(Enterprise(BetaChem), ValidChallenge(s.Now), s.Now).Error?.Code);
    }
}

public sealed class ChallengePublishTests
{
    [Fact]
    public void Owner_publishes_a_draft_with_judges()
    {
        var s = new ChallengeScenario(publish: false);
        Assert.True(s.Challenge.Publish(s.Owner, s.Now).IsSuccess);
        Assert.Equal(ChallengePhase.Upcoming, s.Challenge.PhaseAt(s.Now));
        Assert.True(s.Challenge.IsPublic);
    }

    [Fact]
    public void Challenge_without_judges_cannot_be_published()
    {
        var owner = Enterprise(AcmeMotors);
        var challenge = Challenge.Create(Guid.NewGuid(), owner, ValidChallenge(Start), Start).Value;
        Assert.Equal(ChallengeErrors.NoJudges.Code, challenge.Publish(owner, Start).Error?.Code);
        Assert.Equal(ChallengeStatus.Draft, challenge.Status);
    }

    [Fact]
    public void Challenge_whose_window_has_closed_cannot_be_published()
    {
        var s = new ChallengeScenario(publish: false);
        s.MoveTo(s.Challenge.ApplicationClosesAt);
        Assert.Equal(ChallengeErrors.WindowAlreadyClosedError.Code, s.Challenge.Publish(s.Owner, s.Now).Error?.Code);
        Assert.Equal(ChallengeStatus.Draft, s.Challenge.Status);
    }

    [Fact]
    public void Another_organisation_cannot_publish()
    {
        var s = new ChallengeScenario(publish: false);
        Assert.Equal(ChallengeErrors.NotOwner.Code, s.Challenge.Publish(Enterprise(BetaChem), s.Now).Error?.Code);
    }

    [Fact]
    public void Draft_challenge_is_hidden_from_other_organisations()
    {
        var s = new ChallengeScenario(publish: false);
        Assert.False(s.Challenge.IsVisibleTo(Enterprise(BetaChem), Staff));
        Assert.False(s.Challenge.IsVisibleTo(Caller.Anonymous, Staff));
        Assert.True(s.Challenge.IsVisibleTo(Enterprise(AcmeMotors), Staff));
    }

    [Fact]
    public void Published_challenge_cannot_be_published_again()
    {
        var s = new ChallengeScenario();
        Assert.Equal("challenge.invalid_transition", s.Challenge.Publish(s.Owner, s.Now).Error?.Code);
    }
}

public sealed class ChallengeJudgeTests
{
    [Fact]
    public void Same_user_cannot_be_named_judge_twice()
    {
        var s = new ChallengeScenario();
        Assert.Equal(ChallengeErrors.JudgeAlreadyNamed.Code, s.Challenge.AddJudge(s.Owner, s.Judge.UserId!.Value, Tongji, "李教授", s.Now).Error?.Code);
        Assert.Equal(2, s.Challenge.Judges.Count);
    }

    [Fact]
    public void Judge_without_an_organisation_is_refused()
    {
        var s = new ChallengeScenario();
        Assert.Equal("challenge.judge_incomplete", s.Challenge.AddJudge(s.Owner, Guid.NewGuid(), Guid.Empty, "张研究员", s.Now).Error?.FieldErrors.Single().Code);
    }

    [Fact]
    public void Judges_may_be_added_while_applications_are_open()
    {
        var s = new ChallengeScenario();
        s.MoveTo(s.Challenge.ApplicationClosesAt.AddTicks(-1));
        Assert.True(s.Challenge.AddJudge(s.Owner, Guid.NewGuid(), Fudan, "陈教授", s.Now).IsSuccess);
    }

    [Fact]
    public void Judges_cannot_be_added_once_applications_have_closed()
    {
        var s = new ChallengeScenario();
        s.StartJudging();
        Assert.Equal(ChallengeErrors.JudgesLocked.Code, s.Challenge.AddJudge(s.Owner, Guid.NewGuid(), Fudan, "陈教授", s.Now).Error?.Code);
        Assert.Equal(2, s.Challenge.Judges.Count);
    }

    [Fact]
    public void Judges_cannot_be_removed_once_applications_have_closed()
    {
        var s = new ChallengeScenario();
        s.StartJudging();
        Assert.Equal(ChallengeErrors.JudgesLocked.Code, s.Challenge.RemoveJudge(s.Owner, s.Judge.UserId!.Value, s.Now).Error?.Code);
    }

    [Fact]
    public void Last_judge_of_a_published_challenge_cannot_be_removed()
    {
        var s = new ChallengeScenario();
        Assert.True(s.Challenge.RemoveJudge(s.Owner, s.SecondJudge.UserId!.Value, s.Now).IsSuccess);
        Assert.Equal(ChallengeErrors.NoJudges.Code, s.Challenge.RemoveJudge(s.Owner, s.Judge.UserId!.Value, s.Now).Error?.Code);
        Assert.Single(s.Challenge.Judges);
    }

    [Fact]
    public void Only_the_owner_names_judges()
    {
        var s = new ChallengeScenario();
        Assert.Equal(ChallengeErrors.NotOwner.Code, s.Challenge.AddJudge(Tto(Fudan), Guid.NewGuid(), Fudan, "自荐专家", s.Now).Error?.Code);
    }

    [Fact]
    public void At_most_fifteen_judges()
    {
        var s = new ChallengeScenario();
        for (var i = s.Challenge.Judges.Count; i < Challenge.MaxJudges; i++)
            Assert.True(s.Challenge.AddJudge(s.Owner, Guid.NewGuid(), Fudan, $"专家{i}", s.Now).IsSuccess);
        Assert.Equal(ChallengeErrors.TooManyJudges.Code, s.Challenge.AddJudge(s.Owner, Guid.NewGuid(), Fudan, "第十六位", s.Now).Error?.Code);
    }
}
