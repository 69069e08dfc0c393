using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Patents;

/// <summary>
/// The patent list (an organisation's portfolio) as its page uses it: whitelisted sort keys either way, filters, page
/// size and total; its Excel export holds exactly the filtered rows of the caller's organisation, never another's.
/// </summary>
public abstract class PatentListTests(TechTransferFactory factory)
{
    private static readonly (string Title, string Filed)[] Filings = [("丙 逆变器控制方法", "2021-03-01"), ("甲 锂电池检测方法", "2019-03-01"), ("乙 储能调度方法", "2020-03-01")];

    private async Task<(HttpClient Office, string Tag, Guid Org)> ThreePatentsAsync()
    {
        var org = (await factory.CreateOrganizationAsync()).Id;
        var office = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org));
        var tag = Random.Shared.NextInt64(100_000, 999_999).ToString();
        var n = 0;
        foreach (var (title, filed) in Filings)
        {
            var created = await office.PostAsJsonAsync("/api/v1/patents", new
            {
                applicationNo = $"CN20{filed[2..4]}1{tag}{n++}.1", publicationNo = (string?)null, type = n == 2 ? "UtilityModel" : "Invention",
                title = $"{title}{tag}", patenteeNames = "测试大学", filingDate = filed, grantAnnouncementDate = "2023-01-06", legalStatus = "InForce",
                annualFeePaidUntil = "2026-05-09",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        return (office, tag, org);
    }

    private static Task<(int Total, List<string> Titles)> ListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, "/api/v1/patents?" + query, ListApi.TitleInitial);

    [Fact]
    public async Task The_list_sorts_either_way_by_whitelisted_keys_pages_filters_and_counts()
    {
        var (office, tag, _) = await ThreePatentsAsync();
        var (total, byFiling) = await ListAsync(office, $"q={tag}&sort=filingDate");
        Assert.Equal(3, total);
        Assert.Equal(["甲", "乙", "丙"], byFiling);
        Assert.Equal(["丙", "乙", "甲"], (await ListAsync(office, $"q={tag}&sort=filingDate&desc=true")).Titles);
        Assert.Equal(["丙", "乙", "甲"], (await ListAsync(office, $"q={tag}&sort=-filingDate")).Titles);
        var (pagedTotal, second) = await ListAsync(office, $"q={tag}&sort=filingDate&pageSize=2&page=2");
        Assert.Equal(3, pagedTotal);
        Assert.Equal(["丙"], second);
        Assert.Equal(["甲"], (await ListAsync(office, $"q={tag}&type=UtilityModel")).Titles);
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/patents?sort=patenteeNames"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/patents/export?sort=patenteeNames"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "名称", "法律状态", "有效")]
    [InlineData("en", "Title", "Status", "In force")]
    public async Task The_export_holds_the_filtered_rows_of_the_callers_organisation_only(string language, string titleHeader, string statusHeader, string inForce)
    {
        var (_, tag, org) = await ThreePatentsAsync();
        var (other, otherTag, _) = await ThreePatentsAsync();
        var office = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org), language);
        var mine = await ListFile.RowsAsync(await office.GetAsync($"/api/v1/patents/export?sort=filingDate&desc=true&pageSize=1&q={tag}"));
        Assert.Equal(["丙", "乙", "甲"], mine.Select(r => ((string)r[titleHeader]!.ToString()!)[..1]).ToArray());
        Assert.All(mine, r => Assert.Equal(inForce, r[statusHeader]?.ToString()));
        // the whole portfolio export: my three rows and none of the other organisation's
        var all = await ListFile.RowsAsync(await office.GetAsync("/api/v1/patents/export"));
        Assert.Equal((await ListAsync(office, "")).Total, all.Count);
        Assert.DoesNotContain(all, r => r[titleHeader]!.ToString()!.EndsWith(otherTag, StringComparison.Ordinal));
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/patents/export?q={tag}")));
        // the list is the caller's organisation's portfolio: an enterprise's export holds none of the university's patents
        Assert.Empty(await ListFile.RowsAsync(await factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id)).GetAsync($"/api/v1/patents/export?q={tag}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/patents/export")).StatusCode);
    }
}

public sealed class PatentListTests_Sqlite(SqliteFactory f) : PatentListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PatentListTests_Postgres(PostgresFactory f) : PatentListTests(f), IClassFixture<PostgresFactory>;
