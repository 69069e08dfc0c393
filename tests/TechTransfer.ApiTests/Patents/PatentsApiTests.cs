using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Patents;

/// <summary>Patents, open licences and custody through HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class PatentsApiTests(TechTransferFactory factory) : IAsyncLifetime
{
    /// <summary>
    /// The custody operator (a transfer institution) and the patentee (named as a custody beneficiary) are registered
    /// organisations: the server checks every organisation a request names.
    /// </summary>
    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, nameZh: "长三角技术转移", id: _tti);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", nameZh: "复旦大学" + Guid.NewGuid().ToString("N")[..4], id: _fudan);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private readonly Guid _fudan = Guid.NewGuid();
    private readonly Guid _sjtu = Guid.NewGuid();
    private readonly Guid _lvneng = Guid.NewGuid();
    private readonly Guid _tti = Guid.NewGuid();

    private HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan));
    private HttpClient OtherOffice => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _sjtu));
    private HttpClient Enterprise => factory.ClientAs(TestUser.Of(Roles.Enterprise, _lvneng));
    private HttpClient Operator => factory.ClientAs(TestUser.Of(Roles.TechManager, _tti));
    private HttpClient Anonymous => factory.ClientAs(null);

    private DateOnly TodayDate => factory.Clock.Today();
    private string Today => TodayDate.ToString("yyyy-MM-dd");

    private static string NewAppNo() => "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1";

    private static object PatentBody(string appNo, string type = "Invention", string? feePaidUntil = "2026-05-09", string title = "一种锂电池缺陷检测方法") => new
    {
        applicationNo = appNo, publicationNo = "CN111222333B", type, title, patenteeNames = "复旦大学",
        filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06", legalStatus = "InForce", annualFeePaidUntil = feePaidUntil,
    };

    private static object DeclarationBody(Guid patentId, string end = "2030-12-31", string? report = null, string otherTerms = "许可方提供技术资料") => new
    {
        patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-04-01", licenseTermEnd = end,
        otherTerms, evaluationReportRef = report,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> CreatePatentAsync(string type = "Invention", string? feePaidUntil = "2026-05-09")
    {
        var r = await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(NewAppNo(), type, feePaidUntil));
        return (await Json(r, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task<(Guid PatentId, Guid DeclarationId)> ActiveDeclarationAsync()
    {
        var patentId = await CreatePatentAsync();
        var d = await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId)), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/open-licenses/{id}/submit", null), HttpStatusCode.OK);
        await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "CN-OL-1", announcementDate = Today }), HttpStatusCode.OK);
        return (patentId, id);
    }

    // Patents

    [Fact]
    public async Task Office_registers_a_patent_with_its_computed_expiry_and_reads_it_back()
    {
        var id = await CreatePatentAsync("UtilityModel");
        var p = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{id}");
        Assert.Equal("2030-05-09", p.GetProperty("expiryDate").GetString()); // R3.8
        Assert.Equal("UtilityModel", p.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Another_organisation_sees_only_the_public_record_of_a_granted_patent_and_not_in_its_portfolio()
    {
        var id = await CreatePatentAsync();
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{id}/licences",
            new { licensee = "上海某科技公司", scope = "NonExclusive", startDate = "2026-01-01", endDate = "2027-12-31" }), HttpStatusCode.OK);
        var own = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{id}");
        Assert.True(own.GetProperty("canManage").GetBoolean());
        Assert.Equal("2026-05-09", own.GetProperty("annualFeePaidUntil").GetString());

        var seen = await Json(await OtherOffice.GetAsync($"/api/v1/patents/{id}"), HttpStatusCode.OK);
        Assert.Equal("一种锂电池缺陷检测方法", seen.GetProperty("title").GetString());
        Assert.False(seen.GetProperty("canManage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("annualFeePaidUntil").ValueKind);
        Assert.Empty(seen.GetProperty("licences").EnumerateArray());
        var list = await OtherOffice.GetFromJsonAsync<JsonElement>("/api/v1/patents");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/patents/{id}/annual-fee-paid", new { paidUntil = "2027-05-09" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Another_organisation_does_not_see_a_patent_that_is_not_granted()
    {
        var r = await Office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = NewAppNo(), type = "Invention", title = "一种尚未授权的检测方法", patenteeNames = "复旦大学",
            filingDate = "2024-05-10", legalStatus = "Pending",
        });
        var id = (await Json(r, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await OtherOffice.GetAsync($"/api/v1/patents/{id}"), HttpStatusCode.NotFound, "patent.not_found");
        await ProblemAssert.IsProblem(await Enterprise.GetAsync($"/api/v1/patents/{id}"), HttpStatusCode.NotFound, "patent.not_found");
    }

    [Fact]
    public async Task Researcher_cannot_register_a_patent()
    {
        var r = await factory.ClientAs(TestUser.Of(Roles.Researcher, _fudan)).PostAsJsonAsync("/api/v1/patents", PatentBody(NewAppNo()));
        await ProblemAssert.IsProblem(r, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Invalid_patent_is_a_field_error_and_nothing_is_saved()
    {
        var r = await Office.PostAsJsonAsync("/api/v1/patents", new { applicationNo = "12", type = "Invention", title = "", patenteeNames = "复旦大学", filingDate = "2020-05-10", legalStatus = "Pending" });
        await ProblemAssert.HasFieldError(r, "applicationNo", "patent.application_no_invalid");
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<Patent>().AnyAsync(p => p.OwnerOrganizationId == _fudan)));
    }

    [Fact]
    public async Task Same_application_number_twice_is_a_conflict()
    {
        var appNo = NewAppNo();
        await Json(await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(appNo)), HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync("/api/v1/patents", PatentBody(appNo)), HttpStatusCode.Conflict, "patent.duplicate_application_no");
    }

    [Fact]
    public async Task Patent_list_pages_and_filters()
    {
        await CreatePatentAsync("Invention");
        await CreatePatentAsync("Design");
        var page = await Office.GetFromJsonAsync<JsonElement>("/api/v1/patents?type=Design&pageSize=1");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("Design", page.GetProperty("items")[0].GetProperty("type").GetString());
        await ProblemAssert.HasFieldError(await Office.GetAsync("/api/v1/patents?pageSize=0"), "pageSize", "paging.page_size_out_of_range");
    }

    private static MultipartFormDataContent CsvUpload(params string[] rows)
    {
        var csv = string.Join("\r\n", ["申请号,公开(公告)号,专利类型,发明名称,申请日,授权公告日,法律状态,专利权人,年费缴至", .. rows]);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "export.csv" } };
    }

    [Fact]
    public async Task Import_with_a_bad_row_imports_nothing_unless_skipping_and_reimport_updates()
    {
        var a = NewAppNo();
        var b = NewAppNo();
        var good1 = $"{a},CN1B,发明,一种方法,2020-05-10,2023-01-06,有效,复旦大学,2026-05-09";
        var good2 = $"{b},CN2U,实用新型,一种装置,2021-03-02,2021-09-10,有效,复旦大学,2026-03-01";
        var bad = $"{NewAppNo()},,软件,一种程序,2022-01-01,,审中,复旦大学,";

        var rejected = await ProblemAssert.IsProblem(await Office.PostAsync("/api/v1/patents/import", CsvUpload(good1, bad)), HttpStatusCode.UnprocessableEntity, "patent_import.file_has_errors");
        Assert.Contains(rejected.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "patent_import.type_invalid");
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<Patent>().AnyAsync(p => p.OwnerOrganizationId == _fudan)));

        var first = await Json(await Office.PostAsync("/api/v1/patents/import?skipInvalid=true", CsvUpload(good1, bad, good2)), HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        Assert.Equal(1, first.GetProperty("skipped").GetInt32());
        Assert.Equal(3, first.GetProperty("errors")[0].GetProperty("row").GetInt32());

        var again = await Json(await Office.PostAsync("/api/v1/patents/import", CsvUpload(good1.Replace("2026-05-09", "2027-05-09"), good2)), HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());
        Assert.Equal(2, await factory.WithDbAsync((db, _) => db.Set<Patent>().CountAsync(p => p.OwnerOrganizationId == _fudan)));
    }

    [Fact]
    public async Task Enterprise_cannot_import_patents()
    {
        await ProblemAssert.IsProblem(await Enterprise.PostAsync("/api/v1/patents/import", CsvUpload()), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    // Open licensing

    [Fact]
    public async Task Office_declares_and_an_enterprise_takes_the_licence_on_notice_plus_payment()
    {
        var (patentId, id) = await ActiveDeclarationAsync();

        var list = await Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses?status=Active&pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);

        var grant = await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants",
            new { licenseeName = "绿能电池", writtenNoticeRef = "通知-001", noticeDate = Today }), HttpStatusCode.Created);
        Assert.Equal("Pending", grant.GetProperty("status").GetString());
        var grantId = grant.GetProperty("id").GetGuid();

        await ProblemAssert.IsProblem(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/payment",
            new { amountYuan = 100m, paymentRef = "回单", paidOn = Today }), HttpStatusCode.UnprocessableEntity, "open_license.payment_below_terms");

        var paid = await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/payment",
            new { amountYuan = 50_000m, paymentRef = "回单-88", paidOn = Today }), HttpStatusCode.OK);
        Assert.Equal("Effective", paid.GetProperty("status").GetString()); // R3.12
        Assert.Equal(TodayDate.AddMonths(3).ToString("yyyy-MM-dd"), paid.GetProperty("filing").GetProperty("dueOn").GetString()); // R3.13

        var patent = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{patentId}");
        var licence = Assert.Single(patent.GetProperty("licences").EnumerateArray());
        Assert.Equal("NonExclusive", licence.GetProperty("scope").GetString());
        Assert.True(patent.GetProperty("openLicenceInForce").GetBoolean());

        var tasks = await Office.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses/filing-tasks?openOnly=true");
        var task = Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("grantId").GetGuid() == grantId);
        Assert.True(task.GetProperty("asPatentee").GetBoolean());
        Assert.False(task.GetProperty("overdue").GetBoolean());

        var filed = await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/filing",
            new { proofRef = "备案证明-1", filedOn = Today }), HttpStatusCode.OK);
        Assert.Equal("Licensee", filed.GetProperty("filing").GetProperty("filedBy").GetString());
        var open = await Enterprise.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses/filing-tasks?openOnly=true");
        Assert.DoesNotContain(open.EnumerateArray(), t => t.GetProperty("grantId").GetGuid() == grantId);
        await ProblemAssert.IsProblem(await Anonymous.GetAsync("/api/v1/open-licenses/filing-tasks"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Only_the_patentee_office_declares()
    {
        var patentId = await CreatePatentAsync();
        // Another office sees the granted patent's public record but is not its patentee.
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId)), HttpStatusCode.Forbidden, "open_license.not_patentee");
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Researcher, _fudan)).PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId)),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await Anonymous.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId)), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<OpenLicenseDeclaration>().AnyAsync(d => d.PatentId == patentId)));
    }

    [Fact]
    public async Task Submission_names_every_failing_check_with_its_rule()
    {
        var patentId = await CreatePatentAsync("UtilityModel", feePaidUntil: "2026-01-01");
        var d = await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId, end: "2031-01-01", otherTerms: "国内第一")), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetGuid();
        var problem = await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/open-licenses/{id}/submit", null), HttpStatusCode.UnprocessableEntity, "open_license.declaration_invalid");
        var codes = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["open_license.evaluation_report_required", "open_license.annual_fee_unpaid", "open_license.promotional_language", "open_license.term_beyond_patent_expiry"], codes);
        var still = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/open-licenses/{id}");
        Assert.Equal("Draft", still.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Draft_is_invisible_to_others_and_absent_from_the_public_list()
    {
        var patentId = await CreatePatentAsync();
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(patentId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await Enterprise.GetAsync($"/api/v1/open-licenses/{id}"), HttpStatusCode.NotFound, "open_license.not_found");
        var list = await Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/open-licenses?pageSize=200");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Exclusive_licence_is_refused_while_the_open_licence_is_active()
    {
        var (patentId, _) = await ActiveDeclarationAsync();
        var r = await Office.PostAsJsonAsync($"/api/v1/patents/{patentId}/licences", new { licensee = "某企业", scope = "Exclusive", startDate = "2026-04-01", endDate = "2028-01-01" });
        await ProblemAssert.IsProblem(r, HttpStatusCode.Conflict, "patent.exclusive_licence_during_open_licence"); // R3.10
        var ordinary = await Office.PostAsJsonAsync($"/api/v1/patents/{patentId}/licences", new { licensee = "某企业", scope = "NonExclusive", startDate = "2026-04-01", endDate = "2028-01-01" });
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_cannot_withdraw()
    {
        var (_, id) = await ActiveDeclarationAsync();
        await ProblemAssert.IsProblem(await OtherOffice.PostAsync($"/api/v1/open-licenses/{id}/withdraw", null), HttpStatusCode.Forbidden, "open_license.not_patentee");
        await ProblemAssert.IsProblem(await Enterprise.PostAsync($"/api/v1/open-licenses/{id}/withdraw", null), HttpStatusCode.Forbidden, "open_license.not_patentee");
        var d = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/open-licenses/{id}");
        Assert.Equal("Active", d.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Withdrawal_leaves_the_earlier_licence_valid()
    {
        var (_, id) = await ActiveDeclarationAsync();
        var grantId = (await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants",
            new { licenseeName = "绿能电池", writtenNoticeRef = "通知-001", noticeDate = Today }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/payment",
            new { amountYuan = 50_000m, paymentRef = "回单", paidOn = Today }), HttpStatusCode.OK);

        await Json(await Office.PostAsync($"/api/v1/open-licenses/{id}/withdraw", null), HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(30));
        var withdrawn = await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/withdrawal-announcement",
            new { announcementNo = "W-1", announcementDate = Today }), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());

        var grants = await Enterprise.GetFromJsonAsync<JsonElement>($"/api/v1/open-licenses/{id}/grants");
        Assert.True(Assert.Single(grants.EnumerateArray()).GetProperty("validToday").GetBoolean()); // R3.11
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid())).PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants",
            new { licenseeName = "晚来者", writtenNoticeRef = "通知-9", noticeDate = Today }), HttpStatusCode.Conflict, "open_license.not_active");
    }

    [Fact]
    public async Task Dispute_is_recorded_by_a_party_and_a_strangers_attempt_reads_as_an_unknown_grant()
    {
        var (_, id) = await ActiveDeclarationAsync();
        var grantId = (await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants",
            new { licenseeName = "绿能电池", writtenNoticeRef = "通知-001", noticeDate = Today }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var g = await Json(await Enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/disputes", new { channel = "CnipaMediation", summary = "费用争议" }), HttpStatusCode.OK);
        Assert.Equal("CnipaMediation", g.GetProperty("disputes")[0].GetProperty("channel").GetString()); // R3.14
        // Another organisation sees the public declaration but not this licensee's grant: the same 404 as a grant that does not exist.
        var stranger = await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/disputes",
            new { channel = "Court", summary = "x" }), HttpStatusCode.NotFound, "open_license_grant.not_found");
        var random = await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{Guid.NewGuid()}/disputes",
            new { channel = "Court", summary = "x" }), HttpStatusCode.NotFound, "open_license_grant.not_found");
        Assert.Equal(random.GetProperty("messages").GetRawText(), stranger.GetProperty("messages").GetRawText());
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/payment",
            new { amountYuan = 50_000m, paymentRef = "回单", paidOn = Today }), HttpStatusCode.NotFound, "open_license_grant.not_found");
    }

    [Fact]
    public async Task Annual_fee_quote_applies_the_open_licence_reduction_for_the_patent()
    {
        var (patentId, _) = await ActiveDeclarationAsync();
        var q = await Json(await Office.PostAsJsonAsync("/api/v1/patents/annual-fee-quote",
            new { fullFeeYuan = 1200m, dueDate = "2026-05-10", paymentDate = "2026-07-01", patentId }), HttpStatusCode.OK);
        Assert.Equal(1020m, q.GetProperty("reducedFeeYuan").GetDecimal()); // R3.15
        Assert.Equal(60m, q.GetProperty("surchargeYuan").GetDecimal()); // R3.16: over 1 up to 2 months late → 1 full month × 5 %
        Assert.Equal(1, q.GetProperty("monthsLate").GetInt32());
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync("/api/v1/patents/annual-fee-quote",
            new { fullFeeYuan = 1200m, dueDate = "2026-05-10", paymentDate = "2026-12-01" }), HttpStatusCode.UnprocessableEntity, "annual_fee.grace_expired");
    }

    // Custody

    private object CustodyBody(Guid patentId, params string[] types) => new
    {
        agreementNo = "TG-" + Guid.NewGuid().ToString("N")[..8], subjectType = "Patent", subjectId = patentId,
        operatorOrganizationId = _tti, operatorName = "长三角技术转移", allowedDealTypes = types.Length > 0 ? types : ["Listing", "NonExclusiveLicence"],
        priceFloorYuan = 300_000m, termStart = "2026-03-01", termEnd = "2028-02-29",
        beneficiaries = new object[] { new { name = "复旦大学", organizationId = _fudan, sharePercent = 30m }, new { name = "发明人团队", sharePercent = 70m } },
    };

    [Fact]
    public async Task Custody_list_sorts_filters_pages_and_exports_the_parties_agreements_only()
    {
        async Task<string> AgreementAsync(decimal floor, string termEnd)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(CustodyBody(await CreatePatentAsync())))!;
            body["priceFloorYuan"] = floor;
            body["termEnd"] = termEnd;
            return (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", body), HttpStatusCode.Created)).GetProperty("agreementNo").GetString()!;
        }
        var a = await AgreementAsync(500_000m, "2027-12-31");
        var b = await AgreementAsync(100_000m, "2029-06-30");
        var c = await AgreementAsync(300_000m, "2028-06-30");
        Task<(int Total, List<string> Names)> List(HttpClient client, string query) =>
            ListApi.PageAsync(client, "/api/v1/custody-agreements?" + query, x => x.GetProperty("agreementNo").GetString()!);

        ListApi.AssertPage(3, [a, c, b], await List(Office, "")); // the mandate ending first
        ListApi.AssertPage(3, [b, c, a], await List(Office, "sort=priceFloor"));
        ListApi.AssertPage(3, [b, c, a], await List(Office, "sort=termEnd&desc=true"));
        ListApi.AssertPage(3, [c], await List(Office, "sort=termEnd&pageSize=1&page=2"));
        ListApi.AssertPage(2, [c, b], await List(Office, "from=2028-01-01"));
        ListApi.AssertPage(3, [a, c, b], await List(Operator, "role=operator"));
        ListApi.AssertPage(0, [], await List(Office, "role=operator"));
        await ProblemAssert.HasFieldError(await Office.GetAsync("/api/v1/custody-agreements?sort=beneficiaries"), "sort", "paging.unknown_sort");

        foreach (var (language, floorHeader, statusHeader, awaiting) in new[] { ("zh-CN", "底价", "状态", "待经营方确认"), ("en", "Price floor", "Status", "Awaiting operator") })
        {
            var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan), language).GetAsync("/api/v1/custody-agreements/export?sort=priceFloor&pageSize=1");
            ListApi.AssertExportName(response, "custody-agreements");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal([100_000m, 300_000m, 500_000m], rows.Select(r => Convert.ToDecimal(r[floorHeader], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Assert.All(rows, r => Assert.Equal(awaiting, r[statusHeader]?.ToString()));
        }
        // an organisation that is no party to them exports none; anonymous callers are refused
        Assert.Empty(await ListFile.RowsAsync(await OtherOffice.GetAsync("/api/v1/custody-agreements/export")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/custody-agreements/export")).StatusCode);
    }

    [Fact]
    public async Task Open_licence_lists_sort_filter_and_export_the_catalogue_or_the_patentees_own()
    {
        var (_, active) = await ActiveDeclarationAsync();
        var draftEarly = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(await CreatePatentAsync(), "2028-12-31")), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var draftLate = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", DeclarationBody(await CreatePatentAsync(), "2031-12-31")), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        Task<(int Total, List<string> Names)> List(HttpClient client, string query) =>
            ListApi.PageAsync(client, "/api/v1/open-licenses?" + query, x => x.GetProperty("id").GetString()!);

        ListApi.AssertPage(3, [draftEarly.ToString(), active.ToString(), draftLate.ToString()], await List(Office, "mine=true&sort=termEnd"));
        ListApi.AssertPage(3, [active.ToString()], await List(Office, "mine=true&sort=termEnd&pageSize=1&page=2"));
        ListApi.AssertPage(2, [draftLate.ToString(), draftEarly.ToString()], await List(Office, "mine=true&status=Draft&sort=termEnd&desc=true"));
        ListApi.AssertPage(1, [active.ToString()], await List(Office, $"mine=true&from={Today}&to={Today}"));
        await ProblemAssert.HasFieldError(await Office.GetAsync("/api/v1/open-licenses?sort=fee"), "sort", "paging.unknown_sort");

        // the patentee's export holds its drafts; another organisation's catalogue export holds the announced one only
        foreach (var (language, statusHeader, draft) in new[] { ("zh-CN", "状态", "草稿"), ("en", "Status", "Draft") })
        {
            var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan), language).GetAsync("/api/v1/open-licenses/export?mine=true&status=Draft&sort=termEnd");
            ListApi.AssertExportName(response, "open-licenses");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal(draft, r[statusHeader]?.ToString()));
        }
        var catalogue = await ListFile.RowsAsync(await Enterprise.GetAsync("/api/v1/open-licenses/export?q=复旦大学&status=Draft"));
        Assert.Empty(catalogue);
        Assert.Empty(await ListFile.RowsAsync(await OtherOffice.GetAsync("/api/v1/open-licenses/export?mine=true")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/open-licenses/export")).StatusCode);
    }

    [Fact]
    public async Task Operator_licenses_within_the_mandate_and_is_refused_outside_it()
    {
        var patentId = await CreatePatentAsync();
        var c = await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patentId)), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetGuid();
        Assert.Equal("一种锂电池缺陷检测方法", c.GetProperty("subjectTitle").GetString());

        await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/custody-agreements/{id}/activate", null), HttpStatusCode.Forbidden, "custody.only_operator_accepts");
        await Json(await Operator.PostAsync($"/api/v1/custody-agreements/{id}/activate", null), HttpStatusCode.OK);

        var ok = await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "NonExclusiveLicence", counterparty = "绿能电池", priceYuan = 400_000m, dealTermEnd = "2027-12-31" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "ExclusiveLicence", counterparty = "绿能电池", priceYuan = 400_000m, dealTermEnd = "2027-12-31" }), HttpStatusCode.Forbidden, "custody.deal_type_outside_mandate");
        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "NonExclusiveLicence", counterparty = "绿能电池", priceYuan = 100_000m, dealTermEnd = "2027-12-31" }), HttpStatusCode.Forbidden, "custody.price_below_floor");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "Listing", counterparty = "", priceYuan = 400_000m }), HttpStatusCode.Forbidden, "custody.not_operator");

        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/custody-agreements/{id}");
        Assert.Single(read.GetProperty("operations").EnumerateArray());
        Assert.Equal(_fudan, read.GetProperty("ownerOrganizationId").GetGuid());
    }

    [Fact]
    public async Task Custody_operator_cannot_grant_an_exclusive_licence_while_an_open_licence_is_active()
    {
        var (patentId, _) = await ActiveDeclarationAsync();
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patentId, "ExclusiveLicence", "NonExclusiveLicence")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Operator.PostAsync($"/api/v1/custody-agreements/{id}/activate", null), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "ExclusiveLicence", counterparty = "绿能电池", priceYuan = 400_000m, dealTermEnd = "2027-12-31" }), HttpStatusCode.Conflict, "patent.exclusive_licence_during_open_licence"); // R3.10
        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/custody-agreements/{id}");
        Assert.Empty(read.GetProperty("operations").EnumerateArray());
        await Json(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/operations",
            new { dealType = "NonExclusiveLicence", counterparty = "绿能电池", priceYuan = 400_000m, dealTermEnd = "2027-12-31" }), HttpStatusCode.OK);
        var patent = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{patentId}");
        Assert.Contains(patent.GetProperty("licences").EnumerateArray(), l => l.GetProperty("licensee").GetString() == "绿能电池");
    }

    [Fact]
    public async Task Custody_operator_must_be_a_registered_organisation_that_may_operate_custody()
    {
        var patentId = await CreatePatentAsync();
        var enterprise = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise);
        foreach (var (stranger, code) in new[] { (Guid.NewGuid(), "reference.not_found"), (enterprise.Id, "custody.operator_not_eligible") })
        {
            var body = JsonSerializer.SerializeToNode(CustodyBody(patentId))!.AsObject();
            body["operatorOrganizationId"] = stranger;
            var refused = await Office.PostAsJsonAsync("/api/v1/custody-agreements", body);
            await ProblemAssert.HasFieldError(refused, "operatorOrganizationId", code);
        }
        var mine = await Office.GetFromJsonAsync<JsonElement>("/api/v1/custody-agreements");
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Custody_shares_must_sum_to_100_and_strangers_do_not_see_agreements()
    {
        var patentId = await CreatePatentAsync();
        var bad = await Office.PostAsJsonAsync("/api/v1/custody-agreements", new
        {
            agreementNo = "TG-X", subjectType = "Patent", subjectId = patentId, operatorOrganizationId = _tti, operatorName = "x",
            allowedDealTypes = new[] { "Listing" }, priceFloorYuan = 1m, termStart = "2026-03-01", termEnd = "2027-03-01",
            beneficiaries = new object[] { new { name = "复旦大学", sharePercent = 50m } },
        });
        await ProblemAssert.HasFieldError(bad, "beneficiaries", "custody.shares_not_100");

        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patentId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await OtherOffice.GetAsync($"/api/v1/custody-agreements/{id}"), HttpStatusCode.NotFound, "custody_agreement.not_found");
        var op = await Operator.GetFromJsonAsync<JsonElement>("/api/v1/custody-agreements?role=operator");
        Assert.Contains(op.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Custody_renewal_by_owner_and_termination_keep_history()
    {
        var patentId = await CreatePatentAsync();
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", CustodyBody(patentId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Operator.PostAsync($"/api/v1/custody-agreements/{id}/activate", null), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/renewals", new { newTermEnd = "2030-01-01" }), HttpStatusCode.Forbidden, "custody.only_owner");
        var renewed = await Json(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/renewals", new { newTermEnd = "2030-01-01" }), HttpStatusCode.OK);
        Assert.Equal("2030-01-01", renewed.GetProperty("termEnd").GetString());
        var ended = await Json(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{id}/terminate", new { reason = "协商终止" }), HttpStatusCode.OK);
        Assert.Equal("Terminated", ended.GetProperty("status").GetString());
        Assert.Single(ended.GetProperty("renewals").EnumerateArray());
    }
}

public sealed class PatentsApiTests_Sqlite(SqliteFactory f) : PatentsApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PatentsApiTests_Postgres(PostgresFactory f) : PatentsApiTests(f), IClassFixture<PostgresFactory>;
