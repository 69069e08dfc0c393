using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Search.Features;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Search;

/// <summary>Search through HTTP and the outbox indexer, run once on SQLite and once on PostgreSQL.</summary>
public abstract class SearchApiTests(TechTransferFactory factory)
{
    private SearchOutboxDrainer Drainer => factory.Services.GetRequiredService<SearchOutboxDrainer>();

    private Task<int> OutboxRows(Guid id) => factory.WithDbAsync((db, _) => db.SearchOutbox.CountAsync(r => r.DocumentId == id));

    private async Task<JsonElement> SearchAsync(string query, TestUser? user = null)
    {
        var response = await factory.ClientAs(user).GetAsync($"/api/v1/search?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<Guid> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task A_committed_organisation_reaches_the_index_and_is_found_with_highlight_and_facets()
    {
        var org = await factory.CreateOrganizationAsync(nameZh: "钙钛矿光伏研究院");
        await Drainer.DrainAllAsync();
        Assert.Equal(0, await OutboxRows(org.Id));

        var result = await SearchAsync("q=钙钛矿&type=organization");
        Assert.Contains(org.Id, Ids(result));
        var hit = result.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetGuid() == org.Id);
        Assert.Contains("<em>钙钛矿</em>", hit.GetProperty("titleHighlighted").GetString());
        Assert.True(result.GetProperty("facets").GetProperty("type").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task A_crash_after_the_index_commit_but_before_the_outbox_delete_loses_nothing_and_does_not_duplicate()
    {
        Drainer.AfterIndexCommit = () => throw new IOException("simulated crash after index commit");
        try
        {
            var org = await factory.CreateOrganizationAsync(nameZh: "石墨烯散热研究所");
            await Assert.ThrowsAsync<IOException>(() => Drainer.DrainOnceAsync());
            Assert.Equal(1, await OutboxRows(org.Id));   // the row survives the crash

            Drainer.AfterIndexCommit = null;             // "restart"
            await Drainer.DrainAllAsync();
            Assert.Equal(0, await OutboxRows(org.Id));
            var result = await SearchAsync("q=石墨烯散热研究所&type=organization");
            Assert.Single(Ids(result), org.Id);
        }
        finally { Drainer.AfterIndexCommit = null; }
    }

    [Fact]
    public async Task A_crash_before_the_index_commit_keeps_the_outbox_row_for_the_next_run()
    {
        Drainer.BeforeIndexCommit = () => throw new IOException("simulated crash before index commit");
        try
        {
            var org = await factory.CreateOrganizationAsync(nameZh: "量子点显示材料中心");
            await Assert.ThrowsAsync<IOException>(() => Drainer.DrainOnceAsync());
            Assert.Equal(1, await OutboxRows(org.Id));

            Drainer.BeforeIndexCommit = null;
            await Drainer.DrainAllAsync();
            Assert.Equal(0, await OutboxRows(org.Id));
            Assert.Contains(org.Id, Ids(await SearchAsync("q=量子点显示材料中心")));
        }
        finally { Drainer.BeforeIndexCommit = null; }
    }

    [Fact]
    public async Task Division_filter_and_paging_through_the_api()
    {
        var sh = await factory.CreateOrganizationAsync(nameZh: "氢燃料电池上海中心", division: "310115");
        var sz = await factory.CreateOrganizationAsync(nameZh: "氢燃料电池苏州中心", division: "320500");
        await Drainer.DrainAllAsync();
        var result = await SearchAsync("q=氢燃料电池&division=310000&pageSize=5");
        Assert.Contains(sh.Id, Ids(result));
        Assert.DoesNotContain(sz.Id, Ids(result));
        Assert.Equal(5, result.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task The_search_page_renders_highlighted_results_for_anonymous_visitors()
    {
        var org = await factory.CreateOrganizationAsync(nameZh: "超导磁体工程中心");
        await Drainer.DrainAllAsync();
        var html = await factory.ClientAs(null).GetStringAsync("/search?q=超导磁体");
        Assert.Contains("<em>超导磁体</em>", html);
        Assert.Contains($"/organizations/{org.Id}", html);
    }

    [Fact]
    public async Task Invalid_paging_is_a_bilingual_field_error()
    {
        var response = await factory.ClientAs(null).GetAsync("/api/v1/search?q=x&pageSize=0");
        await ProblemAssert.HasFieldError(response, "pageSize", "search.page_size_out_of_range");
    }

    [Theory]
    [InlineData("random")]
    [InlineData("3")]
    [InlineData("99")]
    public async Task Unknown_sort_is_rejected(string sort)
    {
        var response = await factory.ClientAs(null).GetAsync($"/api/v1/search?q=x&sort={sort}");
        await ProblemAssert.HasFieldError(response, "sort", "search.unknown_sort");
    }

    [Fact]
    public async Task Every_invalid_query_parameter_is_reported_at_once()
    {
        var response = await factory.ClientAs(null).GetAsync(
            "/api/v1/search?q=x&sort=random&page=0&pageSize=101&trlMin=9&trlMax=2&priceMin=-1&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z&type=invoice");
        var json = await ProblemAssert.HasFieldError(response, "sort", "search.unknown_sort");
        var codes = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(
            ["search.unknown_sort", "search.page_out_of_range", "search.page_size_out_of_range", "search.trl_out_of_range",
             "search.price_range_invalid", "search.date_range_invalid", "search.unknown_type"],
            codes);
    }

    [Fact]
    public async Task Every_query_parameter_binds_by_its_api_name()
    {
        var org = await factory.CreateOrganizationAsync(nameZh: "低温等离子体表面处理中心", division: "310115");
        await Drainer.DrainAllAsync();
        var hit = await SearchAsync(
            $"q=低温等离子体&type=organization,achievement&division=310000&org={org.Id}&status={Uri.EscapeDataString(await OrganizationStatusAsync(org.Id))}" +
            "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&sort=date_desc&page=1&pageSize=7");
        Assert.Equal([org.Id], Ids(hit));
        Assert.Equal(7, hit.GetProperty("pageSize").GetInt32());
        // each filter, set so that the record fails it, leaves it out: the parameter was bound, not ignored
        foreach (var miss in new[]
                 {
                     "type=patent", "division=320000", $"org={Guid.NewGuid()}", "status=NoSuchStatus", "from=2100-01-01T00:00:00Z",
                     "to=2000-01-01T00:00:00Z", "field=机械工程", "ipc=H01M", "trlMin=1", "trlMax=9", "priceMin=1", "priceMax=1",
                 })
            Assert.DoesNotContain(org.Id, Ids(await SearchAsync($"q=低温等离子体&{miss}")));
        Assert.Equal(2, (await SearchAsync($"q=低温等离子体&page=2&pageSize=5")).GetProperty("page").GetInt32());
    }

    private Task<string> OrganizationStatusAsync(Guid id) =>
        factory.WithDbAsync(async (_, sp) =>
        {
            var source = sp.GetServices<TechTransfer.SharedKernel.Search.ISearchDocumentSource>().Single(s => s.Type == "organization");
            return (await source.LoadAsync(id, CancellationToken.None))!.Status;
        });

    [Fact]
    public async Task Matches_for_an_unknown_achievement_are_not_found()
    {
        var user = TestUser.Of(Roles.Enterprise, Guid.NewGuid());
        var response = await factory.ClientAs(user).GetAsync($"/api/v1/achievements/{Guid.NewGuid()}/matches");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Matches_require_a_signed_in_user()
    {
        var response = await factory.ClientAs(null).GetAsync($"/api/v1/achievements/{Guid.NewGuid()}/matches");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Index_status_is_for_platform_admins_only()
    {
        var denied = await factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid())).GetAsync("/api/v1/search/status");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var ok = await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).GetFromJsonAsync<JsonElement>("/api/v1/search/status");
        Assert.True(ok.GetProperty("isOpen").GetBoolean());
    }
}

public sealed class SearchApiTests_Sqlite(SqliteFactory f) : SearchApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class SearchApiTests_Postgres(PostgresFactory f) : SearchApiTests(f), IClassFixture<PostgresFactory>;
