using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Demands;

/// <summary>Challenges (揭榜挂帅 / 创新挑战赛) through HTTP on both databases: the full journey, deadlines and denials.</summary>
public abstract class ChallengeApiTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private sealed record Setup(Guid Id, HttpClient Owner, TestUser Judge, Guid JudgeOrg, DateTimeOffset ClosesAt, DateTimeOffset JudgingEndsAt);

    /// <summary>An enterprise posts a challenge open from now, names a judge from a university, and publishes it.</summary>
    private async Task<Setup> PublishedChallengeAsync(int winners = 1)
    {
        var ownerOrg = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, ownerOrg.Id));
        var created = await (await owner.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now, winners: winners))).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var judgeOrg = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var judge = await factory.CreateAccountAsync(Roles.Researcher, judgeOrg.Id);
        var withJudge = await (await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/judges", new { userName = judge.Name })).Json(HttpStatusCode.OK);
        Assert.Equal(judge.UserId, withJudge.GetProperty("judges")[0].GetProperty("userId").GetGuid());
        var published = await (await owner.PostAsync($"/api/v1/challenges/{id}/publish", null)).Json(HttpStatusCode.OK);
        Assert.Equal("OpenForApplications", published.GetProperty("phase").GetString());
        return new Setup(id, owner, judge, judgeOrg.Id, created.GetProperty("applicationClosesAt").GetDateTimeOffset(),
            created.GetProperty("judgingEndsAt").GetDateTimeOffset());
    }

    private async Task<(HttpClient Client, Guid Org)> SolverAsync(string role = Roles.InstitutionAdmin)
    {
        var org = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        return (factory.ClientAs(TestUser.Of(role, org.Id)), org.Id);
    }

    private static object Scores(decimal c1, decimal c2, decimal c3) => new { scores = new Dictionary<string, decimal> { ["c1"] = c1, ["c2"] = c2, ["c3"] = c3 } };

    [Fact]
    public async Task Challenge_goes_from_posting_to_announced_winner_with_a_linked_contract()
    {
        var s = await PublishedChallengeAsync();
        var (fudan, fudanOrg) = await SolverAsync();
        var (tongji, _) = await SolverAsync(Roles.Researcher);
        var first = await (await fudan.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal("复旦大学"))).Json(HttpStatusCode.Created);
        var second = await (await tongji.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal("同济大学"))).Json(HttpStatusCode.Created);

        factory.Clock.SetUtcNow(s.ClosesAt);
        var judge = factory.ClientAs(s.Judge);
        var scored = await (await judge.PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{first.GetProperty("id").GetGuid()}/scores", Scores(9, 8, 8)))
            .Json(HttpStatusCode.OK);
        Assert.Equal(84m, scored.GetProperty("scores")[0].GetProperty("weightedScore").GetDecimal());
        await (await judge.PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{second.GetProperty("id").GetGuid()}/scores", Scores(6, 7, 8)))
            .Json(HttpStatusCode.OK);

        factory.Clock.SetUtcNow(s.JudgingEndsAt);
        var awards = await (await s.Owner.PostAsync($"/api/v1/challenges/{s.Id}/awards", null)).Json(HttpStatusCode.OK);
        var award = Assert.Single(awards.EnumerateArray());
        Assert.Equal(fudanOrg, award.GetProperty("organizationId").GetGuid());
        Assert.Equal(84m, award.GetProperty("score").GetDecimal());

        var publicAwards = await (await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{s.Id}/awards")).Json(HttpStatusCode.OK);
        Assert.Equal(1, publicAwards.GetArrayLength());
        var linked = await (await fudan.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/awards/{award.GetProperty("id").GetGuid()}/contract",
            new { contractReference = "3101102026000456" })).Json(HttpStatusCode.OK);
        Assert.Equal("3101102026000456", linked.GetProperty("contractReference").GetString());

        var read = await (await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{s.Id}")).Json(HttpStatusCode.OK);
        Assert.Equal("Announced", read.GetProperty("phase").GetString());

        var judgeNotes = await factory.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.RecipientUserId == s.Judge.UserId));
        Assert.Equal(1, judgeNotes);
        var applicantNotes = await factory.WithDbAsync((db, _) => db.Notifications.Where(n => n.Link == $"/challenges/{s.Id}" && n.RecipientUserId != null && n.RecipientUserId != s.Judge.UserId)
            .Select(n => n.TitleEn).ToListAsync());
        Assert.Equal(2, applicantNotes.Count); // each applicant hears the result (the owner's "new application" notices go to its organisation)
        Assert.Contains(applicantNotes, t => t.StartsWith("Congratulations"));
    }

    [Fact]
    public async Task Solver_cannot_apply_after_the_deadline()
    {
        var s = await PublishedChallengeAsync();
        var (solver, org) = await SolverAsync();
        factory.Clock.SetUtcNow(s.ClosesAt);
        var response = await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal());
        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "challenge.window_closed");
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<ChallengeApplication>().AnyAsync(a => a.ApplicantOrganizationId == org)));
    }

    [Fact]
    public async Task Solver_applies_one_tick_before_the_deadline()
    {
        var s = await PublishedChallengeAsync();
        var (solver, _) = await SolverAsync();
        factory.Clock.SetUtcNow(s.ClosesAt.AddTicks(-10));
        await (await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal())).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Judge_cannot_score_an_application_from_their_own_organisation()
    {
        var s = await PublishedChallengeAsync();
        var colleague = factory.ClientAs(TestUser.Of(Roles.Researcher, s.JudgeOrg));
        var application = await (await colleague.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal("评审专家所在大学"))).Json(HttpStatusCode.Created);
        factory.Clock.SetUtcNow(s.ClosesAt);
        var response = await factory.ClientAs(s.Judge).PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{application.GetProperty("id").GetGuid()}/scores", Scores(10, 10, 10));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "challenge.judge_conflict_of_interest");
        var scores = await factory.WithDbAsync((db, _) => db.Set<ChallengeApplication>().Where(a => a.ChallengeId == s.Id).Select(a => a.Scores.Count).SingleAsync());
        Assert.Equal(0, scores);
    }

    [Fact]
    public async Task Scoring_before_applications_close_is_refused()
    {
        var s = await PublishedChallengeAsync();
        var (solver, _) = await SolverAsync();
        var application = await (await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal())).Json(HttpStatusCode.Created);
        var response = await factory.ClientAs(s.Judge).PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{application.GetProperty("id").GetGuid()}/scores", Scores(8, 8, 8));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "challenge.judging_not_started");
    }

    [Fact]
    public async Task User_who_is_not_a_named_judge_cannot_score()
    {
        var s = await PublishedChallengeAsync();
        var (solver, _) = await SolverAsync();
        var application = await (await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal())).Json(HttpStatusCode.Created);
        factory.Clock.SetUtcNow(s.ClosesAt);
        var response = await s.Owner.PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{application.GetProperty("id").GetGuid()}/scores", Scores(8, 8, 8));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "challenge.not_a_judge");
    }

    [Fact]
    public async Task Incomplete_scores_are_field_errors()
    {
        var s = await PublishedChallengeAsync();
        var (solver, _) = await SolverAsync();
        var application = await (await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal())).Json(HttpStatusCode.Created);
        factory.Clock.SetUtcNow(s.ClosesAt);
        var response = await factory.ClientAs(s.Judge).PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{application.GetProperty("id").GetGuid()}/scores",
            new { scores = new Dictionary<string, decimal> { ["c1"] = 8, ["c2"] = 11 } });
        await ProblemAssert.HasFieldError(response, "scores.c2", "challenge.score_out_of_range");
        await ProblemAssert.HasFieldError(await factory.ClientAs(s.Judge).PutAsJsonAsync($"/api/v1/challenges/{s.Id}/applications/{application.GetProperty("id").GetGuid()}/scores",
            new { scores = new Dictionary<string, decimal> { ["c1"] = 8, ["c2"] = 8 } }), "scores.c3", "challenge.criterion_not_scored");
    }

    [Fact]
    public async Task A_solver_sees_only_its_own_application()
    {
        var s = await PublishedChallengeAsync();
        var (a, _) = await SolverAsync();
        var (b, _) = await SolverAsync();
        await (await a.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal("甲大学"))).Json(HttpStatusCode.Created);
        await (await b.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal("乙大学"))).Json(HttpStatusCode.Created);
        var seenByA = await (await a.GetAsync($"/api/v1/challenges/{s.Id}/applications")).Json(HttpStatusCode.OK);
        Assert.StartsWith("甲大学", Assert.Single(seenByA.EnumerateArray()).GetProperty("summary").GetString());
        var seenByOwner = await (await s.Owner.GetAsync($"/api/v1/challenges/{s.Id}/applications")).Json(HttpStatusCode.OK);
        Assert.Equal(2, seenByOwner.GetArrayLength());
    }

    [Fact]
    public async Task Second_application_from_the_same_organisation_is_a_conflict()
    {
        var s = await PublishedChallengeAsync();
        var (solver, _) = await SolverAsync();
        await (await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal())).Json(HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await solver.PostAsJsonAsync($"/api/v1/challenges/{s.Id}/applications", DemandsApi.Proposal()),
            HttpStatusCode.Conflict, "challenge.already_applied");
    }

    [Fact]
    public async Task Draft_challenge_is_not_found_for_other_organisations()
    {
        var ownerOrg = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, ownerOrg.Id));
        var id = (await (await owner.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now))).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{id}"), HttpStatusCode.NotFound, "challenge.not_found");
        var (solver, _) = await SolverAsync();
        await ProblemAssert.IsProblem(await solver.PostAsJsonAsync($"/api/v1/challenges/{id}/applications", DemandsApi.Proposal()), HttpStatusCode.NotFound, "challenge.not_found");
    }

    [Fact]
    public async Task Rubric_weights_must_sum_to_100()
    {
        var org = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id)).PostAsJsonAsync("/api/v1/challenges",
            DemandsApi.ChallengeBody(Now, rubric: [new { nameZh = "技术", weight = 50 }, new { nameZh = "团队", weight = 30 }]));
        await ProblemAssert.HasFieldError(response, "rubric", "challenge.weights_not_100");
    }

    [Fact]
    public async Task Researcher_cannot_post_a_challenge()
    {
        var (solver, _) = await SolverAsync(Roles.Researcher);
        await ProblemAssert.IsProblem(await solver.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now)), HttpStatusCode.Forbidden, "challenge.not_allowed_to_post");
    }

    [Fact]
    public async Task Announcing_before_judging_ends_is_refused()
    {
        var s = await PublishedChallengeAsync();
        factory.Clock.SetUtcNow(s.JudgingEndsAt.AddTicks(-10));
        await ProblemAssert.IsProblem(await s.Owner.PostAsync($"/api/v1/challenges/{s.Id}/awards", null), HttpStatusCode.Conflict, "challenge.judging_not_ended");
    }

    [Fact]
    public async Task Unknown_judge_user_name_is_the_shared_reference_error()
    {
        var ownerOrg = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, ownerOrg.Id));
        var id = (await (await owner.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now))).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.HasFieldError(await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/judges", new { userName = "nobody-here" }), "userName", "reference.not_found");
    }
}

public sealed class ChallengeApiTests_Sqlite(DemandsSqliteFactory f) : ChallengeApiTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class ChallengeApiTests_Postgres(DemandsPostgresFactory f) : ChallengeApiTests(f), IClassFixture<DemandsPostgresFactory>;
