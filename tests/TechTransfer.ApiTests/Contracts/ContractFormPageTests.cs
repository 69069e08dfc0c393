using System.Net;
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
}

public sealed class ContractFormPageTests_Sqlite(SqliteFactory f) : ContractFormPageTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractFormPageTests_Postgres(PostgresFactory f) : ContractFormPageTests(f), IClassFixture<PostgresFactory>;
