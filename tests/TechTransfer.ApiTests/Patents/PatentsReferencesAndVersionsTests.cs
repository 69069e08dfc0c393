using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Audit;
using TechTransfer.Organizations.Domain;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Patents;

/// <summary>
/// Issue #11 for the Patents module through HTTP on both databases: every id a request names must exist and be visible to
/// the caller (the shared 422 <c>reference.not_found</c>, the same for "no such record" and "not yours"); every edit
/// and action names the version it read (stale → 409 <c>concurrency.conflict</c>, nothing stored); a body is validated
/// before the record's state is looked at.
/// </summary>
public abstract class PatentsReferencesAndVersionsTests(TechTransferFactory factory) : IAsyncLifetime
{
    private readonly Guid _fudan = Guid.NewGuid();
    private readonly Guid _sjtu = Guid.NewGuid();
    private readonly Guid _tti = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _fudan);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _sjtu);
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, id: _tti);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan));
    private HttpClient OtherOffice => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _sjtu));
    private HttpClient Operator => factory.ClientAs(TestUser.Of(Roles.TechManager, _tti));
    private string Today => factory.Clock.Today().ToString("yyyy-MM-dd");

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonObject PatentBody(Guid? achievementId = null, bool granted = true) => JsonSerializer.SerializeToNode(new
    {
        applicationNo = "CN2021" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".2", type = "Invention", title = "一种固态电解质制备方法",
        patenteeNames = "复旦大学", filingDate = "2021-06-01", grantAnnouncementDate = granted ? "2023-08-01" : null,
        legalStatus = granted ? "InForce" : "Pending", annualFeePaidUntil = granted ? "2026-05-31" : null, achievementId,
    })!.AsObject();

    private async Task<JsonElement> CreatePatentAsync(HttpClient? office = null, bool granted = true) =>
        await Json(await (office ?? Office).PostAsJsonAsync("/api/v1/patents", PatentBody(granted: granted)), HttpStatusCode.Created);

    /// <summary>
    /// A confidential achievement disclosed by a researcher of <paramref name="org"/>: once disclosed (no longer a draft)
    /// its organisation's office sees it; no other organisation does.
    /// </summary>
    private async Task<Guid> ConfidentialAchievementAsync(Guid org)
    {
        var researcher = await factory.CreateAccountAsync(Roles.Researcher, org);
        var created = await Json(await factory.ClientAs(researcher).PostAsJsonAsync("/api/v1/achievements", new
        {
            title = "高安全性固态锂电池电解质", titleEn = "Solid-state electrolyte", @abstract = "一种高离子电导率的硫化物固态电解质及其制备方法。", keywords = new[] { "固态电池" },
            technicalField = "材料科学", ipcCodes = new[] { "H01M 10/0562" }, ipType = "PatentApplication", trl = 4, fundingSource = "Fiscal",
            projectReferences = new[] { "国家重点研发计划 2023YFB2400000" },
            completers = new object[] { new { name = "王敏", userId = researcher.UserId, contributionPercent = 100m } },
            patentApplicationNumbers = Array.Empty<string>(), isConfidential = true, confidentialDetails = "配方比例",
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        int? version = created.TryGetProperty("version", out var v) ? v.GetInt32() : null;
        await Json(await factory.ClientAs(researcher).PostAsJsonAsync($"/api/v1/achievements/{id}/disclose", new { version }), HttpStatusCode.OK);
        return id;
    }

    private Task<int> CountAsync<T>() where T : class => factory.WithDbAsync((db, _) => db.Set<T>().CountAsync());

    // ---------------------------------------------------------------- references

    [Fact]
    public async Task A_patent_naming_a_random_achievement_or_another_organisations_confidential_one_is_refused_with_the_same_error()
    {
        var before = await CountAsync<Patent>();
        var theirs = await ConfidentialAchievementAsync(_sjtu);
        var random = await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(Guid.NewGuid()));
        var notYours = await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(theirs));
        var a = await ProblemAssert.HasFieldError(random, "achievementId", "reference.not_found");
        var b = await ProblemAssert.HasFieldError(notYours, "achievementId", "reference.not_found");
        Assert.Equal(a.GetProperty("fieldErrors")[0].GetProperty("zh").GetString(), b.GetProperty("fieldErrors")[0].GetProperty("zh").GetString());
        Assert.Equal(before, await CountAsync<Patent>());
    }

    [Fact]
    public async Task A_patent_may_name_an_achievement_of_its_own_organisation()
    {
        var ours = await ConfidentialAchievementAsync(_fudan);
        var created = await Json(await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(ours)), HttpStatusCode.Created);
        Assert.Equal(ours, created.GetProperty("achievementId").GetGuid());
    }

    [Fact]
    public async Task Editing_a_patent_to_name_another_organisations_achievement_is_refused_and_changes_nothing()
    {
        var patent = await CreatePatentAsync();
        var id = patent.GetProperty("id").GetGuid();
        var body = PatentBody(await ConfidentialAchievementAsync(_sjtu));
        body["applicationNo"] = patent.GetProperty("applicationNo").GetString();
        body["version"] = patent.GetProperty("version").GetInt32();
        await ProblemAssert.HasFieldError(await Office.PutAsJsonAsync($"/api/v1/patents/{id}", body), "achievementId", "reference.not_found");
        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{id}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("achievementId").ValueKind);
        Assert.Equal(patent.GetProperty("version").GetInt32(), read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Declaring_an_open_licence_on_a_random_patent_or_another_organisations_unpublished_patent_is_the_same_reference_error()
    {
        var theirs = (await CreatePatentAsync(OtherOffice, granted: false)).GetProperty("id").GetGuid();
        var before = await CountAsync<OpenLicenseDeclaration>();
        foreach (var patentId in new[] { Guid.NewGuid(), theirs })
            await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/open-licenses", Declaration(patentId)), "patentId", "reference.not_found");
        Assert.Equal(before, await CountAsync<OpenLicenseDeclaration>());
    }

    [Fact]
    public async Task Declaring_an_open_licence_on_another_organisations_granted_patent_is_refused_as_not_the_patentee()
    {
        // a granted patent is public, so it is not hidden: the refusal says who may declare
        var theirs = (await CreatePatentAsync(OtherOffice)).GetProperty("id").GetGuid();
        var before = await CountAsync<OpenLicenseDeclaration>();
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync("/api/v1/open-licenses", Declaration(theirs)), HttpStatusCode.Forbidden, "open_license.not_patentee");
        Assert.Equal(before, await CountAsync<OpenLicenseDeclaration>());
    }

    private static object Declaration(Guid patentId) => new
    {
        patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-04-01", licenseTermEnd = "2030-12-31",
    };

    [Fact]
    public async Task An_annual_fee_quote_for_a_patent_the_caller_cannot_see_is_a_reference_error()
    {
        var theirs = (await CreatePatentAsync(OtherOffice, granted: false)).GetProperty("id").GetGuid();
        foreach (var patentId in new[] { Guid.NewGuid(), theirs })
            await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/patents/annual-fee-quote",
                new { fullFeeYuan = 1200m, dueDate = "2026-05-10", paymentDate = "2026-05-10", patentId }), "patentId", "reference.not_found");
    }

    private JsonObject CustodyBody(Guid subjectId, string subjectType = "Patent", Guid? operatorId = null, Guid? beneficiaryOrg = null) =>
        JsonSerializer.SerializeToNode(new
        {
            agreementNo = "TG-" + Guid.NewGuid().ToString("N")[..8], subjectType, subjectId, subjectTitle = "托管标的",
            operatorOrganizationId = operatorId ?? _tti, operatorName = "长三角技术转移", allowedDealTypes = new[] { "Listing" },
            priceFloorYuan = 100_000m, termStart = "2026-03-01", termEnd = "2028-02-29",
            beneficiaries = new object[] { new { name = "复旦大学", organizationId = beneficiaryOrg ?? _fudan, sharePercent = 100m } },
        })!.AsObject();

    [Fact]
    public async Task Custody_of_a_random_or_another_organisations_patent_is_a_reference_error()
    {
        var theirs = (await CreatePatentAsync(OtherOffice)).GetProperty("id").GetGuid();
        var before = await CountAsync<CustodyAgreement>();
        foreach (var subject in new[] { Guid.NewGuid(), theirs })
            await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(subject)), "subjectId", "reference.not_found");
        Assert.Equal(before, await CountAsync<CustodyAgreement>());
    }

    [Fact]
    public async Task Custody_of_a_random_or_another_organisations_confidential_achievement_is_a_reference_error()
    {
        var theirs = await ConfidentialAchievementAsync(_sjtu);
        foreach (var subject in new[] { Guid.NewGuid(), theirs })
            await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(subject, "Achievement")),
                "subjectId", "reference.not_found");
        var ours = await ConfidentialAchievementAsync(_fudan);
        await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(ours, "Achievement")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Custody_naming_unregistered_operator_and_beneficiary_organisations_reports_each_at_once()
    {
        var patent = (await CreatePatentAsync()).GetProperty("id").GetGuid();
        var before = await CountAsync<CustodyAgreement>();
        var response = await Office.PostAsJsonAsync("/api/v1/custody-agreements",
            CustodyBody(patent, operatorId: Guid.NewGuid(), beneficiaryOrg: Guid.NewGuid()));
        await ProblemAssert.HasFieldError(response, "operatorOrganizationId", "reference.not_found");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/custody-agreements",
            CustodyBody(patent, operatorId: Guid.NewGuid(), beneficiaryOrg: Guid.NewGuid())), "beneficiaries[0].organizationId", "reference.not_found");
        Assert.Equal(before, await CountAsync<CustodyAgreement>());
    }

    // ---------------------------------------------------------------- versions

    [Fact]
    public async Task A_patent_edit_with_the_version_read_applies_and_increments_it()
    {
        var patent = await CreatePatentAsync();
        var body = PatentBody();
        body["applicationNo"] = patent.GetProperty("applicationNo").GetString();
        body["title"] = "一种改进的固态电解质制备方法";
        body["version"] = patent.GetProperty("version").GetInt32();
        var edited = await Json(await Office.PutAsJsonAsync($"/api/v1/patents/{patent.GetProperty("id").GetGuid()}", body), HttpStatusCode.OK);
        Assert.Equal("一种改进的固态电解质制备方法", edited.GetProperty("title").GetString());
        Assert.Equal(patent.GetProperty("version").GetInt32() + 1, edited.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_patent_edit_with_a_stale_version_is_a_conflict_and_the_other_edit_is_kept()
    {
        var patent = await CreatePatentAsync();
        var id = patent.GetProperty("id").GetGuid();
        var read = patent.GetProperty("version").GetInt32();
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{id}/pledges", new { pledgee = "上海银行", registeredOn = "2026-01-05", version = read }), HttpStatusCode.OK);
        var body = PatentBody();
        body["applicationNo"] = patent.GetProperty("applicationNo").GetString();
        body["title"] = "迟到的修改";
        body["version"] = read;
        var conflict = await ProblemAssert.IsProblem(await Office.PutAsJsonAsync($"/api/v1/patents/{id}", body), HttpStatusCode.Conflict, "concurrency.conflict");
        Assert.Contains("刷新", conflict.GetProperty("messages").GetProperty("zh-CN").GetString());
        var now = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{id}");
        Assert.Equal("一种固态电解质制备方法", now.GetProperty("title").GetString());
        Assert.Single(now.GetProperty("pledges").EnumerateArray());
    }

    [Fact]
    public async Task A_patent_edit_without_a_version_is_a_field_error()
    {
        var patent = await CreatePatentAsync();
        var body = PatentBody();
        body["applicationNo"] = patent.GetProperty("applicationNo").GetString();
        await ProblemAssert.HasFieldError(await Office.PutAsJsonAsync($"/api/v1/patents/{patent.GetProperty("id").GetGuid()}", body),
            "version", "concurrency.version_required");
    }

    [Fact]
    public async Task A_patent_action_with_a_stale_version_stores_nothing()
    {
        var patent = await CreatePatentAsync();
        var id = patent.GetProperty("id").GetGuid();
        var stale = patent.GetProperty("version").GetInt32();
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{id}/suspension", new { reason = "权属纠纷", version = stale }), HttpStatusCode.OK);
        var audits = await factory.WithDbAsync((db, _) => db.Set<AuditEntry>().CountAsync());
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/patents/{id}/licences",
            new { licensee = "某企业", scope = "NonExclusive", startDate = "2026-04-01", version = stale }), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.IsProblem(await Office.DeleteAsync($"/api/v1/patents/{id}/suspension?version={stale}"), HttpStatusCode.Conflict, "concurrency.conflict");
        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{id}");
        Assert.Empty(read.GetProperty("licences").EnumerateArray());
        Assert.True(read.GetProperty("isSuspended").GetBoolean());
        Assert.Equal(audits, await factory.WithDbAsync((db, _) => db.Set<AuditEntry>().CountAsync()));
    }

    [Fact]
    public async Task Declaration_revision_and_submission_name_the_version_read()
    {
        var patentId = (await CreatePatentAsync()).GetProperty("id").GetGuid();
        var d = await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", new
        {
            patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-04-01", licenseTermEnd = "2030-12-31",
        }), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetGuid();
        var v0 = d.GetProperty("version").GetInt32();
        var revised = await Json(await Office.PutAsJsonAsync($"/api/v1/open-licenses/{id}", new
        {
            patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 60_000m, licenseTermStart = "2026-04-01", licenseTermEnd = "2030-12-31", version = v0,
        }), HttpStatusCode.OK);
        Assert.Equal(v0 + 1, revised.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblem(await Office.PutAsJsonAsync($"/api/v1/open-licenses/{id}", new
        {
            patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 70_000m, licenseTermStart = "2026-04-01", licenseTermEnd = "2030-12-31", version = v0,
        }), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version = v0 }), HttpStatusCode.Conflict, "concurrency.conflict");
        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/open-licenses/{id}");
        Assert.Equal("Draft", read.GetProperty("status").GetString());
        Assert.Equal(60_000m, read.GetProperty("fixedFeeYuan").GetDecimal());
        await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/submit", new { version = v0 + 1 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Custody_renewal_with_a_stale_version_is_a_conflict()
    {
        var patent = (await CreatePatentAsync()).GetProperty("id").GetGuid();
        var created = await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patent)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var v0 = created.GetProperty("version").GetInt32();
        var active = await Json(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/activate", new { version = v0 }), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/renewals", new { newTermEnd = "2030-01-01", version = v0 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var renewed = await Json(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/renewals",
            new { newTermEnd = "2030-01-01", version = active.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("2030-01-01", renewed.GetProperty("termEnd").GetString());
    }

    // ---------------------------------------------------------------- body before state

    [Fact]
    public async Task An_announcement_of_a_draft_still_validates_its_body_first()
    {
        var patentId = (await CreatePatentAsync()).GetProperty("id").GetGuid();
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", new
        {
            patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-04-01", licenseTermEnd = "2030-12-31",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // The draft's state refuses an announcement (409), but the empty body is reported first (422).
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "", announcementDate = Today }),
            "announcementNo", "open_license.announcement_no_required");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "CN-1", announcementDate = Today }),
            HttpStatusCode.Conflict, "open_license.invalid_transition");
    }

    [Fact]
    public async Task Terminating_a_terminated_agreement_without_a_reason_reports_the_missing_reason()
    {
        var patent = (await CreatePatentAsync()).GetProperty("id").GetGuid();
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patent)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/terminate", new { reason = "协商终止" }), HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/terminate", new { reason = "" }),
            "reason", "custody.termination_reason_required");
    }

    [Fact]
    public async Task A_patent_with_every_field_wrong_gets_every_field_error_at_once_and_a_long_title_is_refused_not_stored()
    {
        var before = await CountAsync<Patent>();
        var response = await Office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = "12", type = "Invention", title = new string('专', 301), patenteeNames = "", filingDate = "2026-01-01",
            legalStatus = "Pending", termCompensationDays = -1,
        });
        var json = await ProblemAssert.HasFieldError(response, "title", "patent.text_too_long");
        var fields = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "applicationNo", "title", "patenteeNames", "termCompensationDays" }, fields);
        // shapes no request may have (an undefined enum value, a date outside 1900–2199) are refused before the use case
        var shape = await Office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = "12", type = 99, title = "x", patenteeNames = "", filingDate = "0001-01-01", legalStatus = "Pending",
        });
        await ProblemAssert.HasFieldError(shape, "type", "validation.unknown_value");
        Assert.Equal(before, await CountAsync<Patent>());
    }
}

public sealed class PatentsReferencesAndVersionsTests_Sqlite(SqliteFactory f) : PatentsReferencesAndVersionsTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PatentsReferencesAndVersionsTests_Postgres(PostgresFactory f) : PatentsReferencesAndVersionsTests(f), IClassFixture<PostgresFactory>;
