using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Organizations.Domain;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Settlement;

/// <summary>
/// The escrow ledger through HTTP on both databases: a deal's money is seen by its parties and the operator only; the
/// operator records payments, payouts (commission R6.6), refunds and reversals, each with an Idempotency-Key (replayed,
/// refused when reused with other parameters); no account is ever overdrawn, also under parallel requests on one deal.
/// </summary>
public abstract class SettlementApiTests(TechTransferFactory factory)
{
    private sealed record World(Guid Deal, Organization Seller, Organization Buyer, TestUser Operator, TestUser SellerUser, TestUser BuyerUser);

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A deal of 100,000 yuan, seller 1.5 %, buyer 2 % commission, in two instalments (60,000 + 40,000).</summary>
    private async Task<World> WorldAsync(bool annulled = false)
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var exchange = await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution);
        var now = factory.Clock.GetUtcNow();
        var today = BusinessTime.DateOf(now);
        var id = await factory.WithDbAsync(async (db, sp) =>
        {
            var options = new DealOptions { SellerCommissionPercent = 1.5m, BuyerCommissionPercent = 2m };
            var deal = ExchangeDeal.Create(Guid.NewGuid(), new DealTerms(DealOrigin.Auction, null, Guid.NewGuid(), "锂电池缺陷检测专利转让", DealObjectType.Patents,
                [Guid.NewGuid()], TechTransfer.Exchange.Domain.Listings.ListingDealType.Transfer, seller.Id, buyer.Id, null, 100_000m, DealSettlement.Instalments,
                [new DealInstalment(today.AddDays(10), 60_000m, "签约"), new DealInstalment(today.AddDays(40), 40_000m, "验收")]), options, null, now);
            if (annulled) deal.Annul(null, "买受人违约", now);
            db.Add(deal);
            await db.SaveChangesAsync();
            return deal.Id;
        });
        return new World(id, seller, buyer, TestUser.Of(Roles.ExchangeOperator, exchange.Id, "op-" + Guid.NewGuid().ToString("N")[..6]),
            TestUser.Of(Roles.InstitutionAdmin, seller.Id), TestUser.Of(Roles.Enterprise, buyer.Id));
    }

    private static HttpRequestMessage Command(string path, object body, string? key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) m.Headers.Add("Idempotency-Key", key);
        return m;
    }

    private Task<HttpResponseMessage> Send(TestUser user, Guid deal, string op, object body, string? key = null) =>
        factory.ClientAs(user).SendAsync(Command($"/api/v1/deals/{deal}/settlement/{op}", body, key ?? Guid.NewGuid().ToString()));

    private async Task<JsonElement> Settlement(TestUser user, Guid deal) =>
        await Json(await factory.ClientAs(user).GetAsync($"/api/v1/deals/{deal}/settlement"), HttpStatusCode.OK);

    private static decimal Balance(JsonElement view, string kind) =>
        view.GetProperty("accounts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == kind).Sum(a => a.GetProperty("balance").GetDecimal());

    [Fact]
    public async Task A_deal_is_paid_in_two_instalments_and_paid_out_with_commission_and_every_figure_reconciles()
    {
        var w = await WorldAsync();
        var first = await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 61_200m, reference = "ICBC-0001" }), HttpStatusCode.Created);
        Assert.Equal("PaymentReceived", first.GetProperty("transfer").GetProperty("kind").GetString());
        Assert.Equal(0m, first.GetProperty("transfer").GetProperty("legs").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal()));
        var view = await Settlement(w.BuyerUser, w.Deal);
        Assert.Equal(102_000m, view.GetProperty("amountDue").GetDecimal()); // price + buyer's 2 %
        Assert.Equal(40_800m, view.GetProperty("outstanding").GetDecimal());
        var schedule = view.GetProperty("schedule").EnumerateArray().ToList();
        Assert.True(schedule[0].GetProperty("settled").GetBoolean());
        Assert.Equal(1_200m, schedule[1].GetProperty("covered").GetDecimal());

        await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 40_800m, reference = "ICBC-0002" }), HttpStatusCode.Created);
        var payout = await Json(await Send(w.Operator, w.Deal, "payouts", new { amount = 100_000m, brokerCommission = 500m }), HttpStatusCode.Created);
        Assert.Equal(4, payout.GetProperty("transfer").GetProperty("legs").GetArrayLength());

        view = await Settlement(w.SellerUser, w.Deal);
        Assert.Equal(0m, Balance(view, "ExchangeEscrow"));
        Assert.Equal(98_500m, Balance(view, "SellerPayable"));   // less the seller's 1.5 %
        Assert.Equal(3_000m, Balance(view, "ExchangeFees"));     // 1,500 + 2,000 − 500
        Assert.Equal(500m, Balance(view, "BrokerCommission"));
        Assert.Equal(102_000m, view.GetProperty("externalNet").GetDecimal());
        Assert.Equal(0m, view.GetProperty("outstanding").GetDecimal());
        Assert.True(view.GetProperty("reconciled").GetBoolean());
        Assert.Equal(3, view.GetProperty("transfers").GetArrayLength());
        Assert.Equal([1L, 2L, 3L], view.GetProperty("transfers").EnumerateArray().Select(t => t.GetProperty("sequence").GetInt64()));

        // stored balances equal the sum of their legs, and every transfer balances (checked on the tables themselves)
        await factory.WithDbAsync(async db =>
        {
            var accounts = await db.Set<LedgerAccount>().Where(a => a.DealId == w.Deal).ToListAsync();
            var legs = await db.Set<LedgerLeg>().Where(l => db.Set<LedgerTransfer>().Any(t => t.Id == l.TransferId && t.DealId == w.Deal)).ToListAsync();
            foreach (var a in accounts) Assert.Equal(a.Balance, legs.Where(l => l.AccountId == a.Id).Sum(l => l.Amount));
            foreach (var g in legs.GroupBy(l => l.TransferId)) Assert.Equal(0m, g.Sum(l => l.Amount));
            Assert.Equal(0m, legs.Sum(l => l.Amount));
        });
    }

    [Fact]
    public async Task Buyers_are_reminded_before_an_unpaid_instalment_is_due_and_both_sides_when_it_is_overdue_each_once()
    {
        var w = await WorldAsync(); // instalments of 60,000 due in 10 days and 40,000 due in 40 days; reminders 7 days ahead
        var job = factory.Services.GetRequiredService<TechTransfer.Platform.Jobs.DeadlineReminderJob>();
        Task<List<string>> Keys() => factory.WithDbAsync(async (db, _) =>
            await db.Notifications.Where(n => n.DedupKey != null && n.DedupKey.Contains(w.Deal.ToString("N"))).OrderBy(n => n.DedupKey).Select(n => n.DedupKey!).ToListAsync());
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await Keys());
        factory.Clock.Advance(TimeSpan.FromDays(4));
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        var due = Assert.Single(await Keys());
        Assert.StartsWith("settlement.due:", due);
        var notice = await factory.WithDbAsync((db, _) => db.Notifications.SingleAsync(n => n.DedupKey == due));
        Assert.Equal((w.Buyer.Id, "/settlement/deals/" + w.Deal), (notice.RecipientOrganizationId!.Value, notice.Link!));
        Assert.Contains("60000.00", notice.TitleZh);

        // the first instalment paid (with the buyer's commission on it); forty-one days on, only the second is overdue
        await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 61_200m }), HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromDays(37));
        await job.RunOnceAsync(CancellationToken.None);
        var keys = await Keys();
        Assert.Equal(3, keys.Count);
        Assert.Equal(2, keys.Count(k => k.StartsWith("settlement.overdue:") && k.Contains(":2:")));
        Assert.Contains(keys, k => k.EndsWith(":seller"));
    }

    [Fact]
    public async Task Only_the_deals_parties_and_the_operator_see_its_money()
    {
        var w = await WorldAsync();
        await Settlement(w.Operator, w.Deal);
        await Settlement(w.SellerUser, w.Deal);
        await Settlement(w.BuyerUser, w.Deal);
        var stranger = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, stranger.Id)).GetAsync($"/api/v1/deals/{w.Deal}/settlement"),
            HttpStatusCode.NotFound, "settlement.not_found");
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Analyst, stranger.Id)).GetAsync($"/api/v1/deals/{w.Deal}/settlement"),
            HttpStatusCode.NotFound, "settlement.not_found");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).GetAsync($"/api/v1/deals/{Guid.NewGuid()}/settlement"),
            HttpStatusCode.NotFound, "settlement.not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"/api/v1/deals/{w.Deal}/settlement")).StatusCode);
    }

    [Fact]
    public async Task Only_the_operator_records_money_and_every_refusal_stores_nothing()
    {
        var w = await WorldAsync();
        foreach (var op in new[] { "payments", "payouts", "refunds" })
        {
            await ProblemAssert.IsProblem(await Send(w.BuyerUser, w.Deal, op, new { amount = 10m }), HttpStatusCode.Forbidden, "settlement.operator_only");
            await ProblemAssert.IsProblem(await Send(w.SellerUser, w.Deal, op, new { amount = 10m }), HttpStatusCode.Forbidden, "settlement.operator_only");
        }
        // the body and the key are checked before the deal is looked up: every field error at once
        var r = await factory.ClientAs(w.Operator).SendAsync(Command($"/api/v1/deals/{Guid.NewGuid()}/settlement/payments", new { amount = 1.005m, note = new string('n', 501) }, null));
        var problem = await ProblemAssert.HasFieldError(r, "idempotencyKey", "settlement.idempotency_key_required");
        Assert.Contains(problem.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "settlement.amount_invalid");
        Assert.Contains(problem.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "settlement.note_too_long");
        await ProblemAssert.HasFieldError(await Send(w.Operator, w.Deal, "payments", new { }), "amount", "settlement.amount_required");
        await ProblemAssert.HasFieldError(await Send(w.Operator, w.Deal, "payments", new { amount = -5m }), "amount", "settlement.amount_invalid");
        await ProblemAssert.HasFieldError(await Send(w.Operator, w.Deal, "payments", new { amount = 5m }, "has space"), "idempotencyKey", "settlement.idempotency_key_required");
        await ProblemAssert.IsProblem(await Send(w.Operator, Guid.NewGuid(), "payments", new { amount = 5m }), HttpStatusCode.NotFound, "settlement.not_found");
        await ProblemAssert.HasFieldError(await factory.ClientAs(w.Operator).SendAsync(
            Command($"/api/v1/deals/{w.Deal}/settlement/transfers/{Guid.NewGuid()}/reverse", new { reason = " " }, "k-" + Guid.NewGuid())), "reason", "settlement.reason_required");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Operator).SendAsync(
            Command($"/api/v1/deals/{w.Deal}/settlement/transfers/{Guid.NewGuid()}/reverse", new { reason = "录入错误" }, "k-" + Guid.NewGuid())), HttpStatusCode.NotFound, "settlement_transfer.not_found");
        // no money yet: a payout or refund would overdraw escrow
        await ProblemAssert.IsProblem(await Send(w.Operator, w.Deal, "payouts", new { amount = 1m }), HttpStatusCode.Conflict, "settlement.insufficient_funds");
        await ProblemAssert.IsProblem(await Send(w.Operator, w.Deal, "refunds", new { amount = 1m }), HttpStatusCode.Conflict, "settlement.insufficient_funds");
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<LedgerTransfer>().AnyAsync(t => t.DealId == w.Deal));
            Assert.False(await db.Set<LedgerAccount>().AnyAsync(a => a.DealId == w.Deal));
            Assert.False(await db.Set<IdempotencyRecord>().AnyAsync(k => k.DealId == w.Deal));
        });
        var annulled = await WorldAsync(annulled: true);
        await ProblemAssert.IsProblem(await Send(annulled.Operator, annulled.Deal, "payments", new { amount = 5m }), HttpStatusCode.Conflict, "settlement.deal_not_live");
    }

    [Fact]
    public async Task A_retry_with_the_same_key_replays_the_first_response_and_other_parameters_are_refused()
    {
        var w = await WorldAsync();
        var key = "pay-" + Guid.NewGuid();
        var firstResponse = await Send(w.Operator, w.Deal, "payments", new { amount = 1_000m, reference = "BOC-77" }, key);
        var first = await firstResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.False(firstResponse.Headers.Contains("Idempotent-Replayed"));
        await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 500m }), HttpStatusCode.Created); // the balances move on
        var retry = await Send(w.Operator, w.Deal, "payments", new { amount = 1_000.00m, reference = "BOC-77" }, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var replayed = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement;
        var original = JsonDocument.Parse(first).RootElement;
        Assert.Equal(original.GetProperty("transfer").GetProperty("id").GetGuid(), replayed.GetProperty("transfer").GetProperty("id").GetGuid());
        Assert.Equal(1_000m, replayed.GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("kind").GetString() == "ExchangeEscrow").GetProperty("balance").GetDecimal()); // the balances as they were then

        var reused = await ProblemAssert.HasFieldError(await Send(w.Operator, w.Deal, "payments", new { amount = 1_001m, reference = "BOC-77" }, key),
            "idempotencyKey", "settlement.idempotency_key_reused");
        Assert.Equal("LG.6", reused.GetProperty("fieldErrors").EnumerateArray().Single().GetProperty("rule").GetString());
        await ProblemAssert.HasFieldError(await Send(w.Operator, w.Deal, "refunds", new { amount = 1_000m }, key), "idempotencyKey", "settlement.idempotency_key_reused");
        var other = await WorldAsync();
        await ProblemAssert.HasFieldError(await Send(other.Operator, other.Deal, "payments", new { amount = 1_000m, reference = "BOC-77" }, key),
            "idempotencyKey", "settlement.idempotency_key_reused");

        var view = await Settlement(w.Operator, w.Deal);
        Assert.Equal(2, view.GetProperty("transfers").GetArrayLength());
        Assert.Equal(1_500m, Balance(view, "ExchangeEscrow"));
    }

    [Fact]
    public async Task Corrections_are_reversing_transfers_once_and_never_overdraw()
    {
        var w = await WorldAsync();
        var payment = await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 10_200m }), HttpStatusCode.Created);
        var paymentId = payment.GetProperty("transfer").GetProperty("id").GetGuid();
        var payout = await Json(await Send(w.Operator, w.Deal, "payouts", new { amount = 10_000m }), HttpStatusCode.Created);
        var payoutId = payout.GetProperty("transfer").GetProperty("id").GetGuid();
        string Reverse(Guid t) => $"/api/v1/deals/{w.Deal}/settlement/transfers/{t}/reverse";
        var op = factory.ClientAs(w.Operator);
        // the payment's money is paid out: reversing it first would overdraw escrow
        await ProblemAssert.IsProblem(await op.SendAsync(Command(Reverse(paymentId), new { reason = "重复入账" }, Guid.NewGuid().ToString())),
            HttpStatusCode.Conflict, "settlement.insufficient_funds");
        var reversal = await Json(await op.SendAsync(Command(Reverse(payoutId), new { reason = "结算金额有误" }, Guid.NewGuid().ToString())), HttpStatusCode.Created);
        Assert.Equal(payoutId, reversal.GetProperty("transfer").GetProperty("reversesId").GetGuid());
        await ProblemAssert.IsProblem(await op.SendAsync(Command(Reverse(payoutId), new { reason = "再次冲正" }, Guid.NewGuid().ToString())),
            HttpStatusCode.Conflict, "settlement.already_reversed");
        await ProblemAssert.IsProblem(await op.SendAsync(Command(Reverse(reversal.GetProperty("transfer").GetProperty("id").GetGuid()), new { reason = "冲正的冲正" }, Guid.NewGuid().ToString())),
            HttpStatusCode.Conflict, "settlement.not_reversible");
        await Json(await op.SendAsync(Command(Reverse(paymentId), new { reason = "重复入账" }, Guid.NewGuid().ToString())), HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await factory.ClientAs(w.BuyerUser).SendAsync(Command(Reverse(paymentId), new { reason = "x" }, Guid.NewGuid().ToString())),
            HttpStatusCode.Forbidden, "settlement.operator_only");
        // a transfer of another deal is not found through this deal
        var other = await WorldAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(other.Operator).SendAsync(Command($"/api/v1/deals/{other.Deal}/settlement/transfers/{paymentId}/reverse",
            new { reason = "x" }, Guid.NewGuid().ToString())), HttpStatusCode.NotFound, "settlement_transfer.not_found");

        var view = await Settlement(w.Operator, w.Deal);
        Assert.All(view.GetProperty("accounts").EnumerateArray(), a => Assert.Equal(0m, a.GetProperty("balance").GetDecimal()));
        Assert.True(view.GetProperty("reconciled").GetBoolean());
        var transfers = view.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal(4, transfers.Count);
        Assert.Equal(transfers[3].GetProperty("id").GetGuid(), transfers[0].GetProperty("reversedById").GetGuid());
        static IEnumerable<(Guid, decimal)> Legs(JsonElement t) => t.GetProperty("legs").EnumerateArray().Select(l => (l.GetProperty("accountId").GetGuid(), l.GetProperty("amount").GetDecimal()));
        Assert.Equal(Legs(payment.GetProperty("transfer")), Legs(transfers[0])); // never edited
    }

    [Fact]
    public async Task Parallel_payouts_on_one_deal_never_overdraw_and_parallel_retries_post_once()
    {
        var w = await WorldAsync();
        await Json(await Send(w.Operator, w.Deal, "payments", new { amount = 1_000m }), HttpStatusCode.Created);
        // ten parallel payments of 100 (all accepted) and ten parallel payouts of 500 (+ 2 % buyer's commission = 510 from escrow each)
        var payments = Enumerable.Range(0, 10).Select(_ => Send(w.Operator, w.Deal, "payments", new { amount = 100m }));
        var payouts = Enumerable.Range(0, 10).Select(_ => Send(w.Operator, w.Deal, "payouts", new { amount = 500m }));
        var key = "same-" + Guid.NewGuid();
        var retries = Enumerable.Range(0, 6).Select(_ => Send(w.Operator, w.Deal, "refunds", new { amount = 1m }, key));
        var all = await Task.WhenAll(payments.Concat(payouts).Concat(retries));
        var statuses = all.Select(r => r.StatusCode).ToList();
        Assert.All(all.Take(10), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(all, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Content.ReadAsStringAsync().Result}"));
        foreach (var r in all.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            await ProblemAssert.IsProblem(r, HttpStatusCode.Conflict, "settlement.insufficient_funds");
        var paidOut = all.Skip(10).Take(10).Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.InRange(paidOut, 1, 3); // 2,000 in escrow at most, 510 a payout (the refund takes 1)
        var refundIds = all.Skip(20).Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Content.ReadAsStringAsync().Result).RootElement.GetProperty("transfer").GetProperty("id").GetGuid()).Distinct().ToList();
        Assert.Single(refundIds); // six parallel requests with one key: one transfer

        var view = await Settlement(w.Operator, w.Deal);
        var escrow = Balance(view, "ExchangeEscrow");
        Assert.True(escrow >= 0);
        Assert.Equal(2_000m - paidOut * 510m - 1m, escrow);
        Assert.Equal(1 + 10 + paidOut + 1, view.GetProperty("transfers").GetArrayLength());
        Assert.True(view.GetProperty("reconciled").GetBoolean());
    }
}

public sealed class SettlementApiTests_Sqlite(SqliteFactory f) : SettlementApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class SettlementApiTests_Postgres(PostgresFactory f) : SettlementApiTests(f), IClassFixture<PostgresFactory>;
