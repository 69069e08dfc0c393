using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>技术性收入核定 by the registrar, and the income distribution (收益分配) of the referenced achievement drawing on it.</summary>
public abstract class IncomeCertificationApiTests(TechTransferFactory factory)
{
    private string Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");

    private sealed record Setup(ContractParties Parties, Guid AchievementId, Guid ContractId, TestUser Office);

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The seller university registers an achievement, licenses it under a contract that names it, and the contract is registered.</summary>
    private async Task<Setup> RegisteredContractWithAchievementAsync()
    {
        var s = await factory.NewPartiesAsync();
        var office = TestUser.Of(Roles.InstitutionAdmin, s.Seller.Id);
        var researcher = TestUser.Of(Roles.Researcher, s.Seller.Id);
        var created = await Json(await factory.ClientAs(researcher).PostAsJsonAsync("/api/v1/achievements", new
        {
            title = "基于深度学习的锂电池缺陷检测方法", titleEn = "Deep-learning defect detection", @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。",
            keywords = new[] { "锂电池" }, technicalField = "计算机科学与技术", ipcCodes = new[] { "G06N 3/08" }, ipType = "PatentApplication", trl = 5,
            fundingSource = "Own", projectReferences = Array.Empty<string>(),
            completers = new object[] { new { name = "张伟", contributionPercent = 100m } }, // by name: header-only test users are no platform accounts (user references are checked)
            patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
        }), HttpStatusCode.Created);
        var achievement = created.GetProperty("id").GetGuid();
        await Json(await factory.ClientAs(researcher).PostAsync($"/api/v1/achievements/{achievement}/disclose", null), HttpStatusCode.OK);
        await Json(await factory.ClientAs(office).PostAsync($"/api/v1/achievements/{achievement}/start-review", null), HttpStatusCode.OK);
        await Json(await factory.ClientAs(office).PostAsJsonAsync($"/api/v1/achievements/{achievement}/register", new { reason = "符合登记条件" }), HttpStatusCode.OK);
        var contract = await factory.RegisteredAsync(s, achievementIds: [achievement]);
        return new Setup(s, achievement, contract, office);
    }

    private object Certification(decimal received = 300_000m, decimal equipment = 50_000m, string from = "2026-02-20") => new
    {
        periodFrom = from, periodTo = Today, amountReceived = received,
        nonTechnicalItems = new object[]
        {
            new { kind = "Equipment", description = "检测设备", amount = equipment, quantity = 1, isReasonableQuantityCarrier = false },
            new { kind = "Equipment", description = "样机", amount = 20_000m, quantity = 1, isReasonableQuantityCarrier = true },
        },
        note = "按银行回单核定",
    };

    private async Task<JsonElement> CertifyAsync(Setup s, decimal received = 300_000m) =>
        await Json(await factory.ClientAs(s.Parties.Registrar).PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", Certification(received)),
            HttpStatusCode.Created);

    [Fact]
    public async Task Registrar_certifies_the_technology_income_received_and_the_parties_read_it()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var c = await CertifyAsync(s);
        Assert.Equal(300_000m, c.GetProperty("amountReceived").GetDecimal());
        Assert.Equal(50_000m, c.GetProperty("deductedNonTechnical").GetDecimal());
        Assert.Equal(250_000m, c.GetProperty("certifiedTechnologyIncome").GetDecimal());
        Assert.Equal(s.AchievementId, c.GetProperty("achievementIds")[0].GetGuid());
        foreach (var reader in new[] { s.Parties.SellerUser, s.Parties.BuyerUser })
        {
            var list = await Json(await factory.ClientAs(reader).GetAsync($"/api/v1/contracts/{s.ContractId}/income-certifications"), HttpStatusCode.OK);
            Assert.Equal(250_000m, Assert.Single(list.EnumerateArray()).GetProperty("certifiedTechnologyIncome").GetDecimal());
        }
    }

    [Fact]
    public async Task Only_a_registrar_certifies_and_another_organisation_cannot_read_certifications()
    {
        var s = await RegisteredContractWithAchievementAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Parties.SellerUser).PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", Certification()),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await CertifyAsync(s);
        var other = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id)).GetAsync($"/api/v1/contracts/{s.ContractId}/income-certifications"),
            HttpStatusCode.NotFound, "contract.not_found");
    }

    [Fact]
    public async Task Certification_is_blocked_while_a_correction_is_pending_R2_3()
    {
        var s = await RegisteredContractWithAchievementAsync();
        await Json(await factory.ClientAs(s.Parties.SellerUser).PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/corrections",
            new { newTotalAmount = 1_200_000m, note = "补充协议增加金额" }), HttpStatusCode.OK);
        var response = await factory.ClientAs(s.Parties.Registrar).PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", Certification());
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "contract.correction_pending");
        Assert.Equal("R2.3", problem.GetProperty("rule").GetString());
        var list = await Json(await factory.ClientAs(s.Parties.Registrar).GetAsync($"/api/v1/contracts/{s.ContractId}/income-certifications"), HttpStatusCode.OK);
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task Invalid_certifications_are_field_errors_and_the_same_period_is_certified_once()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var registrar = factory.ClientAs(s.Parties.Registrar);
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", new { periodTo = Today, amountReceived = 1m }),
            "periodFrom", "validation.required");
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", Certification(received: 10_000m, equipment: 50_000m)),
            "nonTechnicalItems", "income_certification.deductions_exceed_received");
        await CertifyAsync(s);
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/income-certifications", Certification()),
            HttpStatusCode.Conflict, "income_certification.period_overlaps");
    }

    [Fact]
    public async Task Certified_income_prefills_the_achievement_distribution_at_the_floor_and_caps_what_can_be_planned()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var certificationId = (await CertifyAsync(s)).GetProperty("id").GetGuid();
        var office = factory.ClientAs(s.Office);

        var available = await Json(await office.GetAsync($"/api/v1/income-distributions/certified-income?achievementId={s.AchievementId}"), HttpStatusCode.OK);
        var item = Assert.Single(available.EnumerateArray());
        Assert.Equal(250_000m, item.GetProperty("remaining").GetDecimal());

        var prefill = await Json(await office.GetAsync($"/api/v1/income-distributions/prefill?achievementId={s.AchievementId}&certificationId={certificationId}"), HttpStatusCode.OK);
        Assert.Equal(250_000m, prefill.GetProperty("grossIncome").GetDecimal());
        Assert.Equal("Other", prefill.GetProperty("mode").GetString()); // a development contract: neither transfer nor licence
        Assert.Equal(70m, prefill.GetProperty("teamSharePercent").GetDecimal()); // Shanghai floor (R4.2)
        Assert.Equal(certificationId, prefill.GetProperty("certificationId").GetGuid());

        var plan = await Json(await office.PostAsJsonAsync("/api/v1/income-distributions", prefill), HttpStatusCode.Created);
        Assert.Equal(certificationId, plan.GetProperty("certificationId").GetGuid());
        Assert.Equal(175_000m, plan.GetProperty("teamAmount").GetDecimal());

        var again = await office.PostAsJsonAsync("/api/v1/income-distributions", prefill);
        await ProblemAssert.HasFieldError(again, "grossIncome", "income_distribution.certified_income_exceeded");
    }

    [Fact]
    public async Task A_pending_correction_blocks_planning_and_paying_rewards_on_certified_income_R2_3()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var certificationId = (await CertifyAsync(s)).GetProperty("id").GetGuid();
        var office = factory.ClientAs(s.Office);
        var prefill = await Json(await office.GetAsync($"/api/v1/income-distributions/prefill?achievementId={s.AchievementId}&certificationId={certificationId}"), HttpStatusCode.OK);
        var plan = await Json(await office.PostAsJsonAsync("/api/v1/income-distributions", prefill with { }), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        await Json(await office.PostAsync($"/api/v1/income-distributions/{planId}/approve", null), HttpStatusCode.OK);

        await Json(await factory.ClientAs(s.Parties.SellerUser).PostAsJsonAsync($"/api/v1/contracts/{s.ContractId}/corrections",
            new { newTotalAmount = 1_200_000m, note = "补充协议增加金额" }), HttpStatusCode.OK);

        var allocation = plan.GetProperty("allocations")[0].GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync($"/api/v1/income-distributions/{planId}/payouts",
            new { allocationId = allocation, amount = 1000m, paidOn = Today, reference = "工资单-1" }), HttpStatusCode.Conflict, "income_distribution.certification_blocked");
        await ProblemAssert.IsProblem(await office.GetAsync($"/api/v1/income-distributions/prefill?achievementId={s.AchievementId}&certificationId={certificationId}"),
            HttpStatusCode.Conflict, "income_distribution.certification_blocked");
    }

    [Fact]
    public async Task Pages_show_the_certification_to_the_registrar_and_prefill_the_office_plan_form()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var certificationId = (await CertifyAsync(s)).GetProperty("id").GetGuid();
        var detail = await factory.ClientAs(s.Parties.Registrar).GetAsync($"/contracts/{s.ContractId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var html = WebUtility.HtmlDecode(await detail.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"certify-form\"", html);
        Assert.Contains("25.00 万元", html);
        var form = await factory.ClientAs(s.Office).GetAsync($"/income-distributions/new?achievementId={s.AchievementId}&certificationId={certificationId}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formHtml = await form.Content.ReadAsStringAsync();
        Assert.Contains("value=\"250000", formHtml);
        var seller = await (await factory.ClientAs(s.Parties.SellerUser).GetAsync($"/contracts/{s.ContractId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"certify-form\"", seller);
    }

    [Fact]
    public async Task Another_institution_cannot_draw_on_the_certified_income()
    {
        var s = await RegisteredContractWithAchievementAsync();
        var certificationId = (await CertifyAsync(s)).GetProperty("id").GetGuid();
        var otherOffice = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, Guid.NewGuid()));
        await ProblemAssert.IsProblem(await otherOffice.GetAsync($"/api/v1/income-distributions/prefill?achievementId={s.AchievementId}&certificationId={certificationId}"),
            HttpStatusCode.NotFound, "achievement.not_found");
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Parties.BuyerUser).GetAsync($"/api/v1/income-distributions/certified-income?achievementId={s.AchievementId}"),
            HttpStatusCode.Forbidden, "income_distribution.role_not_allowed");
    }
}

public sealed class IncomeCertificationApiTests_Sqlite(SqliteFactory f) : IncomeCertificationApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class IncomeCertificationApiTests_Postgres(PostgresFactory f) : IncomeCertificationApiTests(f), IClassFixture<PostgresFactory>;
