using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.ApiTests.Search;

/// <summary>Match feedback (有用/无用) through HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class MatchFeedbackApiTests(TechTransferFactory factory)
{
    private const string DemandTitle = "新能源汽车电机控制器液冷散热方案";

    private sealed record Setup(HttpClient Owner, Guid Org, Guid DemandId, Guid First, Guid Second);

    /// <summary>A published demand of a new enterprise and two registered public achievements of an institution that match
    /// it (real records: feedback names a record that must exist and be visible to the caller).</summary>
    private async Task<Setup> NewSetupAsync()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var demandId = await factory.PublishDemandAsync(owner, DemandTitle);
        var institution = Institution.New();
        var first = await factory.RegisteredAchievementAsync(institution, "电机控制器液冷散热方案 新能源汽车电机控制器液冷散热", "电机控制器液冷散热方案 新能源汽车电机控制器液冷散热");
        var second = await factory.RegisteredAchievementAsync(institution, "电机控制器散热结构", "电机控制器散热结构");
        // Matching keeps only distinctive words (document frequency ≤ 25 %), so the index needs unrelated records too.
        var index = factory.Services.GetRequiredService<SearchIndex>();
        for (var i = 0; i < 40; i++)
            index.Upsert(new SearchDocument { Type = SearchDocumentTypes.Organization, Id = Guid.NewGuid(), Title = $"园林绿化养护服务中心{i}", Body = "城市绿地 苗木 灌溉", IsPublic = true });
        index.Commit();
        return new Setup(owner, org.Id, demandId, first, second);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> Vote(HttpClient client, Guid demandId, Guid target, bool useful) =>
        client.PostAsJsonAsync($"/api/v1/demands/{demandId}/matches/feedback",
            new { targetType = SearchDocumentTypes.Achievement, targetId = target, useful });

    private static List<JsonElement> Items(JsonElement matches) => matches.GetProperty("items").EnumerateArray().ToList();

    private static JsonElement Item(JsonElement matches, Guid id) =>
        Items(matches).Single(i => i.GetProperty("hit").GetProperty("id").GetGuid() == id);

    private Task<List<MatchFeedback>> Rows(Guid demandId) =>
        factory.WithDbAsync((db, _) => db.Set<MatchFeedback>().Where(f => f.SubjectId == demandId).ToListAsync());

    [Fact]
    public async Task The_owner_marks_a_match_useful_and_sees_it_with_the_match()
    {
        var s = await NewSetupAsync();
        var voted = await Ok(await Vote(s.Owner, s.DemandId, s.Second, useful: true));
        Assert.True(voted.GetProperty("useful").GetBoolean());

        var row = Assert.Single(await Rows(s.DemandId));
        Assert.Equal((s.Org, s.Second, true), (row.OrganizationId, row.TargetId, row.Useful));

        var matches = await Ok(await s.Owner.GetAsync($"/api/v1/demands/{s.DemandId}/matches?k=100"));
        Assert.True(Item(matches, s.Second).GetProperty("useful").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Item(matches, s.First).GetProperty("useful").ValueKind);
    }

    [Fact]
    public async Task A_revote_replaces_the_previous_vote_and_is_audited()
    {
        var s = await NewSetupAsync();
        await Ok(await Vote(s.Owner, s.DemandId, s.First, useful: true));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Ok(await Vote(s.Owner, s.DemandId, s.First, useful: false));

        var row = Assert.Single(await Rows(s.DemandId));
        Assert.False(row.Useful);
        Assert.Equal(factory.Clock.GetUtcNow(), row.VotedAt);
        var audits = await factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityId == row.Id.ToString()));
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task Not_useful_drops_to_the_end_and_useful_is_boosted()
    {
        var s = await NewSetupAsync();
        var before = Items(await Ok(await s.Owner.GetAsync($"/api/v1/demands/{s.DemandId}/matches?k=100")));
        int Position(List<JsonElement> items, Guid id) => items.FindIndex(i => i.GetProperty("hit").GetProperty("id").GetGuid() == id);
        Assert.True(Position(before, s.First) < Position(before, s.Second));

        await Ok(await Vote(s.Owner, s.DemandId, s.First, useful: false));
        await Ok(await Vote(s.Owner, s.DemandId, s.Second, useful: true));
        var after = Items(await Ok(await s.Owner.GetAsync($"/api/v1/demands/{s.DemandId}/matches?k=100")));

        Assert.Equal(s.First, after[^1].GetProperty("hit").GetProperty("id").GetGuid());
        Assert.True(after[^1].GetProperty("demoted").GetBoolean());
        var second = after.Single(i => i.GetProperty("hit").GetProperty("id").GetGuid() == s.Second);
        var secondBefore = before.Single(i => i.GetProperty("hit").GetProperty("id").GetGuid() == s.Second);
        Assert.True(second.GetProperty("score").GetDouble() > secondBefore.GetProperty("score").GetDouble());
        Assert.True(after.IndexOf(second) < after.Count - 1);
    }

    [Fact]
    public async Task Another_organisation_gets_not_found_and_nothing_is_stored()
    {
        var s = await NewSetupAsync();
        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));
        var response = await Vote(other, s.DemandId, s.First, useful: true);
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "search.source_not_found");
        Assert.Empty(await Rows(s.DemandId));
    }

    [Fact]
    public async Task Feedback_on_an_unknown_achievement_is_not_found()
    {
        var user = TestUser.Of(Roles.Researcher, (await factory.CreateOrganizationAsync()).Id);
        var target = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(user).PostAsJsonAsync($"/api/v1/achievements/{Guid.NewGuid()}/matches/feedback",
            new { targetType = SearchDocumentTypes.Organization, targetId = target.Id, useful = true });
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "search.source_not_found");
    }

    [Fact]
    public async Task A_target_that_does_not_exist_is_a_reference_field_error_and_nothing_is_stored()
    {
        var s = await NewSetupAsync();
        var response = await Vote(s.Owner, s.DemandId, Guid.NewGuid(), useful: true);
        await ProblemAssert.HasFieldError(response, "targetId", "reference.not_found");
        Assert.Empty(await Rows(s.DemandId));
    }

    [Fact]
    public async Task Another_institutions_confidential_achievement_reads_exactly_like_a_record_that_does_not_exist()
    {
        var s = await NewSetupAsync();
        var secret = await factory.RegisteredAchievementAsync(Institution.New(), "电机控制器液冷散热保密方案", "保密", confidential: true);
        var hidden = await ProblemAssert.HasFieldError(await Vote(s.Owner, s.DemandId, secret, useful: true), "targetId", "reference.not_found");
        var missing = await ProblemAssert.HasFieldError(await Vote(s.Owner, s.DemandId, Guid.NewGuid(), useful: true), "targetId", "reference.not_found");
        Assert.Equal(missing.GetProperty("fieldErrors").GetRawText(), hidden.GetProperty("fieldErrors").GetRawText());
        Assert.Empty(await Rows(s.DemandId));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var s = await NewSetupAsync();
        var response = await s.Owner.PostAsJsonAsync($"/api/v1/demands/{s.DemandId}/matches/feedback",
            new { targetType = SearchDocumentTypes.Demand, targetId = Guid.Empty });
        var json = await ProblemAssert.HasFieldError(response, "targetType", "match_feedback.target_type_invalid");
        var fields = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["targetType", "targetId", "useful"], fields);
    }

    [Fact]
    public async Task The_body_is_validated_before_the_subject_is_looked_up()
    {
        var user = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        var response = await factory.ClientAs(user).PostAsJsonAsync($"/api/v1/demands/{Guid.NewGuid()}/matches/feedback", new { });
        await ProblemAssert.HasFieldError(response, "targetType", "match_feedback.target_type_required");
    }

    [Fact]
    public async Task Concurrent_first_votes_on_the_same_match_store_one_row_and_never_fail()
    {
        var s = await NewSetupAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Vote(s.Owner, s.DemandId, s.First, useful: i % 2 == 0)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await Rows(s.DemandId));
    }

    [Fact]
    public async Task Wrong_target_type_is_a_bilingual_field_error()
    {
        var s = await NewSetupAsync();
        var response = await s.Owner.PostAsJsonAsync($"/api/v1/demands/{s.DemandId}/matches/feedback",
            new { targetType = SearchDocumentTypes.Organization, targetId = s.First, useful = true });
        await ProblemAssert.HasFieldError(response, "targetType", "match_feedback.target_type_invalid");
        Assert.Empty(await Rows(s.DemandId));
    }

    [Fact]
    public async Task Missing_fields_are_bilingual_field_errors()
    {
        var s = await NewSetupAsync();
        var response = await s.Owner.PostAsJsonAsync($"/api/v1/demands/{s.DemandId}/matches/feedback", new { });
        await ProblemAssert.HasFieldError(response, "targetType", "match_feedback.target_type_required");
        response = await s.Owner.PostAsJsonAsync($"/api/v1/demands/{s.DemandId}/matches/feedback", new { targetType = SearchDocumentTypes.Achievement });
        await ProblemAssert.HasFieldError(response, "targetId", "match_feedback.target_id_required");
        response = await s.Owner.PostAsJsonAsync($"/api/v1/demands/{s.DemandId}/matches/feedback", new { targetType = SearchDocumentTypes.Achievement, targetId = s.First });
        await ProblemAssert.HasFieldError(response, "useful", "match_feedback.useful_required");
        Assert.Empty(await Rows(s.DemandId));
    }

    /// <summary>A disclosed (non-draft) achievement of a new institution, created through the Achievements API.</summary>
    private async Task<(HttpClient Researcher, Guid Org, Guid Id)> DisclosedAchievementAsync()
    {
        var org = Guid.NewGuid();
        var researcher = TestUser.Of(Roles.Researcher, org);
        var client = factory.ClientAs(researcher);
        var created = await client.PostAsJsonAsync("/api/v1/achievements", new
        {
            title = "低功耗电机控制器液冷散热结构", @abstract = "一种电机控制器的液冷散热结构。", keywords = new[] { "液冷", "散热" },
            technicalField = "机械工程", ipcCodes = new[] { "H05K 7/20" }, ipType = "PatentApplication", trl = 5, fundingSource = "Fiscal", projectReferences = new[] { "国家重点研发计划 2022YFB2502000" },
            completers = new object[] { new { name = "张伟", contributionPercent = 100m } }, // by name: header-only test users are no platform accounts (user references are checked)
            patentApplicationNumbers = new[] { "CN202310123456.7" },
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        await Ok(await client.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        return (client, org, id);
    }

    [Fact]
    public async Task The_owning_organisation_of_an_achievement_votes_on_a_match_and_others_get_not_found()
    {
        var (researcher, org, id) = await DisclosedAchievementAsync();
        var target = (await factory.CreateOrganizationAsync()).Id;
        var voted = await Ok(await researcher.PostAsJsonAsync($"/api/v1/achievements/{id}/matches/feedback",
            new { targetType = SearchDocumentTypes.Organization, targetId = target, useful = false }));
        Assert.Equal(SearchDocumentTypes.Achievement, voted.GetProperty("subjectType").GetString());
        Assert.False(voted.GetProperty("useful").GetBoolean());
        var row = Assert.Single(await Rows(id));
        Assert.Equal((org, target, false), (row.OrganizationId, row.TargetId, row.Useful));

        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid()));
        var denied = await other.PostAsJsonAsync($"/api/v1/achievements/{id}/matches/feedback",
            new { targetType = SearchDocumentTypes.Organization, targetId = target, useful = true });
        await ProblemAssert.IsProblem(denied, HttpStatusCode.NotFound, "search.source_not_found");

        var wrongType = await researcher.PostAsJsonAsync($"/api/v1/achievements/{id}/matches/feedback",
            new { targetType = SearchDocumentTypes.Patent, targetId = target, useful = true });
        await ProblemAssert.HasFieldError(wrongType, "targetType", "match_feedback.target_type_invalid");
        Assert.False(Assert.Single(await Rows(id)).Useful);
    }

    [Fact]
    public async Task Feedback_requires_a_signed_in_user()
    {
        var response = await Vote(factory.ClientAs(null), Guid.NewGuid(), Guid.NewGuid(), useful: true);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class MatchFeedbackApiTests_Sqlite(SqliteFactory f) : MatchFeedbackApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class MatchFeedbackApiTests_Postgres(PostgresFactory f) : MatchFeedbackApiTests(f), IClassFixture<PostgresFactory>;
