using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// An action validates its body even when the record is in a state that will refuse the action (issue 11, A): an
/// invalid body is the 422 field error, never the 409 state error, so a client learns what to fix whatever the state.
/// Each case sends an invalid body to a record of <see cref="RobustnessWorld"/> whose state refuses the action, and
/// checks the field error and that nothing was written.
/// </summary>
public abstract class ActionBodyBeforeStateTests(TechTransferFactory factory)
{
    private static readonly ConditionalWeakTable<TechTransferFactory, Task<RobustnessWorld>> Worlds = new();

    private Task<RobustnessWorld> WorldAsync() => Worlds.GetValue(factory, RobustnessWorld.CreateAsync);

    private sealed record Case(Func<RobustnessWorld, TestUser> Caller, string Method, Func<RobustnessWorld, string> Url, Func<RobustnessWorld, object> Body, string Field);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // achievements: registered, disclosed or under review where the action needs another status
        ["return a registered achievement without a reason"] = new(w => w.Office, "POST", w => $"/api/v1/achievements/{w.AchievementRegistered}/return", _ => new { reason = "" }, "reason"),
        ["decline a registered achievement without a reason"] = new(w => w.Office, "POST", w => $"/api/v1/achievements/{w.AchievementRegistered}/decline", _ => new { reason = " " }, "reason"),
        ["evaluate a disclosed achievement without an assessment"] = new(w => w.Office, "PUT", w => $"/api/v1/achievements/{w.AchievementDisclosed}/evaluation",
            _ => new { valueAssessment = "", potential = "High", proofOfConcept = "Validated" }, "valueAssessment"),
        ["start converting an achievement under review without a mode"] = new(w => w.Office, "PUT", w => $"/api/v1/achievements/{w.AchievementUnderReview}/conversion",
            _ => new { status = "InProgress" }, "conversionMode"),
        ["justify an achievement under review without a justification"] = new(w => w.Office, "PUT", w => $"/api/v1/achievements/{w.AchievementUnderReview}/idle-justification",
            _ => new { justification = "" }, "justification"),
        ["edit a registered achievement without a title"] = new(w => w.Researcher, "PUT", w => $"/api/v1/achievements/{w.AchievementRegistered}",
            w => Json(w.Disclosure(), ("title", "")), "title"),
        ["reject an approved rights grant without a reason"] = new(w => w.Office, "POST", w => $"/api/v1/rights-grants/{w.GrantApproved}/reject", _ => new { reason = "" }, "reason"),
        ["pay out nothing from a plan not yet approved"] = new(w => w.Office, "POST", w => $"/api/v1/income-distributions/{w.PlanDraft}/payouts",
            w => new { allocationId = Guid.NewGuid(), amount = 0m, paidOn = w.Today, reference = "回单" }, "amount"),

        // demands and challenges
        ["reject a published demand without a reason"] = new(w => w.Admin, "POST", w => $"/api/v1/demands/{w.DemandPublished}/reject", _ => new { reason = "" }, "reason"),
        ["mark a draft demand matched without an organisation"] = new(w => w.EnterpriseUser, "POST", w => $"/api/v1/demands/{w.DemandDraft}/match",
            _ => new { organizationId = (Guid?)null }, "organizationId"),
        ["cancel an announced challenge without a reason"] = new(w => w.EnterpriseUser, "POST", w => $"/api/v1/challenges/{w.ChallengeAnnounced}/cancel", _ => new { reason = "" }, "reason"),
        ["apply to a closed challenge without a summary"] = new(w => w.Office, "POST", w => $"/api/v1/challenges/{w.ChallengeAnnounced}/applications",
            _ => new { summary = "", approach = "采用成形磨削加工滚道，配合残余应力控制。" }, "summary"),
        ["score before judging without the criteria"] = new(w => w.Judge, "PUT", w => $"/api/v1/challenges/{w.ChallengeOpen}/applications/{w.ApplicationToWithdraw}/scores",
            _ => new { scores = new Dictionary<string, decimal>() }, "scores.c1"),

        // contracts: a registered contract for the pre-registration actions, a submitted one for the post-registration ones
        ["edit a submitted contract without a project name"] = new(w => w.Office, "PUT", w => $"/api/v1/contracts/{w.ContractSubmitted}",
            w => Json(w.ContractBody(), ("projectName", "")), "projectName"),
        ["attach to a submitted contract without a file name"] = new(w => w.Office, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/attachments",
            _ => new { kind = "ContractText", fileName = "", sizeBytes = 10 }, "fileName"),
        ["request supplements of a registered contract without items"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractRegistered}/supplements",
            _ => new { items = "" }, "items"),
        ["mark a registered contract disputed without a note"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractRegistered}/expert-review",
            _ => new { note = "", markDisputed = true }, "note"),
        ["register a registered contract with a negative amount"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractRegistered}/register",
            _ => new { assessedTechTransactionAmount = -1m }, "assessedTechTransactionAmount"),
        ["reject a registered contract for 'other' without a text"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractRegistered}/reject",
            _ => new { reason = "Other", text = "" }, "text"),
        ["change a submitted contract's registration without a reason"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/changes",
            _ => new { reason = "", totalAmount = 1m }, "reason"),
        ["correct a submitted contract to a negative amount"] = new(w => w.Office, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/corrections",
            _ => new { newTotalAmount = -1m, note = "笔误" }, "newTotalAmount"),
        ["cancel a submitted contract's registration without a reason"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/cancel",
            _ => new { reason = "" }, "reason"),
        ["revoke a submitted contract for 'other' without a text"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/revoke",
            _ => new { reason = "Other", text = "" }, "text"),
        ["object to a submitted contract without a text"] = new(w => w.EnterpriseUser, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/objections",
            _ => new { text = "" }, "text"),
        ["resolve an objection that was never filed without a resolution"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractRegistered}/objections/resolve",
            _ => new { outcome = "Upheld", resolution = "" }, "resolution"),
        ["certify income of a submitted contract with nothing received"] = new(w => w.Registrar, "POST", w => $"/api/v1/contracts/{w.ContractSubmitted}/income-certifications",
            w => new { periodFrom = "2026-02-20", periodTo = w.Today, amountReceived = 0m }, "amountReceived"),

        // patents: an active declaration, a withdrawn one, a pending grant, a draft custody agreement
        ["announce an active declaration without a number"] = new(w => w.Office, "POST", w => $"/api/v1/open-licenses/{w.DeclarationActive}/announcement",
            w => new { announcementNo = "", announcementDate = w.Today }, "announcementNo"),
        ["announce the withdrawal of an active declaration without a number"] = new(w => w.Office, "POST",
            w => $"/api/v1/open-licenses/{w.DeclarationActive}/withdrawal-announcement", w => new { announcementNo = " ", announcementDate = w.Today }, "announcementNo"),
        ["take a licence of a declaration being withdrawn without a name"] = new(w => w.SolverUser, "POST", w => $"/api/v1/open-licenses/{w.DeclarationWithdrawing}/grants",
            w => new { licenseeName = "", writtenNoticeRef = "通知-9", noticeDate = w.Today }, "licenseeName"),
        ["file a grant that is not effective without proof"] = new(w => w.EnterpriseUser, "POST",
            w => $"/api/v1/open-licenses/{w.DeclarationActive}/grants/{w.LicenceGrant}/filing", w => new { proofRef = "", filedOn = w.Today }, "proofRef"),
        ["operate a draft custody agreement without a counterparty"] = new(w => w.OperatorUser, "POST", w => $"/api/v1/custody-agreements/{w.CustodyDraft}/operations",
            _ => new { dealType = "NonExclusiveLicence", counterparty = "", priceYuan = 400_000m, dealTermEnd = "2027-12-31" }, "counterparty"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    private static JsonElement Json(object body, (string Name, object Value) with)
    {
        var node = JsonSerializer.SerializeToNode(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        node[with.Name] = JsonSerializer.SerializeToNode(with.Value);
        return JsonSerializer.SerializeToElement(node);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task An_invalid_body_is_a_422_field_error_even_when_the_records_state_refuses_the_action(string name)
    {
        var w = await WorldAsync();
        var c = Cases[name];
        var audit = await factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync());
        var client = factory.ClientAs(c.Caller(w));
        var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url(w)) { Content = JsonContent.Create(c.Body(w)) };
        var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: expected 422, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = JsonDocument.Parse(body).RootElement.GetProperty("fieldErrors").EnumerateArray().Select(f => f.GetProperty("field").GetString()).ToList();
        Assert.True(fields.Contains(c.Field), $"{name}: no field error for {c.Field}; got {string.Join(", ", fields)}");
        Assert.Equal(audit, await factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync()));
    }
}

public sealed class ActionBodyBeforeStateTests_Sqlite(SqliteFactory f) : ActionBodyBeforeStateTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ActionBodyBeforeStateTests_Postgres(PostgresFactory f) : ActionBodyBeforeStateTests(f), IClassFixture<PostgresFactory>;
