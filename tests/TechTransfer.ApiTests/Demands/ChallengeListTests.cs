using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

using static TechTransfer.ApiTests.Infrastructure.ListApi;

namespace TechTransfer.ApiTests.Demands;

/// <summary>
/// The challenge list as its page uses it: sort by a whitelisted column either way, filters, page size and total; and its
/// Excel export holds exactly the filtered rows the caller may see (another organisation's drafts never).
/// </summary>
public abstract class ChallengeListTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    /// <summary>Three published challenges of one enterprise (applications close in 90, 30 and 60 days) and one draft (120 days); the tag finds them.</summary>
    private async Task<(HttpClient Owner, string Tag)> ThreeChallengesAsync()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var judge = await factory.CreateAccountAsync(Roles.Researcher, (await factory.CreateOrganizationAsync(OrganizationKind.University, "022")).Id);
        await CreateAsync(owner, judge.Name, $"丙 滚珠丝杠{tag}", 90, publish: true);
        await CreateAsync(owner, judge.Name, $"甲 视觉检测{tag}", 30, publish: true);
        await CreateAsync(owner, judge.Name, $"乙 储能调度{tag}", 60, publish: true);
        await CreateAsync(owner, judge.Name, $"丁 草稿挑战{tag}", 120, publish: false);
        return (owner, tag);
    }

    private async Task CreateAsync(HttpClient owner, string judge, string title, int closesInDays, bool publish)
    {
        var body = JsonSerializer.SerializeToNode(DemandsApi.ChallengeBody(Now), JsonSerializerOptions.Web)!.AsObject();
        body["title"] = title;
        body["applicationClosesAt"] = Now.AddDays(closesInDays);
        body["judgingEndsAt"] = Now.AddDays(closesInDays + 15);
        body["announcementAt"] = Now.AddDays(closesInDays + 20);
        var id = (await (await owner.PostAsJsonAsync("/api/v1/challenges", body)).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await owner.PostAsJsonAsync($"/api/v1/challenges/{id}/judges", new { userName = judge })).Json(HttpStatusCode.OK);
        if (publish) await (await owner.PostAsync($"/api/v1/challenges/{id}/publish", null)).Json(HttpStatusCode.OK);
    }

    private static Task<(int Total, List<string> Names)> ListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, "/api/v1/challenges?" + query, ListApi.TitleInitial);

    [Fact]
    public async Task The_list_sorts_either_way_by_whitelisted_keys_pages_filters_and_counts()
    {
        var (owner, tag) = await ThreeChallengesAsync();
        var anyone = factory.ClientAs(null);
        AssertPage(3, ["丙", "乙", "甲"], await ListAsync(anyone, $"q={tag}"));
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(anyone, $"q={tag}&sort=closesAt"));
        Assert.Equal(["甲", "乙", "丙", "丁"], (await ListAsync(owner, $"q={tag}&sort=title&desc=true")).Names);
        AssertPage(4, ["丙", "丁"], await ListAsync(owner, $"q={tag}&sort=closesAt&pageSize=2&page=2"));
        AssertPage(1, ["丁"], await ListAsync(owner, $"q={tag}&phase=Draft"));
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(owner, $"q={tag}&mine=true&phase=OpenForApplications&sort=closesAt"));
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(anyone, $"q={tag}&field=高端装备&sort=closesAt"));
        AssertPage(0, [], await ListAsync(anyone, $"q={tag}&field=生物医药"));
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/challenges?sort=rewardYuan"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/challenges/export?sort=rewardYuan"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "挑战", "阶段", "征集中")]
    [InlineData("en", "Challenge", "Phase", "Open for applications")]
    public async Task The_excel_export_holds_every_filtered_row_in_order_with_labels(string language, string titleHeader, string phaseHeader, string open)
    {
        var (owner, tag) = await ThreeChallengesAsync();
        var client = factory.ClientAs(null, language);
        var response = await client.GetAsync($"/api/v1/challenges/export?q={tag}&sort=closesAt&desc=true&pageSize=1&page=1");
        ListApi.AssertExportName(response, "challenges");
        var rows = await ListFile.RowsAsync(response);
        Assert.Equal(["丙", "乙", "甲"], rows.Select(r => (string)r[titleHeader]!.ToString()![..1]).ToArray());
        Assert.All(rows, r => Assert.Equal(open, r[phaseHeader]?.ToString()));
        Assert.Equal((await ListAsync(client, $"q={tag}")).Total, rows.Count);
        // the owner's export holds its draft too: the same rows as its list
        Assert.Equal(4, (await ListFile.RowsAsync(await owner.GetAsync($"/api/v1/challenges/export?q={tag}"))).Count);
    }

    [Fact]
    public async Task The_export_never_holds_another_organisations_draft()
    {
        var (_, tag) = await ThreeChallengesAsync();
        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));
        var rows = await ListFile.RowsAsync(await other.GetAsync($"/api/v1/challenges/export?q={tag}"));
        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain(rows, r => r["挑战"]?.ToString()!.StartsWith('丁') == true);
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/challenges/export?q={tag}&phase=Draft")));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(null).GetAsync("/api/v1/challenges/export?mine=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(null).GetAsync("/api/v1/challenges/export?judging=true")).StatusCode);
    }
}

public sealed class ChallengeListTests_Sqlite(SqliteFactory f) : ChallengeListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ChallengeListTests_Postgres(PostgresFactory f) : ChallengeListTests(f), IClassFixture<PostgresFactory>;
