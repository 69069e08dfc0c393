using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechTransfer.ApiTests.Contracts;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The request-shape filter (src/TechTransfer.Platform/RequestShapeFilter.cs) refuses, for every request type at once,
/// a null collection where the DTO says it is not nullable and a null element in a list: 422 with one field error per
/// place, before the handler runs, so nothing is stored. The cases below crashed validators before (issue 11, A).
/// </summary>
public abstract class RequestShapeApiTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-shape");

    private static JsonObject Json(object body) => JsonSerializer.SerializeToNode(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();

    private static JsonObject With(object body, string property, JsonNode? value)
    {
        var json = Json(body);
        json[property] = value;
        return json;
    }

    private static JsonArray NullElement() => new((JsonNode?)null);

    private static StringContent Content(JsonObject json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    private Task<int> AuditCountAsync() => factory.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries));

    /// <summary>The field error is there, in both languages, and nothing was written.</summary>
    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, params string[] fields)
    {
        var audit = await AuditCountAsync();
        var response = await send();
        foreach (var field in fields)
            await ProblemAssert.HasFieldError(response, field, "validation.null_not_allowed");
        Assert.Equal(audit, await AuditCountAsync());
    }

    private static async Task<int> VersionAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();

    private static object Organization(string division = "310115") => new
    {
        nameZh = "上海形状测试科技有限公司", nameEn = "Shape Test Co.", creditCode = TestData.NewCreditCode(division), kind = "Enterprise",
        entityNatureCode = "150", countryCode = "CHN", divisionCode = division,
        contacts = new[] { new { name = "王经理", phone = "021-55550000", email = "wang@example.cn" } },
    };

    private static object Disclosure(Guid researcher) => new
    {
        title = "基于深度学习的锂电池缺陷检测方法", @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。",
        keywords = new[] { "锂电池" }, technicalField = "计算机科学与技术", ipcCodes = new[] { "G06N 3/08" }, ipType = "PatentApplication",
        trl = 5, fundingSource = "Fiscal", projectReferences = Array.Empty<string>(),
        completers = new object[] { new { name = "张伟", userId = researcher, contributionPercent = 100m } },
        patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
    };

    [Fact]
    public async Task An_organisation_with_contacts_null_is_a_422_field_error_on_create_and_edit()
    {
        var admin = factory.ClientAs(Admin);
        await AssertRefusedAsync(() => admin.PostAsync("/api/v1/organizations", Content(With(Organization(), "contacts", null))), "contacts");
        await AssertRefusedAsync(() => admin.PostAsync("/api/v1/organizations", Content(With(Organization(), "contacts", NullElement()))), "contacts[0]");

        var existing = await factory.CreateOrganizationAsync();
        var edit = With(Organization(), "contacts", null);
        edit["version"] = existing.Version;
        await AssertRefusedAsync(() => admin.PutAsync($"/api/v1/organizations/{existing.Id}", Content(edit)), "contacts");
    }

    [Fact]
    public async Task An_achievement_with_a_null_completer_is_a_422_field_error_on_create_and_edit()
    {
        var org = (await factory.CreateOrganizationAsync()).Id;
        var researcher = await factory.CreateAccountAsync(Roles.Researcher, org);
        var client = factory.ClientAs(researcher);
        await AssertRefusedAsync(() => client.PostAsync("/api/v1/achievements", Content(With(Disclosure(researcher.UserId), "completers", NullElement()))), "completers[0]");

        var created = await client.PostAsJsonAsync("/api/v1/achievements", Disclosure(researcher.UserId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edit = With(Disclosure(researcher.UserId), "completers", new JsonArray(Json(new { name = "张伟", contributionPercent = 100m }), null));
        edit["keywords"] = NullElement();
        await AssertRefusedAsync(() => client.PutAsync($"/api/v1/achievements/{id}", Content(edit)), "completers[1]", "keywords[0]");
    }

    [Fact]
    public async Task A_demand_with_a_null_keyword_is_a_422_field_error_on_create_and_edit()
    {
        var org = await factory.CreateOrganizationAsync();
        var client = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var now = factory.Clock.GetUtcNow();
        await AssertRefusedAsync(() => client.PostAsync("/api/v1/demands", Content(With(DemandsApi.DemandBody(now), "keywords", NullElement()))), "keywords[0]");

        var id = await client.CreateDemandAsync(now);
        var edit = With(DemandsApi.DemandBody(now), "keywords", new JsonArray("液冷", null));
        edit["version"] = await VersionAsync(client, $"/api/v1/demands/{id}");
        await AssertRefusedAsync(() => client.PutAsync($"/api/v1/demands/{id}", Content(edit)), "keywords[1]");
    }

    [Fact]
    public async Task A_challenge_with_a_null_rubric_criterion_is_a_422_field_error_on_create_and_edit()
    {
        var org = await factory.CreateOrganizationAsync();
        var client = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var now = factory.Clock.GetUtcNow().AddDays(10);
        await AssertRefusedAsync(() => client.PostAsync("/api/v1/challenges", Content(With(DemandsApi.ChallengeBody(now), "rubric", NullElement()))), "rubric[0]");

        var created = await client.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(now));
        var id = (await created.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var edit = With(DemandsApi.ChallengeBody(now), "rubric", NullElement());
        edit["version"] = await VersionAsync(client, $"/api/v1/challenges/{id}");
        await AssertRefusedAsync(() => client.PutAsync($"/api/v1/challenges/{id}", Content(edit)), "rubric[0]");
    }

    [Theory]
    [InlineData("parties")]
    [InlineData("ipRefs")]
    [InlineData("nonTechnicalItems")]
    public async Task A_contract_with_a_null_element_in_a_list_is_a_422_field_error_on_create_and_edit(string list)
    {
        var s = await factory.NewPartiesAsync();
        var seller = factory.ClientAs(s.SellerUser);
        await AssertRefusedAsync(() => seller.PostAsync("/api/v1/contracts", Content(With(ContractTestSupport.DraftRequest(s), list, NullElement()))), $"{list}[0]");

        var id = await factory.DraftAsync(s);
        await AssertRefusedAsync(() => seller.PutAsync($"/api/v1/contracts/{id}", Content(With(ContractTestSupport.DraftRequest(s), list, NullElement()))), $"{list}[0]");
    }

    [Fact]
    public async Task A_null_inside_a_nested_object_is_named_by_its_path()
    {
        var s = await factory.NewPartiesAsync();
        var body = Json(ContractTestSupport.DraftRequest(s));
        body["parties"]![1]!["name"] = null;
        var response = await factory.ClientAs(s.SellerUser).PostAsync("/api/v1/contracts", Content(body));
        await ProblemAssert.HasFieldError(response, "parties[1].name", "validation.null_not_allowed");
    }

    [Fact]
    public async Task Every_null_in_a_request_is_reported_at_once_in_the_requested_language()
    {
        var body = With(Organization(), "contacts", NullElement());
        body["nameZh"] = null;
        body["countryCode"] = null;
        var response = await factory.ClientAs(Admin, "en").PostAsync("/api/v1/organizations", Content(body));
        var json = await ProblemAssert.HasFieldError(response, "contacts[0]", "validation.null_not_allowed");
        var fields = json.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["nameZh", "countryCode", "contacts[0]"], fields);
        Assert.Contains("null is not allowed", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Text_with_a_nul_character_in_a_query_is_refused_before_it_reaches_the_database()
    {
        var response = await factory.ClientAs(Admin).GetAsync("/api/v1/organizations?q=%00abc");
        await ProblemAssert.HasFieldError(response, "q", "validation.invalid_text");
    }

    [Fact]
    public async Task A_value_of_the_wrong_json_type_is_a_400_problem_naming_its_place()
    {
        var s = await factory.NewPartiesAsync();
        var body = Json(ContractTestSupport.DraftRequest(s));
        body["parties"]![1]!["organizationId"] = "not-a-guid";
        var response = await factory.ClientAs(s.SellerUser).PostAsync("/api/v1/contracts", Content(body));
        var json = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "request.malformed");
        var field = Assert.Single(json.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal("parties[1].organizationId", field.GetProperty("field").GetString());
        Assert.Equal("request.malformed_value", field.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_enum_sent_as_an_undefined_number_is_a_422_field_error()
    {
        var response = await factory.ClientAs(Admin).PostAsync("/api/v1/organizations", Content(With(Organization(), "kind", 99)));
        await ProblemAssert.HasFieldError(response, "kind", "validation.unknown_value");
    }
}

public sealed class RequestShapeApiTests_Sqlite(SqliteFactory f) : RequestShapeApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class RequestShapeApiTests_Postgres(PostgresFactory f) : RequestShapeApiTests(f), IClassFixture<PostgresFactory>;
