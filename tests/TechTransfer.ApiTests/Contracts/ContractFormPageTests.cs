using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>
/// Issue 12: the contract form asks for the licence terms, offers the sub-types of the chosen category, prefills the seller
/// from the user's organisation and picks the other party from the registry — rendered on SQLite and PostgreSQL.
/// </summary>
public abstract class ContractFormPageTests(TechTransferFactory factory)
{
    [Fact]
    public async Task The_new_contract_form_prefills_the_seller_and_offers_the_registry_and_the_licence_terms()
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var html = WebUtility.HtmlDecode(await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, seller.Id), language).GetStringAsync("/contracts/new"));
            // the seller is the user's organisation as the registry knows it
            var sellerInput = Regex.Match(html, "<input[^>]*id=\"sellerName\"[^>]*>").Value;
            Assert.Contains($"value=\"{seller.NameZh}\"", sellerInput);
            // the buyer is searched in the registry (a combobox over GET /api/v1/organizations that leaves out the user's own
            // organisation), not chosen from a rendered list of it; free entry only when not registered
            Assert.Contains($"data-org-picker=\"buyerOrg\" data-exclude=\"{seller.Id}\"", html);
            Assert.Contains("id=\"buyerOrgSearch\" role=\"combobox\"", html);
            Assert.Contains("name=\"Form.BuyerOrganizationId\"", html);
            Assert.DoesNotContain($"<option value=\"{buyer.Id}\"", html);
            Assert.Contains("data-show-when=\"buyerOrg=\"", html);
            // licence scope, territory and term, shown for a licensing contract
            Assert.Contains("data-show-when=\"category=Licensing\"", html);
            Assert.Contains("id=\"licenceScope\"", html);
            Assert.Contains("id=\"licenceTerritory\"", html);
            Assert.Contains(language == "en" ? "Non-exclusive licence" : "普通许可", html);
            // each sub-type names its category, so the list follows the category chosen
            Assert.Contains("data-filter-by=\"category\"", html);
            Assert.Contains("value=\"PatentLicense\" data-group=\"Licensing\"", html);
            Assert.Contains("value=\"Commissioned\" data-group=\"Development\"", html);
            Assert.Contains("js/forms", html); // the dependent-fields script, a file served by the platform (CSP)
        }
    }

    [Fact]
    public async Task A_party_entered_by_hand_with_a_registered_credit_code_is_linked_to_that_organisation_and_sees_the_contract()
    {
        // the form without script posts the free-entry fields only: a name and a credit code, no organisation id
        var s = await factory.NewPartiesAsync();
        var stranger = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var body = ContractTestSupport.DraftRequest(s);
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body))!;
        var buyer = json["parties"]![1]!;
        buyer.AsObject().Remove("organizationId");
        buyer["name"] = "手工录入的买方名称";
        buyer["creditCode"] = s.Buyer.CreditCode!.ToLowerInvariant(); // as typed: the registry's code in any case
        var created = await factory.ClientAs(s.SellerUser).PostAsJsonAsync("/api/v1/contracts", json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = contract.GetProperty("id").GetGuid();
        var party = contract.GetProperty("details").GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "Buyer");
        Assert.Equal(s.Buyer.Id, party.GetProperty("organizationId").GetGuid());
        Assert.Equal("手工录入的买方名称", party.GetProperty("name").GetString());
        // the buyer organisation now sees the contract; an organisation the contract does not name still does not
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(s.BuyerUser).GetAsync($"/api/v1/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs(TestUser.Of(Roles.Enterprise, stranger.Id)).GetAsync($"/api/v1/contracts/{id}")).StatusCode);
        // a code nobody registered stays a party without an organisation
        buyer["creditCode"] = TestData.NewCreditCode("320102");
        var unregistered = await factory.ClientAs(s.SellerUser).PostAsJsonAsync("/api/v1/contracts", json);
        Assert.True(unregistered.StatusCode == HttpStatusCode.Created, await unregistered.Content.ReadAsStringAsync());
        var other = (await unregistered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("parties").EnumerateArray()
            .Single(p => p.GetProperty("role").GetString() == "Buyer");
        Assert.True(!other.TryGetProperty("organizationId", out var none) || none.ValueKind == JsonValueKind.Null);
    }
}

public sealed class ContractFormPageTests_Sqlite(SqliteFactory f) : ContractFormPageTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractFormPageTests_Postgres(PostgresFactory f) : ContractFormPageTests(f), IClassFixture<PostgresFactory>;
