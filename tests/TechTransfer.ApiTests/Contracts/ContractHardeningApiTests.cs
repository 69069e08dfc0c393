using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Contracts.Domain;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>
/// Issue 11 B and E for contracts, through HTTP on both databases: every id a request names exists and is visible to the
/// caller; a stale version is a 409; a draft is private to its parties until it is submitted; a body is validated before
/// the contract's state is looked at.
/// </summary>
public abstract class ContractHardeningApiTests(TechTransferFactory factory)
{
    private static JsonObject Body(ContractParties s, Action<JsonObject>? change = null)
    {
        var o = JsonSerializer.SerializeToNode(DraftRequest(s))!.AsObject();
        change?.Invoke(o);
        return o;
    }

    private static async Task<JsonElement> Created(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private Task<int> CountAsync() => factory.WithDbAsync((db, _) => db.Set<TechnologyContract>().CountAsync());

    // ---------------- references ----------------

    [Fact]
    public async Task Another_organisations_confidential_achievement_is_refused_like_an_id_that_does_not_exist()
    {
        var s = await factory.NewPartiesAsync();
        var stranger = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var confidential = await factory.RegisteredAchievementAsync(stranger.Id, confidential: true);
        var seller = factory.ClientAs(s.SellerUser);
        var before = await CountAsync();

        var notYours = await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts",
            Body(s, o => o["achievementIds"] = new JsonArray(confidential.ToString()))), "achievementIds[0]", "reference.not_found");
        var noSuch = await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync("/api/v1/contracts",
            Body(s, o => o["achievementIds"] = new JsonArray(Guid.NewGuid().ToString()))), "achievementIds[0]", "reference.not_found");
        Assert.Equal(notYours.GetProperty("fieldErrors")[0].GetProperty("zh").GetString(), noSuch.GetProperty("fieldErrors")[0].GetProperty("zh").GetString());
        Assert.Equal(notYours.GetProperty("fieldErrors")[0].GetProperty("en").GetString(), noSuch.GetProperty("fieldErrors")[0].GetProperty("en").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_sellers_own_and_public_achievements_are_accepted_and_an_edit_cannot_add_a_hidden_one()
    {
        var s = await factory.NewPartiesAsync();
        var own = await factory.RegisteredAchievementAsync(s.Seller.Id, confidential: true);
        var stranger = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var published = await factory.RegisteredAchievementAsync(stranger.Id, confidential: false);
        var hidden = await factory.RegisteredAchievementAsync(stranger.Id, confidential: true);
        var seller = factory.ClientAs(s.SellerUser);
        var created = await Created(await seller.PostAsJsonAsync("/api/v1/contracts",
            Body(s, o => o["achievementIds"] = new JsonArray(own.ToString(), published.ToString()))));
        var id = created.GetProperty("id").GetGuid();

        var edit = Body(s, o =>
        {
            o["achievementIds"] = new JsonArray(own.ToString(), hidden.ToString());
            o["version"] = created.GetProperty("version").GetInt32();
        });
        await ProblemAssert.HasFieldError(await seller.PutAsJsonAsync($"/api/v1/contracts/{id}", edit), "achievementIds[1]", "reference.not_found");
        var read = await OkAsync(await seller.GetAsync($"/api/v1/contracts/{id}"));
        Assert.Equal([own, published], read.GetProperty("details").GetProperty("achievementIds").EnumerateArray().Select(e => e.GetGuid()).ToArray());
    }

    [Fact]
    public async Task A_party_organisation_that_is_not_in_the_registry_is_refused()
    {
        var s = await factory.NewPartiesAsync();
        var before = await CountAsync();
        var body = Body(s, o => o["parties"]![1]!["organizationId"] = Guid.NewGuid().ToString());
        await ProblemAssert.HasFieldError(await factory.ClientAs(s.SellerUser).PostAsJsonAsync("/api/v1/contracts", body),
            "parties[1].organizationId", "reference.not_found");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_change_registration_naming_an_unknown_party_organisation_is_refused_and_changes_nothing()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.RegisteredAsync(s);
        var registrar = factory.ClientAs(s.Registrar);
        var parties = JsonSerializer.SerializeToNode(DraftRequest(s))!["parties"]!.AsArray();
        parties[1]!["organizationId"] = Guid.NewGuid().ToString();
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/changes",
            new JsonObject { ["reason"] = "买方变更", ["parties"] = JsonNode.Parse(parties.ToJsonString()) }), "parties[1].organizationId", "reference.not_found");
        Assert.Equal("Registered", (await OkAsync(await registrar.GetAsync($"/api/v1/contracts/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_attachment_is_only_found_under_its_own_contract()
    {
        var s = await factory.NewPartiesAsync();
        var a = await factory.DraftAsync(s);
        var b = await factory.DraftAsync(s);
        var seller = factory.ClientAs(s.SellerUser);
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "合同.pdf");
        upload.Add(new StringContent("ContractText"), "kind");
        var uploaded = await OkAsync(await seller.PostAsync($"/api/v1/contracts/{a}/attachments/files", upload));
        var attachmentId = uploaded.GetProperty("attachments").EnumerateArray().Single(x => x.GetProperty("storageKey").ValueKind == JsonValueKind.String)
            .GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync($"/api/v1/contracts/{a}/attachments/{attachmentId}")).StatusCode);
        await ProblemAssert.IsProblem(await seller.GetAsync($"/api/v1/contracts/{b}/attachments/{attachmentId}"), HttpStatusCode.NotFound, "contract_attachment.not_found");
    }

    // ---------------- lost updates ----------------

    [Fact]
    public async Task An_edit_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var s = await factory.NewPartiesAsync();
        var seller = factory.ClientAs(s.SellerUser);
        var created = await Created(await seller.PostAsJsonAsync("/api/v1/contracts", Body(s)));
        var id = created.GetProperty("id").GetGuid();
        var read = created.GetProperty("version").GetInt32();

        var first = await OkAsync(await seller.PutAsJsonAsync($"/api/v1/contracts/{id}", Body(s, o => { o["totalAmount"] = 1_200_000m; o["version"] = read; })));
        Assert.Equal(read + 1, first.GetProperty("version").GetInt32());
        var stale = await ProblemAssert.IsProblem(await seller.PutAsJsonAsync($"/api/v1/contracts/{id}", Body(s, o => { o["totalAmount"] = 1_500_000m; o["version"] = read; })),
            HttpStatusCode.Conflict, "concurrency.conflict");
        Assert.False(string.IsNullOrWhiteSpace(stale.GetProperty("messages").GetProperty("en").GetString()));
        Assert.Equal(1_200_000m, (await OkAsync(await seller.GetAsync($"/api/v1/contracts/{id}"))).GetProperty("details").GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task An_edit_must_name_the_version_it_read()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        await ProblemAssert.HasFieldError(await factory.ClientAs(s.SellerUser).PutAsJsonAsync($"/api/v1/contracts/{id}", Body(s)), "version", "validation.required");
    }

    [Fact]
    public async Task Two_edits_of_the_same_version_at_once_apply_one_and_refuse_the_other()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var version = await factory.VersionAsync(s.SellerUser, id);
        var results = await Task.WhenAll(new[] { 2_000_000m, 3_000_000m }.Select(amount => Task.Run(() =>
            factory.ClientAs(s.SellerUser).PutAsJsonAsync($"/api/v1/contracts/{id}", Body(s, o => { o["totalAmount"] = amount; o["version"] = version; })))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order().ToArray());
        Assert.Equal(version + 1, await factory.VersionAsync(s.SellerUser, id));
    }

    [Fact]
    public async Task A_registrar_acting_on_a_stale_version_gets_a_conflict()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.SubmittedAsync(s);
        var registrar = factory.ClientAs(s.Registrar);
        var seen = await factory.VersionAsync(s.Registrar, id);
        await OkAsync(await registrar.PostAsync($"/api/v1/contracts/{id}/accept?version={seen}", null));
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { version = seen }), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/reject", new { reason = "PartiesUnclear", version = seen }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var registered = await OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { version = seen + 1 }));
        Assert.Equal("Registered", registered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_upload_on_a_stale_version_is_a_conflict_and_leaves_no_file()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var stale = await factory.VersionAsync(s.SellerUser, id) - 1;
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "合同.pdf");
        upload.Add(new StringContent("ContractText"), "kind");
        upload.Add(new StringContent(stale.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        await ProblemAssert.IsProblem(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/attachments/files", upload),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var folder = Path.Combine(factory.DataDirectory, "attachments", "contracts", id.ToString("N"));
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    // ---------------- a draft is private to its parties ----------------

    [Fact]
    public async Task A_registrar_does_not_see_a_draft_until_it_is_submitted()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        foreach (var registry in new[] { s.Registrar, TestUser.Of(Roles.PlatformAdmin, null) })
        {
            var client = factory.ClientAs(registry);
            await ProblemAssert.IsProblem(await client.GetAsync($"/api/v1/contracts/{id}"), HttpStatusCode.NotFound, "contract.not_found");
            await ProblemAssert.IsProblem(await client.GetAsync($"/api/v1/contracts/{id}/income-certifications"), HttpStatusCode.NotFound, "contract.not_found");
            var list = await OkAsync(await client.GetAsync("/api/v1/contracts?status=Draft&pageSize=200"));
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        }
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Registrar).PostAsync($"/api/v1/contracts/{id}/accept", null), HttpStatusCode.NotFound, "contract.not_found");
        // the parties see it
        Assert.Equal("Draft", (await OkAsync(await factory.ClientAs(s.BuyerUser).GetAsync($"/api/v1/contracts/{id}"))).GetProperty("status").GetString());

        await OkAsync(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/submit", null));
        Assert.Equal("Submitted", (await OkAsync(await factory.ClientAs(s.Registrar).GetAsync($"/api/v1/contracts/{id}"))).GetProperty("status").GetString());
        var queue = await OkAsync(await factory.ClientAs(s.Registrar).GetAsync("/api/v1/contracts?status=Submitted&pageSize=200"));
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_workbench_page_and_the_contract_page_do_not_show_a_draft_to_the_registrar()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var project = (await OkAsync(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{id}"))).GetProperty("details").GetProperty("projectName").GetString()!;
        var workbench = WebUtility.HtmlDecode(await factory.ClientAs(s.Registrar).GetStringAsync("/contracts/workbench?status=Draft"));
        Assert.DoesNotContain(project, workbench);
        var page = WebUtility.HtmlDecode(await factory.ClientAs(s.Registrar).GetStringAsync($"/contracts/{id}"));
        Assert.DoesNotContain(project, page);
    }

    // ---------------- the body is validated before the state ----------------

    [Fact]
    public async Task An_action_the_state_would_refuse_still_has_its_body_validated_first()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.SubmittedAsync(s); // not registered: cancelling and revoking would be refused by the state
        var registrar = factory.ClientAs(s.Registrar);
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/cancel", new { }), "reason", "contract.reason_text_required");
        var revoke = await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/revoke", new { reason = "Other" }),
            "text", "contract.revocation_text_required");
        Assert.Equal("§1 RevocationReason", FieldRule(revoke, "text"));
        var change = await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/changes", new { totalAmount = -1m }),
            "reason", "contract.reason_text_required");
        Assert.Contains(change.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "contract.total_amount_negative");
        // with a valid body the state decides
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/cancel", new { reason = "合同解除" }), HttpStatusCode.Conflict, "contract.wrong_status");
    }

    [Fact]
    public async Task A_seller_action_the_state_would_refuse_still_has_its_body_validated_first()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s); // not registered: corrections and objections would be refused by the state
        var seller = factory.ClientAs(s.SellerUser);
        await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/corrections", new { note = "x" }), "newTotalAmount", "validation.required");
        await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/objections", new { }), "text", "contract.reason_text_required");
        await ProblemAssert.HasFieldError(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/benefits", new { }), "kind", "validation.required");
        await ProblemAssert.IsProblem(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/corrections", new { newTotalAmount = 1m, note = "x" }),
            HttpStatusCode.Conflict, "contract.not_registered");
    }

    [Fact]
    public async Task An_income_certification_body_is_validated_before_the_contract_is_looked_at()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.SubmittedAsync(s); // not registered yet
        var json = await ProblemAssert.HasFieldError(await factory.ClientAs(s.Registrar).PostAsJsonAsync($"/api/v1/contracts/{id}/income-certifications",
            new { periodFrom = "2026-02-01", periodTo = "2026-01-01", amountReceived = -5m }), "periodTo", "income_certification.period_invalid");
        Assert.Contains(json.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "income_certification.amount_received_invalid");
        // a random id with a bad body is a 422 too: nothing about the contract is told before the body is right
        await ProblemAssert.HasFieldError(await factory.ClientAs(s.Registrar).PostAsJsonAsync($"/api/v1/contracts/{Guid.NewGuid()}/income-certifications", new { }),
            "periodFrom", "validation.required");
    }

    [Fact]
    public async Task Messages_never_carry_internal_rule_ids()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var buyer = await factory.ClientAs(s.BuyerUser).PostAsync($"/api/v1/contracts/{id}/submit", null);
        var json = await ProblemAssert.IsProblem(buyer, HttpStatusCode.Forbidden, "contract.only_seller_side_submits");
        Assert.Equal("R2.8", json.GetProperty("rule").GetString());
        var text = json.GetProperty("messages").GetRawText() + json.GetProperty("title").GetString();
        Assert.DoesNotMatch(@"R\d+\.\d+|§", text);
    }
}

public sealed class ContractHardeningApiTests_Sqlite(SqliteFactory f) : ContractHardeningApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractHardeningApiTests_Postgres(PostgresFactory f) : ContractHardeningApiTests(f), IClassFixture<PostgresFactory>;
