using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.SharedKernel;
using TechTransfer.ApiTests.Contracts;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Exchange;

public abstract class AuctionApiTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Fact]
    public async Task Operator_opens_a_lot_others_may_not_and_terms_are_validated()
    {
        var w = await WorldAsync(factory);
        var starts = Now.AddDays(8);
        var asOffice = await factory.ClientAs(w.Office).PostAsJsonAsync("/api/v1/auctions", LotBody(w, starts, TimeSpan.FromHours(2)), JsonWeb);
        await ProblemAssert.IsProblem(asOffice, HttpStatusCode.Forbidden, "auction.operator_only");

        // announcement too late, reserve choice missing, unknown patent and consignor: every field error at once
        var bad = await factory.ClientAs(w.Operator).PostAsJsonAsync("/api/v1/auctions", new
        {
            title = "", objectType = "Patents", patentIds = new[] { Guid.NewGuid() }, consignorOrganizationId = Guid.NewGuid(),
            startingPrice = 100m, reservePrice = (decimal?)null, noReserve = false, increment = 0.001m,
            startsAt = Now.AddDays(3), endsAt = Now.AddDays(3).AddHours(1),
        }, JsonWeb);
        await ProblemAssert.HasFieldError(bad, "title", "auction.field_required");
        await ProblemAssert.HasFieldError(bad, "startsAt", "auction.announcement_too_late");
        await ProblemAssert.HasFieldError(bad, "reservePrice", "auction.reserve_choice");
        await ProblemAssert.HasFieldError(bad, "increment", "auction.amount_out_of_range");
        await ProblemAssert.HasFieldError(bad, "patentIds[0]", "reference.not_found");
        await ProblemAssert.HasFieldError(bad, "consignorOrganizationId", "reference.not_found");

        var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(2));
        var asOperator = await GetAsync(factory, w.Operator, id);
        Assert.Equal(150_000m, asOperator.GetProperty("reservePrice").GetDecimal());
        Assert.Equal(10_000m, asOperator.GetProperty("deposit").GetDecimal());
        Assert.Equal("Announced", asOperator.GetProperty("phase").GetString());
        var asBidder = await GetAsync(factory, TestUser.Of(Roles.Enterprise, Guid.NewGuid()), id);
        Assert.Equal(JsonValueKind.Null, asBidder.GetProperty("reservePrice").ValueKind); // the reserve stays hidden
        Assert.False(asBidder.GetProperty("noReserve").GetBoolean());
        Assert.Equal([100_000m, 101_000m, 102_000m], asBidder.GetProperty("nextValidAmounts").EnumerateArray().Select(e => e.GetDecimal()));

        var missing = await factory.ClientAs(w.Operator).GetAsync($"/api/v1/auctions/{Guid.NewGuid()}");
        await ProblemAssert.IsProblem(missing, HttpStatusCode.NotFound, "auction.not_found");
        var list = await factory.ClientAs(w.Operator).GetFromJsonAsync<JsonElement>("/api/v1/auctions?phase=Announced&pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Consignor_side_and_staff_cannot_register_bidders_register_once_with_a_held_deposit()
    {
        var w = await WorldAsync(factory);
        var id = await OpenLotAsync(factory, w, Now.AddDays(8), TimeSpan.FromHours(2));
        var url = $"/api/v1/auctions/{id}/registrations";
        var consignorUser = TestUser.Of(Roles.Researcher, w.Consignor);
        await ProblemAssert.IsProblem(await factory.ClientAs(consignorUser).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.consignor_cannot_register");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.registration_role_not_allowed");

        // the operator of a custody agreement in force over the patent is the consignor's proxy (R6.4)
        var custodian = await factory.CreateOrganizationAsync();
        await factory.WithDbAsync(async (db, sp) =>
        {
            var custody = TechTransfer.Patents.Domain.CustodyAgreement.Create(w.Consignor, "TG-" + Guid.NewGuid().ToString("N")[..6],
                TechTransfer.Patents.Domain.CustodySubjectType.Patent, w.Patent, "专利", custodian.Id, "托管机构",
                new TechTransfer.Patents.Domain.CustodyMandate([TechTransfer.Patents.Domain.CustodyDealType.Listing], 1m,
                    BusinessTimeToday(), BusinessTimeToday().AddYears(1)),
                [new TechTransfer.Patents.Domain.CustodyBeneficiary("复旦大学", w.Consignor, 100m)], Now).Value;
            Assert.True(custody.Activate(custodian.Id, Now).IsSuccess);
            db.Add(custody);
            await db.SaveChangesAsync();
            return true;
        });
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.TechManager, custodian.Id)).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.consignor_cannot_register");

        var bidder = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        await ProblemAssert.HasFieldError(await factory.ClientAs(bidder).PostAsJsonAsync(url, new { acceptTerms = false }, JsonWeb), "acceptTerms", "auction.terms_not_accepted");
        var ok = await factory.ClientAs(bidder).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var reg = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, reg.GetProperty("paddleNumber").GetInt32());
        Assert.Equal("Held", reg.GetProperty("depositStatus").GetString());
        Assert.Equal(10_000m, reg.GetProperty("deposit").GetDecimal());
        await ProblemAssert.IsProblem(await factory.ClientAs(bidder).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb), HttpStatusCode.Conflict, "auction.already_registered");
        await ProblemAssert.IsProblem(await factory.ClientAs(bidder).PostAsJsonAsync($"/api/v1/auctions/{Guid.NewGuid()}/registrations", new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.NotFound, "auction.not_found");
        var me = (await GetAsync(factory, bidder, id)).GetProperty("me");
        Assert.True(me.GetProperty("registered").GetBoolean());
    }

    [Fact]
    public async Task Technology_managers_assigned_to_the_achievement_and_the_consignor_office_cannot_register()
    {
        var w = await WorldAsync(factory);
        var achievement = await factory.RegisteredAchievementAsync(w.Consignor);
        var manager = await factory.CreateAccountAsync(Roles.TechManager, (await factory.CreateOrganizationAsync()).Id);
        var assigned = await factory.ClientAs(w.Office).PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = manager.UserId }, JsonWeb);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var other = await factory.CreateAccountAsync(Roles.TechManager, (await factory.CreateOrganizationAsync()).Id);
        var starts = Now.AddDays(8);
        var created = await factory.ClientAs(w.Operator).PostAsJsonAsync("/api/v1/auctions", new
        {
            title = "成果竞价转让", objectType = "Achievement", achievementId = achievement, consignorOrganizationId = w.Consignor,
            startingPrice = 50_000m, reservePrice = (decimal?)null, noReserve = true, increment = 500m, startsAt = starts, endsAt = starts.AddHours(1),
        }, JsonWeb);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"/api/v1/auctions/{id}/registrations";
        await ProblemAssert.IsProblem(await factory.ClientAs(manager).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.consignor_cannot_register");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Office).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.consignor_cannot_register");
        // a manager not assigned to it may bid; the lot shows the "no reserve" label to everyone
        Assert.Equal(HttpStatusCode.Created, (await factory.ClientAs(other).PostAsJsonAsync(url, new { acceptTerms = true }, JsonWeb)).StatusCode);
        Assert.True((await GetAsync(factory, other, id)).GetProperty("noReserve").GetBoolean());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TechTransfer.Data.TechTransferDbContext>()
            .Set<AuctionRegistration>().CountAsync(r => r.LotId == id && (r.UserId == manager.UserId || r.UserId == w.Office.UserId)));
    }

    [Fact]
    public async Task Winner_default_forfeits_the_deposit_offers_the_lot_once_to_the_next_bidder_then_ends_defaulted()
    {
        var w = await WorldAsync(factory);
        var starts = Now.AddDays(8);
        var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), reserve: 101_000m);
        var a = await RegisteredBidderAsync(factory, id);
        var b = await RegisteredBidderAsync(factory, id);
        var c = await RegisteredBidderAsync(factory, id);
        factory.Clock.SetUtcNow(starts.AddMinutes(1));
        foreach (var (who, amount) in new[] { (a, 100_000m), (b, 101_000m), (c, 103_000m) })
            Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, who, id, amount)).StatusCode);
        var url = $"/api/v1/auctions/{id}/winner-default";
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "未付款" }, JsonWeb), HttpStatusCode.Conflict, "auction.not_sold");

        // the close through a writer whose scopes carry a recording sale handler: the hook runs once, inside the close
        factory.Clock.SetUtcNow(starts.AddHours(1));
        var sales = new List<AuctionSold>();
        var writer = new AuctionWriter(new HandlerScopes(factory.Services.GetRequiredService<IServiceScopeFactory>(), new RecordingSoldHandler(sales)),
            factory.Clock, factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuctionOptions>>(), new NoLiveFeed(),
            factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AuctionWriter>>());
        Assert.True((await writer.CloseIfDueAsync(id, CancellationToken.None)).Value);
        Assert.False((await writer.CloseIfDueAsync(id, CancellationToken.None)).Value);
        var sale = Assert.Single(sales);
        Assert.Equal((c.UserId, 103_000m, id, false), (sale.WinnerUserId, sale.HammerPrice, sale.LotId, sale.AfterDefault));
        Assert.Equal([DepositStatus.Released, DepositStatus.Held, DepositStatus.Held], await DepositsAsync(id, a, b, c)); // runner-up b still held

        var version = (await GetAsync(factory, w.Operator, id)).GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await factory.ClientAs(c).PostAsJsonAsync(url, new { reason = "未付款" }, JsonWeb), HttpStatusCode.Forbidden, "auction.operator_only");
        await ProblemAssert.HasFieldError(await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "" }, JsonWeb), "reason", "auction.field_required");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "未付款", version = version + 1 }, JsonWeb),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var offered = await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "竞得人未签署成交确认书", version }, JsonWeb);
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var asB = await GetAsync(factory, b, id);
        Assert.Equal("Sold", asB.GetProperty("phase").GetString());
        Assert.Equal(101_000m, asB.GetProperty("hammerPrice").GetDecimal());
        Assert.True(asB.GetProperty("me").GetProperty("won").GetBoolean());
        Assert.Equal(2, asB.GetProperty("winnerPaddle").GetInt32());
        Assert.Equal([DepositStatus.Released, DepositStatus.Held, DepositStatus.Forfeited], await DepositsAsync(id, a, b, c));

        // the next bidder defaults too: the offer went once, the lot ends Defaulted for a re-auction
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "未付款" }, JsonWeb)).StatusCode);
        var ended = await GetAsync(factory, a, id);
        Assert.Equal("Defaulted", ended.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("hammerPrice").ValueKind);
        Assert.Equal([DepositStatus.Released, DepositStatus.Forfeited, DepositStatus.Forfeited], await DepositsAsync(id, a, b, c));
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync(url, new { reason = "未付款" }, JsonWeb), HttpStatusCode.Conflict, "auction.not_sold");
        var list = await factory.ClientAs(w.Operator).GetFromJsonAsync<JsonElement>("/api/v1/auctions?phase=Defaulted&pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    private async Task<DepositStatus[]> DepositsAsync(Guid lot, params TestUser[] users)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TechTransfer.Data.TechTransferDbContext>().Set<AuctionRegistration>()
            .AsNoTracking().Where(r => r.LotId == lot).ToListAsync();
        return users.Select(u => rows.Single(r => r.UserId == u.UserId).DepositStatus).ToArray();
    }

    private sealed class RecordingSoldHandler(List<AuctionSold> sales) : IAuctionSoldHandler
    {
        public Task OnSoldAsync(AuctionSold sale, TechTransfer.Data.TechTransferDbContext db, CancellationToken ct)
        {
            lock (sales) sales.Add(sale);
            return Task.CompletedTask;
        }
    }

    /// <summary>The host's scopes, except that <see cref="IAuctionSoldHandler"/> resolves to the given handler.</summary>
    private sealed class HandlerScopes(IServiceScopeFactory inner, IAuctionSoldHandler handler) : IServiceScopeFactory
    {
        public IServiceScope CreateScope() => new Scope(inner.CreateAsyncScope(), handler);

        private sealed class Scope(AsyncServiceScope scope, IAuctionSoldHandler handler) : IServiceScope, IServiceProvider, IAsyncDisposable
        {
            public IServiceProvider ServiceProvider => this;
            public object? GetService(Type type) => type == typeof(IEnumerable<IAuctionSoldHandler>) ? new[] { handler } : scope.ServiceProvider.GetService(type);
            public void Dispose() => scope.Dispose();
            public ValueTask DisposeAsync() => scope.DisposeAsync();
        }
    }

    private sealed class NoLiveFeed : IAuctionLiveFeed
    {
        public void Publish(LiveLotState state) { }
    }

    private DateOnly BusinessTimeToday() => TechTransfer.SharedKernel.BusinessTime.DateOf(Now);

    [Fact]
    public async Task Bidding_follows_the_rules_extends_only_on_accepted_bids_and_closes_once()
    {
        var w = await WorldAsync(factory);
        var starts = Now.AddDays(8);
        var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), reserve: 103_000m);
        var a = await RegisteredBidderAsync(factory, id);
        var b = await RegisteredBidderAsync(factory, id);
        var stranger = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);

        await ProblemAssert.IsProblem(await BidAsync(factory, a, id, 100_000m), HttpStatusCode.Conflict, "auction.not_started");
        factory.Clock.SetUtcNow(starts.AddMinutes(1));
        await ProblemAssert.IsProblem(await BidAsync(factory, stranger, id, 100_000m), HttpStatusCode.Forbidden, "auction.not_registered");
        await ProblemAssert.IsProblem(await BidAsync(factory, w.Operator, id, 100_000m), HttpStatusCode.Forbidden, "auction.not_registered");
        await ProblemAssert.HasFieldError(await BidAsync(factory, a, id, 100_000.001m), "amount", "auction.amount_out_of_range");
        await ProblemAssert.HasFieldError(await BidAsync(factory, a, id, 99_999m), "amount", "auction.bid_below_start");
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, a, id, 100_000m)).StatusCode);
        await ProblemAssert.HasFieldError(await BidAsync(factory, b, id, 100_000m), "amount", "auction.bid_not_increment"); // equal: first wins
        await ProblemAssert.HasFieldError(await BidAsync(factory, b, id, 100_500m), "amount", "auction.bid_not_increment");

        // a refused bid inside the window never extends; an accepted one moves the close to acceptance + 5 minutes
        var end = starts.AddHours(1);
        factory.Clock.SetUtcNow(end.AddSeconds(-30));
        await ProblemAssert.HasFieldError(await BidAsync(factory, b, id, 100_001m), "amount", "auction.bid_not_increment");
        Assert.Equal(end, (await GetAsync(factory, b, id)).GetProperty("effectiveCloseAt").GetDateTimeOffset());
        var accepted = await BidAsync(factory, b, id, 102_000m);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("extended").GetBoolean());
        Assert.Equal(end.AddSeconds(-30).AddMinutes(5), body.GetProperty("effectiveCloseAt").GetDateTimeOffset());
        var view = await GetAsync(factory, a, id);
        Assert.Equal(end.AddSeconds(-30).AddMinutes(5), view.GetProperty("effectiveCloseAt").GetDateTimeOffset());
        Assert.Equal(102_000m, view.GetProperty("highBid").GetDecimal());
        Assert.False(view.GetProperty("me").GetProperty("isHighBidder").GetBoolean());

        // bidding goes on after the scheduled end, until the effective close
        factory.Clock.SetUtcNow(end.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, a, id, 103_000m)).StatusCode);
        var close = end.AddMinutes(6);
        factory.Clock.SetUtcNow(close);
        await ProblemAssert.IsProblem(await BidAsync(factory, b, id, 104_000m), HttpStatusCode.Conflict, "auction.closed");
        Assert.Equal("AwaitingClose", (await GetAsync(factory, a, id)).GetProperty("phase").GetString());

        var job = factory.Services.GetRequiredService<AuctionCloseJob>();
        await job.RunOnceAsync();
        await job.RunOnceAsync(); // exactly once
        var sold = await GetAsync(factory, a, id);
        Assert.Equal("Sold", sold.GetProperty("phase").GetString());
        Assert.Equal(103_000m, sold.GetProperty("hammerPrice").GetDecimal());
        Assert.True(sold.GetProperty("me").GetProperty("won").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sold.GetProperty("reservePrice").ValueKind);

        await factory.WithDbAsync(async db =>
        {
            var lot = await db.Set<AuctionLot>().SingleAsync(l => l.Id == id);
            Assert.Equal(a.UserId, lot.WinnerUserId);
            var log = await db.Set<AuctionBid>().Where(x => x.LotId == id).OrderBy(x => x.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(x => x.Sequence));
            Assert.Equal(3, log.Count(x => x.Accepted));
            Assert.All(log.Where(x => !x.Accepted), x => Assert.Equal(x.CloseBefore, x.CloseAfter));
            // one outbid notice for A (coalesced), the results for both, one closed notice per registrant
            var notes = await db.Set<Notification>().Where(n => n.RecipientUserId == a.UserId).ToListAsync();
            Assert.Single(notes, n => n.TitleEn.StartsWith("You were outbid"));
            Assert.Single(notes, n => n.TitleEn.StartsWith("You won"));
        });
        // the operator sees the whole log, bidders the accepted bids
        var full = await factory.ClientAs(w.Operator).GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{id}/bids?pageSize=200");
        var publicLog = await factory.ClientAs(b).GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{id}/bids?pageSize=200");
        Assert.Equal(3, publicLog.GetProperty("total").GetInt32());
        Assert.True(full.GetProperty("total").GetInt32() > 3);
        Assert.All(publicLog.GetProperty("items").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("bidderUserId").ValueKind));
    }

    [Fact]
    public async Task Below_the_reserve_is_no_sale_and_withdrawal_only_before_the_start()
    {
        var w = await WorldAsync(factory);
        var starts = Now.AddDays(8);
        var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), reserve: 500_000m);
        var a = await RegisteredBidderAsync(factory, id);
        var toWithdraw = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1));
        var version = (await GetAsync(factory, w.Operator, toWithdraw)).GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await factory.ClientAs(a).PostAsJsonAsync($"/api/v1/auctions/{toWithdraw}/withdraw", new { reason = "撤回" }, JsonWeb),
            HttpStatusCode.Forbidden, "auction.operator_only");
        await ProblemAssert.HasFieldError(await factory.ClientAs(w.Operator).PostAsJsonAsync($"/api/v1/auctions/{toWithdraw}/withdraw", new { reason = " " }, JsonWeb),
            "reason", "auction.field_required");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync($"/api/v1/auctions/{toWithdraw}/withdraw", new { reason = "委托人撤回", version = version + 1 }, JsonWeb),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var withdrawn = await factory.ClientAs(w.Operator).PostAsJsonAsync($"/api/v1/auctions/{toWithdraw}/withdraw", new { reason = "委托人撤回", version }, JsonWeb);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        factory.Clock.SetUtcNow(starts);
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).PostAsJsonAsync($"/api/v1/auctions/{id}/withdraw", new { reason = "撤回" }, JsonWeb),
            HttpStatusCode.Conflict, "auction.withdraw_after_start");
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, a, id, 200_000m)).StatusCode);
        factory.Clock.SetUtcNow(starts.AddHours(1));
        await factory.Services.GetRequiredService<AuctionCloseJob>().RunOnceAsync();
        var lot = await GetAsync(factory, a, id);
        Assert.Equal("NoSale", lot.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, lot.GetProperty("hammerPrice").ValueKind);
        Assert.Equal(JsonValueKind.Null, lot.GetProperty("reservePrice").ValueKind);
    }
}

public sealed class AuctionApiTests_Sqlite(SqliteFactory f) : AuctionApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AuctionApiTests_Postgres(PostgresFactory f) : AuctionApiTests(f), IClassFixture<PostgresFactory>;
