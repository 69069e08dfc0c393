using System.Net;
using System.Net.Http.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Infrastructure.ListApi;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The audit log as its page uses it: filters by actor, record type, action and days, whitelisted sort keys, page size
/// and total; its Excel export holds exactly the entries the caller may read — a transfer office never sees another
/// organisation's entries — and other roles get 403.
/// </summary>
public abstract class AuditListTests(TechTransferFactory factory)
{
    /// <summary>Two offices; the first registers two patents (甲, 乙 a minute apart), the second one (丙).</summary>
    private async Task<(TestUser OfficeA, TestUser OfficeB)> TwoOfficesAsync()
    {
        var a = TestUser.Of(Roles.InstitutionAdmin, (await factory.CreateOrganizationAsync(OrganizationKind.University, "022")).Id);
        var b = TestUser.Of(Roles.InstitutionAdmin, (await factory.CreateOrganizationAsync(OrganizationKind.University, "022")).Id);
        await PatentAsync(a, "甲");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await PatentAsync(a, "乙");
        await PatentAsync(b, "丙");
        return (a, b);
    }

    private async Task PatentAsync(TestUser office, string title)
    {
        var created = await factory.ClientAs(office).PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = $"CN2021{Random.Shared.NextInt64(1_000_000, 9_999_999)}.1", publicationNo = (string?)null, type = "Invention",
            title = $"{title} 审计测试方法", patenteeNames = "测试大学", filingDate = "2021-03-01", grantAnnouncementDate = "2023-01-06", legalStatus = "InForce",
            annualFeePaidUntil = "2026-05-09",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private static Task<(int Total, List<string> Names)> ListAsync(HttpClient client, string query) =>
        PageAsync(client, "/api/v1/audit?" + query, e => e.GetProperty("action").GetString()!);

    private string Today => BusinessTime.DateOf(factory.Clock.GetUtcNow()).ToString("yyyy-MM-dd");
    private string Yesterday => BusinessTime.DateOf(factory.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_list_filters_by_actor_record_type_action_and_days_sorts_pages_and_counts()
    {
        var (a, b) = await TwoOfficesAsync();
        var admin = factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null));
        var own = factory.ClientAs(a);
        AssertPage(2, ["Added", "Added"], await ListAsync(own, $"actor={a.Name}&entityType=Patent"));
        AssertPage(2, ["Added", "Added"], await ListAsync(admin, $"actor={a.Name}&entityType=Patent&action=added&from={Today}&to={Today}"));
        AssertPage(0, [], await ListAsync(admin, $"actor={a.Name}&action=Deleted"));
        AssertPage(0, [], await ListAsync(admin, $"actor={a.Name}&to={Yesterday}"));
        AssertPage(0, [], await ListAsync(admin, $"actor={a.Name}&entityType=Organization"));
        AssertPage(1, ["Added"], await ListAsync(admin, $"actor={b.Name}&entityType=Patent"));
        var newestFirst = await PageAsync(admin, $"/api/v1/audit?actor={a.Name}&entityType=Patent", e => e.GetProperty("after").GetString()!);
        Assert.Contains("乙", newestFirst.Names[0]);
        var oldestFirst = await PageAsync(admin, $"/api/v1/audit?actor={a.Name}&entityType=Patent&sort=at&pageSize=1&page=2", e => e.GetProperty("after").GetString()!);
        Assert.Equal(2, oldestFirst.Total);
        Assert.Contains("乙", Assert.Single(oldestFirst.Names));
        Assert.Equal(2, (await ListAsync(admin, $"actor={a.Name}&sort=user&desc=true")).Total);
        Assert.Equal(2, (await ListAsync(admin, $"actor={a.Name}&sort=entityType")).Total);
        await ProblemAssert.HasFieldError(await admin.GetAsync("/api/v1/audit?sort=before"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await admin.GetAsync("/api/v1/audit/export?sort=before"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await admin.GetAsync("/api/v1/audit?action=Renamed"), "action", "audit.unknown_action");
        await ProblemAssert.HasFieldError(await admin.GetAsync($"/api/v1/audit?from={Today}&to={Yesterday}"), "to", "audit.empty_period");
        // the first and last days of the calendar have no instant in Shanghai: refused, never a 500
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/api/v1/audit/export?to=9999-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/api/v1/audit?from=0001-01-01")).StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "操作", "新增", "对象类型", "专利", "用户")]
    [InlineData("en", "Action", "Created", "Record type", "Patent", "User")]
    public async Task The_excel_export_holds_every_filtered_entry_in_order_with_labels(string language, string actionHeader, string added,
        string typeHeader, string patent, string userHeader)
    {
        var (a, _) = await TwoOfficesAsync();
        var response = await factory.ClientAs(a, language).GetAsync($"/api/v1/audit/export?actor={a.Name}&entityType=Patent&pageSize=1&page=2");
        AssertExportName(response, "audit");
        var rows = await ListFile.RowsAsync(response);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((added, patent, a.Name), (r[actionHeader]?.ToString(), r[typeHeader]?.ToString(), r[userHeader]?.ToString())));
        Assert.Contains("乙", rows[0].Values.Select(v => v?.ToString()).Last(v => v is not null));
    }

    [Fact]
    public async Task The_page_shows_a_compact_summary_of_the_changed_fields_and_the_full_change_set_in_a_disclosure()
    {
        var (a, _) = await TwoOfficesAsync();
        var html = await factory.ClientAs(a, "en").GetStringAsync("/admin/audit?entityType=Patent&action=Added");
        var row = html[html.IndexOf("data-testid=\"audit-changes\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</details>", StringComparison.Ordinal)];
        // a few fields in the summary, the rest counted, every one of them in the details/summary disclosure
        Assert.Contains("class=\"change-summary\"", row);
        Assert.Contains("more fields", row);
        Assert.Contains("<details data-testid=\"audit-change-details\"><summary>Full change set (", row);
        Assert.Contains(">Title</th>", row);
        Assert.Contains("审计测试方法", row);
        // no raw JSON snapshot in the row any more
        Assert.DoesNotContain("{&quot;", row);
        Assert.DoesNotContain("{\"", row);
    }

    [Fact]
    public async Task An_office_never_reads_another_organisations_entries_and_other_roles_get_403()
    {
        var (a, b) = await TwoOfficesAsync();
        var other = factory.ClientAs(b);
        AssertPage(0, [], await ListAsync(other, $"actor={a.Name}"));
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/audit/export?actor={a.Name}")));
        Assert.Single(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/audit/export?actor={b.Name}&entityType=Patent")));
        foreach (var role in new[] { Roles.Researcher, Roles.Enterprise, Roles.Registrar })
        {
            var client = factory.ClientAs(TestUser.Of(role, a.OrganizationId));
            await ProblemAssert.IsProblem(await client.GetAsync("/api/v1/audit/export"), HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblem(await client.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden, "auth.forbidden");
        }
    }
}

public sealed class AuditListTests_Sqlite(SqliteFactory f) : AuditListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AuditListTests_Postgres(PostgresFactory f) : AuditListTests(f), IClassFixture<PostgresFactory>;
