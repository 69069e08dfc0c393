using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Contract registration through HTTP, once on SQLite and once on PostgreSQL. Each test makes its own organisations.</summary>
public abstract class ContractApiTests(TechTransferFactory factory)
{
    private sealed record Setup(Organization Seller, Organization Buyer, TestUser SellerUser, TestUser BuyerUser, TestUser Registrar);

    private async Task<Setup> NewSetupAsync()
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var registry = await factory.CreateOrganizationAsync(OrganizationKind.RegistrationOffice, "024", "310104");
        return new Setup(seller, buyer, TestUser.Of(Roles.InstitutionAdmin, seller.Id), TestUser.Of(Roles.Enterprise, buyer.Id),
            TestUser.Of(Roles.Registrar, registry.Id));
    }

    private static object Request(Setup s, decimal total = 1_000_000m, string form = "Written", string? project = null) => new
    {
        projectName = project ?? $"锂电池缺陷检测方法开发 {Guid.NewGuid():N}"[..24],
        category = "Development",
        subType = "Commissioned",
        form,
        signedDate = "2026-02-20",
        validFrom = "2026-02-20",
        validTo = "2027-02-19",
        totalAmount = total,
        technicalField = "电子信息",
        parties = new object[]
        {
            new { role = "Seller", name = s.Seller.NameZh, creditCode = s.Seller.CreditCode, entityNature = "022", countryCode = "CHN", divisionCode = "310110", organizationId = s.Seller.Id },
            new { role = "Buyer", name = s.Buyer.NameZh, creditCode = s.Buyer.CreditCode, entityNature = "150", countryCode = "CHN", divisionCode = "320102", organizationId = s.Buyer.Id },
        },
    };

    private async Task<Guid> CreateDraftAsync(Setup s, decimal total = 1_000_000m, string? project = null)
    {
        var seller = factory.ClientAs(s.SellerUser);
        var created = await seller.PostAsJsonAsync("/api/v1/contracts", Request(s, total, project: project));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var att = await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 });
        Assert.Equal(HttpStatusCode.OK, att.StatusCode);
        return id;
    }

    private async Task<Guid> SubmittedAsync(Setup s, decimal total = 1_000_000m, string? project = null)
    {
        var id = await CreateDraftAsync(s, total, project);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/submit", null)).StatusCode);
        return id;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Seller_submits_registrar_requests_supplements_seller_resubmits_and_registrar_registers_with_a_certificate()
    {
        var s = await NewSetupAsync();
        var id = await SubmittedAsync(s);
        var registrar = factory.ClientAs(s.Registrar);
        var seller = factory.ClientAs(s.SellerUser);

        var accepted = await Ok(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(15, accepted.GetProperty("slaDays").GetInt32());
        Assert.Equal("WorkingDays", accepted.GetProperty("slaDayKind").GetString());

        var supp = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/supplements", new { items = "请补充技术性收入核定表" }));
        Assert.Equal("SupplementRequested", supp.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, supp.GetProperty("dueDate").ValueKind);

        factory.Clock.Advance(TimeSpan.FromDays(7)); // a week later (the clock only moves forward; other tests do not depend on the day)
        var resubmitDay = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");
        await Ok(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments", new { kind = "TechnicalIncomeAssessmentForm", fileName = "核定表.pdf", sizeBytes = 10 }));
        var resubmitted = await Ok(await seller.PostAsync($"/api/v1/contracts/{id}/submit", null));
        Assert.Equal("Accepted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(resubmitDay, resubmitted.GetProperty("clockStartDate").GetString());

        var registered = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { assessedTechTransactionAmount = 950000 }));
        Assert.Equal("Registered", registered.GetProperty("status").GetString());
        Assert.Matches("^2026310000\\d{6}$", registered.GetProperty("registrationNo").GetString());
        Assert.Equal(950000m, registered.GetProperty("assessedTechTransactionAmount").GetDecimal());
        Assert.Equal(1000000m, registered.GetProperty("declaredTechTransactionAmount").GetDecimal());

        var pdf = await seller.GetAsync($"/api/v1/contracts/{id}/certificate");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5]);
    }

    [Fact]
    public async Task Buyer_may_not_submit_and_the_problem_names_rule_R2_8()
    {
        var s = await NewSetupAsync();
        var id = await CreateDraftAsync(s);
        var response = await factory.ClientAs(s.BuyerUser).PostAsync($"/api/v1/contracts/{id}/submit", null);
        var json = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "contract.only_seller_side_submits");
        Assert.Equal("R2.8", json.GetProperty("rule").GetString());
        var read = await Ok(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{id}"));
        Assert.Equal("Draft", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_a_registrar_may_accept()
    {
        var s = await NewSetupAsync();
        var id = await SubmittedAsync(s);
        await ProblemAssert.IsProblem(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/accept", null), HttpStatusCode.Forbidden, "auth.forbidden");
        var analyst = TestUser.Of(Roles.Analyst, s.Registrar.OrganizationId);
        await ProblemAssert.IsProblem(await factory.ClientAs(analyst).PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Another_organisation_cannot_see_the_contract()
    {
        var s = await NewSetupAsync();
        var id = await CreateDraftAsync(s);
        var other = await factory.CreateOrganizationAsync();
        var client = factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id));
        await ProblemAssert.IsProblem(await client.GetAsync($"/api/v1/contracts/{id}"), HttpStatusCode.NotFound, "contract.not_found");
        await ProblemAssert.IsProblem(await client.PostAsync($"/api/v1/contracts/{id}/submit", null), HttpStatusCode.NotFound, "contract.not_found");
        var list = await Ok(await client.GetAsync("/api/v1/contracts"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Buyer_party_sees_the_contract_but_cannot_edit_it()
    {
        var s = await NewSetupAsync();
        var id = await CreateDraftAsync(s);
        var buyer = factory.ClientAs(s.BuyerUser);
        var read = await Ok(await buyer.GetAsync($"/api/v1/contracts/{id}"));
        Assert.False(read.GetProperty("canEdit").GetBoolean());
        var edit = JsonSerializer.SerializeToNode(Request(s))!.AsObject();
        edit["version"] = read.GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await buyer.PutAsJsonAsync($"/api/v1/contracts/{id}", edit), HttpStatusCode.Forbidden, "contract.only_seller_side_submits");
    }

    [Fact]
    public async Task Oral_contract_is_refused_with_a_field_error_naming_R2_7()
    {
        var s = await NewSetupAsync();
        var response = await factory.ClientAs(s.SellerUser).PostAsJsonAsync("/api/v1/contracts", Request(s, form: "Oral"));
        var json = await ProblemAssert.HasFieldError(response, "form", "contract.oral_not_registrable");
        Assert.Equal("R2.7", ContractTestSupport.FieldRule(json, "form"));
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        var s = await NewSetupAsync();
        var response = await factory.ClientAs(s.SellerUser).PostAsJsonAsync("/api/v1/contracts", new { projectName = "" });
        var json = await ProblemAssert.HasFieldError(response, "projectName", "validation.required");
        var fields = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Contains("category", fields);
        Assert.Contains("parties", fields);
        Assert.Contains("totalAmount", fields);
    }

    [Fact]
    public async Task Registrar_role_cannot_create_contracts()
    {
        var s = await NewSetupAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Registrar).PostAsJsonAsync("/api/v1/contracts", Request(s)), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Rejection_for_other_without_text_is_refused_and_with_text_rejects()
    {
        var s = await NewSetupAsync();
        var id = await SubmittedAsync(s);
        var registrar = factory.ClientAs(s.Registrar);
        await Ok(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/reject", new { reason = "Other" }),
            "text", "contract.rejection_text_required");
        var rejected = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/reject", new { reason = "Other", text = "当事人主体资格已注销" }));
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Large_contract_needs_expert_review_before_registration()
    {
        var s = await NewSetupAsync();
        var id = await SubmittedAsync(s, 6_000_000m);
        var registrar = factory.ClientAs(s.Registrar);
        var accepted = await Ok(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        Assert.Equal(30, accepted.GetProperty("slaDays").GetInt32());
        var json = await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }), HttpStatusCode.Conflict, "contract.expert_review_required");
        Assert.Equal("R2.4", json.GetProperty("rule").GetString());
        await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/expert-review", new { note = "专家组" }));
        var registered = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
        Assert.Equal("Registered", registered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Second_submission_of_the_same_contract_is_flagged_as_a_possible_duplicate()
    {
        var s = await NewSetupAsync();
        var project = $"重复合同 {Guid.NewGuid():N}"[..20];
        await SubmittedAsync(s, project: project);
        var second = await SubmittedAsync(s, project: project);
        var read = await Ok(await factory.ClientAs(s.Registrar).GetAsync($"/api/v1/contracts/{second}"));
        Assert.True(read.GetProperty("possibleDuplicate").GetBoolean());
    }

    [Fact]
    public async Task Change_cancel_and_revoke_follow_registration_and_statistics_follow_them()
    {
        var s = await NewSetupAsync();
        var registrar = factory.ClientAs(s.Registrar);
        var project = $"统计 {Guid.NewGuid():N}"[..16];
        var a = await SubmittedAsync(s, 2_000_000m, project + "A");
        var b = await SubmittedAsync(s, 3_000_000m, project + "B");
        foreach (var id in new[] { a, b })
        {
            await Ok(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
            await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
        }
        var changed = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{a}/changes", new { reason = "补充协议", totalAmount = 2_500_000m, assessedTechTransactionAmount = 2_500_000m }));
        Assert.Equal("ChangeRegistered", changed.GetProperty("status").GetString());
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{b}/revoke", new { reason = "Other" }),
            "text", "contract.revocation_text_required");
        var revoked = await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{b}/revoke", new { reason = "FalseContractOrFraud" }));
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());

        var analyst = factory.ClientAs(TestUser.Of(Roles.Analyst, s.Registrar.OrganizationId));
        var stats = await Ok(await analyst.GetAsync("/api/v1/contracts/statistics?from=2026-03-01&to=2026-12-31&groupBy=regionFlow"));
        var flow = stats.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "31>32");
        Assert.True(flow.GetProperty("count").GetInt64() >= 1);
        Assert.Equal("上海→江苏", flow.GetProperty("labelZh").GetString());
        // the contracts table's plain GROUP BY and the pre-aggregated buckets agree (B was revoked and no longer counts)
        var perCategory = await Ok(await analyst.GetAsync("/api/v1/contracts/statistics?from=2026-01-01&to=2026-12-31&groupBy=category"));
        var expected = await factory.WithDbAsync((db, _) => Task.FromResult(db.Set<TechTransfer.Contracts.Domain.TechnologyContract>()
            .Where(c => c.RegistrationNo != null && c.Status != TechTransfer.Contracts.Domain.RegistrationStatus.Revoked && c.Status != TechTransfer.Contracts.Domain.RegistrationStatus.Cancelled)
            .AsEnumerable().Sum(c => c.TotalAmount)));
        Assert.Equal(expected, perCategory.GetProperty("totalAmount").GetDecimal());

        await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{a}/cancel", new { reason = "合同解除" }));
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{a}/cancel", new { reason = "再次" }), HttpStatusCode.Conflict, "contract.wrong_status");
    }

    [Fact]
    public async Task Pending_correction_blocks_benefits_until_registered()
    {
        var s = await NewSetupAsync();
        var id = await SubmittedAsync(s);
        var registrar = factory.ClientAs(s.Registrar);
        var seller = factory.ClientAs(s.SellerUser);
        await Ok(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
        await Ok(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/corrections", new { newTotalAmount = 800_000m, note = "履行中金额减少" }));
        var json = await ProblemAssert.IsProblem(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/benefits", new { kind = "RewardPayout" }),
            HttpStatusCode.Conflict, "contract.correction_pending");
        Assert.Equal("R2.3", json.GetProperty("rule").GetString());
        await Ok(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/changes", new { reason = "补正", totalAmount = 800_000m }));
        await Ok(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/benefits", new { kind = "RewardPayout" }));
    }

    [Fact]
    public async Task Statistics_are_for_registrars_and_analysts_and_export_to_excel()
    {
        var s = await NewSetupAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(s.SellerUser).GetAsync("/api/v1/contracts/statistics"), HttpStatusCode.Forbidden, "auth.forbidden");
        var registrar = factory.ClientAs(s.Registrar);
        await ProblemAssert.IsProblem(await registrar.GetAsync("/api/v1/contracts/statistics?groupBy=colour"), HttpStatusCode.UnprocessableEntity, "contract_statistics.group_by_invalid");
        await ProblemAssert.IsProblem(await registrar.GetAsync("/api/v1/contracts/statistics?from=2026-05-01&to=2026-01-01"), HttpStatusCode.UnprocessableEntity, "contract_statistics.range_invalid");
        var xlsx = await registrar.GetAsync("/api/v1/contracts/statistics?groupBy=month&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var ms = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(ms.Query(useHeaderRow: true).ToList());
    }

    [Fact]
    public async Task Import_with_a_bad_row_imports_nothing_unless_skip_invalid()
    {
        var s = await NewSetupAsync();
        var seller = factory.ClientAs(s.SellerUser);
        var template = await seller.GetByteArrayAsync("/api/v1/contracts/import/template");
        using var t = new MemoryStream(template);
        var example = t.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First();
        var good = new Dictionary<string, object?>(example) { ["项目名称"] = $"导入 {Guid.NewGuid():N}"[..16] };
        var bad = new Dictionary<string, object?>(example) { ["合同形式"] = "口头" };
        using var sheet = new MemoryStream();
        sheet.SaveAs(new[] { good, bad });

        HttpContent File() => new MultipartFormDataContent { { new ByteArrayContent(sheet.ToArray()), "file", "contracts.xlsx" } };
        var refused = await seller.PostAsync("/api/v1/contracts/import", File());
        var json = await ProblemAssert.IsProblem(refused, HttpStatusCode.UnprocessableEntity, "contract_import.rows_invalid");
        Assert.Contains(json.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("field").GetString() == "rows[3].form");

        var imported = await Ok(await seller.PostAsync("/api/v1/contracts/import?skipInvalid=true", File()));
        Assert.Equal(1, imported.GetProperty("imported").GetInt32());
        Assert.Equal(1, imported.GetProperty("invalid").GetInt32());
    }
}

public sealed class ContractApiTests_Sqlite(SqliteFactory f) : ContractApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractApiTests_Postgres(PostgresFactory f) : ContractApiTests(f), IClassFixture<PostgresFactory>;
