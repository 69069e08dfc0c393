using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data.Notifications;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Issue 11 D for contracts through HTTP on both databases: R2.4, R2.5, R2.6, R2.11 and R2.13 (with denials).</summary>
public abstract class ContractRulesApiTests(TechTransferFactory factory)
{
    private static JsonObject Body(ContractParties s, Action<JsonObject>? change = null, decimal total = 1_000_000m)
    {
        var o = JsonSerializer.SerializeToNode(DraftRequest(s, total))!.AsObject();
        change?.Invoke(o);
        return o;
    }

    private static async Task<JsonElement> Created(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> SubmitAndRegisterAsync(ContractParties s, JsonObject body)
    {
        var seller = factory.ClientAs(s.SellerUser);
        var id = (await Created(await seller.PostAsJsonAsync("/api/v1/contracts", body))).GetProperty("id").GetGuid();
        await OkAsync(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }));
        await OkAsync(await seller.PostAsync($"/api/v1/contracts/{id}/submit", null));
        var registrar = factory.ClientAs(s.Registrar);
        var accepted = await OkAsync(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        if (accepted.GetProperty("isLargeContract").GetBoolean()) await OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/expert-review", new { }));
        await OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
        return id;
    }

    // ---------------- R2.4 ----------------

    [Fact]
    public async Task A_large_draft_is_flagged_in_the_response_the_list_and_the_page_before_it_is_submitted()
    {
        var s = await factory.NewPartiesAsync();
        var seller = factory.ClientAs(s.SellerUser);
        var created = await Created(await seller.PostAsJsonAsync("/api/v1/contracts", Body(s, total: 6_000_000m)));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("isLargeContract").GetBoolean());
        var list = await OkAsync(await seller.GetAsync("/api/v1/contracts?status=Draft&pageSize=200"));
        Assert.True(list.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("isLargeContract").GetBoolean());
        Assert.Contains("重大合同", WebUtility.HtmlDecode(await seller.GetStringAsync($"/contracts/{id}")));
        Assert.Contains("Large contract", WebUtility.HtmlDecode(await factory.ClientAs(s.SellerUser, "en").GetStringAsync($"/contracts/{id}")));

        var small = await Created(await seller.PostAsJsonAsync("/api/v1/contracts", Body(s)));
        Assert.False(small.GetProperty("isLargeContract").GetBoolean());
        Assert.DoesNotContain("重大合同", WebUtility.HtmlDecode(await seller.GetStringAsync($"/contracts/{small.GetProperty("id").GetGuid()}")));
    }

    // ---------------- R2.5 ----------------

    [Fact]
    public async Task A_service_declared_part_of_the_sellers_development_contract_is_saved_but_refused_as_a_separate_registration()
    {
        var s = await factory.NewPartiesAsync();
        var main = await factory.DraftAsync(s);
        var seller = factory.ClientAs(s.SellerUser);
        var service = await Created(await seller.PostAsJsonAsync("/api/v1/contracts",
            Body(s, o => { o["category"] = "Service"; o["subType"] = "Training"; o["partOfContractId"] = main.ToString(); })));
        var id = service.GetProperty("id").GetGuid();
        Assert.Equal(main, service.GetProperty("details").GetProperty("partOfContractId").GetGuid());
        await OkAsync(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }));
        var refused = await ProblemAssert.IsProblem(await seller.PostAsync($"/api/v1/contracts/{id}/submit", null),
            HttpStatusCode.UnprocessableEntity, "contract.not_separately_registrable");
        Assert.Equal("R2.5", refused.GetProperty("rule").GetString());
        Assert.Contains("不能单独登记", refused.GetProperty("messages").GetProperty("zh-CN").GetString());
        Assert.Contains("not separately", refused.GetProperty("messages").GetProperty("en").GetString());
        Assert.Equal("Draft", (await OkAsync(await seller.GetAsync($"/api/v1/contracts/{id}"))).GetProperty("status").GetString());
        var page = WebUtility.HtmlDecode(await seller.GetStringAsync($"/contracts/{id}"));
        Assert.Contains("所属主合同", page);
        Assert.Contains($"/contracts/{main}", page);
    }

    [Fact]
    public async Task The_main_contract_must_be_a_visible_development_or_transfer_contract()
    {
        var s = await factory.NewPartiesAsync();
        var other = await factory.NewPartiesAsync();
        var strangers = await factory.DraftAsync(other);
        var seller = factory.ClientAs(s.SellerUser);
        var consulting = (await Created(await seller.PostAsJsonAsync("/api/v1/contracts",
            Body(s, o => { o["category"] = "Consulting"; o["subType"] = "None"; })))).GetProperty("id").GetGuid();

        JsonObject PartOf(Guid main) => Body(s, o => { o["category"] = "Service"; o["subType"] = "GeneralService"; o["partOfContractId"] = main.ToString(); });
        var notYours = await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts", PartOf(strangers)), "partOfContractId", "reference.not_found");
        var noSuch = await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts", PartOf(Guid.NewGuid())), "partOfContractId", "reference.not_found");
        Assert.Equal(notYours.GetProperty("detail").GetString(), noSuch.GetProperty("detail").GetString());
        var notMain = await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts", PartOf(consulting)),
            "partOfContractId", "contract.part_of_not_development_or_transfer");
        Assert.Equal("R2.5", FieldRule(notMain, "partOfContractId"));
        var development = await factory.DraftAsync(s);
        await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts", Body(s, o => o["partOfContractId"] = development.ToString())),
            "partOfContractId", "contract.part_of_only_for_services");
    }

    // ---------------- R2.6 ----------------

    [Fact]
    public async Task A_mixed_contract_is_registered_certified_and_counted_in_statistics_with_its_technical_part_as_the_total()
    {
        var s = await factory.NewPartiesAsync();
        var field = $"混合合同统计{Guid.NewGuid():N}"[..20];
        var id = await SubmitAndRegisterAsync(s, Body(s, o =>
        {
            o["isMixedContract"] = true;
            o["statedTechnicalPartAmount"] = 600_000m;
            o["technicalField"] = field;
        }));
        var registrar = factory.ClientAs(s.Registrar);
        var c = await OkAsync(await registrar.GetAsync($"/api/v1/contracts/{id}"));
        Assert.Equal(600_000m, c.GetProperty("registerableAmount").GetDecimal());
        Assert.Equal(600_000m, c.GetProperty("assessedTechTransactionAmount").GetDecimal());

        var analyst = factory.ClientAs(TestUser.Of(Roles.Analyst, s.Registry.Id));
        var stats = await OkAsync(await analyst.GetAsync("/api/v1/contracts/statistics?from=2026-01-01&to=2026-12-31&groupBy=field"));
        var row = stats.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == field);
        Assert.Equal(1, row.GetProperty("count").GetInt64());
        Assert.Equal(600_000m, row.GetProperty("totalAmount").GetDecimal());

        var pdf = await registrar.GetAsync($"/api/v1/contracts/{id}/certificate");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("合同成交额（技术部分）", text);
        Assert.Contains("600,000.00元", text);
        Assert.DoesNotContain("1,000,000.00", text);
    }

    // ---------------- R2.11 ----------------

    private async Task<Guid> RegisteredWithBenefitUsedAsync(ContractParties s)
    {
        var id = await factory.RegisteredAsync(s);
        await OkAsync(await factory.ClientAs(s.SellerUser).PostAsJsonAsync($"/api/v1/contracts/{id}/benefits", new { kind = "TaxReliefCertificate" }));
        return id;
    }

    private async Task<List<Notification>> TaxFinanceNotificationsAsync(Guid organizationId, Guid contractId)
    {
        var link = $"/contracts/{contractId}";
        var all = await factory.WithDbAsync((db, _) =>
            db.Set<Notification>().AsNoTracking().Where(n => n.RecipientOrganizationId == organizationId && n.Link == link).ToListAsync());
        return all.Where(n => n.TitleZh.Contains("税务/财务", StringComparison.Ordinal)).ToList();
    }

    [Theory]
    [InlineData("changes")]
    [InlineData("revoke")]
    public async Task A_registered_change_or_revocation_after_benefits_were_used_creates_the_tax_and_finance_task_and_notification(string action)
    {
        var s = await factory.NewPartiesAsync();
        var id = await RegisteredWithBenefitUsedAsync(s);
        object body = action == "changes" ? new { reason = "补充协议减少金额", totalAmount = 800_000m } : new { reason = "FalseContractOrFraud" };
        JsonElement result;
        factory.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(3); // the clock moves between every read, as a real one does
        try
        {
            result = await OkAsync(await factory.ClientAs(s.Registrar).PostAsJsonAsync($"/api/v1/contracts/{id}/{action}", body));
        }
        finally
        {
            factory.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        }
        var task = Assert.Single(result.GetProperty("notificationTasks").EnumerateArray());
        Assert.Equal(TechnologyContract.NotificationKindTaxFinance, task.GetProperty("kind").GetString());
        Assert.Single(await TaxFinanceNotificationsAsync(s.Seller.Id, id));
        Assert.Single(await TaxFinanceNotificationsAsync(s.Buyer.Id, id));
    }

    [Fact]
    public async Task A_change_without_benefits_used_creates_neither_task_nor_notification()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.RegisteredAsync(s);
        var result = await OkAsync(await factory.ClientAs(s.Registrar).PostAsJsonAsync($"/api/v1/contracts/{id}/changes", new { reason = "更正", totalAmount = 900_000m }));
        Assert.Empty(result.GetProperty("notificationTasks").EnumerateArray());
        Assert.Empty(await TaxFinanceNotificationsAsync(s.Seller.Id, id));
    }

    // ---------------- R2.13 ----------------

    private Task MoveRegistrationToAsync(Guid id, DateOnly day) => factory.WithDbAsync(db =>
        db.Database.ExecuteSqlInterpolatedAsync($"UPDATE contracts_contracts SET \"RegisteredDate\" = {day} WHERE \"Id\" = {id}"));

    [Fact]
    public async Task The_cit_calculator_adds_the_years_transfers_of_the_enterprise_and_leaves_out_the_rest()
    {
        var s = await factory.NewPartiesAsync();
        var seller = factory.ClientAs(s.SellerUser);
        JsonObject Transfer(decimal total, Action<JsonObject>? more = null) => Body(s, o =>
        {
            o["category"] = "Transfer";
            o["subType"] = "PatentAssignment";
            o["totalAmount"] = total;
            more?.Invoke(o);
        });
        var a = await SubmitAndRegisterAsync(s, Transfer(3_000_000m, o =>
        {
            o["nonTechnicalItems"] = new JsonArray(new JsonObject { ["kind"] = "Equipment", ["description"] = "配套设备", ["amount"] = 500_000m, ["quantity"] = 1, ["isReasonableQuantityCarrier"] = false });
            o["separableServicesAmount"] = 300_000m;
        }));
        var b = await SubmitAndRegisterAsync(s, Transfer(4_000_000m));
        var development = await SubmitAndRegisterAsync(s, Body(s, total: 2_000_000m));
        // the test clock starts in March 2026 and only moves forward: a registration of the previous tax year is dated back in the table
        var lastYear = await SubmitAndRegisterAsync(s, Transfer(1_000_000m));
        await MoveRegistrationToAsync(lastYear, new DateOnly(2025, 11, 30));

        var r = await OkAsync(await seller.GetAsync("/api/v1/contracts/cit-relief?year=2026&amortisation=100000&taxes=50000&expenses=50000"));
        Assert.Equal(s.Seller.Id, r.GetProperty("organizationId").GetGuid());
        Assert.Equal(2_200_000m + 4_000_000m, r.GetProperty("transferRevenue").GetDecimal()); // (3,000,000 − 500,000 − 300,000) + 4,000,000
        var lines = r.GetProperty("contracts").EnumerateArray().ToDictionary(l => l.GetProperty("contractId").GetGuid());
        Assert.Equal(new[] { a, b, development }.Order(), lines.Keys.Order());
        Assert.Equal("NotATransfer", lines[development].GetProperty("treatment").GetString());
        Assert.Equal(0m, lines[development].GetProperty("enterpriseShare").GetDecimal());
        var relief = r.GetProperty("relief");
        Assert.Equal(6_000_000m, relief.GetProperty("income").GetDecimal());
        Assert.Equal(5_000_000m, relief.GetProperty("exemptPortion").GetDecimal());
        Assert.Equal(1_000_000m, relief.GetProperty("halfRatePortion").GetDecimal());

        var previous = await OkAsync(await seller.GetAsync("/api/v1/contracts/cit-relief?year=2025"));
        Assert.Equal(1_000_000m, previous.GetProperty("transferRevenue").GetDecimal());
        var loss = await OkAsync(await seller.GetAsync("/api/v1/contracts/cit-relief?year=2025&amortisation=2000000"));
        Assert.Equal(0m, loss.GetProperty("relief").GetProperty("income").GetDecimal());

        var page = WebUtility.HtmlDecode(await seller.GetStringAsync("/contracts/tax-relief?year=2026"));
        Assert.Contains("技术转让所得税减免测算", page);
        Assert.Contains("免征部分", page);
        var en = WebUtility.HtmlDecode(await factory.ClientAs(s.SellerUser, "en").GetStringAsync("/contracts/tax-relief?year=2026"));
        Assert.Contains("Exempt portion", en);
    }

    [Fact]
    public async Task Only_the_enterprise_itself_and_the_registry_see_its_cit_calculation()
    {
        var s = await factory.NewPartiesAsync();
        await SubmitAndRegisterAsync(s, Body(s, o => { o["category"] = "Transfer"; o["subType"] = "PatentAssignment"; }));
        var other = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "310115");
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id)).GetAsync($"/api/v1/contracts/cit-relief?year=2026&organizationId={s.Seller.Id}"),
            HttpStatusCode.Forbidden, "auth.forbidden");
        var theirs = await OkAsync(await factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id)).GetAsync("/api/v1/contracts/cit-relief?year=2026"));
        Assert.Equal(0m, theirs.GetProperty("transferRevenue").GetDecimal());
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Analyst, s.Registry.Id)).GetAsync($"/api/v1/contracts/cit-relief?year=2026"),
            HttpStatusCode.Forbidden, "auth.forbidden");

        var registrar = factory.ClientAs(s.Registrar);
        var named = await OkAsync(await registrar.GetAsync($"/api/v1/contracts/cit-relief?year=2026&organizationId={s.Seller.Id}"));
        Assert.Equal(1_000_000m, named.GetProperty("transferRevenue").GetDecimal());
        await ProblemAssert.HasFieldError(await registrar.GetAsync($"/api/v1/contracts/cit-relief?year=2026&organizationId={Guid.NewGuid()}"),
            "organizationId", "reference.not_found");
        await ProblemAssert.HasFieldError(await registrar.GetAsync("/api/v1/contracts/cit-relief?year=2026"), "organizationId", "validation.required");
    }

    [Fact]
    public async Task The_cit_calculator_validates_its_year_and_deductions()
    {
        var s = await factory.NewPartiesAsync();
        var seller = factory.ClientAs(s.SellerUser);
        await ProblemAssert.HasFieldError(await seller.GetAsync("/api/v1/contracts/cit-relief"), "year", "validation.required");
        var json = await ProblemAssert.HasFieldError(await seller.GetAsync("/api/v1/contracts/cit-relief?year=1990&taxes=-1"), "year", "contract.tax_year_invalid");
        Assert.Contains(json.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("field").GetString() == "taxes");
        Assert.Equal("R2.13", FieldRule(json, "taxes"));
    }
}

public sealed class ContractRulesApiTests_Sqlite(SqliteFactory f) : ContractRulesApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractRulesApiTests_Postgres(PostgresFactory f) : ContractRulesApiTests(f), IClassFixture<PostgresFactory>;
