using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.Patents.Features;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Patents;

/// <summary>
/// The rights-expiry job applies patent term end, open-licence lapse and custody expiry by the clock: the test advances
/// the app's fake <see cref="TimeProvider"/> and runs the hosted job once (its timer is off in these factories).
/// </summary>
public abstract class RightsExpiryTestsBase(TechTransferFactory factory) : IAsyncLifetime
{
    /// <summary>The custody operator (a transfer institution) is a registered organisation: the server checks it.</summary>
    public async Task InitializeAsync() =>
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, nameZh: "长三角技术转移", id: _tti);

    public Task DisposeAsync() => Task.CompletedTask;

    protected TechTransferFactory Factory => factory;
    private readonly Guid _fudan = Guid.NewGuid();
    private readonly Guid _tti = Guid.NewGuid();
    protected HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan));
    protected HttpClient Operator => factory.ClientAs(TestUser.Of(Roles.TechManager, _tti));
    private string Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    protected static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    protected async Task<Guid> PatentAsync(string type) => (await Json(await Office.PostAsJsonAsync("/api/v1/patents", new
    {
        applicationNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1", publicationNo = "CN111222333B", type,
        title = "一种锂电池缺陷检测方法", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
        legalStatus = "InForce", annualFeePaidUntil = "2026-05-09",
    }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    protected async Task<Guid> AnnouncedDeclarationAsync(Guid patentId, string termEnd, string? report)
    {
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", new
        {
            patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-04-01", licenseTermEnd = termEnd,
            otherTerms = "许可方提供技术资料", evaluationReportRef = report,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/open-licenses/{id}/submit", null), HttpStatusCode.OK);
        await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "CN-OL-1", announcementDate = Today }), HttpStatusCode.OK);
        return id;
    }

    protected async Task<Guid> ActiveCustodyAsync(Guid patentId, string termEnd)
    {
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", new
        {
            agreementNo = "TG-" + Guid.NewGuid().ToString("N")[..8], subjectType = "Patent", subjectId = patentId,
            operatorOrganizationId = _tti, operatorName = "长三角技术转移", allowedDealTypes = new[] { "Listing" },
            priceFloorYuan = 300_000m, termStart = "2026-03-01", termEnd,
            beneficiaries = new object[] { new { name = "复旦大学", organizationId = _fudan, sharePercent = 100m } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Operator.PostAsync($"/api/v1/custody-agreements/{id}/activate", null), HttpStatusCode.OK);
        return id;
    }

    protected Task<RightsExpiryRun> RunJobOnceAsync() => factory.Services.GetRequiredService<RightsExpiryJob>().RunOnceAsync(CancellationToken.None);

    protected async Task<string> Field(string url, string name) => (await Office.GetFromJsonAsync<JsonElement>(url)).GetProperty(name).GetString()!;

    protected Task<int> AuditCountAsync(Guid entityId) =>
        factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityId == entityId.ToString()));

}

/// <summary>One run after each clock step applies exactly what became due (a factory of its own: the test moves its clock).</summary>
public abstract class RightsExpiryJobTests(TechTransferFactory factory) : RightsExpiryTestsBase(factory)
{
    [Fact]
    public async Task Advancing_the_clock_and_running_the_job_once_applies_expiry_lapse_and_custody_end_audited_and_only_once()
    {
        var utilityModel = await PatentAsync("UtilityModel"); // expires 2030-05-09
        var onUtilityModel = await AnnouncedDeclarationAsync(utilityModel, "2030-05-09", "PJ-2024-001");
        var invention = await PatentAsync("Invention");
        var shortTerm = await AnnouncedDeclarationAsync(invention, "2027-12-31", null);
        var custody = await ActiveCustodyAsync(invention, "2028-02-29");

        Assert.Equal(new RightsExpiryRun(0, 0, 0), await RunJobOnceAsync()); // 2026-03-02: nothing is due

        Factory.Clock.SetUtcNow(new DateTimeOffset(2028, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var custodyAudits = await AuditCountAsync(custody);
        var declarationAudits = await AuditCountAsync(shortTerm);
        Assert.Equal(new RightsExpiryRun(0, 1, 1), await RunJobOnceAsync());
        Assert.Equal("Lapsed", await Field($"/api/v1/open-licenses/{shortTerm}", "status"));
        Assert.Equal("TermEnded", await Field($"/api/v1/open-licenses/{shortTerm}", "lapseReason"));
        Assert.Equal("Expired", await Field($"/api/v1/custody-agreements/{custody}", "status"));
        Assert.Equal("Active", await Field($"/api/v1/open-licenses/{onUtilityModel}", "status"));
        Assert.Equal(custodyAudits + 1, await AuditCountAsync(custody));
        Assert.Equal(declarationAudits + 1, await AuditCountAsync(shortTerm));

        Factory.Clock.SetUtcNow(new DateTimeOffset(2030, 5, 10, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(new RightsExpiryRun(1, 1, 0), await RunJobOnceAsync());
        Assert.Equal("Expired", await Field($"/api/v1/patents/{utilityModel}", "legalStatus"));
        Assert.Equal("Lapsed", await Field($"/api/v1/open-licenses/{onUtilityModel}", "status"));
        Assert.Equal("2030-05-10", await Field($"/api/v1/open-licenses/{onUtilityModel}", "lapsedOn"));

        var audits = await AuditCountAsync(onUtilityModel);
        Assert.Equal(new RightsExpiryRun(0, 0, 0), await RunJobOnceAsync()); // idempotent
        Assert.Equal(audits, await AuditCountAsync(onUtilityModel));
    }

}

/// <summary>Custody the job expired refuses operations and can be renewed (a factory of its own: the test moves its clock).</summary>
public abstract class ExpiredCustodyTests(TechTransferFactory factory) : RightsExpiryTestsBase(factory)
{
    [Fact]
    public async Task Operator_is_refused_on_custody_the_job_expired_and_the_owner_can_renew_it()
    {
        var patent = await PatentAsync("Invention");
        var custody = await ActiveCustodyAsync(patent, "2026-12-31");
        Factory.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 2, 0, 0, TimeSpan.Zero));
        await RunJobOnceAsync();

        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{custody}/operations",
            new { dealType = "Listing", counterparty = "", priceYuan = 400_000m }), HttpStatusCode.Conflict, "custody.not_active");
        await Json(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{custody}/renewals", new { newTermEnd = "2028-12-31" }), HttpStatusCode.OK);
        Assert.Equal("Active", await Field($"/api/v1/custody-agreements/{custody}", "status"));
    }
}

public sealed class RightsExpirySqliteFactory() : TechTransferFactory(StorageProvider.Sqlite)
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<RightsExpiryOptions>(o => o.RunJob = false);
}

public sealed class RightsExpiryPostgresFactory() : TechTransferFactory(StorageProvider.Postgres)
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<RightsExpiryOptions>(o => o.RunJob = false);
}

public sealed class RightsExpiryJobTests_Sqlite(RightsExpirySqliteFactory f) : RightsExpiryJobTests(f), IClassFixture<RightsExpirySqliteFactory>;

[Collection("Postgres")]
public sealed class RightsExpiryJobTests_Postgres(RightsExpiryPostgresFactory f) : RightsExpiryJobTests(f), IClassFixture<RightsExpiryPostgresFactory>;

public sealed class ExpiredCustodyTests_Sqlite(RightsExpirySqliteFactory f) : ExpiredCustodyTests(f), IClassFixture<RightsExpirySqliteFactory>;

[Collection("Postgres")]
public sealed class ExpiredCustodyTests_Postgres(RightsExpiryPostgresFactory f) : ExpiredCustodyTests(f), IClassFixture<RightsExpiryPostgresFactory>;
