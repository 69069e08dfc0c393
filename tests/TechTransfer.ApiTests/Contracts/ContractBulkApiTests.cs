using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data.Audit;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Registrar workbench bulk actions: each contract applied on its own with its own result and audit entry.</summary>
public abstract class ContractBulkApiTests(TechTransferFactory factory)
{
    [Fact]
    public async Task Bulk_accept_accepts_each_submitted_contract_and_refuses_a_draft_with_its_own_result()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        var b = await factory.SubmittedAsync(s);
        var draft = await factory.DraftAsync(s);

        var result = await OkAsync(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk",
            new { action = "accept", contractIds = new[] { a, draft, b } }));

        Assert.Equal(2, result.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, result.GetProperty("failed").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("contractId").GetGuid());
        Assert.Equal("Accepted", items[a].GetProperty("status").GetString());
        Assert.Equal("Accepted", items[b].GetProperty("status").GetString());
        Assert.False(items[draft].GetProperty("succeeded").GetBoolean());
        // a draft is private to its parties: the registrar does not even learn it exists
        Assert.Equal("contract.not_found", items[draft].GetProperty("code").GetString());
        Assert.Equal(404, items[draft].GetProperty("httpStatus").GetInt32());
        var d = await OkAsync(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{draft}"));
        Assert.Equal("Draft", d.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Each_accepted_contract_has_its_own_audit_entry()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        var b = await factory.SubmittedAsync(s);
        await OkAsync(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk", new { action = "accept", contractIds = new[] { a, b } }));
        var audited = await factory.WithDbAsync(async (db, _) =>
        {
            var ids = new[] { a.ToString(), b.ToString() };
            return await db.Set<AuditEntry>().Where(e => ids.Contains(e.EntityId) && e.UserId == s.Registrar.UserId && e.EntityType == nameof(TechnologyContract))
                .Select(e => e.EntityId).ToListAsync();
        });
        Assert.Contains(a.ToString(), audited);
        Assert.Contains(b.ToString(), audited);
    }

    [Fact]
    public async Task Bulk_register_is_refused_because_decisions_are_never_taken_in_bulk()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        await OkAsync(await factory.ClientAs(s.Registrar).PostAsync($"/api/v1/contracts/{a}/accept", null));
        var response = await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk", new { action = "register", contractIds = new[] { a } });
        var json = await ProblemAssert.HasFieldError(response, "action", "contract.bulk_action_unknown");
        Assert.Equal("R2.10", FieldRule(json, "action"));
        var c = await OkAsync(await factory.ClientAs(s.Registrar).GetAsync($"/api/v1/contracts/{a}"));
        Assert.Equal("Accepted", c.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Non_registrars_may_not_use_bulk_actions_or_export()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        foreach (var user in new[] { s.SellerUser, TestUser.Of(Roles.Analyst, s.Registry.Id), TestUser.Of(Roles.PlatformAdmin, null) })
        {
            await ProblemAssert.IsProblem(await factory.ClientAs(user).PostAsJsonAsync("/api/v1/contracts/bulk", new { action = "accept", contractIds = new[] { a } }),
                HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblem(await factory.ClientAs(user).PostAsJsonAsync("/api/v1/contracts/bulk/export", new { contractIds = new[] { a } }),
                HttpStatusCode.Forbidden, "auth.forbidden");
        }
        var c = await OkAsync(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{a}"));
        Assert.Equal("Submitted", c.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Empty_selection_is_refused()
    {
        var s = await factory.NewPartiesAsync();
        await ProblemAssert.HasFieldError(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk", new { action = "accept", contractIds = Array.Empty<Guid>() }),
            "contractIds", "contract.bulk_selection_invalid");
    }

    [Fact]
    public async Task Bulk_assign_to_a_registrar_assigns_each_contract_and_records_the_assignee()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        var b = await factory.SubmittedAsync(s);
        var colleague = await factory.CreateUserAsync(Roles.Registrar, s.Registry.Id, "王登记");
        var result = await OkAsync(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk",
            new { action = "assign", contractIds = new[] { a, b }, assigneeUserId = colleague }));
        Assert.Equal(2, result.GetProperty("succeeded").GetInt32());
        var list = await OkAsync(await factory.ClientAs(s.Registrar).GetAsync("/api/v1/contracts?status=Submitted&pageSize=200"));
        var mine = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetGuid() == a || i.GetProperty("id").GetGuid() == b).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, i => Assert.Equal("王登记", i.GetProperty("assignedRegistrarName").GetString()));
    }

    [Fact]
    public async Task Bulk_assign_to_someone_who_is_not_a_registrar_is_refused_and_changes_nothing()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        var analyst = await factory.CreateUserAsync(Roles.Analyst, s.Registry.Id, "分析员");
        var response = await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk", new { action = "assign", contractIds = new[] { a }, assigneeUserId = analyst });
        // a user who is not a registrar reads exactly like a user who does not exist
        var problem = await ProblemAssert.HasFieldError(response, "assigneeUserId", "reference.not_found");
        var unknown = await ProblemAssert.HasFieldError(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk",
            new { action = "assign", contractIds = new[] { a }, assigneeUserId = Guid.NewGuid() }), "assigneeUserId", "reference.not_found");
        Assert.Equal(problem.GetProperty("fieldErrors")[0].GetProperty("zh").GetString(), unknown.GetProperty("fieldErrors")[0].GetProperty("zh").GetString());
        var c = await factory.WithDbAsync(async (db, _) => await db.Set<TechnologyContract>().AsNoTracking().SingleAsync(x => x.Id == a));
        Assert.Null(c.AssignedRegistrarUserId);
    }

    [Fact]
    public async Task The_workbench_page_offers_the_bulk_actions_in_chinese_and_in_english()
    {
        var s = await factory.NewPartiesAsync();
        await factory.SubmittedAsync(s);
        var zh = WebUtility.HtmlDecode(await (await factory.ClientAs(s.Registrar).GetAsync("/contracts/workbench")).Content.ReadAsStringAsync());
        Assert.Contains("受理所选", zh);
        Assert.Contains("导出所选（Excel）", zh);
        var en = WebUtility.HtmlDecode(await (await factory.ClientAs(s.Registrar, "en").GetAsync("/contracts/workbench")).Content.ReadAsStringAsync());
        Assert.Contains("Accept selected", en);
        Assert.Contains("Registrar workbench", en);
        var seller = await factory.ClientAs(s.SellerUser).GetAsync("/contracts/workbench");
        Assert.NotEqual(HttpStatusCode.OK, seller.StatusCode); // the page is for registrars only
    }

    [Fact]
    public async Task The_statistics_page_speaks_chinese_and_english_and_is_closed_to_sellers()
    {
        var s = await factory.NewPartiesAsync();
        var zh = WebUtility.HtmlDecode(await (await factory.ClientAs(s.Registrar).GetAsync("/contracts/statistics?groupBy=District")).Content.ReadAsStringAsync());
        Assert.Contains("技术合同统计", zh);
        Assert.Contains("卖方所在区县", zh);
        Assert.Contains("下载 Excel", zh); // each chart's table as an Excel file
        var en = WebUtility.HtmlDecode(await (await factory.ClientAs(s.Registrar, "en").GetAsync("/contracts/statistics?groupBy=District")).Content.ReadAsStringAsync());
        Assert.Contains("Contract statistics", en);
        Assert.Contains("seller district", en, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Download Excel", en);
        Assert.DoesNotContain("技术合同统计", en);
        var seller = await factory.ClientAs(s.SellerUser).GetAsync("/contracts/statistics");
        Assert.NotEqual(HttpStatusCode.OK, seller.StatusCode);
    }

    [Fact]
    public async Task Export_of_the_selection_is_an_excel_sheet_with_one_row_per_selected_contract()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.SubmittedAsync(s);
        var b = await factory.SubmittedAsync(s);
        await factory.SubmittedAsync(s); // not selected
        var response = await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts/bulk/export", new { contractIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = ms.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { a.ToString(), b.ToString() }.Order(), rows.Select(r => r["合同编号 Id"]?.ToString()).Order());
    }
}

public sealed class ContractBulkApiTests_Sqlite(SqliteFactory f) : ContractBulkApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractBulkApiTests_Postgres(PostgresFactory f) : ContractBulkApiTests(f), IClassFixture<PostgresFactory>;
