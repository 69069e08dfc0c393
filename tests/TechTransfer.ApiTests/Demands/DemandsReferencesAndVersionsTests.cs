using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Demands;

/// <summary>
/// Issue #11 for demands and challenges through HTTP on both databases: actions name the version they read (stale → 409
/// <c>concurrency.conflict</c>, nothing changed); referenced organisations and users must exist (the shared 422
/// <c>reference.not_found</c>); a body is validated before the record's state; null elements never crash a validator.
/// </summary>
public abstract class DemandsReferencesAndVersionsTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();
    private HttpClient Admin => factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null));

    private async Task<HttpClient> EnterpriseAsync() =>
        factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));

    private async Task<(Guid Id, int Version)> SubmittedDemandAsync(HttpClient owner)
    {
        var id = await owner.CreateDemandAsync(Now);
        var submitted = await (await owner.PostAsJsonAsync($"/api/v1/demands/{id}/submit", new { version = 1 })).Json(HttpStatusCode.OK);
        return (id, submitted.GetProperty("version").GetInt32());
    }

    private Task<DemandStatus> StatusAsync(Guid id) =>
        factory.WithDbAsync((db, _) => db.Set<Demand>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    [Fact]
    public async Task Approving_with_a_stale_version_is_a_conflict_and_the_demand_stays_under_review()
    {
        var owner = await EnterpriseAsync();
        var (id, version) = await SubmittedDemandAsync(owner);
        await ProblemAssert.IsProblem(await Admin.PostAsJsonAsync($"/api/v1/demands/{id}/approve", new { comment = "可以", version = version - 1 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        Assert.Equal(DemandStatus.UnderReview, await StatusAsync(id));
        var approved = await (await Admin.PostAsJsonAsync($"/api/v1/demands/{id}/approve", new { comment = "可以", version })).Json(HttpStatusCode.OK);
        Assert.Equal(version + 1, approved.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Submitting_with_a_stale_version_is_a_conflict()
    {
        var owner = await EnterpriseAsync();
        var id = await owner.CreateDemandAsync(Now);
        await (await owner.PutAsJsonAsync($"/api/v1/demands/{id}", WithVersion(DemandsApi.DemandBody(Now, title: "改过的需求标题"), 1))).Json(HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/demands/{id}/submit", new { version = 1 }), HttpStatusCode.Conflict, "concurrency.conflict");
        Assert.Equal(DemandStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Marking_a_demand_matched_with_an_unregistered_organisation_is_a_reference_error()
    {
        var owner = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner);
        await ProblemAssert.HasFieldError(await owner.PostAsJsonAsync($"/api/v1/demands/{id}/match", new { organizationId = Guid.NewGuid() }),
            "organizationId", "reference.not_found");
        Assert.Equal(DemandStatus.Published, await StatusAsync(id));
    }

    [Fact]
    public async Task Returning_a_published_demand_without_a_reason_reports_the_reason_before_the_state()
    {
        var owner = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner);
        await ProblemAssert.HasFieldError(await Admin.PostAsJsonAsync($"/api/v1/demands/{id}/reject", new { reason = "" }), "reason", "demand.rejection_reason_required");
        await ProblemAssert.IsProblem(await Admin.PostAsJsonAsync($"/api/v1/demands/{id}/reject", new { reason = "补充" }), HttpStatusCode.Conflict, "demand.invalid_transition");
    }

    [Fact]
    public async Task A_demand_with_a_null_keyword_is_refused_as_invalid_input_and_nothing_is_stored()
    {
        var owner = await EnterpriseAsync();
        var before = await factory.WithDbAsync((db, _) => db.Set<Demand>().CountAsync());
        var body = JsonSerializer.SerializeToNode(DemandsApi.DemandBody(Now))!.AsObject();
        body["keywords"] = new JsonArray(null, "液冷");
        body["contactEmail"] = new string('a', 300) + "@example.cn";
        var response = await owner.PostAsJsonAsync("/api/v1/demands", body);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.WithDbAsync((db, _) => db.Set<Demand>().CountAsync()));
    }

    [Fact]
    public async Task A_challenge_with_a_null_rubric_row_is_refused_as_invalid_input_and_nothing_is_stored()
    {
        var owner = await EnterpriseAsync();
        var before = await factory.WithDbAsync((db, _) => db.Set<Challenge>().CountAsync());
        var body = JsonSerializer.SerializeToNode(DemandsApi.ChallengeBody(Now))!.AsObject();
        body["rubric"] = new JsonArray(null, JsonSerializer.SerializeToNode(new { nameZh = "技术先进性", weight = 100 }));
        var response = await owner.PostAsJsonAsync("/api/v1/challenges", body);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.WithDbAsync((db, _) => db.Set<Challenge>().CountAsync()));
    }

    [Fact]
    public async Task Publishing_a_challenge_with_a_stale_version_is_a_conflict()
    {
        var owner = await EnterpriseAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now))).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var judgeOrg = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var judge = await factory.CreateAccountAsync(Roles.Researcher, judgeOrg.Id);
        var withJudge = await (await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/judges",
            new { userName = judge.Name, version = created.GetProperty("version").GetInt32() })).Json(HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/publish", new { version = created.GetProperty("version").GetInt32() }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var published = await (await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/publish",
            new { version = withJudge.GetProperty("version").GetInt32() })).Json(HttpStatusCode.OK);
        Assert.Equal("OpenForApplications", published.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Cancelling_a_cancelled_challenge_without_a_reason_reports_the_reason_first()
    {
        var owner = await EnterpriseAsync();
        var id = (await (await owner.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(Now))).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/cancel", new { reason = "预算调整" })).Json(HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/cancel", new { reason = " " }), "reason", "challenge.cancel_reason_required");
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/cancel", new { reason = "再次取消" }), HttpStatusCode.Conflict, "challenge.invalid_transition");
    }

    [Fact]
    public async Task A_rule_refusal_names_its_rule_in_the_problem_not_in_the_message()
    {
        var org = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(TestUser.Of(Roles.Researcher, org.Id)).PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "demand.only_enterprises_post");
        Assert.Equal("DM.11", problem.GetProperty("rule").GetString());
        Assert.DoesNotContain("DM.", problem.GetProperty("messages").GetProperty("zh-CN").GetString());
    }

    private static Dictionary<string, object?> WithVersion(object body, int version)
    {
        var dict = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["version"] = version;
        return dict;
    }
}

public sealed class DemandsReferencesAndVersionsTests_Sqlite(DemandsSqliteFactory f) : DemandsReferencesAndVersionsTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class DemandsReferencesAndVersionsTests_Postgres(DemandsPostgresFactory f) : DemandsReferencesAndVersionsTests(f), IClassFixture<DemandsPostgresFactory>;
