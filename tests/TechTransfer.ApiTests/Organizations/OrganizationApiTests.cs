using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.Organizations.Features;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Organizations;

/// <summary>The organisation registry through HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class OrganizationApiTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-test");

    private static object NewRequest(string? creditCode = null, string nameZh = "上海测试科技有限公司", string division = "310115") => new
    {
        nameZh,
        nameEn = "Shanghai Test Technology Co.",
        creditCode = creditCode ?? TestData.NewCreditCode(division),
        kind = "Enterprise",
        entityNatureCode = "150",
        countryCode = "CHN",
        divisionCode = division,
        contacts = new[] { new { name = "王经理", phone = "021-55550000", email = "wang@example.cn" } },
    };

    [Fact]
    public async Task Platform_admin_registers_an_organisation_and_reads_it_back()
    {
        var client = factory.ClientAs(Admin);
        var response = await client.PostAsJsonAsync("/api/v1/organizations", NewRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organizations/{id}", response.Headers.Location?.OriginalString);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        Assert.Equal("上海测试科技有限公司", read.GetProperty("nameZh").GetString());
        Assert.Equal("王经理", read.GetProperty("contacts")[0].GetProperty("name").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Wrong_credit_code_check_character_is_a_bilingual_field_error_and_nothing_is_saved()
    {
        var valid = TestData.NewCreditCode();
        var wrong = valid[..17] + UnifiedSocialCreditCode.Alphabet[(UnifiedSocialCreditCode.Alphabet.IndexOf(valid[17]) + 1) % 31];
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", NewRequest(wrong));
        await ProblemAssert.HasFieldError(response, "creditCode", "organization.credit_code_checksum");
        var saved = await factory.WithDbAsync((db, _) => db.Set<Organization>().AnyAsync(o => o.CreditCode == wrong));
        Assert.False(saved);
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", new { nameZh = "", countryCode = "CHN" });
        var json = await ProblemAssert.HasFieldError(response, "nameZh", "validation.not_empty");
        var fields = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Contains("kind", fields);
        Assert.Contains("entityNatureCode", fields);
        Assert.Contains("creditCode", fields);
        Assert.Contains("divisionCode", fields);
    }

    [Fact]
    public async Task Messages_follow_accept_language()
    {
        var en = await factory.ClientAs(Admin, "en").PostAsJsonAsync("/api/v1/organizations", NewRequest(division: "999999"));
        var json = await ProblemAssert.HasFieldError(en, "divisionCode", "organization.unknown_division");
        Assert.StartsWith("Division code", json.GetProperty("errors").GetProperty("divisionCode")[0].GetString());

        var zh = await factory.ClientAs(Admin, "zh-CN").PostAsJsonAsync("/api/v1/organizations", NewRequest(division: "999999"));
        var zhJson = await ProblemAssert.HasFieldError(zh, "divisionCode", "organization.unknown_division");
        Assert.StartsWith("行政区划代码", zhJson.GetProperty("errors").GetProperty("divisionCode")[0].GetString());
    }

    [Fact]
    public async Task A_credit_code_already_registered_is_a_conflict()
    {
        var existing = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", NewRequest(existing.CreditCode));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "organization.duplicate_credit_code");
    }

    [Fact]
    public async Task Only_platform_admins_register_organisations()
    {
        var own = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(TestUser.Of(Roles.Enterprise, own.Id)).PostAsJsonAsync("/api/v1/organizations", NewRequest());
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task An_enterprise_edits_its_own_organisation()
    {
        var own = await factory.CreateOrganizationAsync();
        var client = factory.ClientAs(TestUser.Of(Roles.Enterprise, own.Id));
        var response = await client.PutAsJsonAsync($"/api/v1/organizations/{own.Id}",
            new { nameZh = "改名后的企业", creditCode = own.CreditCode, kind = "Enterprise", entityNatureCode = "150", countryCode = "CHN", divisionCode = "310110", version = 1 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("改名后的企业", json.GetProperty("nameZh").GetString());
        Assert.Equal(2, json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_enterprise_cannot_edit_another_organisation_and_it_stays_unchanged()
    {
        var own = await factory.CreateOrganizationAsync();
        var other = await factory.CreateOrganizationAsync(nameZh: "他人的机构");
        var response = await factory.ClientAs(TestUser.Of(Roles.Enterprise, own.Id)).PutAsJsonAsync($"/api/v1/organizations/{other.Id}",
            new { nameZh = "篡改", creditCode = other.CreditCode, kind = "Enterprise", entityNatureCode = "150", countryCode = "CHN", divisionCode = "310104", version = 1 });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "auth.forbidden");
        var name = await factory.WithDbAsync((db, _) => db.Set<Organization>().Where(o => o.Id == other.Id).Select(o => o.NameZh).SingleAsync());
        Assert.Equal("他人的机构", name);
    }

    [Fact]
    public async Task A_researcher_cannot_edit_even_the_own_organisation()
    {
        var own = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var response = await factory.ClientAs(TestUser.Of(Roles.Researcher, own.Id)).PutAsJsonAsync($"/api/v1/organizations/{own.Id}",
            new { nameZh = "x", creditCode = own.CreditCode, kind = "University", entityNatureCode = "022", countryCode = "CHN", divisionCode = "310104", version = 1 });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Contacts_of_another_organisation_are_not_shown()
    {
        var own = await factory.CreateOrganizationAsync();
        var other = await factory.CreateOrganizationAsync();
        var json = await factory.ClientAs(TestUser.Of(Roles.Enterprise, own.Id)).GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{other.Id}");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("contacts").ValueKind);
        Assert.False(json.GetProperty("contactsVisible").GetBoolean());
        Assert.False(json.GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_version_is_a_conflict()
    {
        var own = await factory.CreateOrganizationAsync();
        var client = factory.ClientAs(Admin);
        object Body(string name) => new { nameZh = name, creditCode = own.CreditCode, kind = "Enterprise", entityNatureCode = "150", countryCode = "CHN", divisionCode = "310104", version = 1 };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/organizations/{own.Id}", Body("第一次"))).StatusCode);
        var second = await client.PutAsJsonAsync($"/api/v1/organizations/{own.Id}", Body("第二次"));
        await ProblemAssert.IsProblem(second, HttpStatusCode.Conflict, "concurrency.conflict");
        var name = await factory.WithDbAsync((db, _) => db.Set<Organization>().Where(o => o.Id == own.Id).Select(o => o.NameZh).SingleAsync());
        Assert.Equal("第一次", name);
    }

    [Fact]
    public async Task Registration_proposes_the_jurisdiction_from_the_division_and_a_platform_admin_sets_it_R0_2()
    {
        var client = factory.ClientAs(Admin);
        var shanghai = await client.PostAsJsonAsync("/api/v1/organizations", NewRequest());
        Assert.Equal("Shanghai", (await shanghai.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jurisdiction").GetString());
        var xinjiang = await (await client.PostAsJsonAsync("/api/v1/organizations", NewRequest(division: "650102"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("National", xinjiang.GetProperty("jurisdiction").GetString());
        Assert.Equal("650102", xinjiang.GetProperty("divisionCode").GetString());

        var id = xinjiang.GetProperty("id").GetGuid();
        var changed = await client.PutAsJsonAsync($"/api/v1/organizations/{id}", new
        {
            nameZh = "新疆测试机构", creditCode = xinjiang.GetProperty("creditCode").GetString(), kind = "Enterprise", entityNatureCode = "150",
            countryCode = "CHN", divisionCode = "650102", jurisdiction = "Shanghai", version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Shanghai", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jurisdiction").GetString());
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityId={id}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "Modified"
            && e.GetProperty("after").GetString()!.Contains("Jurisdiction"));
    }

    [Fact]
    public async Task An_organisation_cannot_set_its_own_jurisdiction_and_it_stays_unchanged_R0_2()
    {
        var own = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, own.Id)).PutAsJsonAsync($"/api/v1/organizations/{own.Id}",
            new { nameZh = "本校", creditCode = own.CreditCode, kind = "University", entityNatureCode = "022", countryCode = "CHN", divisionCode = "310104",
                jurisdiction = "National", version = 1 });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "organization.jurisdiction_admin_only");
        var jurisdiction = await factory.WithDbAsync((db, _) => db.Set<Organization>().Where(o => o.Id == own.Id).Select(o => o.Jurisdiction).SingleAsync());
        Assert.Equal(TechTransfer.SharedKernel.Organizations.Jurisdiction.Shanghai, jurisdiction);
    }

    [Theory]
    [InlineData("142", "CHN")]
    [InlineData("CN", "CHN")]
    [InlineData("chn", "CHN")]
    public async Task Country_codes_of_the_registration_form_and_ISO_letters_are_stored_as_ISO_alpha_3(string input, string stored)
    {
        var body = new Dictionary<string, object?>(JsonSerializer.SerializeToElement(NewRequest()).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value))
            { ["countryCode"] = input };
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(stored, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("countryCode").GetString());
    }

    [Fact]
    public async Task An_unknown_country_code_and_an_empty_contact_are_field_errors()
    {
        var body = new Dictionary<string, object?>(JsonSerializer.SerializeToElement(NewRequest()).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value))
            { ["countryCode"] = "999" };
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", body);
        await ProblemAssert.HasFieldError(response, "countryCode", "organization.country_code_format");
        // a null contact is refused by the request-shape check, before the use case
        body["countryCode"] = "CHN";
        body["contacts"] = new object?[] { null };
        response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", body);
        await ProblemAssert.HasFieldError(response, "contacts[0]", "validation.null_not_allowed");
    }

    [Fact]
    public async Task An_edit_is_validated_before_the_organisation_is_looked_up()
    {
        var response = await factory.ClientAs(Admin).PutAsJsonAsync($"/api/v1/organizations/{Guid.NewGuid()}", new { nameZh = "", countryCode = "CHN", version = 1 });
        await ProblemAssert.HasFieldError(response, "nameZh", "validation.not_empty");
    }

    [Fact]
    public async Task Unknown_organisation_is_not_found()
    {
        var response = await factory.ClientAs(Admin).GetAsync($"/api/v1/organizations/{Guid.NewGuid()}");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "organization.not_found");
    }

    [Fact]
    public async Task The_list_filters_by_division_prefix_and_kind_and_pages()
    {
        var tag = "筛选" + Guid.NewGuid().ToString("N")[..6];
        await factory.CreateOrganizationAsync(division: "320500", nameZh: tag + "苏州甲");
        await factory.CreateOrganizationAsync(division: "320100", nameZh: tag + "南京乙");
        await factory.CreateOrganizationAsync(division: "330100", nameZh: tag + "杭州丙");
        await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "320100", tag + "南京大学丁");
        var client = factory.ClientAs(Admin);

        var jiangsu = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?q={tag}&division=320000&kind=Enterprise&pageSize=1&sort=nameZh");
        Assert.Equal(2, jiangsu.GetProperty("total").GetInt32());
        Assert.Single(jiangsu.GetProperty("items").EnumerateArray());
        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?q={tag}&division=320000&kind=Enterprise&pageSize=1&page=2&sort=nameZh");
        Assert.NotEqual(jiangsu.GetProperty("items")[0].GetProperty("id").GetGuid(), page2.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Paging_and_sorting_input_is_validated()
    {
        var client = factory.ClientAs(Admin);
        await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/organizations?pageSize=1000"), "pageSize", "paging.page_size_out_of_range");
        await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/organizations?sort=password"), "sort", "paging.unknown_sort");
        await ProblemAssert.IsProblem(await client.GetAsync("/api/v1/organizations?kind=Spaceship"), HttpStatusCode.BadRequest, "request.malformed");
    }

    /// <summary>The contract form's party completer (forms.js) asks this list for a short page by part of a name or code.</summary>
    [Theory]
    [InlineData(Roles.InstitutionAdmin)]
    [InlineData(Roles.Researcher)]
    [InlineData(Roles.Enterprise)]
    [InlineData(Roles.Registrar)]
    public async Task The_party_completer_finds_organisations_by_chinese_or_english_name_part_or_credit_code(string role)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var code = TestData.NewCreditCode("310115");
        var created = await (await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", new
        {
            nameZh = $"上海补全{tag}科技有限公司", nameEn = $"Shanghai Completer {tag.ToUpperInvariant()} Co.", creditCode = code,
            kind = "Enterprise", entityNatureCode = "150", countryCode = "CHN", divisionCode = "310115",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var other = await factory.CreateOrganizationAsync(nameZh: "其他机构" + Guid.NewGuid().ToString("N")[..6]);
        var client = factory.ClientAs(TestUser.Of(role, other.Id, "picker-" + role));

        foreach (var q in new[] { $"补全{tag}", $"completer {tag}", tag.ToUpperInvariant(), code, code.ToLowerInvariant() })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?pageSize=11&q={Uri.EscapeDataString(q)}");
            var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal(id, hit.GetProperty("id").GetGuid());
            Assert.Equal(code, hit.GetProperty("creditCode").GetString());
            Assert.Equal("310115", hit.GetProperty("divisionCode").GetString());
            Assert.False(hit.TryGetProperty("contacts", out _)); // the summary never carries contacts
        }
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?pageSize=11&q={Uri.EscapeDataString("无此机构" + tag)}");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        await ProblemAssert.HasFieldError(await client.GetAsync($"/api/v1/organizations?pageSize={PageRequest.MaxPageSize + 1}&q={tag}"),
            "pageSize", "paging.page_size_out_of_range");
        await ProblemAssert.IsProblem(await factory.ClientAs(null).GetAsync($"/api/v1/organizations?q={tag}"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Malformed_or_wrongly_typed_bodies_are_400_problems_not_500()
    {
        var client = factory.ClientAs(Admin);
        var id = (await factory.CreateOrganizationAsync()).Id;
        foreach (var (method, url) in new[] { (HttpMethod.Post, "/api/v1/organizations"), (HttpMethod.Put, $"/api/v1/organizations/{id}"), (HttpMethod.Post, "/api/v1/auth/login") })
        {
            foreach (var body in new[] { "{not json", "[]", "{\"nameZh\": 42, \"kind\": \"NoSuchKind\"}", "" })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url} with '{body}' gave {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task An_oversized_body_is_rejected_with_413()
    {
        var huge = new string('a', 26 * 1024 * 1024);
        var response = await factory.ClientAs(Admin).PostAsync("/api/v1/organizations", new StringContent($"{{\"nameZh\":\"{huge}\"}}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401_problem()
    {
        var response = await factory.ClientAs(null).GetAsync("/api/v1/organizations");
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Registration_is_in_the_audit_log_with_who_and_what()
    {
        var response = await factory.ClientAs(Admin).PostAsJsonAsync("/api/v1/organizations", NewRequest(nameZh: "审计测试机构"));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var audit = await factory.ClientAs(Admin).GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityId={id}");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("Added", entry.GetProperty("action").GetString());
        Assert.Equal("admin-test", entry.GetProperty("userName").GetString());
        Assert.Contains("审计测试机构", entry.GetProperty("after").GetString());
    }

    [Fact]
    public async Task The_audit_log_is_closed_to_enterprises_and_scoped_for_institution_admins()
    {
        var own = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var other = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id)).GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden, "auth.forbidden");

        var tto = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, own.Id)).GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200");
        var subjects = tto.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("subjectOrganizationId").GetGuid()).Distinct().ToList();
        Assert.Equal([own.Id], subjects);
    }

    [Fact]
    public async Task Importing_a_file_with_a_bad_row_imports_nothing_unless_invalid_rows_are_skipped()
    {
        var good = TestData.NewCreditCode();
        var csv = "中文名称,统一社会信用代码,机构类型,单位性质,行政区划\n" +
                  $"导入甲公司,{good},企业,150,310104\n" +
                  "导入乙公司,91310000XXXXXXXXX1,企业,150,310104\n";
        async Task<ImportReport> Import(bool skip) => await factory.WithDbAsync(async (_, sp) =>
        {
            var result = await sp.GetRequiredService<OrganizationImporter>().ImportAsync("orgs.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), skip, null, default);
            return result.Value;
        });

        var strict = await Import(false);
        Assert.False(strict.Applied);
        Assert.Equal(3, Assert.Single(strict.Invalid).Row);
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<Organization>().AnyAsync(o => o.CreditCode == good)));

        var lenient = await Import(true);
        Assert.True(lenient.Applied);
        Assert.Equal(1, lenient.Imported);
        Assert.True(await factory.WithDbAsync((db, _) => db.Set<Organization>().AnyAsync(o => o.CreditCode == good)));
    }
    [Fact]
    public async Task An_excel_file_with_chinese_headers_imports_its_rows()
    {
        var code = TestData.NewCreditCode("320500");
        var rows = new[]
        {
            new Dictionary<string, object> { ["中文名称"] = "苏州导入测试有限公司", ["统一社会信用代码"] = code, ["机构类型"] = "企业", ["单位性质"] = "150", ["行政区划"] = "320500" },
        };
        using var file = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(file, rows);
        file.Position = 0;
        var report = await factory.WithDbAsync(async (_, sp) =>
            (await sp.GetRequiredService<OrganizationImporter>().ImportAsync("orgs.xlsx", file, false, null, default)).Value);
        Assert.True(report.Applied);
        Assert.Equal(1, report.Imported);
        var imported = await factory.WithDbAsync((db, _) => db.Set<Organization>().SingleAsync(o => o.CreditCode == code));
        Assert.Equal(OrganizationKind.Enterprise, imported.Kind);
        Assert.Equal("320500", imported.DivisionCode);
    }
}

public sealed class OrganizationApiTests_Sqlite(SqliteFactory f) : OrganizationApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class OrganizationApiTests_Postgres(PostgresFactory f) : OrganizationApiTests(f), IClassFixture<PostgresFactory>;
