using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Contracts prefilled from an open-licence grant (Patents) and a challenge award (Demands), with the denials.</summary>
public abstract class ContractPrefillApiTests(TechTransferFactory factory)
{
    private string Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    private sealed record Grant(Guid GrantId, Organization Patentee, Organization Licensee, TestUser PatenteeUser, TestUser LicenseeUser, string ApplicationNo, Guid DeclarationId);

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A university announces an open licence (lump sum 50,000 yuan) on its patent; an enterprise takes it and, if asked, pays.</summary>
    private async Task<Grant> GrantAsync(bool paid = true)
    {
        var patentee = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var licensee = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var office = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, patentee.Id));
        var enterprise = factory.ClientAs(TestUser.Of(Roles.Enterprise, licensee.Id));
        var appNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1";
        var patent = await Json(await office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = appNo, publicationNo = "CN111222333B", type = "Invention", title = "一种锂电池缺陷检测方法", patenteeNames = patentee.NameZh,
            filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06", legalStatus = "InForce", annualFeePaidUntil = "2031-05-09",
        }), HttpStatusCode.Created);
        var declaration = await Json(await office.PostAsJsonAsync("/api/v1/open-licenses", new
        {
            patentId = patent.GetProperty("id").GetGuid(), paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-01-01",
            licenseTermEnd = "2030-12-31", otherTerms = "许可方提供技术资料",
        }), HttpStatusCode.Created);
        var id = declaration.GetProperty("id").GetGuid();
        await Json(await office.PostAsync($"/api/v1/open-licenses/{id}/submit", null), HttpStatusCode.OK);
        await Json(await office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "CN-OL-1", announcementDate = Today }), HttpStatusCode.OK);
        var grant = await Json(await enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants",
            new { licenseeName = licensee.NameZh, writtenNoticeRef = "通知-001", noticeDate = Today }), HttpStatusCode.Created);
        var grantId = grant.GetProperty("id").GetGuid();
        if (paid)
            await Json(await enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{id}/grants/{grantId}/payment",
                new { amountYuan = 50_000m, paymentRef = "回单-88", paidOn = Today }), HttpStatusCode.OK);
        return new Grant(grantId, patentee, licensee, TestUser.Of(Roles.InstitutionAdmin, patentee.Id), TestUser.Of(Roles.Enterprise, licensee.Id), appNo, id);
    }

    private static object Prefill(string type, Guid id) => new { sourceType = type, sourceId = id };

    [Fact]
    public async Task Patentee_prefills_a_licensing_draft_from_an_effective_open_licence_grant()
    {
        var g = await GrantAsync();
        var c = await Json(await factory.ClientAs(g.PatenteeUser).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId)), HttpStatusCode.Created);

        Assert.Equal("Draft", c.GetProperty("status").GetString());
        var d = c.GetProperty("details");
        Assert.Equal("Licensing", d.GetProperty("category").GetString());
        Assert.Equal("PatentLicense", d.GetProperty("subType").GetString());
        Assert.Equal("OpenLicenceGrant", d.GetProperty("origin").GetString());
        Assert.Equal($"openLicenseGrant:{g.GrantId:N}", d.GetProperty("originRef").GetString());
        Assert.Equal(50_000m, d.GetProperty("totalAmount").GetDecimal());
        Assert.Equal("LumpSumOnce", d.GetProperty("payment").GetProperty("mode").GetString());
        var parties = d.GetProperty("parties").EnumerateArray().ToList();
        var seller = parties.Single(p => p.GetProperty("role").GetString() == "Seller");
        var buyer = parties.Single(p => p.GetProperty("role").GetString() == "Buyer");
        Assert.Equal(g.Patentee.Id, seller.GetProperty("organizationId").GetGuid());
        Assert.Equal(g.Patentee.CreditCode, seller.GetProperty("creditCode").GetString());
        Assert.Equal(g.Licensee.Id, buyer.GetProperty("organizationId").GetGuid());
        Assert.Equal("NonExclusive", d.GetProperty("licence").GetProperty("scope").GetString());
        Assert.Equal("2030-12-31", d.GetProperty("licence").GetProperty("termTo").GetString());
        Assert.Equal(g.ApplicationNo.Replace("CN", "").Replace(".", ""), d.GetProperty("ipRefs")[0].GetProperty("applicationNo").GetString());
        Assert.True(c.GetProperty("canSubmit").GetBoolean());
    }

    [Fact]
    public async Task The_patentee_finds_the_prefill_button_on_the_open_licence_page_and_the_prefill_page_creates_nothing_until_confirmed()
    {
        var g = await GrantAsync();
        var office = factory.ClientAs(g.PatenteeUser);
        var page = WebUtility.HtmlDecode(await (await office.GetAsync($"/open-licenses/{g.DeclarationId}")).Content.ReadAsStringAsync());
        Assert.Contains($"/contracts/new-from?sourceType=openLicenseGrant&sourceId={g.GrantId}", page);
        var licenseePage = WebUtility.HtmlDecode(await (await factory.ClientAs(g.LicenseeUser).GetAsync($"/open-licenses/{g.DeclarationId}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("/contracts/new-from", licenseePage);
        var prefill = await office.GetAsync($"/contracts/new-from?sourceType=openLicenseGrant&sourceId={g.GrantId}");
        Assert.Equal(HttpStatusCode.OK, prefill.StatusCode);
        Assert.Contains("生成草稿", WebUtility.HtmlDecode(await prefill.Content.ReadAsStringAsync()));
        var list = await Json(await office.GetAsync("/api/v1/contracts"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32()); // opening the page created no draft
    }

    [Fact]
    public async Task Licensee_is_a_party_but_the_licensor_drafts_so_the_licensee_is_refused_with_R2_8()
    {
        var g = await GrantAsync();
        var response = await factory.ClientAs(g.LicenseeUser).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId));
        var json = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "contract.prefill_only_seller_side");
        Assert.Equal("R2.8", json.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_party_of_the_grant_does_not_learn_it_exists()
    {
        var g = await GrantAsync();
        var other = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, other.Id)).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId));
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "contract.prefill_source_not_found");
    }

    [Fact]
    public async Task The_same_grant_prefills_one_contract_only()
    {
        var g = await GrantAsync();
        var office = factory.ClientAs(g.PatenteeUser);
        await Json(await office.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId)), HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await office.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId)),
            HttpStatusCode.Conflict, "contract.prefill_exists");
    }

    [Fact]
    public async Task A_grant_that_is_not_effective_yet_cannot_become_a_contract()
    {
        var g = await GrantAsync(paid: false);
        await ProblemAssert.IsProblem(await factory.ClientAs(g.PatenteeUser).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId)),
            HttpStatusCode.Conflict, "open_license_grant.not_effective");
    }

    [Fact]
    public async Task Unknown_source_type_and_missing_id_are_field_errors()
    {
        var g = await GrantAsync(paid: false);
        var office = factory.ClientAs(g.PatenteeUser);
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("auction", g.GrantId)),
            "sourceType", "contract.prefill_source_unknown");
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/contracts/prefill", new { sourceType = "openLicenseGrant" }),
            "sourceId", "contract.prefill_source_id_required");
        // both at once
        var both = await ProblemAssert.HasFieldError(await office.PostAsJsonAsync("/api/v1/contracts/prefill", new { sourceType = "auction" }),
            "sourceType", "contract.prefill_source_unknown");
        Assert.Equal(2, both.GetProperty("fieldErrors").GetArrayLength());
    }

    [Fact]
    public async Task A_registrar_cannot_prefill_contracts()
    {
        var g = await GrantAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Registrar, g.Patentee.Id)).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("openLicenseGrant", g.GrantId)),
            HttpStatusCode.Forbidden, "auth.forbidden");
    }

    private sealed record Award(Guid ChallengeId, Guid AwardId, Organization PosterOrg, Organization WinnerOrg, HttpClient Poster, HttpClient Winner);

    /// <summary>An enterprise posts a challenge (reward 3,000,000 yuan); a university applies, is scored and wins.</summary>
    private async Task<Award> AwardAsync()
    {
        var now = factory.Clock.GetUtcNow();
        var posterOrg = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320500");
        var poster = factory.ClientAs(TestUser.Of(Roles.Enterprise, posterOrg.Id));
        var created = await Json(await poster.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(now)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var judgeOrg = await factory.CreateOrganizationAsync(OrganizationKind.University, "022");
        var judge = await factory.CreateAccountAsync(Roles.Researcher, judgeOrg.Id);
        await Json(await poster.PostAsJsonAsync($"/api/v1/challenges/{id}/judges", new { userName = judge.Name }), HttpStatusCode.OK);
        await Json(await poster.PostAsync($"/api/v1/challenges/{id}/publish", null), HttpStatusCode.OK);
        var winnerOrg = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var winner = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, winnerOrg.Id));
        var application = await Json(await winner.PostAsJsonAsync($"/api/v1/challenges/{id}/applications", DemandsApi.Proposal()), HttpStatusCode.Created);
        factory.Clock.SetUtcNow(created.GetProperty("applicationClosesAt").GetDateTimeOffset());
        await Json(await factory.ClientAs(judge).PutAsJsonAsync($"/api/v1/challenges/{id}/applications/{application.GetProperty("id").GetGuid()}/scores",
            new { scores = new Dictionary<string, decimal> { ["c1"] = 9, ["c2"] = 8, ["c3"] = 8 } }), HttpStatusCode.OK);
        factory.Clock.SetUtcNow(created.GetProperty("judgingEndsAt").GetDateTimeOffset());
        var awards = await Json(await poster.PostAsync($"/api/v1/challenges/{id}/awards", null), HttpStatusCode.OK);
        var awardId = Assert.Single(awards.EnumerateArray()).GetProperty("id").GetGuid();
        return new Award(id, awardId, posterOrg, winnerOrg, poster, winner);
    }

    private async Task<JsonElement> AwardOfAsync(Award a)
    {
        var awards = await Json(await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{a.ChallengeId}/awards"), HttpStatusCode.OK);
        return awards.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == a.AwardId);
    }

    [Fact]
    public async Task Prefilling_from_a_challenge_award_links_the_new_contract_onto_the_award()
    {
        var a = await AwardAsync();
        Assert.Equal(JsonValueKind.Null, (await AwardOfAsync(a)).GetProperty("contractId").ValueKind);
        var c = await Json(await a.Winner.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", a.AwardId)), HttpStatusCode.Created);
        var contractId = c.GetProperty("id").GetGuid();

        var award = await AwardOfAsync(a);
        Assert.Equal(contractId, award.GetProperty("contractId").GetGuid());
        Assert.Equal(contractId.ToString(), award.GetProperty("contractReference").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), award.GetProperty("contractLinkedAt").GetDateTimeOffset());
        var winnerPage = await (await a.Winner.GetAsync($"/challenges/{a.ChallengeId}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/contracts/{contractId}\"", winnerPage);
        Assert.DoesNotContain($"sourceId={a.AwardId}", WebUtility.HtmlDecode(winnerPage));
    }

    [Fact]
    public async Task An_award_already_linked_by_hand_refuses_the_prefill_and_no_draft_is_left()
    {
        var a = await AwardAsync();
        await Json(await a.Poster.PostAsJsonAsync($"/api/v1/challenges/{a.ChallengeId}/awards/{a.AwardId}/contract",
            new { contractReference = "3205052026000217" }), HttpStatusCode.OK);

        await ProblemAssert.IsProblem(await a.Winner.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", a.AwardId)),
            HttpStatusCode.Conflict, "challenge.contract_already_linked");
        var mine = await Json(await a.Winner.GetAsync("/api/v1/contracts"), HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
        Assert.Equal("3205052026000217", (await AwardOfAsync(a)).GetProperty("contractReference").GetString());
    }

    [Fact]
    public async Task After_the_prefilled_draft_is_rejected_a_new_prefill_replaces_the_link()
    {
        var a = await AwardAsync();
        var first = (await Json(await a.Winner.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", a.AwardId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await a.Winner.PostAsJsonAsync($"/api/v1/contracts/{first}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }), HttpStatusCode.OK);
        await Json(await a.Winner.PostAsync($"/api/v1/contracts/{first}/submit", null), HttpStatusCode.OK);
        var registrar = factory.ClientAs(TestUser.Of(Roles.Registrar, a.PosterOrg.Id));
        await Json(await registrar.PostAsJsonAsync($"/api/v1/contracts/{first}/reject", new { reason = "NotTechnologyContract" }), HttpStatusCode.OK);

        var second = (await Json(await a.Winner.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", a.AwardId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.NotEqual(first, second);
        Assert.Equal(second, (await AwardOfAsync(a)).GetProperty("contractId").GetGuid());
    }

    [Fact]
    public async Task Challenge_winner_prefills_a_development_draft_and_the_poster_is_refused()
    {
        var (id, awardId, posterOrg, winnerOrg, poster, winner) = await AwardAsync();

        var winnerPage = WebUtility.HtmlDecode(await (await winner.GetAsync($"/challenges/{id}")).Content.ReadAsStringAsync());
        Assert.Contains($"/contracts/new-from?sourceType=challengeAward&sourceId={awardId}", winnerPage);
        await ProblemAssert.IsProblem(await poster.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", awardId)),
            HttpStatusCode.Forbidden, "contract.prefill_only_seller_side");
        var c = await Json(await winner.PostAsJsonAsync("/api/v1/contracts/prefill", Prefill("challengeAward", awardId)), HttpStatusCode.Created);
        var d = c.GetProperty("details");
        Assert.Equal("Development", d.GetProperty("category").GetString());
        Assert.Equal("Commissioned", d.GetProperty("subType").GetString());
        Assert.Equal("ChallengeAward", d.GetProperty("origin").GetString());
        Assert.Equal(3_000_000m, d.GetProperty("totalAmount").GetDecimal());
        var parties = d.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(winnerOrg.Id, parties.Single(p => p.GetProperty("role").GetString() == "Seller").GetProperty("organizationId").GetGuid());
        Assert.Equal(posterOrg.Id, parties.Single(p => p.GetProperty("role").GetString() == "Buyer").GetProperty("organizationId").GetGuid());
    }
}

public sealed class ContractPrefillApiTests_Sqlite(SqliteFactory f) : ContractPrefillApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractPrefillApiTests_Postgres(PostgresFactory f) : ContractPrefillApiTests(f), IClassFixture<PostgresFactory>;
