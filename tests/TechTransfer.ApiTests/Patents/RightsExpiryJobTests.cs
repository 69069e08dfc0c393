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
    /// <summary>The custody operator and the patentee (a beneficiary) are registered organisations: the server checks them.</summary>
    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, nameZh: "长三角技术转移", id: _tti);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _fudan);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected TechTransferFactory Factory => factory;
    private readonly Guid _fudan = Guid.NewGuid();
    protected Guid Fudan => _fudan;
    private readonly Guid _tti = Guid.NewGuid();
    protected HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan));
    protected HttpClient Operator => factory.ClientAs(TestUser.Of(Roles.TechManager, _tti));
    protected string Today => factory.Clock.Today().ToString("yyyy-MM-dd");

    protected static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A granted patent filed 2020-05-10 with its annual fees paid until <paramref name="feePaidUntil"/>.</summary>
    protected async Task<Guid> PatentAsync(string type, string feePaidUntil = "2026-05-09") => (await Json(await Office.PostAsJsonAsync("/api/v1/patents", new
    {
        applicationNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1", publicationNo = "CN111222333B", type,
        title = "一种锂电池缺陷检测方法", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
        legalStatus = "InForce", annualFeePaidUntil = feePaidUntil,
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
        // Fees paid to the end of the term (utility model) or beyond the steps of this test (invention): only terms end here.
        var utilityModel = await PatentAsync("UtilityModel", feePaidUntil: "2030-05-09"); // expires 2030-05-09
        var onUtilityModel = await AnnouncedDeclarationAsync(utilityModel, "2030-05-09", "PJ-2024-001");
        var invention = await PatentAsync("Invention", feePaidUntil: "2031-05-09");
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
        var patent = await PatentAsync("Invention", feePaidUntil: "2028-05-09");
        var custody = await ActiveCustodyAsync(patent, "2026-12-31");
        Factory.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 2, 0, 0, TimeSpan.Zero));
        await RunJobOnceAsync();

        await ProblemAssert.IsProblem(await Operator.PostAsJsonAsync($"/api/v1/custody-agreements/{custody}/operations",
            new { dealType = "Listing", counterparty = "", priceYuan = 400_000m }), HttpStatusCode.Conflict, "custody.not_active");
        await Json(await Office.PostAsJsonAsync($"/api/v1/custody-agreements/{custody}/renewals", new { newTermEnd = "2028-12-31" }), HttpStatusCode.OK);
        Assert.Equal("Active", await Field($"/api/v1/custody-agreements/{custody}", "status"));
    }
}

/// <summary>
/// R3.16 by the clock (a factory of its own: the test moves its clock): when the 6-month grace period of an unpaid annual
/// fee ends, the next run lapses the patent (terminated from the due date) and its open-licence declaration, tells the
/// patentee's transfer office and the licensee, audits both changes and is idempotent. Dates are Asia/Shanghai business
/// dates: 23:30 in Shanghai (15:30 UTC) on the last day of grace is still within it, 00:30 (16:30 UTC) the next day is not.
/// </summary>
public abstract class FeeLapseJobTests(TechTransferFactory factory) : RightsExpiryTestsBase(factory)
{
    [Fact]
    public async Task An_unpaid_fee_lapses_the_patent_and_its_declaration_after_the_grace_period_on_Shanghai_dates_with_notices()
    {
        var patent = await PatentAsync("Invention", feePaidUntil: "2026-05-31"); // the next fee is due 2026-05-31; grace ends 2026-11-30
        var declaration = await AnnouncedDeclarationAsync(patent, "2030-12-31", null);
        var licensee = Guid.NewGuid();
        var enterprise = Factory.ClientAs(TestUser.Of(Roles.Enterprise, licensee));
        var grant = (await Json(await enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{declaration}/grants",
            new { licenseeName = "绿能电池", writtenNoticeRef = "通知-1", noticeDate = Today }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await enterprise.PostAsJsonAsync($"/api/v1/open-licenses/{declaration}/grants/{grant}/payment",
            new { amountYuan = 50_000m, paymentRef = "回单-1", paidOn = Today }), HttpStatusCode.OK);

        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero)); // 23:30 on 2026-11-30 in Shanghai
        Assert.Equal(new RightsExpiryRun(0, 0, 0), await RunJobOnceAsync());
        Assert.Equal("InForce", await Field($"/api/v1/patents/{patent}", "legalStatus"));

        var patentAudits = await AuditCountAsync(patent);
        var declarationAudits = await AuditCountAsync(declaration);
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 2026-12-01 in Shanghai; still 11-30 in UTC
        Assert.Equal(new RightsExpiryRun(0, 1, 0, PatentsLapsedForFees: 1), await RunJobOnceAsync());

        Assert.Equal("Lapsed", await Field($"/api/v1/patents/{patent}", "legalStatus"));
        Assert.Equal("2026-05-31", await Field($"/api/v1/patents/{patent}", "lapsedOn")); // terminated from the due date (细则 115)
        Assert.Equal("Lapsed", await Field($"/api/v1/open-licenses/{declaration}", "status"));
        Assert.Equal("PatentTerminated", await Field($"/api/v1/open-licenses/{declaration}", "lapseReason"));
        Assert.Equal("2026-12-01", await Field($"/api/v1/open-licenses/{declaration}", "lapsedOn"));
        Assert.Equal(patentAudits + 1, await AuditCountAsync(patent));
        Assert.Equal(declarationAudits + 1, await AuditCountAsync(declaration));

        var notices = await Factory.WithDbAsync((db, _) => db.Notifications.AsNoTracking()
            .Where(n => n.Link == $"/patents/{patent}" || n.Link == $"/open-licenses/{declaration}").ToListAsync());
        Assert.Contains(notices, n => n.RecipientOrganizationId == Fudan && n.RecipientRole == Roles.InstitutionAdmin && n.Link == $"/patents/{patent}"
            && n.TitleZh.Contains("第一百一十五条"));
        Assert.Contains(notices, n => n.RecipientOrganizationId == Fudan && n.Link == $"/open-licenses/{declaration}");
        Assert.Contains(notices, n => n.RecipientOrganizationId == licensee && n.Link == $"/open-licenses/{declaration}" && n.TitleEn.Contains("lapsed"));

        var count = notices.Count;
        Assert.Equal(new RightsExpiryRun(0, 0, 0), await RunJobOnceAsync()); // idempotent: no change, no second notice
        Assert.Equal(count, await Factory.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.Link == $"/patents/{patent}" || n.Link == $"/open-licenses/{declaration}")));
        Assert.Equal(patentAudits + 1, await AuditCountAsync(patent));
    }

}

/// <summary>R3.16: a fee recorded within the grace period keeps the patent in force (a factory of its own: the test moves its clock).</summary>
public abstract class FeePaidInGraceTests(TechTransferFactory factory) : RightsExpiryTestsBase(factory)
{
    [Fact]
    public async Task A_fee_paid_within_the_grace_period_keeps_the_patent_in_force()
    {
        var patent = await PatentAsync("Invention", feePaidUntil: "2026-05-31");
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));
        var read = await Office.GetFromJsonAsync<JsonElement>($"/api/v1/patents/{patent}");
        Assert.Equal("2026-11-30", read.GetProperty("annualFeeGraceEndsOn").GetString());
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{patent}/annual-fee-paid",
            new { paidUntil = "2027-05-31", version = read.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(new RightsExpiryRun(0, 0, 0), await RunJobOnceAsync());
        Assert.Equal("InForce", await Field($"/api/v1/patents/{patent}", "legalStatus"));
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

public sealed class FeeLapseJobTests_Sqlite(RightsExpirySqliteFactory f) : FeeLapseJobTests(f), IClassFixture<RightsExpirySqliteFactory>;

[Collection("Postgres")]
public sealed class FeeLapseJobTests_Postgres(RightsExpiryPostgresFactory f) : FeeLapseJobTests(f), IClassFixture<RightsExpiryPostgresFactory>;

public sealed class FeePaidInGraceTests_Sqlite(RightsExpirySqliteFactory f) : FeePaidInGraceTests(f), IClassFixture<RightsExpirySqliteFactory>;

[Collection("Postgres")]
public sealed class FeePaidInGraceTests_Postgres(RightsExpiryPostgresFactory f) : FeePaidInGraceTests(f), IClassFixture<RightsExpiryPostgresFactory>;

public sealed class ExpiredCustodyTests_Sqlite(RightsExpirySqliteFactory f) : ExpiredCustodyTests(f), IClassFixture<RightsExpirySqliteFactory>;

[Collection("Postgres")]
public sealed class ExpiredCustodyTests_Postgres(RightsExpiryPostgresFactory f) : ExpiredCustodyTests(f), IClassFixture<RightsExpiryPostgresFactory>;
