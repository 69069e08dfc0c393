using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Contracts;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Audit;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// Exchange deals (成交) through HTTP on both databases: the operator confirms a negotiated deal after the public notice,
/// a sold lot opens its deal (and a winner's default annuls it), the buyer and the operator sign the 成交确认书 (recorded
/// acceptance) with every denial, the PDF, and the <c>exchangeDeal</c> contract draft (seller 201, buyer 403, stranger 404,
/// one draft per deal, not before confirmation, an existing link refuses and leaves no draft).
/// </summary>
public abstract partial class DealApiTests(TechTransferFactory factory)
{
    private sealed record World(Organization Seller, Organization Buyer, Organization Exchange, TestUser Office, TestUser BuyerUser,
        TestUser Operator, Guid Listing, int ListingVersion, string ApplicationNo);

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private HttpClient As(TestUser user) => factory.ClientAs(user);

    /// <summary>The factory, for the other part of this class (DealEvidenceApiTests.cs).</summary>
    private TechTransferFactory Factory => factory;

    /// <summary>A university lists its patent at a negotiated price; the operator publishes; optionally the 15-day notice runs out.</summary>
    private async Task<World> WorldAsync(string dealType = "Transfer", bool noticeEnded = true)
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var exchange = await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution);
        var office = TestUser.Of(Roles.InstitutionAdmin, seller.Id);
        var appNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1";
        var patent = await Json(await As(office).PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = appNo, publicationNo = "CN111222333B", type = "Invention", title = "一种锂电池缺陷检测方法", patenteeNames = seller.NameZh,
            filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06", legalStatus = "InForce", annualFeePaidUntil = "2031-05-09",
        }), HttpStatusCode.Created);
        var listing = await Json(await As(office).PostAsJsonAsync("/api/v1/listings", new
        {
            title = "锂电池缺陷检测专利", description = "基于深度学习的锂电池缺陷检测方法。", subjectType = "Patent",
            patentIds = new[] { patent.GetProperty("id").GetGuid() }, dealType, pricingMethod = "NegotiatedWithPublicity", priceYuan = 800_000m,
            documents = Array.Empty<string>(), completerNames = new[] { "张伟" }, stateFunded = true,
        }), HttpStatusCode.Created);
        var id = listing.GetProperty("id").GetGuid();
        await Json(await As(office).PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        // R6.3: a state-funded seller values the listing and chooses the value before the operator publishes it
        await Json(await As(office).PostAsJsonAsync($"/api/v1/listings/{id}/valuation/cost", new
        {
            replacementCostYuan = 600_000m, physicalObsolescencePercent = 0m, functionalObsolescencePercent = 0m, economicObsolescencePercent = 0m,
        }), HttpStatusCode.Created);
        await Json(await As(office).PostAsJsonAsync($"/api/v1/listings/{id}/valuation/choice", new { basis = "Cost", valueYuan = 500_000m, rationale = "重置成本法" }),
            HttpStatusCode.OK);
        var op = TestUser.Of(Roles.ExchangeOperator, exchange.Id, "op-" + Guid.NewGuid().ToString("N")[..6]);
        var published = await Json(await As(op).PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }), HttpStatusCode.OK);
        if (noticeEnded) factory.Clock.SetUtcNow(factory.Clock.GetUtcNow().AddDays(16));
        return new World(seller, buyer, exchange, office, TestUser.Of(Roles.Enterprise, buyer.Id, "buyer-" + Guid.NewGuid().ToString("N")[..6]), op, id,
            published.GetProperty("version").GetInt32(), patent.GetProperty("applicationNo").GetString()!);
    }

    private static object Confirm(World w, decimal price = 750_000m, string settlement = "LumpSum", object[]? instalments = null, int? version = null) =>
        new { buyerOrganizationId = w.Buyer.Id, priceYuan = price, settlement, instalments = instalments ?? [], version = version ?? w.ListingVersion };

    private async Task<JsonElement> DealAsync(World w, object? body = null) =>
        await Json(await As(w.Operator).PostAsJsonAsync($"/api/v1/listings/{w.Listing}/deal", body ?? Confirm(w)), HttpStatusCode.Created);

    private async Task<JsonElement> SignedAsync(World w, Guid deal)
    {
        var d = await Json(await As(w.BuyerUser).GetAsync($"/api/v1/exchange/deals/{deal}"), HttpStatusCode.OK);
        d = await Json(await As(w.BuyerUser).PostAsJsonAsync($"/api/v1/exchange/deals/{deal}/signatures", new { accept = true, version = d.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        return await Json(await As(w.Operator).PostAsJsonAsync($"/api/v1/exchange/deals/{deal}/signatures", new { accept = true, version = d.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
    }

    private static object Prefill(Guid id) => new { sourceType = "exchangeDeal", sourceId = id };

    [Fact]
    public async Task Deal_list_sorts_filters_and_exports_the_deals_the_caller_may_see()
    {
        var w = await WorldAsync();
        var dealNo = (await DealAsync(w)).GetProperty("dealNo").GetString()!;
        var today = factory.Clock.Today().ToString("yyyy-MM-dd"); // the deal's date (the next world moves the clock on)
        var w2 = await WorldAsync();
        await DealAsync(w2, Confirm(w2, price: 600_000m));
        static decimal[] Prices(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("priceYuan").GetDecimal()).ToArray();
        var byPrice = await Json(await As(w.Operator).GetAsync("/api/v1/exchange/deals?sort=price&pageSize=100"), HttpStatusCode.OK);
        Assert.Equal(Prices(byPrice).Order().ToArray(), Prices(byPrice));
        var byPriceDesc = await Json(await As(w.Operator).GetAsync("/api/v1/exchange/deals?sort=price&desc=true&pageSize=100"), HttpStatusCode.OK);
        Assert.Equal(Prices(byPriceDesc).OrderDescending().ToArray(), Prices(byPriceDesc));
        var one = await Json(await As(w.Operator).GetAsync($"/api/v1/exchange/deals?organizationId={w.Seller.Id}"), HttpStatusCode.OK);
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        Assert.Equal(dealNo, one.GetProperty("items")[0].GetProperty("dealNo").GetString());
        Assert.Equal(1, (await Json(await As(w.Operator).GetAsync($"/api/v1/exchange/deals?q={dealNo}&from={today}&to={today}"), HttpStatusCode.OK))
            .GetProperty("total").GetInt32());
        await ProblemAssert.HasFieldError(await As(w.Operator).GetAsync("/api/v1/exchange/deals?sort=buyer"), "sort", "paging.unknown_sort");

        foreach (var (language, priceHeader, statusHeader, pending) in new[] { ("zh-CN", "成交价", "状态", "待签署"), ("en", "Price", "Status", "Awaiting signatures") })
        {
            var response = await factory.ClientAs(w.Office, language).GetAsync("/api/v1/exchange/deals/export");
            ListApi.AssertExportName(response, "deals");
            var row = Assert.Single(await ListFile.RowsAsync(response));
            Assert.Equal(750_000m, Convert.ToDecimal(row[priceHeader], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(pending, row[statusHeader]?.ToString());
        }
        Assert.Single(await ListFile.RowsAsync(await As(w.BuyerUser).GetAsync("/api/v1/exchange/deals/export")));
        // the other deal's seller never sees this one, not even by naming it
        Assert.Empty(await ListFile.RowsAsync(await As(w2.Office).GetAsync($"/api/v1/exchange/deals/export?q={dealNo}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/exchange/deals/export")).StatusCode);
    }

    [Fact]
    public async Task Operator_confirms_a_negotiated_deal_after_the_notice_with_the_commission_and_every_denial()
    {
        var w = await WorldAsync(noticeEnded: false);
        var url = $"/api/v1/listings/{w.Listing}/deal";
        // the notice still runs (R6.2)
        await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, Confirm(w)), HttpStatusCode.Conflict, "listing.notice_not_ended");
        factory.Clock.SetUtcNow(factory.Clock.GetUtcNow().AddDays(16));

        await ProblemAssert.IsProblem(await As(w.Office).PostAsJsonAsync(url, Confirm(w)), HttpStatusCode.Forbidden, "exchange_deal.operator_only");
        // every field error at once, before the listing is loaded
        var bad = await As(w.Operator).PostAsJsonAsync($"/api/v1/listings/{Guid.NewGuid()}/deal", new
        {
            buyerOrganizationId = Guid.NewGuid(), priceYuan = 0.001m, settlement = "Instalments",
            instalments = new[] { new { dueDate = "2020-01-01", amountYuan = 1m, milestone = (string?)null } },
        });
        await ProblemAssert.HasFieldError(bad, "buyerOrganizationId", "reference.not_found");
        await ProblemAssert.HasFieldError(bad, "priceYuan", "exchange_deal.price_invalid");
        await ProblemAssert.HasFieldError(bad, "instalments", "exchange_deal.instalments_required");
        await ProblemAssert.HasFieldError(bad, "version", "exchange_deal.version_required");
        var today = factory.Clock.Today();
        await ProblemAssert.HasFieldError(await As(w.Operator).PostAsJsonAsync(url, Confirm(w, 750_000m, "Instalments",
            [new { dueDate = today.AddDays(7), amountYuan = 300_000m, milestone = "签约" }, new { dueDate = today.AddDays(90), amountYuan = 400_000m, milestone = "验收" }])),
            "instalments", "exchange_deal.instalments_sum");
        await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync($"/api/v1/listings/{Guid.NewGuid()}/deal", Confirm(w)), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, Confirm(w, version: w.ListingVersion + 1)), HttpStatusCode.Conflict, "concurrency.conflict");
        await ProblemAssert.HasFieldError(await As(w.Operator).PostAsJsonAsync(url, new { buyerOrganizationId = w.Seller.Id, priceYuan = 1m, settlement = "LumpSum", instalments = Array.Empty<object>(), version = w.ListingVersion }),
            "buyerOrganizationId", "exchange_deal.buyer_is_seller");

        var deal = await DealAsync(w, Confirm(w, 750_000m, "Instalments",
            [new { dueDate = today.AddDays(7), amountYuan = 300_000m, milestone = "签约" }, new { dueDate = today.AddDays(90), amountYuan = 450_000m, milestone = "验收" }]));
        Assert.Equal("PendingSignatures", deal.GetProperty("status").GetString());
        Assert.Equal("NegotiatedListing", deal.GetProperty("origin").GetString());
        Assert.Equal(w.Seller.Id, deal.GetProperty("seller").GetProperty("organizationId").GetGuid());
        Assert.Equal(w.Buyer.Id, deal.GetProperty("buyer").GetProperty("organizationId").GetGuid());
        Assert.Equal(750_000m, deal.GetProperty("priceYuan").GetDecimal());
        // R6.6: each side's commission at the configured rate (1.5 %), at the fen
        Assert.Equal(11_250m, deal.GetProperty("sellerCommissionYuan").GetDecimal());
        Assert.Equal(11_250m, deal.GetProperty("buyerCommissionYuan").GetDecimal());
        Assert.Equal(2, deal.GetProperty("instalments").GetArrayLength());
        Assert.Equal(today.AddDays(7).ToString("yyyy-MM-dd"), deal.GetProperty("paymentDueOn").GetString());
        var id = deal.GetProperty("id").GetGuid();
        // one live deal per listing
        var version = (await Json(await As(w.Operator).GetAsync($"/api/v1/listings/{w.Listing}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, Confirm(w, version: version)), HttpStatusCode.Conflict, "exchange_deal.live_deal_exists");
        // both parties and the operator were told, in the same save; the deal was audited
        Assert.True(await factory.WithDbAsync(async (db, _) =>
            await db.Set<Notification>().CountAsync(n => n.Link == $"/exchange/deals/{id}") == 3
            && await db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(ExchangeDeal) && a.EntityId == id.ToString())));
        // lists: the operator and both parties; a stranger sees nothing
        var stranger = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        foreach (var who in new[] { w.Operator, w.Office, w.BuyerUser })
            Assert.Contains((await Json(await As(who).GetAsync("/api/v1/exchange/deals?pageSize=200"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
                e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(0, (await Json(await As(stranger).GetAsync("/api/v1/exchange/deals"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await ProblemAssert.HasFieldError(await As(w.Operator).GetAsync("/api/v1/exchange/deals?status=Nope"), "status", "exchange_deal.unknown_filter");
    }

    [Fact]
    public async Task R6_3_a_negotiated_deal_below_the_chosen_valuation_or_without_one_is_refused_and_nothing_is_stored()
    {
        var w = await WorldAsync(); // valued at 500,000, listed at 800,000
        var url = $"/api/v1/listings/{w.Listing}/deal";
        var below = await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, Confirm(w, 499_999.99m)),
            HttpStatusCode.UnprocessableEntity, "valuation.reserve_below_valuation");
        Assert.Equal("R6.3", below.GetProperty("rule").GetString());
        Assert.Equal("priceYuan", below.GetProperty("fieldErrors")[0].GetProperty("field").GetString());
        // a listing published before the rule, whose required valuation was never chosen, cannot be confirmed either
        await factory.WithDbAsync(async (db, _) =>
        {
            var v = await db.Set<TechTransfer.Exchange.Domain.Valuation.ListingValuation>().SingleAsync(x => x.ListingId == w.Listing);
            db.Remove(v);
            return await db.SaveChangesAsync();
        });
        var notChosen = await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, Confirm(w, 800_000m)),
            HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("R6.3", notChosen.GetProperty("rule").GetString());
        Assert.Equal(0, await factory.WithDbAsync((db, _) => db.Set<ExchangeDeal>().CountAsync(d => d.ListingId == w.Listing)));
    }

    [Fact]
    public async Task Buyer_and_operator_sign_the_confirmation_both_signatures_confirm_the_deal_with_every_denial()
    {
        var w = await WorldAsync();
        var deal = await DealAsync(w);
        var id = deal.GetProperty("id").GetGuid();
        var url = $"/api/v1/exchange/deals/{id}/signatures";
        var v = deal.GetProperty("version").GetInt32();
        var stranger = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);

        await ProblemAssert.IsProblem(await As(stranger).GetAsync($"/api/v1/exchange/deals/{id}"), HttpStatusCode.NotFound, "exchange_deal.not_found");
        await ProblemAssert.IsProblem(await As(stranger).PostAsJsonAsync(url, new { accept = true, version = v }), HttpStatusCode.NotFound, "exchange_deal.not_found");
        await ProblemAssert.IsProblem(await As(stranger).GetAsync($"/api/v1/exchange/deals/{id}/confirmation.pdf"), HttpStatusCode.NotFound, "exchange_deal.not_found");
        // the seller side and a buyer-side role that does not sign: 403
        await ProblemAssert.IsProblem(await As(w.Office).PostAsJsonAsync(url, new { accept = true, version = v }), HttpStatusCode.Forbidden, "exchange_deal.not_a_signer");
        await ProblemAssert.IsProblem(await As(TestUser.Of(Roles.Registrar, w.Buyer.Id)).PostAsJsonAsync(url, new { accept = true, version = v }),
            HttpStatusCode.Forbidden, "exchange_deal.not_a_signer");
        await ProblemAssert.HasFieldError(await As(w.BuyerUser).PostAsJsonAsync(url, new { accept = false }), "accept", "exchange_deal.accept_required");
        await ProblemAssert.IsProblem(await As(w.BuyerUser).PostAsJsonAsync(url, new { accept = true, version = v + 1 }), HttpStatusCode.Conflict, "concurrency.conflict");

        var pending = await Json(await As(w.BuyerUser).GetAsync($"/api/v1/exchange/deals/{id}"), HttpStatusCode.OK);
        Assert.True(pending.GetProperty("canSign").GetBoolean());
        Assert.Equal("Buyer", pending.GetProperty("mySide").GetString());
        var buyerSigned = await Json(await As(w.BuyerUser).PostAsJsonAsync(url, new { accept = true, version = v }), HttpStatusCode.OK);
        Assert.Equal("PendingSignatures", buyerSigned.GetProperty("status").GetString());
        var sig = Assert.Single(buyerSigned.GetProperty("signatures").EnumerateArray());
        Assert.Equal("Buyer", sig.GetProperty("side").GetString());
        Assert.Equal(w.BuyerUser.UserId, sig.GetProperty("userId").GetGuid());
        Assert.Matches("^[0-9a-f]{64}$", sig.GetProperty("pdfSha256").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), sig.GetProperty("signedAt").GetDateTimeOffset());
        var v2 = buyerSigned.GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await As(w.BuyerUser).PostAsJsonAsync(url, new { accept = true, version = v2 }), HttpStatusCode.Conflict, "exchange_deal.already_signed");
        Assert.False(await factory.WithDbAsync(async (db, _) => await db.Set<Notification>().AnyAsync(n => n.Link == $"/exchange/deals/{id}" && n.TitleZh.Contains("双方签署"))));

        var confirmed = await Json(await As(w.Operator).PostAsJsonAsync(url, new { accept = true, version = v2 }), HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(2, confirmed.GetProperty("signatures").GetArrayLength());
        await ProblemAssert.IsProblem(await As(w.Operator).PostAsJsonAsync(url, new { accept = true, version = confirmed.GetProperty("version").GetInt32() }),
            HttpStatusCode.Conflict, "exchange_deal.not_pending");
        Assert.True((await Json(await As(w.Office).GetAsync($"/api/v1/exchange/deals/{id}"), HttpStatusCode.OK)).GetProperty("canPrepareContract").GetBoolean());
        Assert.True(await factory.WithDbAsync(async (db, _) =>
            await db.Set<Notification>().CountAsync(n => n.Link == $"/exchange/deals/{id}" && n.TitleZh.Contains("双方签署")) == 3
            && await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(ExchangeDeal) && a.EntityId == id.ToString() && a.Action == "Modified") >= 2));

        // the 成交确认书: Chinese text with the parties, the price, the commission and both signatures, for the parties and the operator
        foreach (var who in new[] { w.Office, w.BuyerUser, w.Operator })
        {
            var pdf = await As(who).GetAsync($"/api/v1/exchange/deals/{id}/confirmation.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            using var doc = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
            var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
            Assert.Contains("成交确认书", text);
            Assert.Contains(w.Seller.NameZh.Replace(" ", ""), text);
            Assert.Contains(w.Buyer.NameZh.Replace(" ", ""), text);
            Assert.Contains("750,000.00元", text);
            Assert.Contains("11,250.00元", text);
            Assert.Contains("已确认", text);
            Assert.Contains(w.ApplicationNo, text);
        }
    }

    [Fact]
    public async Task Seller_prepares_the_exchange_deal_contract_draft_and_the_deal_shows_it()
    {
        var w = await WorldAsync();
        var deal = await DealAsync(w);
        var id = deal.GetProperty("id").GetGuid();
        // not before both signatures
        await ProblemAssert.IsProblem(await As(w.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Conflict, "exchange_deal.not_confirmed");
        var confirmed = await SignedAsync(w, id);
        var stranger = TestUser.Of(Roles.InstitutionAdmin, (await factory.CreateOrganizationAsync()).Id);
        await ProblemAssert.IsProblem(await As(stranger).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.NotFound, "contract.prefill_source_not_found");
        await ProblemAssert.IsProblem(await As(w.BuyerUser).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Forbidden, "contract.prefill_only_seller_side");

        var c = await Json(await As(w.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Created);
        var d = c.GetProperty("details");
        Assert.Equal("Transfer", d.GetProperty("category").GetString());
        Assert.Equal("PatentAssignment", d.GetProperty("subType").GetString());
        Assert.Equal("ExchangeDeal", d.GetProperty("origin").GetString());
        Assert.Equal($"exchangeDeal:{id:N}", d.GetProperty("originRef").GetString());
        Assert.Equal(750_000m, d.GetProperty("totalAmount").GetDecimal());
        Assert.Equal("LumpSumOnce", d.GetProperty("payment").GetProperty("mode").GetString());
        Assert.Equal(factory.Clock.Today().ToString("yyyy-MM-dd"), d.GetProperty("signedDate").GetString());
        var ip = Assert.Single(d.GetProperty("ipRefs").EnumerateArray());
        Assert.Equal(w.ApplicationNo, ip.GetProperty("applicationNo").GetString());
        Assert.Equal("2020-05-10", ip.GetProperty("filingDate").GetString());
        var parties = d.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(w.Seller.Id, parties.Single(p => p.GetProperty("role").GetString() == "Seller").GetProperty("organizationId").GetGuid());
        Assert.Equal(w.Buyer.Id, parties.Single(p => p.GetProperty("role").GetString() == "Buyer").GetProperty("organizationId").GetGuid());
        var contractId = c.GetProperty("id").GetGuid();

        var shown = await Json(await As(w.Office).GetAsync($"/api/v1/exchange/deals/{id}"), HttpStatusCode.OK);
        Assert.Equal(contractId, shown.GetProperty("contractId").GetGuid());
        Assert.False(shown.GetProperty("canPrepareContract").GetBoolean());
        Assert.True(shown.GetProperty("version").GetInt32() > confirmed.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblem(await As(w.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Conflict, "contract.prefill_exists");
    }

    [Fact]
    public async Task A_deal_already_linked_to_a_live_contract_refuses_the_prefill_and_no_draft_is_left()
    {
        var w = await WorldAsync();
        var id = (await DealAsync(w)).GetProperty("id").GetGuid();
        await SignedAsync(w, id);
        var other = Guid.NewGuid();
        await factory.WithDbAsync(async (db, _) =>
        {
            var deal = await db.Set<ExchangeDeal>().SingleAsync(d => d.Id == id);
            db.Entry(deal).Property(d => d.ContractId).CurrentValue = other;
            await db.SaveChangesAsync();
            return true;
        });
        await ProblemAssert.IsProblem(await As(w.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Conflict, "exchange_deal.contract_already_linked");
        Assert.Equal(0, (await Json(await As(w.Office).GetAsync("/api/v1/contracts"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(other, (await Json(await As(w.Office).GetAsync($"/api/v1/exchange/deals/{id}"), HttpStatusCode.OK)).GetProperty("contractId").GetGuid());
    }

    [Fact]
    public async Task Milestone_instalments_and_equity_deals_become_contract_drafts_with_their_payment_terms()
    {
        var w = await WorldAsync();
        var today = factory.Clock.Today();
        var id = (await DealAsync(w, Confirm(w, 600_000m, "Instalments",
            [new { dueDate = today.AddDays(10), amountYuan = 240_000m, milestone = "合同生效" }, new { dueDate = today.AddDays(120), amountYuan = 360_000m, milestone = "技术验收" }])))
            .GetProperty("id").GetGuid();
        await SignedAsync(w, id);
        var c = await Json(await As(w.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(id)), HttpStatusCode.Created);
        var payment = c.GetProperty("details").GetProperty("payment");
        Assert.Equal("LumpSumInstallments", payment.GetProperty("mode").GetString());
        // the schedule keeps each instalment's due date, amount and milestone (付款节点)
        Assert.Equal([(today.AddDays(10).ToString("yyyy-MM-dd"), 240_000m, "合同生效"), (today.AddDays(120).ToString("yyyy-MM-dd"), 360_000m, "技术验收")],
            payment.GetProperty("installments").EnumerateArray().Select(i => (i.GetProperty("dueDate").GetString(), i.GetProperty("amount").GetDecimal(),
                i.GetProperty("milestone").GetString())));

        var e = await WorldAsync("Equity");
        var equity = (await DealAsync(e)).GetProperty("id").GetGuid();
        await SignedAsync(e, equity);
        var ec = await Json(await As(e.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(equity)), HttpStatusCode.Created);
        Assert.Equal("Equity", ec.GetProperty("details").GetProperty("payment").GetProperty("mode").GetString());
        Assert.Equal("Transfer", ec.GetProperty("details").GetProperty("category").GetString());

        var l = await WorldAsync("ExclusiveLicence");
        var licence = (await DealAsync(l)).GetProperty("id").GetGuid();
        await SignedAsync(l, licence);
        var lc = await Json(await As(l.Office).PostAsJsonAsync("/api/v1/contracts/prefill", Prefill(licence)), HttpStatusCode.Created);
        Assert.Equal("Licensing", lc.GetProperty("details").GetProperty("category").GetString());
        Assert.Equal("Exclusive", lc.GetProperty("details").GetProperty("licence").GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_sold_lot_opens_its_deal_a_winner_default_annuls_it_and_the_runner_up_gets_a_new_one()
    {
        var aw = await AuctionTestSupport.WorldAsync(factory);
        var starts = factory.Clock.GetUtcNow().AddDays(8);
        var lot = await OpenLotAsync(factory, aw, starts, TimeSpan.FromHours(1), reserve: 101_000m);
        var a = await RegisteredBidderAsync(factory, lot);
        var b = await RegisteredBidderAsync(factory, lot);
        factory.Clock.SetUtcNow(starts.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, a, lot, 101_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, b, lot, 120_000m)).StatusCode);
        factory.Clock.SetUtcNow(starts.AddHours(1));
        await factory.Services.GetRequiredService<AuctionCloseJob>().RunOnceAsync();

        var deals = await factory.WithDbAsync(async (db, _) => await db.Set<ExchangeDeal>().AsNoTracking().Where(d => d.LotId == lot).ToListAsync());
        var first = Assert.Single(deals);
        Assert.Equal((DealOrigin.Auction, DealStatus.PendingSignatures, b.UserId, b.OrganizationId, aw.Consignor, 120_000m, 1_800m),
            (first.Origin, first.Status, first.BuyerUserId, first.BuyerOrganizationId, first.SellerOrganizationId, first.PriceYuan, first.SellerCommissionYuan));
        // the winner sees it on the workbench; another user of the winner's organisation cannot sign for the winner
        var workbench = await Json(await As(b).GetAsync("/api/v1/workbench"), HttpStatusCode.OK);
        Assert.Contains(workbench.GetProperty("toDo").EnumerateArray(), i => i.GetProperty("key").GetString() == "exchange.deals_to_sign" && i.GetProperty("count").GetInt64() == 1);
        Assert.Equal(1, (await Json(await As(b).GetAsync("/api/v1/exchange/deals?toSign=true"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await ProblemAssert.IsProblem(await As(TestUser.Of(Roles.Enterprise, b.OrganizationId!.Value)).PostAsJsonAsync($"/api/v1/exchange/deals/{first.Id}/signatures",
            new { accept = true, version = first.Version }), HttpStatusCode.Forbidden, "exchange_deal.not_a_signer");

        var version = (await GetAsync(factory, aw.Operator, lot)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await As(aw.Operator).PostAsJsonAsync($"/api/v1/auctions/{lot}/winner-default", new { reason = "竞得人未签署成交确认书", version })).StatusCode);
        deals = await factory.WithDbAsync(async (db, _) => await db.Set<ExchangeDeal>().AsNoTracking().Where(d => d.LotId == lot).OrderBy(d => d.CreatedAt).ThenBy(d => d.Status).ToListAsync());
        Assert.Equal(2, deals.Count);
        var annulled = deals.Single(d => d.Id == first.Id);
        Assert.Equal(DealStatus.Annulled, annulled.Status);
        Assert.Equal("竞得人未签署成交确认书", annulled.AnnulmentReason);
        var second = deals.Single(d => d.Id != first.Id);
        Assert.Equal((DealStatus.PendingSignatures, a.UserId, 101_000m), (second.Status, second.BuyerUserId, second.PriceYuan));
        await ProblemAssert.IsProblem(await As(b).GetAsync($"/api/v1/exchange/deals/{second.Id}"), HttpStatusCode.NotFound, "exchange_deal.not_found");

        // the runner-up defaults too: the lot ends Defaulted and its deal is annulled
        Assert.Equal(HttpStatusCode.OK, (await As(aw.Operator).PostAsJsonAsync($"/api/v1/auctions/{lot}/winner-default", new { reason = "未付款" })).StatusCode);
        Assert.True(await factory.WithDbAsync(async (db, _) => await db.Set<ExchangeDeal>().AllAsync(d => d.LotId != lot || d.Status == DealStatus.Annulled)));
    }
}

public sealed class DealApiTests_Sqlite(SqliteFactory f) : DealApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class DealApiTests_Postgres(PostgresFactory f) : DealApiTests(f), IClassFixture<PostgresFactory>;
