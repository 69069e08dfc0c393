using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

using static TechTransfer.ApiTests.Infrastructure.ListApi;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>
/// The contract list as its page uses it: sort by a whitelisted column either way, filter, page size and total; and its
/// Excel export, opened with MiniExcel, holds exactly the filtered rows the caller may see (never another organisation's).
/// </summary>
public abstract class ContractListTests(TechTransferFactory factory)
{
    private static readonly (string Name, decimal Total)[] Drafts = [("丙 光伏逆变器技术开发", 3_000_000m), ("甲 锂电池检测技术开发", 1_000_000m), ("乙 储能调度技术开发", 2_000_000m)];

    private async Task<(ContractParties Parties, string Tag)> ThreeDraftsAsync()
    {
        var s = await factory.NewPartiesAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = factory.ClientAs(s.SellerUser);
        foreach (var (name, total) in Drafts)
        {
            var request = JsonSerializer.SerializeToNode(ContractTestSupport.DraftRequest(s, total))!;
            request["projectName"] = $"{name} {tag}";
            var created = await seller.PostAsJsonAsync("/api/v1/contracts", request);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        return (s, tag);
    }

    private static Task<(int Total, List<string> Names)> ListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, "/api/v1/contracts?" + query, a => a.GetProperty("projectName").GetString()![..^7]);

    [Fact]
    public async Task The_list_sorts_either_way_by_whitelisted_keys_pages_filters_and_counts()
    {
        var (s, tag) = await ThreeDraftsAsync();
        var client = factory.ClientAs(s.SellerUser);
        var (total, byAmount) = await ListAsync(client, $"q={tag}&sort=amount");
        Assert.Equal(3, total);
        Assert.Equal(["甲 锂电池检测技术开发", "乙 储能调度技术开发", "丙 光伏逆变器技术开发"], byAmount);
        Assert.Equal(["丙 光伏逆变器技术开发", "乙 储能调度技术开发", "甲 锂电池检测技术开发"], (await ListAsync(client, $"q={tag}&sort=amount&desc=true")).Names);
        Assert.Equal(Drafts.Select(d => d.Name).Order(StringComparer.Ordinal).ToList(), (await ListAsync(client, $"q={tag}&sort=project")).Names);

        var (pagedTotal, second) = await ListAsync(client, $"q={tag}&sort=amount&pageSize=2&page=2");
        Assert.Equal(3, pagedTotal);
        Assert.Equal(["丙 光伏逆变器技术开发"], second);
        AssertPage(1, ["甲 锂电池检测技术开发"], await ListAsync(client, $"q=锂电池检测技术开发 {tag}"));
        Assert.Equal(0, (await ListAsync(client, $"q={tag}&status=Submitted")).Total);
        Assert.Equal(3, (await ListAsync(client, $"q={tag}&status=Draft&category=Development")).Total);

        // a sort key outside the whitelist (even a real column) is refused with problem details naming the keys
        var bad = await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/contracts?sort=fingerprint"), "sort", "paging.unknown_sort");
        Assert.Contains("project", bad.ToString());
        await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/contracts/export?sort=colour"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "项目名称", "状态", "草稿")]
    [InlineData("en", "Project", "Status", "Draft")]
    public async Task The_excel_export_holds_every_filtered_row_in_order_with_labels(string language, string projectHeader, string statusHeader, string draft)
    {
        var (s, tag) = await ThreeDraftsAsync();
        var client = factory.ClientAs(s.SellerUser, language);
        var response = await client.GetAsync($"/api/v1/contracts/export?q={tag}&sort=amount&desc=true&pageSize=1&page=1&status=Draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        ListApi.AssertExportName(response, "contracts");
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = ListFile.Rows(ms);
        Assert.Equal(["丙 光伏逆变器技术开发", "乙 储能调度技术开发", "甲 锂电池检测技术开发"], rows.Select(r => (string)r[projectHeader]!.ToString()![..^7]).ToArray());
        Assert.All(rows, r => Assert.Equal(draft, r[statusHeader]?.ToString()));
        // the file's row count is the list's total for the same filter
        Assert.Equal((await ListAsync(client, $"q={tag}&status=Draft")).Total, rows.Count);
    }

    [Fact]
    public async Task The_export_holds_only_what_the_caller_may_see()
    {
        var (mine, myTag) = await ThreeDraftsAsync();
        var (other, otherTag) = await ThreeDraftsAsync();
        // another organisation's drafts are private to their parties: never in my list nor in my export
        var seller = factory.ClientAs(mine.SellerUser);
        using var ms = new MemoryStream(await (await seller.GetAsync("/api/v1/contracts/export?sort=project")).Content.ReadAsByteArrayAsync());
        var names = ListFile.Rows(ms).Select(r => r["项目名称"]?.ToString() ?? "").ToList();
        Assert.Equal(3, names.Count(n => n.EndsWith(myTag, StringComparison.Ordinal)));
        Assert.DoesNotContain(names, n => n.EndsWith(otherTag, StringComparison.Ordinal));
        Assert.Equal(names.Count, (await ListAsync(seller, "pageSize=100")).Total);
        using var filtered = new MemoryStream(await (await seller.GetAsync($"/api/v1/contracts/export?q={otherTag}")).Content.ReadAsByteArrayAsync());
        Assert.Empty(ListFile.Rows(filtered));
        // a registrar sees contracts from submission on: drafts are not in the registrar's export
        using var registrar = new MemoryStream(await (await factory.ClientAs(other.Registrar).GetAsync($"/api/v1/contracts/export?q={otherTag}")).Content.ReadAsByteArrayAsync());
        Assert.Empty(ListFile.Rows(registrar));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/contracts/export")).StatusCode);
    }
}

public sealed class ContractListTests_Sqlite(SqliteFactory f) : ContractListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractListTests_Postgres(PostgresFactory f) : ContractListTests(f), IClassFixture<PostgresFactory>;
