using System.Net;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

using static TechTransfer.ApiTests.Infrastructure.ListApi;

namespace TechTransfer.ApiTests.Demands;

/// <summary>
/// The demand list as its page uses it: sort by a whitelisted column either way, filters, page size and total; and its
/// Excel export holds exactly the filtered rows the caller may see (another organisation's drafts never).
/// </summary>
public abstract class DemandListTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    /// <summary>Three published demands of one enterprise (deadlines 90, 30 and 60 days away) and one draft (120 days); the tag finds them.</summary>
    private async Task<(HttpClient Owner, string Tag)> ThreeDemandsAsync()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var tag = Guid.NewGuid().ToString("N")[..6];
        await factory.PublishDemandAsync(owner, title: $"丙 电池回收{tag}", deadlineDays: 90, modes: ["Transfer"]);
        await factory.PublishDemandAsync(owner, title: $"甲 视觉检测{tag}", deadlineDays: 30, modes: ["Consulting"]);
        await factory.PublishDemandAsync(owner, title: $"乙 储能调度{tag}", deadlineDays: 60, modes: ["Transfer"]);
        await owner.CreateDemandAsync(Now, $"丁 草稿需求{tag}", deadlineDays: 120);
        return (owner, tag);
    }

    private static Task<(int Total, List<string> Names)> ListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, "/api/v1/demands?" + query, ListApi.TitleInitial);

    [Fact]
    public async Task The_list_sorts_either_way_by_whitelisted_keys_pages_filters_and_counts()
    {
        var (owner, tag) = await ThreeDemandsAsync();
        var anyone = factory.ClientAs(null);
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(anyone, $"q={tag}&sort=deadline"));
        AssertPage(3, ["丙", "乙", "甲"], await ListAsync(anyone, $"q={tag}&sort=deadline&desc=true"));
        Assert.Equal(["甲", "乙", "丙", "丁"], (await ListAsync(owner, $"q={tag}&sort=title&desc=true")).Names);
        AssertPage(4, ["丙", "丁"], await ListAsync(owner, $"q={tag}&sort=deadline&pageSize=2&page=2"));
        AssertPage(2, ["乙", "丙"], await ListAsync(anyone, $"q={tag}&mode=Transfer&sort=deadline"));
        AssertPage(1, ["丁"], await ListAsync(owner, $"q={tag}&status=Draft"));
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/demands?sort=contactPhone"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/demands/export?sort=contactPhone"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "需求", "状态", "已发布")]
    [InlineData("en", "Demand", "Status", "Published")]
    public async Task The_excel_export_holds_every_filtered_row_in_order_with_labels(string language, string titleHeader, string statusHeader, string published)
    {
        var (owner, tag) = await ThreeDemandsAsync();
        var client = factory.ClientAs(null, language);
        var response = await client.GetAsync($"/api/v1/demands/export?q={tag}&sort=deadline&desc=true&pageSize=1&page=1");
        ListApi.AssertExportName(response, "demands");
        var rows = await ListFile.RowsAsync(response);
        Assert.Equal(["丙", "乙", "甲"], rows.Select(r => (string)r[titleHeader]!.ToString()![..1]).ToArray());
        Assert.All(rows, r => Assert.Equal(published, r[statusHeader]?.ToString()));
        Assert.Equal((await ListAsync(client, $"q={tag}")).Total, rows.Count);
        // the owner's export holds its draft too: the same rows as its list
        Assert.Equal(4, (await ListFile.RowsAsync(await owner.GetAsync($"/api/v1/demands/export?q={tag}"))).Count);
    }

    [Fact]
    public async Task The_export_never_holds_another_organisations_draft()
    {
        var (owner, tag) = await ThreeDemandsAsync();
        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));
        var rows = await ListFile.RowsAsync(await other.GetAsync($"/api/v1/demands/export?q={tag}"));
        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain(rows, r => r["需求"]?.ToString()!.StartsWith('丁') == true);
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/demands/export?q={tag}&status=Draft")));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(null).GetAsync($"/api/v1/demands/export?mine=true")).StatusCode);
    }
}

public sealed class DemandListTests_Sqlite(SqliteFactory f) : DemandListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class DemandListTests_Postgres(PostgresFactory f) : DemandListTests(f), IClassFixture<PostgresFactory>;
