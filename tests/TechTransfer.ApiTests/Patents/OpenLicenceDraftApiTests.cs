using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Patents;

/// <summary>
/// Issue 12: a declaration that fails the §3.2 checks is corrected, withdrawn or deleted (never a dead end), and the
/// declaration form's patent picker marks each patent eligible or not with the reasons — on SQLite and PostgreSQL.
/// </summary>
public abstract class OpenLicenceDraftApiTests(TechTransferFactory factory) : IAsyncLifetime
{
    private readonly Guid _office = Guid.NewGuid();
    private readonly Guid _other = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", nameZh: "草稿大学" + Guid.NewGuid().ToString("N")[..4], id: _office);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", nameZh: "他校" + Guid.NewGuid().ToString("N")[..4], id: _other);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _office));
    private HttpClient OtherOffice => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _other));
    private HttpClient Researcher => factory.ClientAs(TestUser.Of(Roles.Researcher, _office));
    private string Today => factory.Clock.Today().ToString("yyyy-MM-dd");
    private string PaidUntil => factory.Clock.Today().AddMonths(6).ToString("yyyy-MM-dd");

    private static string NewAppNo() => "CN2021" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".5";

    private async Task<Guid> PatentAsync(string type = "Invention", string legalStatus = "InForce", string? feePaidUntil = null, string? grant = "2023-01-06")
    {
        var r = await Office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = NewAppNo(), type, title = "一种草稿检测方法", patenteeNames = "草稿大学", filingDate = "2021-05-10",
            grantAnnouncementDate = grant, legalStatus, annualFeePaidUntil = feePaidUntil ?? PaidUntil,
        });
        return (await Json(r, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private object Body(Guid patentId, string otherTerms = "许可方提供技术资料", int? version = null) => new
    {
        patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 80_000m, licenseTermStart = Today, licenseTermEnd = "2030-12-31", otherTerms, version,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private async Task<(Guid Id, int Version)> DraftAsync(Guid patentId, string otherTerms = "许可方提供技术资料")
    {
        var d = await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", Body(patentId, otherTerms)), HttpStatusCode.Created);
        return (d.GetProperty("id").GetGuid(), d.GetProperty("version").GetInt32());
    }

    /// <summary>A submission refused by the §3.2 checks (422), naming the failing check; the draft stays a draft.</summary>
    private static async Task SubmissionFails(HttpResponseMessage response, string failingCheck)
    {
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "open_license.declaration_invalid");
        Assert.Contains(failingCheck, problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_draft_that_fails_the_checks_is_corrected_and_then_submitted()
    {
        var patentId = await PatentAsync();
        var (id, version) = await DraftAsync(patentId, "国内首创、最优技术"); // promotional language fails R3.7
        await SubmissionFails(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version }), "open_license.promotional_language");

        var revised = await Json(await Office.PutAsJsonAsync($"/api/v1/open-licenses/{id}", Body(patentId, "许可方提供技术资料和培训", version)), HttpStatusCode.OK);
        Assert.Equal("Draft", revised.GetProperty("status").GetString());
        var submitted = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit",
            new { version = revised.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_is_withdrawn_stays_private_and_frees_its_patent()
    {
        var patentId = await PatentAsync();
        var (id, version) = await DraftAsync(patentId);
        var withdrawn = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/withdraw", new { version }), HttpStatusCode.OK);
        Assert.Equal("Retracted", withdrawn.GetProperty("status").GetString());
        Assert.Equal(version + 1, withdrawn.GetProperty("version").GetInt32());

        // never announced, so never public; the office still sees it in its own list
        await ProblemAssert.IsProblem(await OtherOffice.GetAsync($"/api/v1/open-licenses/{id}"), HttpStatusCode.NotFound, "open_license.not_found");
        var mine = await Office.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses?mine=true&pageSize=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id && x.GetProperty("status").GetString() == "Retracted");
        var pub = await OtherOffice.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses?pageSize=200");
        Assert.DoesNotContain(pub.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);

        // a withdrawn draft can be neither submitted nor withdrawn again; the patent can be declared anew
        await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/open-licenses/{id}/submit", null), HttpStatusCode.Conflict, "open_license.invalid_transition");
        await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/open-licenses/{id}/withdraw", null), HttpStatusCode.Conflict, "open_license.invalid_transition");
        await DraftAsync(patentId);
    }

    [Fact]
    public async Task A_submitted_but_unannounced_declaration_is_withdrawn_at_once()
    {
        var patentId = await PatentAsync();
        var (id, version) = await DraftAsync(patentId);
        var submitted = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version }), HttpStatusCode.OK);
        var withdrawn = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/withdraw",
            new { version = submitted.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("Retracted", withdrawn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_is_deleted_with_its_version_and_the_deletion_is_audited()
    {
        var patentId = await PatentAsync();
        var (id, version) = await DraftAsync(patentId);

        await ProblemAssert.HasFieldError(await Office.DeleteAsync($"/api/v1/open-licenses/{id}"), "version", "concurrency.version_required");
        await ProblemAssert.IsProblem(await Office.DeleteAsync($"/api/v1/open-licenses/{id}?version={version + 5}"), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.IsProblem(await Researcher.DeleteAsync($"/api/v1/open-licenses/{id}?version={version}"), HttpStatusCode.Forbidden, "open_license.not_patentee");
        await ProblemAssert.IsProblem(await OtherOffice.DeleteAsync($"/api/v1/open-licenses/{id}?version={version}"), HttpStatusCode.NotFound, "open_license.not_found");

        var deleted = await Office.DeleteAsync($"/api/v1/open-licenses/{id}?version={version}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblem(await Office.GetAsync($"/api/v1/open-licenses/{id}"), HttpStatusCode.NotFound, "open_license.not_found");
        var key = id.ToString();
        var audited = await factory.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(OpenLicenseDeclaration) && a.EntityId == key).Select(a => a.Action).ToListAsync());
        Assert.Contains("Added", audited);
        Assert.Contains("Deleted", audited);
        await DraftAsync(patentId); // the patent is free again
    }

    [Fact]
    public async Task Only_a_draft_can_be_deleted()
    {
        var patentId = await PatentAsync();
        var (id, version) = await DraftAsync(patentId);
        var submitted = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version }), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Office.DeleteAsync($"/api/v1/open-licenses/{id}?version={submitted.GetProperty("version").GetInt32()}"),
            HttpStatusCode.Conflict, "open_license.invalid_transition");
    }

    [Fact]
    public async Task The_patent_picker_marks_every_patent_with_its_reasons()
    {
        var eligible = await PatentAsync();
        var pending = await PatentAsync(legalStatus: "Pending", grant: null);
        var lapsed = await PatentAsync(legalStatus: "Lapsed");
        var expired = await PatentAsync(legalStatus: "Expired");
        var invalidated = await PatentAsync(legalStatus: "Invalidated");
        var unpaid = await PatentAsync(feePaidUntil: "2024-01-01");
        var utility = await PatentAsync(type: "UtilityModel");
        var pledged = await PatentAsync();
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{pledged}/pledges", new { pledgee = "上海银行", registeredOn = "2025-06-01" }), HttpStatusCode.OK);
        var declared = await PatentAsync();
        await DraftAsync(declared);

        var choices = (await Json(await Office.GetAsync("/api/v1/open-licenses/patent-choices"), HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetGuid());
        void Is(Guid id, bool eligibleNow, params string[] obstacles)
        {
            var c = choices[id];
            Assert.Equal(eligibleNow, c.GetProperty("eligible").GetBoolean());
            Assert.Equal(obstacles.Order(), c.GetProperty("obstacles").EnumerateArray().Select(o => o.GetString()!).Order());
        }
        Is(eligible, true);
        Is(pending, false, "NotGranted");
        Is(lapsed, false, "Terminated");
        Is(expired, false, "Expired");
        Is(invalidated, false, "Invalidated");
        Is(unpaid, false, "AnnualFeeUnpaid");
        Is(utility, true, "EvaluationReportNeeded");
        Is(pledged, true, "PledgeeConsentNeeded");
        Is(declared, false, "AlreadyDeclared");
        // eligible patents come first
        var order = choices.Values.Select(c => c.GetProperty("eligible").GetBoolean()).ToList();
        Assert.Equal(order.OrderByDescending(e => e), order);
        Assert.Equal(9, choices.Count); // only the office's own patents

        // the same rule refuses the submission of the pledged patent without the pledgee's consent
        var (id, version) = await DraftAsync(pledged);
        await SubmissionFails(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version }), "open_license.pledgee_consent_required");
    }

    [Fact]
    public async Task The_patent_picker_is_for_transfer_offices_only()
    {
        await ProblemAssert.IsProblem(await Researcher.GetAsync("/api/v1/open-licenses/patent-choices"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, _other)).GetAsync("/api/v1/open-licenses/patent-choices"),
            HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/open-licenses/patent-choices")).StatusCode);
        var other = await Json(await OtherOffice.GetAsync("/api/v1/open-licenses/patent-choices"), HttpStatusCode.OK);
        Assert.Empty(other.EnumerateArray());
    }

    [Fact]
    public async Task The_form_pages_render_the_picker_and_the_draft_actions_in_both_languages()
    {
        var patentId = await PatentAsync();
        var (id, _) = await DraftAsync(patentId);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var client = culture == "en" ? factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _office), "en") : Office;
            var form = WebUtility.HtmlDecode(await client.GetStringAsync("/open-licenses/new"));
            Assert.Contains(culture == "zh-CN" ? "已声明开放许可" : "already declared", form);
            Assert.Contains("data-show-when=\"d-mode=", form);
            var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"/open-licenses/{id}"));
            Assert.Contains("data-testid=\"edit-draft\"", detail);
            Assert.Contains("data-testid=\"delete-draft\"", detail);
            Assert.Contains(culture == "zh-CN" ? "删除草稿" : "Delete the draft", detail);
            var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/open-licenses/{id}/edit"));
            Assert.Contains(culture == "zh-CN" ? "修改开放许可声明草稿" : "Edit the open-licence draft", edit);
        }
    }
}

public sealed class OpenLicenceDraftApiTests_Sqlite(SqliteFactory f) : OpenLicenceDraftApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class OpenLicenceDraftApiTests_Postgres(PostgresFactory f) : OpenLicenceDraftApiTests(f), IClassFixture<PostgresFactory>;
