using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Achievements.Features;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Achievements;

/// <summary>Achievements, rights grants, income distribution and idle achievements through HTTP, on SQLite and PostgreSQL.</summary>
public abstract class AchievementApiTests(TechTransferFactory factory)
{
    private sealed record Institution(Guid Org, TestUser Researcher, TestUser CoInventor, TestUser Office);

    /// <summary>
    /// A university in the registry (in Shanghai: Shanghai's rules apply, unless <paramref name="division"/> says otherwise)
    /// with real accounts for its researchers and office, so they can be named as completers (user references are checked).
    /// </summary>
    private async Task<Institution> NewInstitutionAsync(string division = "310104")
    {
        var org = (await factory.CreateOrganizationAsync(OrganizationKind.University, "022", division)).Id;
        return new Institution(org, await UserAsync(Roles.Researcher, org), await UserAsync(Roles.Researcher, org), await UserAsync(Roles.InstitutionAdmin, org));
    }

    private Task<TestUser> UserAsync(string role, Guid org) => factory.CreateAccountAsync(role, org);

    private static object Disclosure(Institution i, bool confidential = false, decimal second = 40m, string funding = "Fiscal") => new
    {
        title = "基于深度学习的锂电池缺陷检测方法",
        titleEn = "Deep-learning defect detection for lithium batteries",
        @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。",
        keywords = new[] { "锂电池", "缺陷检测" },
        technicalField = "计算机科学与技术",
        ipcCodes = new[] { "G06N 3/08" },
        ipType = "PatentApplication",
        trl = 5,
        fundingSource = funding,
        projectReferences = new[] { "国家重点研发计划 2022YFB2502000" },
        completers = new object[]
        {
            new { name = "张伟", userId = i.Researcher.UserId, contributionPercent = 60m },
            new { name = "李娜", userId = i.CoInventor.UserId, contributionPercent = second, holdsLeadershipPost = true },
        },
        patentApplicationNumbers = new[] { "CN202310123456.7" },
        isConfidential = confidential,
        confidentialDetails = "关键工艺参数：烧结温度 850℃",
    };

    /// <summary>An edit body: the disclosure plus the version the caller read.</summary>
    private static Dictionary<string, object?> WithVersion(object body, int version)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["version"] = version;
        return fields;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected} but got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> RegisteredAchievementAsync(Institution i, bool confidential = false)
    {
        var researcher = factory.ClientAs(i.Researcher);
        var office = factory.ClientAs(i.Office);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i, confidential)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await Ok(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));
        await Ok(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" }));
        return id;
    }

    // ------------------------------------------------------------------ achievements (R5.1)

    [Fact]
    public async Task Researcher_discloses_and_the_office_reviews_registers_and_evaluates_R5_1()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var office = factory.ClientAs(i.Office);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());

        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await Ok(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));
        var registered = await Ok(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" }));
        Assert.Equal("Registered", registered.GetProperty("status").GetString());
        Assert.True(registered.GetProperty("separateManagement").GetBoolean());

        var evaluated = await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/evaluation",
            new { valueAssessment = "技术先进", potential = "High", estimatedValueYuan = 3_000_000m, proofOfConcept = "Validated" }));
        Assert.Equal(3_000_000m, evaluated.GetProperty("evaluation").GetProperty("estimatedValueYuan").GetDecimal());

        var read = await Ok(await researcher.GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal(["disclose", "start_review", "register"], read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var audited = await factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Achievement) && a.EntityId == id.ToString()));
        Assert.True(audited >= 4);
    }

    [Fact]
    public async Task Every_saved_evaluation_is_kept_and_shown_on_the_achievement_page()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var id = await RegisteredAchievementAsync(i);
        var first = await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/evaluation",
            new { valueAssessment = "技术先进，市场待验证", potential = "Medium", estimatedValueYuan = 1_200_000m, proofOfConcept = "Planned" }));
        await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/evaluation",
            new { valueAssessment = "中试成功，价值上调", potential = "High", estimatedValueYuan = 3_500_000m, proofOfConcept = "Validated",
                version = first.GetProperty("version").GetInt32() }));

        var read = await Ok(await factory.ClientAs(i.Researcher).GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal(["技术先进，市场待验证", "中试成功，价值上调"],
            read.GetProperty("evaluationHistory").EnumerateArray().Select(e => e.GetProperty("valueAssessment").GetString()));
        Assert.Equal(3_500_000m, read.GetProperty("evaluation").GetProperty("estimatedValueYuan").GetDecimal());

        var zh = WebUtility.HtmlDecode(await office.GetStringAsync($"/achievements/{id}"));
        Assert.Contains("data-testid=\"evaluation\"", zh);
        Assert.Contains("中试成功，价值上调", zh);
        Assert.Contains("历次评估", zh);
        Assert.Contains("技术先进，市场待验证", zh);
        var en = WebUtility.HtmlDecode(await factory.ClientAs(i.Researcher, "en").GetStringAsync($"/achievements/{id}"));
        Assert.Contains("Evaluation history", en);
        Assert.Contains("中试成功，价值上调", en);

        // another organisation sees neither the evaluation nor its history
        var other = await NewInstitutionAsync();
        var seen = await factory.ClientAs(other.Office).GetAsync($"/api/v1/achievements/{id}");
        if (seen.IsSuccessStatusCode)
            Assert.Empty((await Ok(seen)).GetProperty("evaluationHistory").EnumerateArray());
    }

    [Fact]
    public async Task Disclosure_with_contributions_not_summing_to_100_is_a_field_error_R5_1()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i, second: 30m)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var response = await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null);
        await ProblemAssert.HasFieldError(response, "completers", "achievement.contributions_must_sum_100");
        var read = await Ok(await researcher.GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal("Draft", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Enterprise_cannot_disclose_an_achievement_403()
    {
        var i = await NewInstitutionAsync();
        var enterprise = factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid()));
        var response = await enterprise.PostAsJsonAsync("/api/v1/achievements", Disclosure(i));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "achievement.only_researcher_may_disclose");
    }

    [Fact]
    public async Task Researcher_cannot_register_their_own_disclosure_403()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await Ok(await factory.ClientAs(i.Office).PostAsync($"/api/v1/achievements/{id}/start-review", null));
        var response = await researcher.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "自己登记" });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "achievement.role_not_allowed");
    }

    [Fact]
    public async Task Another_organisations_confidential_achievement_is_not_found_404()
    {
        var owner = await NewInstitutionAsync();
        var other = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(owner, confidential: true);
        var stranger = factory.ClientAs(other.Office);

        await ProblemAssert.IsProblem(await stranger.GetAsync($"/api/v1/achievements/{id}"), HttpStatusCode.NotFound, "achievement.not_found");
        await ProblemAssert.IsProblem(await stranger.PostAsJsonAsync($"/api/v1/achievements/{id}/decline", new { reason = "x" }), HttpStatusCode.NotFound, "achievement.not_found");
        var list = await Ok(await stranger.GetAsync($"/api/v1/achievements?organizationId={owner.Org}"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        var own = await Ok(await factory.ClientAs(owner.Office).GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal("关键工艺参数：烧结温度 850℃", own.GetProperty("confidentialDetails").GetString());
    }

    [Fact]
    public async Task Public_achievement_of_another_organisation_hides_its_confidential_fields_R5_1()
    {
        var owner = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(owner);
        var read = await Ok(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("confidentialDetails").ValueKind);
        Assert.False(read.GetProperty("confidentialFieldsVisible").GetBoolean());
        Assert.Empty(read.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Another_organisations_draft_is_not_listed_and_filters_and_paging_work()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created);
        await RegisteredAchievementAsync(i);

        var mine = await Ok(await researcher.GetAsync($"/api/v1/achievements?organizationId={i.Org}&mine=true&pageSize=1"));
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        Assert.Equal(1, mine.GetProperty("items").GetArrayLength());
        var registered = await Ok(await researcher.GetAsync($"/api/v1/achievements?organizationId={i.Org}&status=Registered"));
        Assert.Equal(1, registered.GetProperty("total").GetInt32());
        var others = await Ok(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync($"/api/v1/achievements?organizationId={i.Org}"));
        Assert.Equal(1, others.GetProperty("total").GetInt32());
        await ProblemAssert.HasFieldError(await researcher.GetAsync("/api/v1/achievements?pageSize=0"), "pageSize", "paging.page_size_out_of_range");
    }

    [Fact]
    public async Task Attachments_are_type_checked_stored_under_the_data_directory_and_downloadable_R5_1()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var pdf = "%PDF-1.7\n测试说明书\n%%EOF"u8.ToArray();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "说明书.pdf" } })
        {
            var ok = await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/attachments", form));
            var att = ok.GetProperty("attachments")[0];
            Assert.Equal("说明书.pdf", att.GetProperty("fileName").GetString());
            var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "attachments"), "*.bin", SearchOption.AllDirectories);
            Assert.Single(files);
            var download = await researcher.GetAsync($"/api/v1/achievements/{id}/attachments/{att.GetProperty("id").GetGuid()}");
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        }
        using (var form = new MultipartFormDataContent { { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0, 0, 0]), "file", "report.pdf" } })
        {
            var bad = await researcher.PostAsync($"/api/v1/achievements/{id}/attachments", form);
            await ProblemAssert.HasFieldError(bad, "file", "achievement.attachment_content_mismatch");
        }
        var read = await Ok(await researcher.GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal(1, read.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task Return_and_decline_need_a_reason_and_a_returned_disclosure_can_be_edited_and_resubmitted_R5_1()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var office = factory.ClientAs(i.Office);
        var id = (await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await Ok(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));

        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/return", new { reason = " " }), "reason", "achievement.reason_required");
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/decline", new { reason = "" }), "reason", "achievement.reason_required");
        var returned = await Ok(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/return", new { reason = "请补充技术指标" }));
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        var edit = WithVersion(Disclosure(i), returned.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblem(await factory.ClientAs(i.CoInventor).PutAsJsonAsync($"/api/v1/achievements/{id}", edit),
            HttpStatusCode.Forbidden, "achievement.only_creator_may_edit");
        await Ok(await researcher.PutAsJsonAsync($"/api/v1/achievements/{id}", edit));
        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await Ok(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));
        var declined = await Ok(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/decline", new { reason = "不属于职务科技成果" }));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "x" }),
            HttpStatusCode.Conflict, "achievement.invalid_transition");
    }

    [Fact]
    public async Task Office_records_conversion_justification_and_confidentiality_and_others_may_not_R5_1_R5_4()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        await ProblemAssert.HasFieldError(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/conversion", new { status = "InProgress" }),
            "conversionMode", "achievement.conversion_mode_required");
        await ProblemAssert.HasFieldError(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/conversion",
            new { status = "InProgress", mode = "Transfer", counterpartyIsForeign = true }), "projectAuthorityApprovalRef", "achievement.foreign_transfer_needs_project_authority_approval");
        var converted = await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/conversion", new { status = "Converted", mode = "License" }));
        Assert.Equal("License", converted.GetProperty("conversionMode").GetString());
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).PutAsJsonAsync($"/api/v1/achievements/{id}/conversion", new { status = "Converted", mode = "License" }),
            HttpStatusCode.Forbidden, "achievement.role_not_allowed");

        await ProblemAssert.HasFieldError(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/idle-justification", new { justification = "" }),
            "justification", "achievement.justification_required");
        var justified = await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/idle-justification", new { justification = "涉密，暂缓转化" }));
        Assert.Equal("涉密，暂缓转化", justified.GetProperty("idleJustification").GetString());

        var other = await NewInstitutionAsync();
        var colleague = await UserAsync(Roles.Researcher, i.Org);
        var named = await Ok(await office.PutAsJsonAsync($"/api/v1/achievements/{id}/confidentiality",
            new { isConfidential = true, confidentialDetails = "烧结 850℃", namedViewerUserIds = new[] { colleague.UserId } }));
        Assert.True(named.GetProperty("isConfidential").GetBoolean());
        Assert.Equal([colleague.UserId], named.GetProperty("namedViewerUserIds").EnumerateArray().Select(x => x.GetGuid()));
        await ProblemAssert.IsProblem(await factory.ClientAs(other.Office).GetAsync($"/api/v1/achievements/{id}"), HttpStatusCode.NotFound, "achievement.not_found");
        await ProblemAssert.IsProblem(await factory.ClientAs(other.Office).PutAsJsonAsync($"/api/v1/achievements/{id}/confidentiality",
            new { isConfidential = false }), HttpStatusCode.NotFound, "achievement.not_found");
    }

    [Fact]
    public async Task List_sorts_and_rejects_an_unknown_sort_and_anonymous_callers_are_401()
    {
        var i = await NewInstitutionAsync();
        await RegisteredAchievementAsync(i);
        var list = await Ok(await factory.ClientAs(i.Office).GetAsync($"/api/v1/achievements?organizationId={i.Org}&sort=title&desc=true"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        await ProblemAssert.HasFieldError(await factory.ClientAs(i.Office).GetAsync("/api/v1/achievements?sort=price"), "sort", "paging.unknown_sort");
        var anonymous = await factory.ClientAs(null).GetAsync("/api/v1/achievements");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Office).PostAsync("/api/v1/achievements",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "request.malformed");
    }

    // ------------------------------------------------------------------ rights grants (R5.2)

    private static object OwnershipGrant(Guid achievementId, Institution i, decimal unit = 30m) => new
    {
        achievementId,
        grantType = "Ownership",
        unitSharePercent = unit,
        completerShares = new object[]
        {
            new { completerName = "张伟", userId = i.Researcher.UserId, sharePercent = 42m },
            new { completerName = "李娜", userId = i.CoInventor.UserId, sharePercent = 28m },
        },
        unitIncomePercent = 30m,
        completerIncomePercent = 70m,
        incomeSplitAgreement = "转化净收入单位 30%、完成人 70%",
        decisionMechanism = "重大事项共同决策",
        costSharing = "维持费由完成人承担",
        ipMaintenanceFeeBearer = "Completers",
    };

    [Fact]
    public async Task Office_grants_ownership_and_the_approved_grant_has_a_certificate_R5_2()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var grant = await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created);
        var grantId = grant.GetProperty("id").GetGuid();
        Assert.Equal("Submitted", grant.GetProperty("status").GetString());

        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).PostAsync($"/api/v1/rights-grants/{grantId}/approve", null),
            HttpStatusCode.Forbidden, "rights_grant.role_not_allowed");
        await ProblemAssert.IsProblem(await factory.ClientAs((await NewInstitutionAsync()).Office).PostAsync($"/api/v1/rights-grants/{grantId}/approve", null),
            HttpStatusCode.NotFound, "rights_grant.not_found");

        var approved = await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/approve", new { reason = "审议通过" }));
        Assert.StartsWith($"FQ-{factory.Clock.GetUtcNow().Year}-", approved.GetProperty("certificateNo").GetString());
        var cert = await Ok(await office.GetAsync($"/api/v1/rights-grants/{grantId}/certificate"));
        Assert.Contains(cert.GetProperty("lines").EnumerateArray(), l => l.GetProperty("zh").GetString()!.Contains("单位保留份额：30%"));
        var list = await Ok(await office.GetAsync($"/api/v1/rights-grants?achievementId={id}&status=Approved"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    /// <summary>Two grants of one institution, a minute apart (the first approved); returns the approved one's certificate number.</summary>
    private async Task<(Institution I, string CertificateNo)> TwoGrantsAsync()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var first = (await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(await RegisteredAchievementAsync(i), i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(await RegisteredAchievementAsync(i), i)), HttpStatusCode.Created);
        var approved = await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{first}/approve", new { reason = "审议通过" }));
        return (i, approved.GetProperty("certificateNo").GetString()!);
    }

    private static Task<(int Total, List<string> Names)> GrantListAsync(HttpClient client, string query) =>
        ListApi.PageAsync(client, $"/api/v1/rights-grants?{query}", g => g.GetProperty("status").GetString()!);

    private static void AssertGrants(int total, string[] statuses, (int Total, List<string> Names) page) => ListApi.AssertPage(total, statuses, page);

    [Fact]
    public async Task Rights_grant_list_sorts_either_way_pages_filters_and_counts()
    {
        var (i, certificateNo) = await TwoGrantsAsync();
        var office = factory.ClientAs(i.Office);
        AssertGrants(2, ["Submitted", "Approved"], await GrantListAsync(office, "mine=true"));
        AssertGrants(2, ["Approved", "Submitted"], await GrantListAsync(office, "mine=true&sort=requestedAt"));
        AssertGrants(2, ["Submitted"], await GrantListAsync(office, "mine=true&sort=requestedAt&pageSize=1&page=2"));
        AssertGrants(1, ["Approved"], await GrantListAsync(office, "status=Approved&grantType=Ownership"));
        AssertGrants(1, ["Approved"], await GrantListAsync(office, $"q={certificateNo}"));
        Assert.Equal(2, (await GrantListAsync(office, "sort=achievementTitle&desc=true")).Total);
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/rights-grants?sort=unitSharePercent"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/rights-grants/export?sort=unitSharePercent"), "sort", "paging.unknown_sort");
    }

    [Theory]
    [InlineData("zh-CN", "状态", "已批准", "证书编号")]
    [InlineData("en", "Status", "Approved", "Certificate")]
    public async Task Rights_grant_export_holds_every_filtered_row_in_order_with_labels(string language, string statusHeader, string approved, string certificateHeader)
    {
        var (i, certificateNo) = await TwoGrantsAsync();
        var office = factory.ClientAs(i.Office, language);
        var response = await office.GetAsync("/api/v1/rights-grants/export?sort=requestedAt&pageSize=1&page=2");
        ListApi.AssertExportName(response, "rights-grants");
        var rows = await ListFile.RowsAsync(response);
        Assert.Equal(2, rows.Count);
        Assert.Equal(approved, rows[0][statusHeader]?.ToString());
        Assert.Equal(certificateNo, rows[0][certificateHeader]?.ToString());
        Assert.Single(await ListFile.RowsAsync(await office.GetAsync("/api/v1/rights-grants/export?status=Approved")));
    }

    [Fact]
    public async Task Rights_grant_export_never_holds_another_organisations_grants()
    {
        var (i, certificateNo) = await TwoGrantsAsync();
        Assert.Single(await ListFile.RowsAsync(await factory.ClientAs(i.Office).GetAsync($"/api/v1/rights-grants/export?q={certificateNo}")));
        var other = factory.ClientAs((await NewInstitutionAsync()).Office);
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/rights-grants/export?q={certificateNo}")));
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync("/api/v1/rights-grants/export")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/rights-grants/export")).StatusCode);
    }

    [Fact]
    public async Task Approved_grant_certificate_downloads_as_a_pdf_for_the_office_only()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var grantId = (await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await office.GetAsync($"/api/v1/rights-grants/{grantId}/certificate.pdf"), HttpStatusCode.Conflict, "rights_grant.invalid_transition");
        await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/approve", new { reason = "审议通过" }));

        var pdf = await office.GetAsync($"/api/v1/rights-grants/{grantId}/certificate.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.Latin1.GetString(bytes, 0, 5));
        Assert.Contains("WenQuanYi", System.Text.Encoding.Latin1.GetString(bytes)); // the embedded Chinese font

        await ProblemAssert.IsProblem(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync($"/api/v1/rights-grants/{grantId}/certificate.pdf"),
            HttpStatusCode.NotFound, "rights_grant.not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"/api/v1/rights-grants/{grantId}/certificate.pdf")).StatusCode);
    }

    [Fact]
    public async Task Ownership_shares_not_summing_to_100_are_refused_and_nothing_is_saved_R5_2()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var response = await factory.ClientAs(i.Office).PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i, unit: 20m));
        await ProblemAssert.HasFieldError(response, "shares", "rights_grant.shares_must_sum_100");
        var count = await factory.WithDbAsync((db, _) => db.Set<RightsGrant>().CountAsync(g => g.AchievementId == id));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Requester_withdraws_a_grant_and_rejection_needs_a_reason_R5_2()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var first = (await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var withdrawn = await Ok(await office.PostAsync($"/api/v1/rights-grants/{first}/withdraw", null));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var second = (await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/rights-grants/{second}/reject", new { reason = "" }), "reason", "rights_grant.reason_required");
        var rejected = await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{second}/reject", new { reason = "份额不合理" }));
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await ProblemAssert.IsProblem(await office.GetAsync($"/api/v1/rights-grants/{second}/certificate"), HttpStatusCode.Conflict, "rights_grant.invalid_transition");
        await ProblemAssert.IsProblem(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync($"/api/v1/rights-grants/{second}"), HttpStatusCode.NotFound, "rights_grant.not_found");
        var list = await Ok(await office.GetAsync($"/api/v1/rights-grants?achievementId={id}&pageSize=1"));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Long_term_use_right_is_checked_on_its_inclusive_dates_R5_2()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var response = await factory.ClientAs(i.Office).PostAsJsonAsync("/api/v1/rights-grants", new
        {
            achievementId = id, grantType = "LongTermUseRight", termStart = "2026-03-02", termEnd = "2036-02-29",
            completerShares = new[] { new { completerName = "张伟", userId = i.Researcher.UserId, sharePercent = 100m } },
            unitIncomePercent = 30m, completerIncomePercent = 70m, incomeSplitAgreement = "30/70", decisionMechanism = "完成人决策", costSharing = "完成人承担",
        });
        await ProblemAssert.HasFieldError(response, "termEnd", "rights_grant.term_below_minimum");
        var ok = await factory.ClientAs(i.Office).PostAsJsonAsync("/api/v1/rights-grants", new
        {
            achievementId = id, grantType = "LongTermUseRight", termStart = "2026-03-02", termEnd = "2036-03-01",
            completerShares = new[] { new { completerName = "张伟", userId = i.Researcher.UserId, sharePercent = 100m } },
            unitIncomePercent = 30m, completerIncomePercent = 70m, incomeSplitAgreement = "30/70", decisionMechanism = "完成人决策", costSharing = "完成人承担",
        });
        var grant = await Ok(ok, HttpStatusCode.Created);
        Assert.Equal(("2026-03-02", "2036-03-01"), (grant.GetProperty("termStart").GetString(), grant.GetProperty("termEnd").GetString()));
    }

    // ------------------------------------------------------------------ idle achievements (R5.3)

    [Fact]
    public async Task Idle_achievement_is_flagged_listed_with_its_age_and_its_completer_may_request_a_grant_R5_3()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var younger = await RegisteredAchievementAsync(i);
        var coInventor = factory.ClientAs(i.CoInventor);
        await ProblemAssert.IsProblem(await coInventor.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)),
            HttpStatusCode.Conflict, "rights_grant.completer_request_requires_idle");

        await ProblemAssert.IsProblem(await factory.ClientAs(i.Office).PostAsync("/api/v1/achievements/idle/scan", null), HttpStatusCode.Forbidden, "auth.forbidden");
        {
            // the shared fake clock only moves forward; other tests do not depend on its value
            factory.Clock.Advance(TimeSpan.FromDays(400));
            var scan = await Ok(await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).PostAsync("/api/v1/achievements/idle/scan", null));
            Assert.True(scan.GetProperty("flagged").GetInt32() >= 1);

            // the list: the longest idle first (its age counted from the registration), sortable either way, paged, counted
            var idle = await Ok(await factory.ClientAs(i.Office).GetAsync("/api/v1/achievements/idle"));
            Assert.Equal(2, idle.GetProperty("total").GetInt32());
            var row = idle.GetProperty("items")[0];
            Assert.Equal(id, row.GetProperty("id").GetGuid());
            Assert.Equal(401, row.GetProperty("ageDays").GetInt32());
            var office = factory.ClientAs(i.Office);
            static Guid First(JsonElement page) => page.GetProperty("items")[0].GetProperty("id").GetGuid();
            Assert.Equal(younger, First(await Ok(await office.GetAsync("/api/v1/achievements/idle?sort=registeredAt&desc=true"))));
            var second = await Ok(await office.GetAsync("/api/v1/achievements/idle?sort=registeredAt&pageSize=1&page=2"));
            Assert.Equal((2, younger), (second.GetProperty("total").GetInt32(), First(second)));
            var today = BusinessTime.DateOf(factory.Clock.GetUtcNow()).ToString("yyyy-MM-dd");
            Assert.Equal(2, (await Ok(await office.GetAsync($"/api/v1/achievements/idle?from={today}&to={today}"))).GetProperty("total").GetInt32());
            Assert.Equal(0, (await Ok(await office.GetAsync("/api/v1/achievements/idle?to=2000-01-01"))).GetProperty("total").GetInt32());
            await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/achievements/idle?sort=trl"), "sort", "paging.unknown_sort");
            await ProblemAssert.HasFieldError(await office.GetAsync($"/api/v1/achievements/idle?from={today}&to=2000-01-01"), "to", "paging.empty_period");
            // its export: every row of the filter in the list's order, labelled; another office's file holds none of them
            foreach (var (language, ageHeader, titleHeader) in new[] { ("zh-CN", "已登记天数", "成果名称"), ("en", "Age (days)", "Title") })
            {
                var response = await factory.ClientAs(i.Office, language).GetAsync("/api/v1/achievements/idle/export?sort=registeredAt&pageSize=1");
                ListApi.AssertExportName(response, "idle-achievements");
                var rows = await ListFile.RowsAsync(response);
                Assert.Equal(2, rows.Count);
                Assert.Equal("401", rows[0][ageHeader]?.ToString());
                Assert.NotNull(rows[1][titleHeader]);
            }
            Assert.Empty(await ListFile.RowsAsync(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync("/api/v1/achievements/idle/export")));
            await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).GetAsync("/api/v1/achievements/idle/export"), HttpStatusCode.Forbidden, "achievement.role_not_allowed");

            var notified = await factory.WithDbAsync((db, _) => db.Set<Notification>().AnyAsync(n => n.RecipientUserId == i.CoInventor.UserId));
            Assert.True(notified);
            var grant = await Ok(await coInventor.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created);
            Assert.True(grant.GetProperty("requestedByCompleter").GetBoolean());
            await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).GetAsync("/api/v1/achievements/idle"), HttpStatusCode.Forbidden, "achievement.role_not_allowed");
        }
    }

    [Fact]
    public async Task The_daily_job_flags_idle_achievements_on_its_timer_R5_3()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var job = new IdleAchievementJob(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock,
            Options.Create(new IdleJobOptions { InitialDelay = TimeSpan.FromMinutes(1), Interval = TimeSpan.FromDays(1) }), NullLogger<IdleAchievementJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        try
        {
            factory.Clock.Advance(TimeSpan.FromDays(400));
            var flagged = false;
            for (var n = 0; n < 100 && !flagged; n++)
            {
                // ExecuteAsync starts on a background thread: keep the fake clock moving until its first delay has elapsed
                factory.Clock.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(100);
                flagged = await factory.WithDbAsync((db, _) => db.Set<Achievement>().AnyAsync(a => a.Id == id && a.IdleFlaggedAt != null));
            }
            Assert.True(flagged);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    // ------------------------------------------------------------------ income distribution (R4.x)

    private static object Plan(Guid achievementId, decimal teamShare) => new
    {
        achievementId,
        mode = "License",
        incomeDate = "2025-12-15",
        grossIncome = 1_000_000m,
        deductions = new[]
        {
            new { kind = "RelatedTaxes", description = "增值税及附加", amount = 60_000m, evidenceRef = "发票 0012" },
            new { kind = "DirectTransactionCosts", description = "评估费", amount = 40_000m, evidenceRef = "沪评 2026-08" },
        },
        teamSharePercent = teamShare,
    };

    private static object PlanOn(Guid achievementId, string incomeDate, decimal gross) => new
    {
        achievementId, mode = "License", incomeDate, grossIncome = gross,
        deductions = Array.Empty<object>(), teamSharePercent = 70m,
    };

    [Fact]
    public async Task Income_plan_list_sorts_filters_pages_and_exports_the_callers_plans_only()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var id = await RegisteredAchievementAsync(i);
        var march = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", PlanOn(id, "2025-03-10", 300_000m)), HttpStatusCode.Created);
        await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", PlanOn(id, "2025-06-10", 100_000m)), HttpStatusCode.Created);
        await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", PlanOn(id, "2025-09-10", 200_000m)), HttpStatusCode.Created);
        await Ok(await office.PostAsync($"/api/v1/income-distributions/{march.GetProperty("id").GetGuid()}/approve", null));
        Task<(int Total, List<string> Names)> List(string query) =>
            ListApi.PageAsync(office, $"/api/v1/income-distributions?achievementId={id}&{query}", d => d.GetProperty("incomeDate").GetString()!);

        ListApi.AssertPage(3, ["2025-09-10", "2025-06-10", "2025-03-10"], await List("")); // newest income first
        ListApi.AssertPage(3, ["2025-06-10", "2025-09-10", "2025-03-10"], await List("sort=grossIncome"));
        ListApi.AssertPage(3, ["2025-03-10", "2025-09-10", "2025-06-10"], await List("sort=teamAmount&desc=true"));
        ListApi.AssertPage(3, ["2025-06-10"], await List("sort=incomeDate&pageSize=1&page=2"));
        ListApi.AssertPage(2, ["2025-06-10", "2025-09-10"], await List("sort=incomeDate&from=2025-04-01&to=2025-12-31"));
        ListApi.AssertPage(1, ["2025-03-10"], await List("status=Approved"));
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/income-distributions?sort=officeAmount"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await office.GetAsync("/api/v1/income-distributions/export?from=2025-05-01&to=2025-04-01"), "to", "paging.empty_period");

        foreach (var (language, dateHeader, grossHeader, statusHeader, approved) in new[]
                 { ("zh-CN", "收入日期", "总收入", "状态", "已批准"), ("en", "Income date", "Gross", "Status", "Approved") })
        {
            var response = await factory.ClientAs(i.Office, language).GetAsync($"/api/v1/income-distributions/export?achievementId={id}&sort=incomeDate&pageSize=1&page=3");
            ListApi.AssertExportName(response, "income-distributions");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal(["2025-03-10", "2025-06-10", "2025-09-10"], rows.Select(r => r[dateHeader]?.ToString() ?? "").ToArray());
            Assert.Equal(300_000m, Convert.ToDecimal(rows[0][grossHeader], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(approved, rows[0][statusHeader]?.ToString());
        }
        // another institution's office and an anonymous caller get none of them
        var other = factory.ClientAs((await NewInstitutionAsync()).Office);
        Assert.Empty(await ListFile.RowsAsync(await other.GetAsync($"/api/v1/income-distributions/export?achievementId={id}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/income-distributions/export")).StatusCode);
    }

    [Fact]
    public async Task Plan_below_the_Shanghai_floor_is_an_error_naming_the_floor_and_its_source_R4_3()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var response = await factory.ClientAs(i.Office).PostAsJsonAsync("/api/v1/income-distributions", Plan(id, 65m));
        var problem = await ProblemAssert.HasFieldError(response, "teamSharePercent", "income_distribution.team_share_below_floor");
        var zh = problem.GetProperty("fieldErrors")[0].GetProperty("zh").GetString()!;
        Assert.Contains("70%", zh);
        Assert.Contains("上海市促进科技成果转化条例", zh);
    }

    [Fact]
    public async Task Office_plans_approves_and_pays_out_with_a_disclosure_record_for_leaders_R4_1_to_R4_6()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(id, 70m)), HttpStatusCode.Created);
        Assert.Equal(900_000m, plan.GetProperty("netIncome").GetDecimal());
        Assert.Equal(630_000m, plan.GetProperty("teamAmount").GetDecimal());
        Assert.Equal(27_000m, plan.GetProperty("officeAmount").GetDecimal());
        Assert.Equal("income-shanghai-2015", plan.GetProperty("ruleSetId").GetString());
        var allocations = plan.GetProperty("allocations").EnumerateArray().ToList();
        Assert.Equal([378_000m, 252_000m], allocations.Select(a => a.GetProperty("amount").GetDecimal()));
        var planId = plan.GetProperty("id").GetGuid();

        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).PostAsync($"/api/v1/income-distributions/{planId}/approve", null),
            HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");
        await Ok(await office.PostAsync($"/api/v1/income-distributions/{planId}/approve", null));

        var leader = allocations.Single(a => a.GetProperty("holdsLeadershipPost").GetBoolean()).GetProperty("id").GetGuid();
        var refused = await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/payouts",
            new { allocationId = leader, amount = 10_000m, paidOn = "2026-03-01", reference = "转账 1" });
        await ProblemAssert.HasFieldError(refused, "disclosureRecordRef", "income_distribution.leader_disclosure_required");
        var paid = await Ok(await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/payouts",
            new { allocationId = leader, amount = 10_000m, paidOn = "2026-03-01", reference = "转账 1", disclosureRecordRef = "公示 2026-3" }));
        var payout = Assert.Single(paid.GetProperty("payouts").EnumerateArray());
        Assert.True(payout.GetProperty("outsidePerformancePayCap").GetBoolean());

        // the leader sees the plan, but only their own line
        var asLeader = await Ok(await factory.ClientAs(i.CoInventor).GetAsync($"/api/v1/income-distributions/{planId}"));
        Assert.Equal(1, asLeader.GetProperty("allocations").GetArrayLength());
        await ProblemAssert.IsProblem(await factory.ClientAs((await NewInstitutionAsync()).Office).GetAsync($"/api/v1/income-distributions/{planId}"),
            HttpStatusCode.NotFound, "income_distribution.not_found");
    }

    [Fact]
    public async Task Annual_conversion_report_is_due_on_30_March_R4_7()
    {
        var i = await NewInstitutionAsync();
        await RegisteredAchievementAsync(i);
        var now = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var year = now.Year - 1;
        var late = DateOnly.FromDateTime(now.DateTime) > new DateOnly(year + 1, 3, 30);
        var report = await Ok(await factory.ClientAs(i.Office).GetAsync($"/api/v1/income-distributions/annual-report?year={year}"));
        Assert.Equal($"{year + 1}-03-30", report.GetProperty("report").GetProperty("dueDate").GetString());
        Assert.Equal($"{year + 1}-04-30", report.GetProperty("report").GetProperty("forwardDueDate").GetString());
        Assert.Equal(late, report.GetProperty("overdue").GetBoolean());
        var submitted = await Ok(await factory.ClientAs(i.Office).PostAsync($"/api/v1/income-distributions/annual-report/{year}/submit", null));
        Assert.Equal(late, submitted.GetProperty("submittedLate").GetBoolean());
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Office).PostAsync($"/api/v1/income-distributions/annual-report/{year}/submit", null),
            HttpStatusCode.Conflict, "conversion_report.already_submitted");
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).GetAsync($"/api/v1/income-distributions/annual-report?year={year}"),
            HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");
    }

    // ------------------------------------------------------------------ lost updates (#11 B)

    [Fact]
    public async Task An_achievement_edit_from_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var i = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var created = await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        var edit = JsonSerializer.SerializeToElement(Disclosure(i));
        object Body(string title, int? v) => new Dictionary<string, object?>(edit.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value))
            { ["title"] = title, ["version"] = v };

        var first = await Ok(await researcher.PutAsJsonAsync($"/api/v1/achievements/{id}", Body("第一次修改", version)));
        Assert.Equal(version + 1, first.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblem(await researcher.PutAsJsonAsync($"/api/v1/achievements/{id}", Body("基于旧版本的修改", version)),
            HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.HasFieldError(await researcher.PutAsJsonAsync($"/api/v1/achievements/{id}", Body("没有版本号", null)),
            "version", "achievement.version_required");
        var read = await Ok(await researcher.GetAsync($"/api/v1/achievements/{id}"));
        Assert.Equal("第一次修改", read.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Grant_and_plan_decisions_from_a_stale_version_are_conflicts()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var grant = await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created);
        var grantId = grant.GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/approve",
            new { reason = "通过", version = grant.GetProperty("version").GetInt32() + 1 }), HttpStatusCode.Conflict, "concurrency.conflict");
        await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/approve", new { reason = "通过", version = grant.GetProperty("version").GetInt32() }));

        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(id, 70m)), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/approve", new { version = 99 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var status = await factory.WithDbAsync((db, _) => db.Set<IncomeDistribution>().Where(d => d.Id == planId).Select(d => d.Status).SingleAsync());
        Assert.Equal(IncomeDistributionStatus.Draft, status);
    }

    [Fact]
    public async Task The_office_sets_its_share_with_the_version_it_read_and_plans_use_it_R4_4()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var settings = await Ok(await office.GetAsync("/api/v1/income-distributions/settings"));
        Assert.True(settings.GetProperty("isDefault").GetBoolean());
        Assert.Equal(0, settings.GetProperty("version").GetInt32());
        var saved = await Ok(await office.PutAsJsonAsync("/api/v1/income-distributions/settings", new { ttoSharePercent = 20m, version = 0 }));
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblem(await office.PutAsJsonAsync("/api/v1/income-distributions/settings", new { ttoSharePercent = 30m, version = 0 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.HasFieldError(await office.PutAsJsonAsync("/api/v1/income-distributions/settings", new { ttoSharePercent = 101m, version = 1 }),
            "ttoSharePercent", "income_settings.tto_share_out_of_range");
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).PutAsJsonAsync("/api/v1/income-distributions/settings", new { ttoSharePercent = 5m, version = 1 }),
            HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");

        var id = await RegisteredAchievementAsync(i);
        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(id, 70m)), HttpStatusCode.Created);
        Assert.Equal(20m, plan.GetProperty("officeSharePercent").GetDecimal());
        Assert.Equal(54_000m, plan.GetProperty("officeAmount").GetDecimal());
    }

    // ------------------------------------------------------------------ references (#11 B)

    [Fact]
    public async Task A_plan_or_grant_naming_a_random_achievement_is_a_reference_error_R4_3()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var random = Guid.NewGuid();
        var plan = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(random, 70m)), "achievementId", "reference.not_found");
        var grant = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(random, i)), "achievementId", "reference.not_found");
        Assert.Equal(0, await factory.WithDbAsync((db, _) => db.Set<IncomeDistribution>().CountAsync(d => d.AchievementId == random)));
        Assert.Equal(plan.GetProperty("fieldErrors")[0].GetProperty("zh").GetString(), grant.GetProperty("fieldErrors")[0].GetProperty("zh").GetString());
    }

    [Fact]
    public async Task Another_organisations_confidential_achievement_reads_exactly_like_a_random_id_in_a_plan_or_grant()
    {
        var owner = await NewInstitutionAsync();
        var secret = await RegisteredAchievementAsync(owner, confidential: true);
        var stranger = await NewInstitutionAsync();
        var office = factory.ClientAs(stranger.Office);
        var hidden = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(secret, 70m)), "achievementId", "reference.not_found");
        var random = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(Guid.NewGuid(), 70m)), "achievementId", "reference.not_found");
        Assert.Equal(random.GetProperty("fieldErrors").ToString(), hidden.GetProperty("fieldErrors").ToString());
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(secret, stranger)), "achievementId", "reference.not_found");
        // a public achievement of another organisation is visible, but only its own office plans for it
        var open = await RegisteredAchievementAsync(owner);
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync("/api/v1/income-distributions", Plan(open, 70m)), HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");
    }

    [Fact]
    public async Task Completers_and_named_viewers_must_be_users_of_the_organisation()
    {
        var i = await NewInstitutionAsync();
        var other = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var body = JsonSerializer.SerializeToElement(Disclosure(i)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["completers"] = new object[]
        {
            new { name = "张伟", userId = i.Researcher.UserId, contributionPercent = 50m },
            new { name = "外单位", userId = other.Researcher.UserId, contributionPercent = 30m },
            new { name = "不存在", userId = Guid.NewGuid(), contributionPercent = 20m },
        };
        body["namedViewerUserIds"] = new[] { other.Office.UserId, Guid.NewGuid() };
        var response = await researcher.PostAsJsonAsync("/api/v1/achievements", body);
        var problem = await ProblemAssert.HasFieldError(response, "completers[1].userId", "reference.not_found");
        var fields = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["completers[1].userId", "completers[2].userId", "namedViewerUserIds[0]", "namedViewerUserIds[1]"], fields);
        await ProblemAssert.HasFieldError(await factory.ClientAs(i.Office).PutAsJsonAsync($"/api/v1/achievements/{await RegisteredAchievementAsync(i)}/confidentiality",
            new { isConfidential = true, namedViewerUserIds = new[] { other.Researcher.UserId } }), "namedViewerUserIds[0]", "reference.not_found");
    }

    [Fact]
    public async Task A_plans_team_and_a_grants_beneficiaries_must_be_users_of_the_organisation()
    {
        var i = await NewInstitutionAsync();
        var other = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var plan = JsonSerializer.SerializeToElement(Plan(id, 70m)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        plan["team"] = new object[] { new { name = "外单位", userId = other.Researcher.UserId, contributionPercent = 100m } };
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/income-distributions", plan), "team[0].userId", "reference.not_found");
        var grant = JsonSerializer.SerializeToElement(OwnershipGrant(id, i)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        grant["completerShares"] = new object[]
        {
            new { completerName = "张伟", userId = Guid.NewGuid(), sharePercent = 42m },
            new { completerName = "李娜", userId = i.CoInventor.UserId, sharePercent = 28m },
        };
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/rights-grants", grant), "completerShares[0].userId", "reference.not_found");
    }

    // ------------------------------------------------------------------ validation before state (#11 A/E)

    [Fact]
    public async Task An_action_refused_by_the_state_still_has_its_body_validated_first()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/return", new { reason = "" }), "reason", "achievement.reason_required");
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/return", new { reason = "补充" }), HttpStatusCode.Conflict, "achievement.invalid_transition");
        var grantId = (await Ok(await office.PostAsJsonAsync("/api/v1/rights-grants", OwnershipGrant(id, i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/approve", new { reason = "通过" }));
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/rights-grants/{grantId}/reject", new { reason = " " }), "reason", "rights_grant.reason_required");
    }

    // ------------------------------------------------------------------ R4.2/R4.3 in full, jurisdiction from the registry

    [Fact]
    public async Task An_equity_plan_splits_the_teams_shares_and_the_floor_applies_to_shares_R4_2_R4_3()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        object Equity(long teamShares) => new
        {
            achievementId = id, mode = "EquityInvestment", incomeDate = "2025-12-15", grossIncome = 3_000_000m,
            investeeCompany = "上海示例新材料有限公司", sharesFormed = 3_000_000L, teamShares,
        };
        var below = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/income-distributions", Equity(2_099_999)),
            "teamShares", "income_distribution.team_shares_below_floor");
        Assert.Equal("R4.3", below.GetProperty("fieldErrors")[0].GetProperty("rule").GetString());
        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", Equity(2_100_000)), HttpStatusCode.Created);
        Assert.Equal("Shares", plan.GetProperty("basis").GetString());
        Assert.Equal([1_260_000L, 840_000L], plan.GetProperty("allocations").EnumerateArray().Select(a => a.GetProperty("shares").GetInt64()));
    }

    [Fact]
    public async Task An_implementation_plan_records_each_years_profit_within_the_covered_years_R4_2()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var office = factory.ClientAs(i.Office);
        var plan = await Ok(await office.PostAsJsonAsync("/api/v1/income-distributions", new
        {
            achievementId = id, mode = "SelfImplement", incomeDate = "2025-12-15", grossIncome = 0m, teamSharePercent = 5m,
            firstProfitableYear = 2024, profitYears = new[] { new { year = 2024, operatingProfit = 2_000_000m } },
        }), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        Assert.Equal(5, plan.GetProperty("profitYearsCovered").GetInt32());
        var version = plan.GetProperty("version").GetInt32();
        var second = await Ok(await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/profit-years", new { year = 2025, operatingProfit = 1_000_000m, version }));
        Assert.Equal(150_000m, second.GetProperty("teamAmount").GetDecimal());
        Assert.Equal([2024, 2025], second.GetProperty("profitYears").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/profit-years", new { year = 2029, operatingProfit = 1m }),
            "profitYears", "income_distribution.profit_year_out_of_range");
        // a team member sees the plan (own lines) but may not change it; another organisation's office does not see it at all
        await ProblemAssert.IsProblem(await factory.ClientAs(i.Researcher).PostAsJsonAsync($"/api/v1/income-distributions/{planId}/profit-years", new { year = 2026, operatingProfit = 1m }),
            HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");
        await ProblemAssert.IsProblem(await factory.ClientAs((await NewInstitutionAsync()).Office).PostAsJsonAsync($"/api/v1/income-distributions/{planId}/profit-years",
            new { year = 2026, operatingProfit = 1m }), HttpStatusCode.NotFound, "income_distribution.not_found");
    }

    [Fact]
    public async Task A_fixed_team_amount_is_checked_against_the_floor_of_the_registry_jurisdiction_R4_3()
    {
        var shanghai = await NewInstitutionAsync();
        var shanghaiAchievement = await RegisteredAchievementAsync(shanghai);
        object Fixed(Guid achievementId, decimal amount) => new
        {
            achievementId, mode = "License", incomeDate = "2025-12-15", grossIncome = 1_000_000m, teamAmount = amount,
            deductions = new[] { new { kind = "RelatedTaxes", description = "税", amount = 100_000m, evidenceRef = "发票" } },
        };
        await ProblemAssert.HasFieldError(await factory.ClientAs(shanghai.Office).PostAsJsonAsync("/api/v1/income-distributions", Fixed(shanghaiAchievement, 500_000m)),
            "teamAmount", "income_distribution.team_amount_below_floor");

        // the same amount is above the national floor (50 %): an institution outside Shanghai, national rules from the registry
        var beijing = await NewInstitutionAsync(division: "110108");
        var beijingAchievement = await RegisteredAchievementAsync(beijing);
        var plan = await Ok(await factory.ClientAs(beijing.Office).PostAsJsonAsync("/api/v1/income-distributions", Fixed(beijingAchievement, 500_000m)), HttpStatusCode.Created);
        Assert.Equal(("National", "FixedAmount"), (plan.GetProperty("jurisdiction").GetString(), plan.GetProperty("basis").GetString()));
        Assert.Equal(500_000m, plan.GetProperty("teamAmount").GetDecimal());
    }

    // ------------------------------------------------------------------ search and pages

    [Fact]
    public async Task Search_source_indexes_registered_achievements_and_keeps_confidential_ones_private()
    {
        var i = await NewInstitutionAsync();
        var open = await RegisteredAchievementAsync(i);
        var secret = await RegisteredAchievementAsync(i, confidential: true);
        var (publicDoc, privateDoc, queued) = await factory.WithDbAsync(async (db, sp) =>
        {
            var source = sp.GetServices<SharedKernel.Search.ISearchDocumentSource>().Single(s => s.Type == "achievement");
            var q = await db.SearchOutbox.AnyAsync(o => o.DocumentType == "achievement" && o.DocumentId == secret);
            return (await source.LoadAsync(open, CancellationToken.None), await source.LoadAsync(secret, CancellationToken.None), q);
        });
        Assert.True(publicDoc!.IsPublic);
        Assert.False(privateDoc!.IsPublic);
        Assert.Contains(i.Org, privateDoc.VisibleToOrganizations);
        Assert.DoesNotContain("850", privateDoc.Body);
        Assert.True(queued);
    }

    [Fact]
    public async Task Pages_render_in_Chinese_and_English()
    {
        var i = await NewInstitutionAsync();
        var id = await RegisteredAchievementAsync(i);
        var zh = WebUtility.HtmlDecode(await factory.ClientAs(i.Office).GetStringAsync($"/achievements/{id}"));
        Assert.Contains("基于深度学习的锂电池缺陷检测方法", zh);
        Assert.Contains("本单位登记", zh);
        var en = WebUtility.HtmlDecode(await factory.ClientAs(i.Office, "en").GetStringAsync($"/achievements/{id}"));
        Assert.Contains("Deep-learning defect detection for lithium batteries", en);
        Assert.Contains("Registered", en);
        foreach (var page in new[] { "/achievements", "/achievements/idle", "/rights-grants", "/income-distributions", $"/income-distributions/new?achievementId={id}",
                     $"/rights-grants/new?achievementId={id}", "/income-distributions/annual-report?year=2025" })
        {
            var r = await factory.ClientAs(i.Office).GetAsync(page);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{page}: {(int)r.StatusCode}");
        }
        var form = await factory.ClientAs(i.Researcher).GetAsync("/achievements/new");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}

public sealed class AchievementApiTests_Sqlite(SqliteFactory f) : AchievementApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AchievementApiTests_Postgres(PostgresFactory f) : AchievementApiTests(f), IClassFixture<PostgresFactory>;
