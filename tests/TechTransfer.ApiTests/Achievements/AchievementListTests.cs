using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Achievements;

/// <summary>
/// The achievement list as its page uses it: sort by a column either way, filter, page size and total; and its Excel
/// export, opened with MiniExcel, holds every filtered row (not one page) in the list's order with labels, not enum names.
/// </summary>
public abstract class AchievementListTests(TechTransferFactory factory)
{
    private static readonly string[] Titles = ["丙 光伏逆变器控制方法", "甲 锂电池缺陷检测", "乙 储能调度算法"];

    private async Task<(TestUser Researcher, Guid Org)> ThreeDisclosuresAsync()
    {
        var org = (await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310104")).Id;
        var researcher = await factory.CreateAccountAsync(Roles.Researcher, org);
        var client = factory.ClientAs(researcher);
        for (var i = 0; i < Titles.Length; i++)
        {
            var created = await client.PostAsJsonAsync("/api/v1/achievements", new
            {
                title = Titles[i], titleEn = "Method " + (char)('C' - i), @abstract = "摘要", keywords = new[] { "储能" },
                technicalField = "new_energy", ipcCodes = Array.Empty<string>(), ipType = "TechnicalSecret", trl = 3 + i, fundingSource = "Fiscal",
                projectReferences = Array.Empty<string>(),
                completers = new object[] { new { name = "张伟", userId = researcher.UserId, contributionPercent = 100m } },
                patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        return (researcher, org);
    }

    private static Task<(int Total, List<string> Titles)> ListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, "/api/v1/achievements?" + query, a => a.GetProperty("title").GetString()!);

    [Fact]
    public async Task The_list_sorts_either_way_pages_and_counts_the_filtered_rows()
    {
        var (researcher, _) = await ThreeDisclosuresAsync();
        var client = factory.ClientAs(researcher);
        var (total, asc) = await ListAsync(client, "sort=trl");
        Assert.Equal(3, total);
        Assert.Equal(Titles, asc);
        Assert.Equal(Titles.Reverse(), (await ListAsync(client, "sort=trl&desc=true")).Titles);
        Assert.Equal(Titles.Order(StringComparer.Ordinal).ToArray(), (await ListAsync(client, "sort=title")).Titles);

        var (pagedTotal, second) = await ListAsync(client, "sort=trl&pageSize=2&page=2");
        Assert.Equal(3, pagedTotal);
        Assert.Equal([Titles[2]], second);
        var (filteredTotal, filtered) = await ListAsync(client, "q=锂电池");
        Assert.Equal(1, filteredTotal);
        Assert.Equal([Titles[1]], filtered);
        await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/achievements?sort=colour"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "成果名称", "状态", "草稿", "技术领域", "新能源与高效节能")]
    [InlineData("en", "Title", "Status", "Draft", "Field", "New energy and energy efficiency")]
    public async Task The_excel_export_holds_every_filtered_row_in_order_with_labels(string language, string titleHeader, string statusHeader, string draft,
        string fieldHeader, string fieldLabel)
    {
        var (researcher, _) = await ThreeDisclosuresAsync();
        var client = factory.ClientAs(researcher, language);
        // page and page size are ignored: the file holds the whole filtered list
        var response = await client.GetAsync("/api/v1/achievements/export?sort=trl&desc=true&pageSize=1&page=1&status=Draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        ListApi.AssertExportName(response, "achievements");
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = ms.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        var expectedTitles = language == "en" ? new[] { "Method A", "Method B", "Method C" } : Titles.Reverse().ToArray();
        Assert.Equal(expectedTitles, rows.Select(r => r[titleHeader]?.ToString()).ToArray());
        Assert.All(rows, r => Assert.Equal(draft, r[statusHeader]?.ToString()));
        // the technical field is stored as its code (new_energy) and exported by its label, as the list and detail pages show it
        Assert.All(rows, r => Assert.Equal(fieldLabel, r[fieldHeader]?.ToString()));

        var none = await client.GetAsync("/api/v1/achievements/export?status=Registered");
        using var empty = new MemoryStream(await none.Content.ReadAsByteArrayAsync());
        Assert.Contains(titleHeader, empty.GetColumns(useHeaderRow: true)?.ToList() ?? []);
    }

    [Fact]
    public async Task The_export_shows_only_what_the_caller_may_see_and_checks_its_query()
    {
        var (researcher, _) = await ThreeDisclosuresAsync();
        var (stranger, _) = await ThreeDisclosuresAsync();
        using var ms = new MemoryStream(await (await factory.ClientAs(stranger).GetAsync("/api/v1/achievements/export")).Content.ReadAsByteArrayAsync());
        Assert.Equal(3, ms.Query(useHeaderRow: true).Count());
        await ProblemAssert.HasFieldError(await factory.ClientAs(researcher).GetAsync("/api/v1/achievements/export?sort=colour"), "sort", "paging.unknown_sort");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/achievements/export")).StatusCode);
    }
}

public sealed class AchievementListTests_Sqlite(SqliteFactory f) : AchievementListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AchievementListTests_Postgres(PostgresFactory f) : AchievementListTests(f), IClassFixture<PostgresFactory>;
