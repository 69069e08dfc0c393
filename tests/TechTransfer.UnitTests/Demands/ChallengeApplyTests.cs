using TechTransfer.SharedKernel;
using TechTransfer.Demands.Domain.Challenges;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

public sealed class ChallengeApplyTests
{
    private readonly ChallengeScenario _s = new();

    private string? ApplyCode(Caller solver) =>
        _s.Challenge.Apply(Guid.NewGuid(), solver, Proposal(), _s.Now).Error?.Code;

    [Fact]
    public void Solver_applies_at_the_moment_the_window_opens()
    {
        _s.OpenWindow();
        var application = _s.ApplyAs(Tto(Fudan));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(Fudan, application.ApplicantOrganizationId);
        Assert.Single(_s.Challenge.Applications);
    }

    [Fact]
    public void Application_one_tick_before_the_window_opens_is_refused()
    {
        _s.MoveTo(_s.Challenge.ApplicationOpensAt.AddTicks(-1));
        Assert.Equal(ChallengeErrors.WindowNotOpen.Code, ApplyCode(Tto(Fudan)));
        Assert.Empty(_s.Challenge.Applications);
    }

    [Fact]
    public void Application_one_tick_before_the_window_closes_is_accepted()
    {
        _s.MoveTo(_s.Challenge.ApplicationClosesAt.AddTicks(-1));
        Assert.Null(ApplyCode(Researcher(Fudan)));
    }

    [Fact]
    public void Application_at_the_closing_moment_is_refused()
    {
        _s.MoveTo(_s.Challenge.ApplicationClosesAt);
        Assert.Equal(ChallengeErrors.WindowClosed.Code, ApplyCode(Tto(Fudan)));
        Assert.Empty(_s.Challenge.Applications);
    }

    [Fact]
    public void Application_after_the_deadline_is_refused()
    {
        _s.MoveTo(_s.Challenge.ApplicationClosesAt.AddDays(3));
        Assert.Equal(ChallengeErrors.WindowClosed.Code, ApplyCode(Tto(Fudan)));
    }

    [Fact]
    public void Application_to_a_draft_challenge_is_refused()
    {
        var draft = new ChallengeScenario(publish: false);
        draft.OpenWindow();
        Assert.Equal(ChallengeErrors.WindowClosed.Code, draft.Challenge.Apply(Guid.NewGuid(), Tto(Fudan), Proposal(), draft.Now).Error?.Code);
    }

    [Fact]
    public void Application_to_a_cancelled_challenge_is_refused()
    {
        _s.Challenge.Cancel(_s.Owner, Staff, "需求变更", _s.Now);
        _s.OpenWindow();
        Assert.Equal(ChallengeErrors.WindowClosed.Code, ApplyCode(Tto(Fudan)));
    }

    [Fact]
    public void Enterprise_user_is_not_a_solver()
    {
        _s.OpenWindow();
        Assert.Equal(ChallengeErrors.NotASolver.Code, ApplyCode(Enterprise(BetaChem)));
    }

    [Fact]
    public void Posting_organisation_cannot_apply_to_its_own_challenge()
    {
        _s.OpenWindow();
        var ownResearcher = Researcher(AcmeMotors);
        Assert.Equal(ChallengeErrors.OwnerCannotApply.Code, ApplyCode(ownResearcher));
    }

    [Fact]
    public void Second_application_from_the_same_organisation_is_refused()
    {
        _s.OpenWindow();
        _s.ApplyAs(Tto(Fudan));
        Assert.Equal(ChallengeErrors.AlreadyApplied.Code, ApplyCode(Researcher(Fudan)));
        Assert.Single(_s.Challenge.Applications);
    }

    [Fact]
    public void Organisation_may_apply_again_after_withdrawing()
    {
        _s.OpenWindow();
        var tto = Tto(Fudan);
        var first = _s.ApplyAs(tto);
        Assert.True(_s.Challenge.WithdrawApplication(tto, first.Id, _s.Now).IsSuccess);
        Assert.Null(ApplyCode(tto));
        Assert.Equal(ApplicationStatus.Withdrawn, first.Status);
    }

    [Fact]
    public void Proposal_with_a_too_short_summary_is_refused()
    {
        _s.OpenWindow();
        var result = _s.Challenge.Apply(Guid.NewGuid(), Tto(Fudan), Proposal() with { Summary = "方案" }, _s.Now);
        Assert.Equal("summary", Assert.Single(result.Error!.FieldErrors).Field);
        Assert.Empty(_s.Challenge.Applications);
    }

    [Fact]
    public void Withdrawal_after_the_window_closes_is_refused()
    {
        _s.OpenWindow();
        var tto = Tto(Fudan);
        var application = _s.ApplyAs(tto);
        _s.StartJudging();
        Assert.Equal(ChallengeErrors.WindowClosed.Code, _s.Challenge.WithdrawApplication(tto, application.Id, _s.Now).Error?.Code);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Another_organisation_cannot_withdraw_an_application()
    {
        _s.OpenWindow();
        var application = _s.ApplyAs(Tto(Fudan));
        Assert.Equal(ChallengeErrors.ApplicationNotFound.Code, _s.Challenge.WithdrawApplication(Tto(Tongji), application.Id, _s.Now).Error?.Code);
    }

    [Fact]
    public void Proposal_is_hidden_from_other_solvers_but_shown_to_judges_and_owner()
    {
        _s.OpenWindow();
        var application = _s.ApplyAs(Tto(Fudan));
        Assert.False(_s.Challenge.ApplicationVisibleTo(application, Tto(Tongji), Staff));
        Assert.False(_s.Challenge.ApplicationVisibleTo(application, Caller.Anonymous, Staff));
        Assert.True(_s.Challenge.ApplicationVisibleTo(application, _s.Judge, Staff));
        Assert.True(_s.Challenge.ApplicationVisibleTo(application, Enterprise(AcmeMotors), Staff));
        Assert.True(_s.Challenge.ApplicationVisibleTo(application, Researcher(Fudan), Staff));
    }

    [Fact]
    public void Phase_follows_the_clock_through_the_windows()
    {
        Assert.Equal(ChallengePhase.Upcoming, _s.Challenge.PhaseAt(_s.Now));
        Assert.Equal(ChallengePhase.OpenForApplications, _s.Challenge.PhaseAt(_s.Challenge.ApplicationOpensAt));
        Assert.Equal(ChallengePhase.Judging, _s.Challenge.PhaseAt(_s.Challenge.ApplicationClosesAt));
        Assert.Equal(ChallengePhase.AwaitingAnnouncement, _s.Challenge.PhaseAt(_s.Challenge.JudgingEndsAt));
    }
}
