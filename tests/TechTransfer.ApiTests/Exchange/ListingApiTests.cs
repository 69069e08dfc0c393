using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Contracts;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel.Contracts;
using TechTransfer.ApiTests.Search;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Organizations.Domain;
using TechTransfer.Platform.Calendar;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// Listings (挂牌) through HTTP on both databases: who may list (holder, custody operator within its mandate), what may
/// not be listed (ended, pledged without consent, open-licensed exclusively), review by the exchange operator, the
/// working-day period, the public notice with objections, NDA and the confidential-details log — with every denial.
/// </summary>
public abstract class ListingApiTests(TechTransferFactory factory) : IAsyncLifetime
{
    private readonly Guid _fudan = Guid.NewGuid();
    private readonly Guid _sjtu = Guid.NewGuid();
    private readonly Guid _tti = Guid.NewGuid();
    private readonly Guid _company = Guid.NewGuid();
    private readonly Guid _exchange = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _fudan);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _sjtu);
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, id: _tti);
        await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, id: _company);
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, id: _exchange);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan));
    private HttpClient OtherOffice => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _sjtu));
    private HttpClient Operator => factory.ClientAs(TestUser.Of(Roles.TechManager, _tti));
    private HttpClient Company => factory.ClientAs(TestUser.Of(Roles.Enterprise, _company));
    private HttpClient Exchange => factory.ClientAs(TestUser.Of(Roles.ExchangeOperator, _exchange));
    private HttpClient Researcher => factory.ClientAs(TestUser.Of(Roles.Researcher, _fudan));
    private HttpClient Anonymous => factory.ClientAs(null);
    private string Today => Date(factory.Clock.Today());
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> PatentAsync(HttpClient? office = null)
    {
        var body = new
        {
            applicationNo = "CN2021" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".2", type = "Invention", title = "一种固态电解质制备方法",
            patenteeNames = "复旦大学", filingDate = "2021-06-01", grantAnnouncementDate = "2023-08-01", legalStatus = "InForce",
            annualFeePaidUntil = "2026-05-31", ipcCodes = "H01M 10/0562",
        };
        return (await Json(await (office ?? Office).PostAsJsonAsync("/api/v1/patents", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object Body(Guid[] patents, string deal = "Transfer", string method = "NegotiatedWithPublicity", decimal price = 800_000m,
        string? consent = null, int? version = null) => new
    {
        title = "固态电解质专利转让", description = "高离子电导率固态电解质及其制备方法。", subjectType = patents.Length > 1 ? "PatentSet" : "Patent",
        patentIds = patents, dealType = deal, pricingMethod = method, priceYuan = price, conditions = "受让方须在上海实施",
        confidentialDetails = "烧结温度曲线与配方", documents = new[] { "专利证书", "评估报告" }, completerNames = new[] { "张伟", "李娜" },
        pledgeeConsentRef = consent, stateFunded = true, version,
    };

    private async Task<JsonElement> CreateAsync(HttpClient client, object body) =>
        await Json(await client.PostAsJsonAsync("/api/v1/listings", body), HttpStatusCode.Created);

    /// <summary>R6.3: the sellers here are state-funded, so the operator publishes only once a value has been chosen.</summary>
    private async Task ValuedAsync(Guid id, decimal value = 800_000m)
    {
        await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/valuation/cost", new
        {
            replacementCostYuan = value, physicalObsolescencePercent = 0m, functionalObsolescencePercent = 0m, economicObsolescencePercent = 0m,
        }), HttpStatusCode.Created);
        await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/valuation/choice", new { basis = "Cost", valueYuan = value, rationale = "重置成本法" }),
            HttpStatusCode.OK);
    }

    private async Task<JsonElement> PublishedAsync(string method = "NegotiatedWithPublicity")
    {
        var l = await CreateAsync(Office, Body([await PatentAsync()], method: method));
        var id = l.GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        await ValuedAsync(id);
        return await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Listing_list_sorts_filters_pages_and_exports_what_the_caller_may_see()
    {
        var cheap = (await CreateAsync(Office, Body([await PatentAsync()], price: 200_000m))).GetProperty("listingNo").GetString()!;
        var dear = (await CreateAsync(Office, Body([await PatentAsync()], price: 900_000m))).GetProperty("listingNo").GetString()!;
        var middle = (await CreateAsync(Office, Body([await PatentAsync()], price: 500_000m))).GetProperty("listingNo").GetString()!;
        Task<(int Total, List<string> Names)> List(HttpClient client, string query) =>
            ListApi.PageAsync(client, "/api/v1/listings?" + query, x => x.GetProperty("listingNo").GetString()!);

        ListApi.AssertPage(3, [cheap, middle, dear], await List(Office, "mine=true&sort=price"));
        ListApi.AssertPage(3, [dear, middle, cheap], await List(Office, "mine=true&sort=price&desc=true"));
        ListApi.AssertPage(3, [middle], await List(Office, "mine=true&sort=price&pageSize=1&page=2"));
        ListApi.AssertPage(3, [cheap, middle, dear], await List(Office, $"organizationId={_fudan}&sort=price"));
        ListApi.AssertPage(1, [dear], await List(Office, $"q={dear}"));
        await ProblemAssert.HasFieldError(await Office.GetAsync("/api/v1/listings?sort=conditions"), "sort", "paging.unknown_sort");

        foreach (var (language, priceHeader, statusHeader, draft) in new[] { ("zh-CN", "价格", "状态", "草稿"), ("en", "Price", "Status", "Draft") })
        {
            var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan), language).GetAsync("/api/v1/listings/export?mine=true&sort=price&pageSize=1");
            ListApi.AssertExportName(response, "listings");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal([200_000m, 500_000m, 900_000m], rows.Select(r => Convert.ToDecimal(r[priceHeader], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Assert.All(rows, r => Assert.Equal(draft, r[statusHeader]?.ToString()));
        }
        // drafts are the lister's: another organisation's export of them is empty, and an anonymous caller gets no file
        Assert.Empty(await ListFile.RowsAsync(await OtherOffice.GetAsync($"/api/v1/listings/export?organizationId={_fudan}")));
        Assert.Empty(await ListFile.RowsAsync(await Company.GetAsync($"/api/v1/listings/export?q={cheap}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/listings/export")).StatusCode);
    }

    [Fact]
    public async Task Auction_list_sorts_filters_pages_and_exports_the_lots_with_labels()
    {
        var tag = "拍品" + Guid.NewGuid().ToString("N")[..6];
        var starts = factory.Clock.GetUtcNow().AddDays(8);
        async Task<Guid> LotAsync(decimal start, int hoursLater)
        {
            var w = await AuctionTestSupport.WorldAsync(factory); // a consignor's patent is in one lot at a time
            var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(
                AuctionTestSupport.LotBody(w, starts.AddHours(hoursLater), TimeSpan.FromHours(1), start, start * 2), AuctionTestSupport.JsonWeb))!;
            body["title"] = $"{tag} {start}";
            return (await Json(await factory.ClientAs(w.Operator).PostAsJsonAsync("/api/v1/auctions", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }
        var dear = await LotAsync(300_000m, 0);
        var cheap = await LotAsync(100_000m, 1);
        var viewer = factory.ClientAs(TestUser.Of(Roles.Enterprise, _company));
        Task<(int Total, List<string> Names)> List(string query) =>
            ListApi.PageAsync(viewer, $"/api/v1/auctions?q={tag}&" + query, x => x.GetProperty("id").GetString()!);

        ListApi.AssertPage(2, [cheap.ToString(), dear.ToString()], await List("")); // the latest start first
        ListApi.AssertPage(2, [cheap.ToString(), dear.ToString()], await List("sort=startingPrice"));
        ListApi.AssertPage(2, [dear.ToString()], await List("sort=startingPrice&desc=true&pageSize=1"));
        ListApi.AssertPage(2, [cheap.ToString(), dear.ToString()], await List("phase=Announced&sort=startingPrice"));
        var day = BusinessTime.DateOf(starts).ToString("yyyy-MM-dd");
        ListApi.AssertPage(2, [dear.ToString(), cheap.ToString()], await List($"from={day}&sort=startsAt"));
        ListApi.AssertPage(0, [], await List("phase=Sold"));
        await ProblemAssert.HasFieldError(await viewer.GetAsync("/api/v1/auctions?sort=reservePrice"), "sort", "paging.unknown_sort");

        foreach (var (language, priceHeader, phaseHeader, announced) in new[] { ("zh-CN", "起拍价", "状态", "已公告"), ("en", "Starting price", "Phase", "Announced") })
        {
            var response = await factory.ClientAs(TestUser.Of(Roles.Enterprise, _company), language).GetAsync($"/api/v1/auctions/export?q={tag}&sort=startingPrice&desc=true");
            ListApi.AssertExportName(response, "auctions");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal([300_000m, 100_000m], rows.Select(r => Convert.ToDecimal(r[priceHeader], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Assert.All(rows, r => Assert.Equal(announced, r[phaseHeader]?.ToString()));
        }
        // "my registrations" is a bidder's own list; anonymous callers get no file
        await ProblemAssert.IsProblem(await Exchange.GetAsync("/api/v1/auctions/export?registered=true"), HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Empty(await ListFile.RowsAsync(await viewer.GetAsync($"/api/v1/auctions/export?q={tag}&registered=true")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/auctions/export")).StatusCode);
    }

    [Fact]
    public async Task Holder_lists_submits_and_the_operator_publishes_with_a_working_day_period_and_notice()
    {
        var created = await CreateAsync(Office, Body([await PatentAsync()]));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.StartsWith("GP", created.GetProperty("listingNo").GetString());

        // a draft is the lister's: others, the public and the operator do not see it
        await ProblemAssert.IsProblem(await OtherOffice.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await Anonymous.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await Exchange.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.NotFound, "listing.not_found");

        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { }), HttpStatusCode.NotFound, "listing.not_found");
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { }), HttpStatusCode.Forbidden, "listing.operator_only");
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/reject", new { reason = "" }), HttpStatusCode.UnprocessableEntity, "validation.failed");
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { version = 99 }), HttpStatusCode.Conflict, "concurrency.conflict");

        var queue = await Json(await Exchange.GetAsync("/api/v1/listings?status=InReview&pageSize=200"), HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        // R6.3: a state-funded seller's listing is not published before a value is chosen in the valuation workspace
        var notValued = await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }),
            HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("R6.3", notValued.GetProperty("rule").GetString());
        await ValuedAsync(id);

        var published = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }), HttpStatusCode.OK);
        var today = factory.Clock.Today();
        var calendar = HolidayCalendarFile.Prc;
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(Date(today), published.GetProperty("periodStartsOn").GetString());
        Assert.Equal(Date(calendar.AddWorkingDays(today, 20)), published.GetProperty("periodEndsOn").GetString()); // 20 working days
        Assert.Equal(Date(today.AddDays(14)), published.GetProperty("noticeEndsOn").GetString()); // 15 calendar days
        Assert.True(published.GetProperty("noticeRunning").GetBoolean());
        Assert.False(published.GetProperty("canConfirmDeal").GetBoolean());
        Assert.Equal("listing.notice_not_ended", published.GetProperty("dealBlockedCode").GetString());

        // public now; the lister was notified in the same save
        var open = await Json(await Anonymous.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("pledgeeConsentRef").ValueKind);
        Assert.True(await factory.WithDbAsync(async (db, _) =>
            await db.Set<Notification>().AnyAsync(n => n.RecipientOrganizationId == _fudan && n.Link == $"/exchange/listings/{id}")));

        // extensions: at least 5 working days, by the lister only
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/extend", new { workingDays = 4 }), "workingDays", "listing.extension_too_short");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/listings/{id}/extend", new { workingDays = 5 }), HttpStatusCode.Forbidden, "listing.not_listers_listing");
        var extended = await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/extend", new { workingDays = 5 }), HttpStatusCode.OK);
        Assert.Equal(Date(calendar.AddWorkingDays(calendar.AddWorkingDays(today, 20), 5)), extended.GetProperty("periodEndsOn").GetString());

        // a change of published terms reopens review; the next publication restarts period and notice
        var version = extended.GetProperty("version").GetInt32();
        var patent = extended.GetProperty("patents")[0].GetProperty("patentId").GetGuid();
        var changed = await Json(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", Body([patent], price: 900_000m, version: version)), HttpStatusCode.OK);
        Assert.Equal("InReview", changed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("noticeEndsOn").ValueKind);
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var again = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { }), HttpStatusCode.OK);
        Assert.Equal(Date(factory.Clock.Today()), again.GetProperty("noticeStartsOn").GetString());
    }

    [Fact]
    public async Task Rectify_and_reject_need_reasons_and_the_lister_may_resubmit_after_rectification()
    {
        var id = (await CreateAsync(Office, Body([await PatentAsync()], method: "ExchangeListing"))).GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/rectify", new { }), "reason", "listing.field_required");
        var back = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/rectify", new { reason = "请补充评估报告" }), HttpStatusCode.OK);
        Assert.Equal("Rectify", back.GetProperty("status").GetString());
        Assert.Equal("请补充评估报告", back.GetProperty("reviewComment").GetString());
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/reject", new { reason = "x" }), HttpStatusCode.Conflict, "listing.not_in_review");
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        var rejected = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/reject", new { reason = "权属不清" }), HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.Conflict, "listing.not_submittable");
    }

    [Fact]
    public async Task Only_lister_roles_may_list_and_only_their_own_rights()
    {
        var patent = await PatentAsync();
        await ProblemAssert.IsProblem(await Researcher.PostAsJsonAsync("/api/v1/listings", Body([patent])), HttpStatusCode.Forbidden, "listing.role_not_allowed");
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync("/api/v1/listings", Body([patent])), HttpStatusCode.Forbidden, "listing.role_not_allowed");
        await ProblemAssert.IsProblem(await Anonymous.PostAsJsonAsync("/api/v1/listings", Body([patent])), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync("/api/v1/listings", Body([patent])), HttpStatusCode.Forbidden, "listing.not_rights_holder");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([Guid.NewGuid()])), "patentIds[0]", "listing.patent_not_found");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([patent, await PatentAsync(OtherOffice)])), "patentIds", "listing.mixed_holders");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([patent], price: 0m)), "priceYuan", "listing.price_invalid");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([patent], method: "Tender")), "pricingMethod", "listing.pricing_method_not_offered");

        // an achievement is listed by its owner only (the page offers the owner's own), with the same messages
        var achievement = await factory.RegisteredAchievementAsync(_fudan);
        object OfAchievement(Guid a) => new
        {
            title = "固态电解质技术秘密转让", description = "高离子电导率固态电解质的制备工艺。", subjectType = "Achievement", achievementId = a,
            dealType = "Transfer", pricingMethod = "ExchangeListing", priceYuan = 500_000m, stateFunded = false,
        };
        var ofAchievement = await CreateAsync(Office, OfAchievement(achievement));
        Assert.Equal("Achievement", ofAchievement.GetProperty("subjectType").GetString());
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync("/api/v1/listings", OfAchievement(achievement)), HttpStatusCode.Forbidden, "listing.not_rights_holder");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", OfAchievement(Guid.NewGuid())), "achievementId", "listing.achievement_not_found");

        // another organisation cannot touch the listing
        var id = (await CreateAsync(Office, Body([patent]))).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await OtherOffice.PutAsJsonAsync($"/api/v1/listings/{id}", Body([patent], version: 1)), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.HasFieldError(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", Body([patent])), "version", "listing.version_required");
        Assert.Equal(1, await factory.WithDbAsync(async (db, _) => await db.Set<Listing>().CountAsync(l => l.ListerOrganizationId == _fudan
            && l.Patents.Count == 1 && l.Id == id)));
    }

    [Fact]
    public async Task Ended_pledged_and_open_licensed_patents_are_refused_as_the_rules_say()
    {
        var lapsed = await PatentAsync();
        var ended = await Json(await Office.GetAsync($"/api/v1/patents/{lapsed}"), HttpStatusCode.OK);
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{lapsed}/legal-status",
            new { status = "Invalidated", version = ended.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([lapsed])), "patentIds[0]", "listing.patent_not_in_force");

        var pledged = await PatentAsync();
        await Json(await Office.PostAsJsonAsync($"/api/v1/patents/{pledged}/pledges", new { pledgee = "上海银行", registeredOn = "2025-06-01" }), HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([pledged])), "pledgeeConsentRef", "listing.pledgee_consent_required");
        var withConsent = await CreateAsync(Office, Body([pledged], consent: "质权人同意函 2026-01"));
        Assert.Equal("质权人同意函 2026-01", withConsent.GetProperty("pledgeeConsentRef").GetString());

        var openLicensed = await PatentAsync();
        var declaration = (await Json(await Office.PostAsJsonAsync("/api/v1/open-licenses", new
        {
            patentId = openLicensed, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-06-01", licenseTermEnd = "2030-12-31",
            otherTerms = "许可方提供技术资料", evaluationReportRef = "评估-001",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/open-licenses/{declaration}/submit", null), HttpStatusCode.OK);
        await Json(await Office.PostAsJsonAsync($"/api/v1/open-licenses/{declaration}/announcement",
            new { announcementNo = "CN-OL-" + Guid.NewGuid().ToString("N")[..6], announcementDate = Today }), HttpStatusCode.OK);
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([openLicensed], deal: "ExclusiveLicence")), "dealType", "listing.open_licence_not_exclusive");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync("/api/v1/listings", Body([openLicensed], deal: "SoleLicence")), "dealType", "listing.open_licence_not_exclusive");
        await CreateAsync(Office, Body([openLicensed], deal: "OrdinaryLicence"));
    }

    [Fact]
    public async Task A_custody_operator_lists_within_its_mandate_and_is_refused_outside_it()
    {
        var patent = await PatentAsync();
        var custody = (await Json(await Office.PostAsJsonAsync("/api/v1/custody-agreements", new
        {
            agreementNo = "TG-" + Guid.NewGuid().ToString("N")[..8], subjectType = "Patent", subjectId = patent, subjectTitle = "一种固态电解质制备方法",
            operatorOrganizationId = _tti, operatorName = "长三角技术转移", allowedDealTypes = new[] { "Listing", "NonExclusiveLicence" },
            priceFloorYuan = 300_000m, termStart = "2026-03-01", termEnd = "2028-02-29",
            beneficiaries = new object[] { new { name = "复旦大学", organizationId = _fudan, sharePercent = 100m } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // not yet active: no mandate in force
        await ProblemAssert.HasFieldError(await Operator.PostAsJsonAsync("/api/v1/listings", Body([patent], deal: "OrdinaryLicence")), "custody", "listing.custody_not_in_force");
        await Json(await Operator.PostAsync($"/api/v1/custody-agreements/{custody}/activate", null), HttpStatusCode.OK);

        await ProblemAssert.HasFieldError(await Operator.PostAsJsonAsync("/api/v1/listings", Body([patent], deal: "Transfer")), "dealType", "listing.custody_deal_not_allowed");
        await ProblemAssert.HasFieldError(await Operator.PostAsJsonAsync("/api/v1/listings", Body([patent], deal: "ExclusiveLicence")), "dealType", "listing.custody_deal_not_allowed");
        await ProblemAssert.HasFieldError(await Operator.PostAsJsonAsync("/api/v1/listings", Body([patent], deal: "OrdinaryLicence", price: 299_999m)), "priceYuan", "listing.custody_price_below_floor");
        var listed = await CreateAsync(Operator, Body([patent], deal: "OrdinaryLicence", price: 300_000m));
        Assert.Equal(_fudan, listed.GetProperty("holderOrganizationId").GetGuid());
        Assert.Equal(_tti, listed.GetProperty("listerOrganizationId").GetGuid());
        Assert.Equal(custody, listed.GetProperty("custodyAgreementId").GetGuid());

        // the holder sees the operator's listing but only the lister manages it
        var id = listed.GetProperty("id").GetGuid();
        await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.Forbidden, "listing.not_listers_listing");
        await Json(await Operator.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_public_notice_takes_objections_and_the_deal_waits_for_its_end_and_their_decision()
    {
        var listing = await PublishedAsync();
        var id = listing.GetProperty("id").GetGuid();
        await ProblemAssert.HasFieldError(await Anonymous.PostAsJsonAsync($"/api/v1/listings/{id}/objections", new { name = "赵六", contact = "", text = "" }), "text", "listing.field_required");
        var objection = await Json(await Anonymous.PostAsJsonAsync($"/api/v1/listings/{id}/objections",
            new { name = "赵六", contact = "13800000000", text = "定价低于评估值" }), HttpStatusCode.Created);
        var objectionId = objection.GetProperty("id").GetGuid();

        var seen = await Json(await Anonymous.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, seen.GetProperty("openObjections").GetInt32());
        Assert.Equal("赵**", seen.GetProperty("objections")[0].GetProperty("objectorName").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("objections")[0].GetProperty("contact").ValueKind);

        // after the notice: closed to objections, but the deal still waits for the decision
        factory.Clock.Advance(TimeSpan.FromDays(15));
        await ProblemAssert.IsProblem(await Anonymous.PostAsJsonAsync($"/api/v1/listings/{id}/objections",
            new { name = "钱七", contact = "1", text = "晚到的异议" }), HttpStatusCode.Conflict, "listing.notice_not_running");
        var waiting = await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.Equal("listing.objections_open", waiting.GetProperty("dealBlockedCode").GetString());

        var url = $"/api/v1/listings/{id}/objections/{objectionId}/decision";
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync(url, new { decision = "Dismiss", reason = "x" }), HttpStatusCode.Forbidden, "listing.operator_only");
        await ProblemAssert.HasFieldError(await Exchange.PostAsJsonAsync(url, new { decision = "Dismiss", reason = "" }), "reason", "listing.field_required");
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/objections/{Guid.NewGuid()}/decision",
            new { decision = "Dismiss", reason = "x" }), HttpStatusCode.NotFound, "objection.not_found");
        var decided = await Json(await Exchange.PostAsJsonAsync(url, new { decision = "Dismiss", reason = "评估报告支持该价格" }), HttpStatusCode.OK);
        Assert.Equal("Dismissed", decided.GetProperty("objections")[0].GetProperty("status").GetString());
        Assert.True(decided.GetProperty("canConfirmDeal").GetBoolean());
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync(url, new { decision = "Dismiss", reason = "again" }), HttpStatusCode.Conflict, "listing.objection_not_open");
    }

    [Fact]
    public async Task An_upheld_objection_sends_the_listing_back_to_be_repriced_or_withdraws_it()
    {
        var reprice = (await PublishedAsync()).GetProperty("id").GetGuid();
        var o = (await Json(await Company.PostAsJsonAsync($"/api/v1/listings/{reprice}/objections",
            new { name = "某公司", contact = "a@b.cn", text = "低于评估值" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var back = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{reprice}/objections/{o}/decision",
            new { decision = "UpholdAndReprice", reason = "请按评估值重新定价" }), HttpStatusCode.OK);
        Assert.Equal("Rectify", back.GetProperty("status").GetString());

        var withdraw = (await PublishedAsync()).GetProperty("id").GetGuid();
        var o2 = (await Json(await Company.PostAsJsonAsync($"/api/v1/listings/{withdraw}/objections",
            new { name = "某公司", contact = "a@b.cn", text = "权属争议" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var gone = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{withdraw}/objections/{o2}/decision",
            new { decision = "UpholdAndWithdraw", reason = "存在权属争议" }), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", gone.GetProperty("status").GetString());
        await ProblemAssert.IsProblem(await Anonymous.GetAsync($"/api/v1/listings/{withdraw}"), HttpStatusCode.NotFound, "listing.not_found");
    }

    [Fact]
    public async Task Confidential_details_open_only_after_a_recorded_nda_and_every_opening_is_logged()
    {
        var id = (await PublishedAsync("ExchangeListing")).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(await Company.PostAsync($"/api/v1/listings/{id}/confidential", null), HttpStatusCode.Forbidden, "listing.nda_required");
        await ProblemAssert.IsProblem(await Anonymous.PostAsync($"/api/v1/listings/{id}/confidential", null), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await ProblemAssert.HasFieldError(await Company.PostAsJsonAsync($"/api/v1/listings/{id}/nda", new { accept = false }), "accept", "listing.nda_not_accepted");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/nda", new { accept = true }), HttpStatusCode.Conflict, "listing.nda_not_needed");
        await Json(await Company.PostAsJsonAsync($"/api/v1/listings/{id}/nda", new { accept = true }), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Company.PostAsJsonAsync($"/api/v1/listings/{id}/nda", new { accept = true }), HttpStatusCode.Conflict, "listing.nda_already_signed");
        var details = await Json(await Company.PostAsync($"/api/v1/listings/{id}/confidential", null), HttpStatusCode.OK);
        Assert.Equal("烧结温度曲线与配方", details.GetProperty("confidentialDetails").GetString());
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/confidential", null), HttpStatusCode.OK);
        var views = await factory.WithDbAsync(async (db, _) => await db.Set<ListingConfidentialView>().Where(v => v.ListingId == id).ToListAsync());
        Assert.Equal(2, views.Count);
        Assert.Contains(views, v => v.OrganizationId == _company);
        var shown = await Json(await Company.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.True(shown.GetProperty("ndaSigned").GetBoolean());
    }

    [Fact]
    public async Task Pages_render_in_Chinese_and_English_for_the_public_the_holder_and_the_operator()
    {
        var published = await PublishedAsync();
        var id = published.GetProperty("id").GetGuid();
        await Json(await Company.PostAsJsonAsync($"/api/v1/listings/{id}/objections", new { name = "孙八", contact = "s@b.cn", text = "请说明定价依据" }), HttpStatusCode.Created);
        var inReview = (await CreateAsync(Office, Body([await PatentAsync()], method: "ExchangeListing"))).GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/v1/listings/{inReview}/submit", null), HttpStatusCode.OK);

        var zh = WebUtility.HtmlDecode(await Anonymous.GetStringAsync($"/exchange/listings/{id}"));
        Assert.Contains("固态电解质专利转让", zh);
        Assert.Contains("协议定价公示", zh);
        Assert.Contains("张伟、李娜", zh);
        Assert.Contains("提交异议", zh);
        Assert.DoesNotContain("NegotiatedWithPublicity", zh);
        var en = WebUtility.HtmlDecode(await factory.ClientAs(TestUser.Of(Roles.ExchangeOperator, _exchange), "en").GetStringAsync($"/exchange/listings/{id}"));
        Assert.Contains("Public notice of a negotiated price", en);
        Assert.Contains("Dismiss", en);
        var queue = WebUtility.HtmlDecode(await Exchange.GetStringAsync("/exchange/review"));
        Assert.Contains($"/exchange/listings/{inReview}", queue);
        var review = WebUtility.HtmlDecode(await Exchange.GetStringAsync($"/exchange/listings/{inReview}"));
        Assert.Contains("审核通过并挂牌", review);
        var holder = WebUtility.HtmlDecode(await Office.GetStringAsync("/exchange/listings"));
        Assert.Contains("本机构的挂牌", holder);
        var forbidden = await Company.GetAsync("/exchange/review");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_listing_gets_an_English_title_composed_from_its_subject_or_the_listers_own_and_English_pages_and_search_show_it()
    {
        var word = "镁合金" + Random.Shared.Next(100_000, 999_999);
        var patent = (await Json(await Office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = "CN2021" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".2", type = "Invention", title = $"一种{word}轮毂铸造方法",
            titleEn = "Casting method for magnesium alloy wheels", patenteeNames = "复旦大学", filingDate = "2021-06-01",
            grantAnnouncementDate = "2023-08-01", legalStatus = "InForce", annualFeePaidUntil = "2026-05-31", ipcCodes = "B22D 17/00",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        object Terms(string? titleEn, int? version = null) => new
        {
            title = $"{word}轮毂铸造专利（专利转让）", titleEn, description = "镁合金轮毂低压铸造工艺。", subjectType = "Patent", patentIds = new[] { patent },
            dealType = "Transfer", pricingMethod = "ExchangeListing", priceYuan = 500_000m, completerNames = new[] { "张伟" }, stateFunded = false, version,
        };

        // none given: composed in English from the patent's English title and the deal, as the Chinese one is
        var created = await CreateAsync(Office, Terms(null));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Casting method for magnesium alloy wheels (transfer)", created.GetProperty("titleEn").GetString());
        // the lister's own English title replaces it, edited with the other terms
        var edited = await Json(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", Terms("Mg wheel casting patent for sale", created.GetProperty("version").GetInt32())), HttpStatusCode.OK);
        Assert.Equal("Mg wheel casting patent for sale", edited.GetProperty("titleEn").GetString());
        await ProblemAssert.HasFieldError(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", Terms(new string('x', 201), edited.GetProperty("version").GetInt32())),
            "titleEn", "listing.field_too_long");

        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { }), HttpStatusCode.OK);
        await factory.DrainAsync();
        var list = await Json(await Company.GetAsync($"/api/v1/listings?q={Uri.EscapeDataString(word)}"), HttpStatusCode.OK);
        Assert.Equal("Mg wheel casting patent for sale", list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("titleEn").GetString());

        // the search hit carries the two titles apart: the Chinese page shows the Chinese one, the English page the English one
        var hit = (await Json(await Company.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(word)}&type=listing"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal($"{word}轮毂铸造专利（专利转让）", hit.GetProperty("title").GetString());
        Assert.Equal("Mg wheel casting patent for sale", hit.GetProperty("titleEn").GetString());
        var user = TestUser.Of(Roles.Enterprise, _company);
        var zh = WebUtility.HtmlDecode(await factory.ClientAs(user, "zh-CN").GetStringAsync($"/search?q={Uri.EscapeDataString(word)}"));
        var en = WebUtility.HtmlDecode(await factory.ClientAs(user, "en").GetStringAsync($"/search?q={Uri.EscapeDataString(word)}"));
        Assert.DoesNotContain("Mg wheel casting patent for sale", zh);
        Assert.Contains("Mg wheel casting patent for sale", en);
        Assert.DoesNotContain("轮毂铸造专利（专利转让）", en);
        foreach (var (client, title) in new[] { (factory.ClientAs(user, "en"), "Mg wheel casting patent for sale"), (factory.ClientAs(user, "zh-CN"), $"{word}轮毂铸造专利（专利转让）") })
        {
            Assert.Contains($"<span data-testid=\"listing-title\">{title}</span>", WebUtility.HtmlDecode(await client.GetStringAsync($"/exchange/listings/{id}")));
        }
    }

    [Fact]
    public async Task A_listing_is_found_in_search_by_everyone_once_published_and_only_by_its_side_before()
    {
        var word = "钒液流" + Random.Shared.Next(100_000, 999_999);
        var draft = await CreateAsync(Office, new
        {
            title = $"{word}储能电堆专利转让", description = "全钒液流电池电堆密封结构。", subjectType = "Patent", patentIds = new[] { await PatentAsync() },
            dealType = "Transfer", pricingMethod = "ExchangeListing", priceYuan = 500_000m, completerNames = new[] { "张伟" }, stateFunded = true,
        });
        var id = draft.GetProperty("id").GetGuid();
        await factory.DrainAsync();

        async Task<bool> FoundAsync(HttpClient client)
        {
            var r = await Json(await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(word)}&type=listing"), HttpStatusCode.OK);
            return r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
        }

        Assert.True(await FoundAsync(Office));
        Assert.False(await FoundAsync(Anonymous));
        Assert.False(await FoundAsync(Company));

        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        await ValuedAsync(id, 500_000m);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { }), HttpStatusCode.OK);
        await factory.DrainAsync();
        Assert.True(await FoundAsync(Anonymous));
        Assert.True(await FoundAsync(Company));
    }

    [Fact]
    public async Task A_related_party_deal_is_not_confirmed_without_its_approval_reference_nor_before_the_notice_ends()
    {
        var published = await PublishedAsync();
        var id = published.GetProperty("id").GetGuid();
        var version = published.GetProperty("version").GetInt32();
        var url = $"/api/v1/listings/{id}/related-party";

        await ProblemAssert.IsProblem(await Researcher.PostAsJsonAsync(url, new { relatedParty = true, version }), HttpStatusCode.Forbidden, "listing.role_not_allowed");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync(url, new { relatedParty = true, version }), HttpStatusCode.Forbidden, "listing.not_listers_listing");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync(url, new { relatedParty = false, approvalRef = "x", version }), "approvalRef", "listing.approval_ref_without_flag");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync(url, new { relatedParty = true }), "version", "listing.version_required");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync(url, new { relatedParty = true, version = version + 5 }), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/listings/{Guid.NewGuid()}/related-party", new { relatedParty = true, version }), HttpStatusCode.NotFound, "listing.not_found");

        // the operator flags it; the lister is told; the deal is blocked until the reference is recorded
        var flagged = await Json(await Exchange.PostAsJsonAsync(url, new { relatedParty = true, version }), HttpStatusCode.OK);
        Assert.True(flagged.GetProperty("relatedParty").GetBoolean());
        Assert.Equal("Published", flagged.GetProperty("status").GetString());
        factory.Clock.Advance(TimeSpan.FromDays(15));
        var blocked = await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.False(blocked.GetProperty("canConfirmDeal").GetBoolean());
        Assert.Equal("listing.related_party_approval_required", blocked.GetProperty("dealBlockedCode").GetString());
        var v = blocked.GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync(url, new { relatedParty = false, version = v }), HttpStatusCode.Forbidden, "listing.related_party_clear_operator_only");

        var approved = await Json(await Office.PostAsJsonAsync(url, new { relatedParty = true, approvalRef = "校办〔2026〕12号", version = v }), HttpStatusCode.OK);
        Assert.True(approved.GetProperty("canConfirmDeal").GetBoolean());
        Assert.Equal("校办〔2026〕12号", approved.GetProperty("relatedPartyApprovalRef").GetString());
        var seen = await Json(await Anonymous.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        Assert.True(seen.GetProperty("relatedParty").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("relatedPartyApprovalRef").ValueKind);
        Assert.True(await factory.WithDbAsync(async (db, _) =>
            await db.Set<Notification>().AnyAsync(n => n.RecipientOrganizationId == _fudan && n.TitleZh.Contains("关联交易"))));
    }

    [Fact]
    public async Task The_market_approach_reads_registered_contracts_and_shows_figures_only_with_enough_comparables()
    {
        // the Contracts module's lookup: effectively registered contracts of a category within the dates
        var parties = await factory.NewPartiesAsync();
        var registered = await factory.RegisteredAsync(parties, total: 321_000m);
        var submitted = await factory.SubmittedAsync(parties);
        var today = factory.Clock.Today();
        using (var scope = factory.Services.CreateScope())
        {
            var lookup = scope.ServiceProvider.GetRequiredService<IRegisteredContractLookup>();
            var found = await lookup.RegisteredAsync("Development", today.AddYears(-3), today, CancellationToken.None);
            var mine = Assert.Single(found, c => c.ContractId == registered);
            Assert.Equal(321_000m, mine.AmountYuan);
            Assert.Equal(today, mine.RegisteredOn);
            Assert.DoesNotContain(found, c => c.ContractId == submitted);
            Assert.DoesNotContain(await lookup.RegisteredAsync("Transfer", today.AddYears(-3), today, CancellationToken.None), c => c.ContractId == registered);
            Assert.DoesNotContain(await lookup.RegisteredAsync("Development", today.AddDays(1), today.AddDays(2), CancellationToken.None), c => c.ContractId == registered);
        }

        var id = (await PublishedAsync()).GetProperty("id").GetGuid();
        var url = $"/api/v1/listings/{id}/valuation/market";
        var market = await Json(await Office.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("Transfer", market.GetProperty("category").GetString());
        Assert.Equal(5, market.GetProperty("minComparables").GetInt32());
        Assert.False(market.GetProperty("shown").GetBoolean()); // no transfer contracts in this field: nothing is shown
        Assert.Equal(JsonValueKind.Null, market.GetProperty("medianYuan").ValueKind);
        Assert.Equal(0, market.GetProperty("comparables").GetArrayLength());
        await Json(await Exchange.GetAsync(url), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Company.GetAsync(url), HttpStatusCode.NotFound, "listing.not_found"); // the valuation is the listing side's
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync(url)).StatusCode);
        await ProblemAssert.IsProblem(await Company.GetAsync($"/api/v1/listings/{Guid.NewGuid()}/valuation/market"), HttpStatusCode.NotFound, "listing.not_found");
    }

    [Fact]
    public async Task The_lister_withdraws_with_reasons_and_a_withdrawn_listing_stays_withdrawn()
    {
        var id = (await PublishedAsync("Auction")).GetProperty("id").GetGuid();
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/withdraw", new { }), "reason", "listing.field_required");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"/api/v1/listings/{id}/withdraw", new { reason = "x" }), HttpStatusCode.Forbidden, "listing.not_listers_listing");
        var w = await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/withdraw", new { reason = "转让方案调整" }), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", w.GetProperty("status").GetString());
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/withdraw", new { reason = "again" }), HttpStatusCode.Conflict, "listing.not_withdrawable");
    }
}

public sealed class ListingApiTests_Sqlite(SqliteFactory f) : ListingApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ListingApiTests_Postgres(PostgresFactory f) : ListingApiTests(f), IClassFixture<PostgresFactory>;
