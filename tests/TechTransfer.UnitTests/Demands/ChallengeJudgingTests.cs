using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

public sealed class ChallengeScoringTests
{
    private readonly ChallengeScenario _s = new();
    private readonly ChallengeApplication _fudan;
    private readonly ChallengeApplication _tongji;

    public ChallengeScoringTests()
    {
        _s.OpenWindow();
        _fudan = _s.ApplyAs(Tto(Fudan), "复旦大学");
        _tongji = _s.ApplyAs(Tto(Tongji), "同济大学");
        _s.StartJudging();
    }

    [Fact]
    public void Judge_scores_every_criterion_and_gets_a_weighted_score()
    {
        Assert.True(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(8m, 7m, 9m), _s.Now).IsSuccess);
        // (8×40 + 7×35 + 9×25) / 10 = 79
        Assert.Equal(79m, _fudan.WeightedScoreBy(_s.Judge.UserId!.Value, _s.Challenge.Criteria));
    }

    [Fact]
    public void Scoring_at_the_moment_applications_close_is_allowed() =>
        Assert.True(_s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(5m, 5m, 5m), _s.Challenge.ApplicationClosesAt).IsSuccess);

    [Fact]
    public void Scoring_while_applications_are_open_is_refused()
    {
        var at = _s.Challenge.ApplicationClosesAt.AddTicks(-1);
        Assert.Equal(ChallengeErrors.JudgingNotStarted.Code, _s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(5m, 5m, 5m), at).Error?.Code);
        Assert.Empty(_fudan.Scores);
    }

    [Fact]
    public void Scoring_one_tick_before_judging_ends_is_allowed() =>
        Assert.True(_s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(5m, 5m, 5m), _s.Challenge.JudgingEndsAt.AddTicks(-1)).IsSuccess);

    [Fact]
    public void Scoring_at_the_end_of_judging_is_refused()
    {
        Assert.Equal(ChallengeErrors.JudgingClosed.Code, _s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(5m, 5m, 5m), _s.Challenge.JudgingEndsAt).Error?.Code);
        Assert.Empty(_fudan.Scores);
    }

    [Fact]
    public void Judge_cannot_score_an_application_from_their_own_organisation()
    {
        // The first judge works at Tongji.
        var result = _s.Challenge.Score(_s.Judge, _tongji.Id, Scores(10m, 10m, 10m), _s.Now);
        Assert.Equal(ChallengeErrors.ConflictOfInterest.Code, result.Error?.Code);
        Assert.Equal(403, result.Error?.Status);
        Assert.Empty(_tongji.Scores);
    }

    [Fact]
    public void Judge_who_moved_to_the_applicant_organisation_is_also_in_conflict()
    {
        var moved = _s.SecondJudge with { OrganizationId = Fudan };
        Assert.Equal(ChallengeErrors.ConflictOfInterest.Code, _s.Challenge.Score(moved, _fudan.Id, Scores(9m, 9m, 9m), _s.Now).Error?.Code);
    }

    [Fact]
    public void User_who_is_not_a_named_judge_cannot_score()
    {
        var result = _s.Challenge.Score(Admin(), _fudan.Id, Scores(9m, 9m, 9m), _s.Now);
        Assert.Equal(ChallengeErrors.NotAJudge.Code, result.Error?.Code);
        Assert.Empty(_fudan.Scores);
    }

    [Fact]
    public void Missing_criterion_is_refused()
    {
        var result = _s.Challenge.Score(_s.Judge, _fudan.Id, new Dictionary<string, decimal> { ["c1"] = 8m, ["c2"] = 7m }, _s.Now);
        Assert.Equal("challenge.criterion_not_scored", Assert.Single(result.Error!.FieldErrors).Code);
        Assert.Empty(_fudan.Scores);
    }

    [Fact]
    public void Unknown_criterion_is_refused()
    {
        var scores = Scores(8m, 7m, 9m);
        scores["c9"] = 5m;
        Assert.Equal("challenge.unknown_criterion", Assert.Single(_s.Challenge.Score(_s.Judge, _fudan.Id, scores, _s.Now).Error!.FieldErrors).Code);
    }

    [Fact]
    public void Score_above_ten_is_refused() =>
        Assert.Equal("challenge.score_out_of_range", Assert.Single(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(10.5m, 7m, 9m), _s.Now).Error!.FieldErrors).Code);

    [Fact]
    public void Negative_score_is_refused() =>
        Assert.Equal("challenge.score_out_of_range", Assert.Single(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(-1m, 7m, 9m), _s.Now).Error!.FieldErrors).Code);

    [Fact]
    public void Score_with_two_decimals_is_refused() =>
        Assert.Equal("challenge.score_too_precise", Assert.Single(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(7.25m, 7m, 9m), _s.Now).Error!.FieldErrors).Code);

    [Fact]
    public void Boundary_scores_zero_and_ten_are_accepted()
    {
        Assert.True(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(0m, 10m, 0m), _s.Now).IsSuccess);
        Assert.Equal(35m, _fudan.WeightedScoreBy(_s.Judge.UserId!.Value, _s.Challenge.Criteria));
    }

    [Fact]
    public void Scoring_again_replaces_the_judges_earlier_scores()
    {
        _s.Challenge.Score(_s.Judge, _fudan.Id, Scores(5m, 5m, 5m), _s.Now);
        _s.Challenge.Score(_s.Judge, _fudan.Id, Scores(9m, 9m, 9m), _s.Now);
        Assert.Equal(3, _fudan.Scores.Count);
        Assert.Equal(90m, _fudan.WeightedScoreBy(_s.Judge.UserId!.Value, _s.Challenge.Criteria));
    }

    [Fact]
    public void Application_score_is_the_mean_of_the_judges_weighted_scores()
    {
        _s.Challenge.Score(_s.Judge, _fudan.Id, Scores(8m, 7m, 9m), _s.Now);        // 79
        _s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(6m, 6.5m, 7m), _s.Now); // (240 + 227.5 + 175) / 10 = 64.25
        Assert.Equal(71.63m, _fudan.AverageScore(_s.Challenge.Criteria));              // (79 + 64.25) / 2 = 71.625
    }

    [Fact]
    public void Withdrawn_application_cannot_be_scored()
    {
        var s = new ChallengeScenario();
        s.OpenWindow();
        var tto = Tto(Fudan);
        var application = s.ApplyAs(tto);
        s.Challenge.WithdrawApplication(tto, application.Id, s.Now);
        s.StartJudging();
        Assert.Equal(ChallengeErrors.ApplicationNotActive.Code, s.Challenge.Score(s.Judge, application.Id, Scores(5m, 5m, 5m), s.Now).Error?.Code);
    }
}

public sealed class ChallengeAnnounceTests
{
    private readonly ChallengeScenario _s = new(winners: 2);
    private readonly ChallengeApplication _fudan;
    private readonly ChallengeApplication _tongji;
    private readonly ChallengeApplication _sjtu;
    private static readonly Guid Sjtu = Guid.Parse("00000000-0000-0000-0000-0000000000f3");

    public ChallengeAnnounceTests()
    {
        _s.OpenWindow();
        _fudan = _s.ApplyAs(Tto(Fudan), "复旦大学");
        _tongji = _s.ApplyAs(Tto(Tongji), "同济大学");
        _s.MoveTo(_s.Now.AddDays(1));
        _sjtu = _s.ApplyAs(Researcher(Sjtu), "上海交通大学");
        _s.StartJudging();
    }

    private void ScoreAll()
    {
        // Judge 1 (Tongji) cannot score Tongji; judge 2 (BetaChem) scores all.
        Assert.True(_s.Challenge.Score(_s.Judge, _fudan.Id, Scores(9m, 8m, 8m), _s.Now).IsSuccess);       // 84
        Assert.True(_s.Challenge.Score(_s.SecondJudge, _fudan.Id, Scores(8m, 8m, 8m), _s.Now).IsSuccess); // 80 → 82
        Assert.True(_s.Challenge.Score(_s.SecondJudge, _tongji.Id, Scores(9m, 9m, 9m), _s.Now).IsSuccess); // 90
        Assert.True(_s.Challenge.Score(_s.Judge, _sjtu.Id, Scores(6m, 6m, 6m), _s.Now).IsSuccess);         // 60
        Assert.True(_s.Challenge.Score(_s.SecondJudge, _sjtu.Id, Scores(7m, 7m, 7m), _s.Now).IsSuccess);   // 70 → 65
    }

    [Fact]
    public void Winners_are_the_top_ranked_by_weighted_score()
    {
        ScoreAll();
        _s.EndJudging();
        var awards = _s.Challenge.Announce(_s.Owner, _s.Now).Value;
        Assert.Equal([_tongji.Id, _fudan.Id], awards.Select(a => a.ApplicationId));
        Assert.Equal([1, 2], awards.Select(a => a.Rank));
        Assert.Equal([90m, 82m], awards.Select(a => a.Score));
        Assert.Equal(ChallengePhase.Announced, _s.Challenge.PhaseAt(_s.Now));
    }

    [Fact]
    public void Applications_below_the_winner_count_are_marked_not_awarded_with_their_rank()
    {
        ScoreAll();
        _s.EndJudging();
        _s.Challenge.Announce(_s.Owner, _s.Now);
        Assert.Equal(ApplicationStatus.NotAwarded, _sjtu.Status);
        Assert.Equal(3, _sjtu.Rank);
        Assert.Equal(65m, _sjtu.FinalScore);
        Assert.Equal(ApplicationStatus.Awarded, _tongji.Status);
    }

    [Fact]
    public void Equal_scores_rank_the_application_with_more_judges_first()
    {
        _s.Challenge.Score(_s.SecondJudge, _tongji.Id, Scores(8m, 8m, 8m), _s.Now);   // 80, one judge
        _s.Challenge.Score(_s.Judge, _sjtu.Id, Scores(8m, 8m, 8m), _s.Now);           // 80
        _s.Challenge.Score(_s.SecondJudge, _sjtu.Id, Scores(8m, 8m, 8m), _s.Now);     // 80, two judges
        Assert.Equal([_sjtu.Id, _tongji.Id], _s.Challenge.Ranking().Select(r => r.Application.Id));
    }

    [Fact]
    public void Equal_scores_and_judges_rank_the_earlier_submission_first()
    {
        _s.Challenge.Score(_s.Judge, _sjtu.Id, Scores(8m, 8m, 8m), _s.Now);
        _s.Challenge.Score(_s.Judge, _fudan.Id, Scores(8m, 8m, 8m), _s.Now);
        Assert.Equal([_fudan.Id, _sjtu.Id], _s.Challenge.Ranking().Select(r => r.Application.Id));
    }

    [Fact]
    public void Unscored_applications_are_not_ranked_and_not_awarded()
    {
        _s.Challenge.Score(_s.Judge, _fudan.Id, Scores(5m, 5m, 5m), _s.Now);
        _s.EndJudging();
        var awards = _s.Challenge.Announce(_s.Owner, _s.Now).Value;
        Assert.Equal(_fudan.Id, Assert.Single(awards).ApplicationId);
        Assert.Equal(ApplicationStatus.NotAwarded, _tongji.Status);
        Assert.Null(_tongji.Rank);
    }

    [Fact]
    public void Announcing_one_tick_before_judging_ends_is_refused()
    {
        ScoreAll();
        var result = _s.Challenge.Announce(_s.Owner, _s.Challenge.JudgingEndsAt.AddTicks(-1));
        Assert.Equal(ChallengeErrors.JudgingNotEnded.Code, result.Error?.Code);
        Assert.Empty(_s.Challenge.Awards);
        Assert.Equal(ChallengeStatus.Published, _s.Challenge.Status);
    }

    [Fact]
    public void Announcing_with_no_scored_application_is_refused()
    {
        _s.EndJudging();
        Assert.Equal(ChallengeErrors.NoScoredApplications.Code, _s.Challenge.Announce(_s.Owner, _s.Now).Error?.Code);
        Assert.Equal(ChallengeStatus.Published, _s.Challenge.Status);
    }

    [Fact]
    public void Only_the_owner_announces()
    {
        ScoreAll();
        _s.EndJudging();
        Assert.Equal(ChallengeErrors.NotOwner.Code, _s.Challenge.Announce(_s.Judge, _s.Now).Error?.Code);
    }

    [Fact]
    public void Result_cannot_be_announced_twice()
    {
        ScoreAll();
        _s.EndJudging();
        _s.Challenge.Announce(_s.Owner, _s.Now);
        Assert.Equal("challenge.invalid_transition", _s.Challenge.Announce(_s.Owner, _s.Now).Error?.Code);
        Assert.Equal(2, _s.Challenge.Awards.Count);
    }

    [Fact]
    public void Announced_challenge_cannot_be_cancelled()
    {
        ScoreAll();
        _s.EndJudging();
        _s.Challenge.Announce(_s.Owner, _s.Now);
        Assert.Equal("challenge.invalid_transition", _s.Challenge.Cancel(_s.Owner, Staff, "改主意", _s.Now).Error?.Code);
        Assert.Equal(ChallengeStatus.Announced, _s.Challenge.Status);
    }
}

public sealed class ChallengeContractHandoffTests
{
    private readonly ChallengeScenario _s = new();
    private readonly ChallengeAward _award;
    private readonly Caller _winner = Tto(Fudan);

    public ChallengeContractHandoffTests()
    {
        _s.OpenWindow();
        var application = _s.ApplyAs(_winner);
        _s.StartJudging();
        _s.Challenge.Score(_s.Judge, application.Id, Scores(8m, 8m, 8m), _s.Now);
        _s.EndJudging();
        _award = Assert.Single(_s.Challenge.Announce(_s.Owner, _s.Now).Value);
    }

    [Fact]
    public void Winner_links_the_award_to_a_contract()
    {
        Assert.True(_s.Challenge.LinkContract(_winner, _award.Id, "3101152026000123", _s.Now).IsSuccess);
        Assert.Equal("3101152026000123", _award.ContractReference);
        Assert.Equal(_winner.UserId, _award.ContractLinkedByUserId);
    }

    [Fact]
    public void Owner_may_link_the_contract() =>
        Assert.True(_s.Challenge.LinkContract(_s.Owner, _award.Id, "/contracts/5d1c", _s.Now).IsSuccess);

    [Fact]
    public void Contract_cannot_be_linked_twice()
    {
        _s.Challenge.LinkContract(_winner, _award.Id, "3101152026000123", _s.Now);
        Assert.Equal(ChallengeErrors.ContractAlreadyLinked.Code, _s.Challenge.LinkContract(_s.Owner, _award.Id, "other", _s.Now).Error?.Code);
        Assert.Equal("3101152026000123", _award.ContractReference);
    }

    [Fact]
    public void Third_party_cannot_link_a_contract()
    {
        Assert.Equal(ChallengeErrors.NotOwnerOrWinner.Code, _s.Challenge.LinkContract(Tto(Tongji), _award.Id, "x-1", _s.Now).Error?.Code);
        Assert.Null(_award.ContractReference);
    }

    [Fact]
    public void Empty_contract_reference_is_refused() =>
        Assert.Equal("challenge.contract_reference_invalid", _s.Challenge.LinkContract(_winner, _award.Id, "  ", _s.Now).Error?.FieldErrors.Single().Code);

    [Fact]
    public void Unknown_award_is_not_found() =>
        Assert.Equal(ChallengeErrors.AwardNotFound.Code, _s.Challenge.LinkContract(_winner, Guid.NewGuid(), "x", _s.Now).Error?.Code);

    [Fact]
    public void A_contract_drafted_for_the_winner_is_linked_by_its_id()
    {
        var contractId = Guid.NewGuid();
        Assert.True(_s.Challenge.LinkDraftedContract(_award.Id, contractId, _award.OrganizationId, _winner.UserId, [], _s.Now).IsSuccess);
        Assert.Equal(contractId.ToString(), _award.ContractReference);
        Assert.Equal(_s.Now, _award.ContractLinkedAt);
        Assert.Equal(_winner.UserId, _award.ContractLinkedByUserId);
    }

    [Fact]
    public void A_contract_drafted_for_another_seller_is_not_linked()
    {
        Assert.Equal(ChallengeErrors.NotOwnerOrWinner.Code,
            _s.Challenge.LinkDraftedContract(_award.Id, Guid.NewGuid(), _s.Challenge.OwnerOrganizationId, null, [], _s.Now).Error?.Code);
        Assert.Null(_award.ContractReference);
    }

    [Fact]
    public void A_drafted_contract_does_not_replace_a_link_made_by_hand()
    {
        _s.Challenge.LinkContract(_winner, _award.Id, "3101152026000123", _s.Now);
        Assert.Equal(ChallengeErrors.ContractAlreadyLinked.Code,
            _s.Challenge.LinkDraftedContract(_award.Id, Guid.NewGuid(), _award.OrganizationId, null, [], _s.Now).Error?.Code);
        Assert.Equal("3101152026000123", _award.ContractReference);
    }

    [Fact]
    public void A_drafted_contract_replaces_the_link_to_a_superseded_draft_only()
    {
        var rejected = Guid.NewGuid();
        _s.Challenge.LinkDraftedContract(_award.Id, rejected, _award.OrganizationId, null, [], _s.Now);
        Assert.Equal(ChallengeErrors.ContractAlreadyLinked.Code,
            _s.Challenge.LinkDraftedContract(_award.Id, Guid.NewGuid(), _award.OrganizationId, null, [], _s.Now).Error?.Code);
        var next = Guid.NewGuid();
        Assert.True(_s.Challenge.LinkDraftedContract(_award.Id, next, _award.OrganizationId, null, [rejected], _s.Now).IsSuccess);
        Assert.Equal(next.ToString(), _award.ContractReference);
    }
}

public sealed class ChallengeCancelTests
{
    [Fact]
    public void Owner_cancels_a_published_challenge_with_a_reason()
    {
        var s = new ChallengeScenario();
        Assert.True(s.Challenge.Cancel(s.Owner, Staff, "预算调整", s.Now).IsSuccess);
        Assert.Equal(ChallengePhase.Cancelled, s.Challenge.PhaseAt(s.Now));
    }

    [Fact]
    public void Cancelling_without_a_reason_is_refused()
    {
        var s = new ChallengeScenario();
        Assert.Equal("challenge.cancel_reason_required", s.Challenge.Cancel(s.Owner, Staff, null, s.Now).Error?.FieldErrors.Single().Code);
        Assert.Equal(ChallengeStatus.Published, s.Challenge.Status);
    }

    [Fact]
    public void Another_organisation_cannot_cancel()
    {
        var s = new ChallengeScenario();
        Assert.Equal(ChallengeErrors.NotOwner.Code, s.Challenge.Cancel(Enterprise(BetaChem), Staff, "捣乱", s.Now).Error?.Code);
    }

    [Fact]
    public void Platform_staff_may_cancel()
    {
        var s = new ChallengeScenario();
        Assert.True(s.Challenge.Cancel(Admin(), Staff, "违规发布", s.Now).IsSuccess);
    }
}

public sealed class RubricTests
{
    [Fact]
    public void English_name_defaults_to_the_chinese_name()
    {
        var (criteria, errors) = Rubric.Build([new CriterionInput("可行性", null, 100)]);
        Assert.Empty(errors);
        Assert.Equal("可行性", Assert.Single(criteria).NameEn);
    }

    [Fact]
    public void Weighted_score_of_all_tens_is_one_hundred()
    {
        var (criteria, _) = Rubric.Build([new("技术", "Tech", 40), new("可行", "Feasible", 35), new("团队", "Team", 25)]);
        Assert.Equal(100m, Rubric.Weighted(criteria, DemandsTestData.Scores(10m, 10m, 10m)));
    }

    [Fact]
    public void Every_error_in_the_catalogue_has_both_languages()
    {
        var fields = typeof(ChallengeErrors).GetFields().Concat(typeof(TechTransfer.Demands.Domain.Demands.DemandErrors).GetFields());
        foreach (var f in fields)
        {
            switch (f.GetValue(null))
            {
                case Error e:
                    Assert.False(string.IsNullOrWhiteSpace(e.Zh), e.Code);
                    Assert.False(string.IsNullOrWhiteSpace(e.En), e.Code);
                    break;
                case FieldError fe:
                    Assert.False(string.IsNullOrWhiteSpace(fe.Zh), fe.Code);
                    Assert.False(string.IsNullOrWhiteSpace(fe.En), fe.Code);
                    break;
            }
        }
    }
}
