using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Settlement.Features;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Settlement;

/// <summary>
/// Bidder deposits in the ledger on both databases (R6.3, R6.6): the operator records each registered bidder's deposit
/// (held: a pending transfer; Idempotency-Key), the close decides, and the deposit job follows — losers' released (the
/// hold voided), the winner's applied to the price once its deal is confirmed, a defaulting winner's forfeited; bidders
/// are told; a bidder sees its own deposit only, others nothing.
/// </summary>
public abstract class DepositApiTests(TechTransferFactory factory)
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private Task<HttpResponseMessage> Record(TestUser user, Guid lot, Guid registration, string? key, string reference = "ICBC-D")
    {
        var m = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/auctions/{lot}/deposits") { Content = JsonContent.Create(new { registrationId = registration, reference }) };
        if (key is not null) m.Headers.Add("Idempotency-Key", key);
        return factory.ClientAs(user).SendAsync(m);
    }

    private async Task<JsonElement> Deposits(TestUser user, Guid lot) =>
        (await Json(await factory.ClientAs(user).GetAsync($"/api/v1/auctions/{lot}/deposits"), HttpStatusCode.OK)).GetProperty("deposits");

    private async Task<Guid> RegistrationOf(TestUser bidder, Guid lot) =>
        Assert.Single((await Deposits(bidder, lot)).EnumerateArray()).GetProperty("registrationId").GetGuid();

    private static string State(JsonElement rows, Guid registration) =>
        rows.EnumerateArray().Single(r => r.GetProperty("registrationId").GetGuid() == registration).GetProperty("ledgerState").GetString()!;

    private Task<int> RunJobAsync() => factory.WithDbAsync(async (_, sp) =>
    {
        await using var scope = sp.CreateAsyncScope();
        var r = await scope.ServiceProvider.GetRequiredService<DepositSettler>().RunAsync(CancellationToken.None);
        return r.Released + r.Applied + r.Forfeited;
    });

    private Task<int> NoticesAsync(TestUser user, string zhPart) =>
        factory.WithDbAsync((db, _) => db.Set<Notification>().CountAsync(n => n.RecipientUserId == user.UserId && n.TitleZh.Contains(zhPart)));

    private async Task<(World W, Guid Lot, TestUser A, TestUser B, TestUser C, Guid Ra, Guid Rb, Guid Rc)> ClosedLotAsync(decimal reserve)
    {
        var w = await WorldAsync(factory);
        var starts = Now.AddDays(8);
        var lot = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), reserve: reserve);
        var (a, b, c) = (await RegisteredBidderAsync(factory, lot), await RegisteredBidderAsync(factory, lot), await RegisteredBidderAsync(factory, lot));
        var (ra, rb, rc) = (await RegistrationOf(a, lot), await RegistrationOf(b, lot), await RegistrationOf(c, lot));
        foreach (var r in new[] { ra, rb, rc }) await Json(await Record(w.Operator, lot, r, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        factory.Clock.SetUtcNow(starts.AddMinutes(1));
        foreach (var (who, amount) in new[] { (a, 100_000m), (b, 101_000m), (c, 103_000m) })
            Assert.Equal(HttpStatusCode.Created, (await BidAsync(factory, who, lot, amount)).StatusCode);
        factory.Clock.SetUtcNow(starts.AddHours(1));
        await factory.Services.GetRequiredService<AuctionCloseJob>().RunOnceAsync();
        return (w, lot, a, b, c, ra, rb, rc);
    }

    [Fact]
    public async Task Deposits_are_held_then_released_for_losers_and_applied_to_the_winners_confirmed_deal()
    {
        var w = await WorldAsync(factory);
        var lot = await OpenLotAsync(factory, w, Now.AddDays(8), TimeSpan.FromHours(1));
        var a = await RegisteredBidderAsync(factory, lot);
        var ra = await RegistrationOf(a, lot);
        var key = Guid.NewGuid().ToString();

        // denials first: nothing is stored by any of them
        await ProblemAssert.IsProblem(await Record(a, lot, ra, key), HttpStatusCode.Forbidden, "settlement.operator_only");
        await ProblemAssert.HasFieldError(await Record(w.Operator, lot, ra, null), "idempotencyKey", "settlement.idempotency_key_required");
        await ProblemAssert.IsProblem(await Record(w.Operator, Guid.NewGuid(), ra, key), HttpStatusCode.NotFound, "settlement_lot.not_found");
        await ProblemAssert.HasFieldError(await Record(w.Operator, lot, Guid.NewGuid(), key), "registrationId", "settlement.registration_unknown");
        var outsider = await factory.CreateAccountAsync(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        await ProblemAssert.IsProblem(await factory.ClientAs(outsider).GetAsync($"/api/v1/auctions/{lot}/deposits"), HttpStatusCode.NotFound, "settlement_lot.not_found");
        await ProblemAssert.IsProblem(await factory.ClientAs(w.Office).GetAsync($"/api/v1/auctions/{lot}/deposits"), HttpStatusCode.NotFound, "settlement_lot.not_found");
        Assert.Equal("NotRecorded", State(await Deposits(w.Operator, lot), ra));

        // recorded once: a retry replays, the key with other parameters is refused, a second key is a conflict
        var first = await Json(await Record(w.Operator, lot, ra, key), HttpStatusCode.Created);
        Assert.Equal("Pending", first.GetProperty("transfer").GetProperty("phase").GetString());
        Assert.Equal(10_000m, first.GetProperty("transfer").GetProperty("amount").GetDecimal());
        var replay = await Record(w.Operator, lot, ra, key);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("transfer").GetProperty("id").GetGuid(), (await Json(replay, HttpStatusCode.Created)).GetProperty("transfer").GetProperty("id").GetGuid());
        await ProblemAssert.HasFieldError(await Record(w.Operator, lot, ra, key, "OTHER"), "idempotencyKey", "settlement.idempotency_key_reused");
        await ProblemAssert.IsProblem(await Record(w.Operator, lot, ra, Guid.NewGuid().ToString()), HttpStatusCode.Conflict, "settlement.deposit_already_recorded");
        Assert.Equal("Held", State(await Deposits(a, lot), ra));
        Assert.Equal(1, await NoticesAsync(a, "已到账并冻结"));

        // a full auction closing at the same time as the first lot (no bid there: NoSale, a's deposit released):
        // la loses (released at once by the job), lb is the runner-up (kept), lc wins (kept until its deal is confirmed)
        var (w2, lot2, la, lb, lc, rla, rlb, rlc) = await ClosedLotAsync(reserve: 101_000m);
        Assert.Equal(2, await RunJobAsync());
        Assert.Equal("Released", State(await Deposits(a, lot), ra));
        var rows = await Deposits(w2.Operator, lot2);
        Assert.Equal(("Released", "Held", "Held"), (State(rows, rla), State(rows, rlb), State(rows, rlc)));
        var dealId = (await Json(await factory.ClientAs(w2.Operator).GetAsync($"/api/v1/auctions/{lot2}/deposits"), HttpStatusCode.OK)).GetProperty("dealId").GetGuid();
        Assert.NotNull(rows.EnumerateArray().Single(r => r.GetProperty("registrationId").GetGuid() == rla).GetProperty("releaseDueOn").GetString());
        Assert.Equal(1, await NoticesAsync(la, "已解冻退还"));
        Assert.Equal(0, await RunJobAsync()); // nothing twice

        // the winner and the operator sign: the sale is final, the winner's deposit goes to the deal's escrow, the runner-up's is released
        foreach (var signer in new[] { lc, w2.Operator })
        {
            var version = (await Json(await factory.ClientAs(signer).GetAsync($"/api/v1/exchange/deals/{dealId}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
            await Json(await factory.ClientAs(signer).PostAsJsonAsync($"/api/v1/exchange/deals/{dealId}/signatures", new { accept = true, version }), HttpStatusCode.OK);
        }
        Assert.Equal(2, await RunJobAsync());
        rows = await Deposits(w2.Operator, lot2);
        Assert.Equal(("Released", "Released", "Applied"), (State(rows, rla), State(rows, rlb), State(rows, rlc)));
        var settlement = await Json(await factory.ClientAs(w2.Operator).GetAsync($"/api/v1/deals/{dealId}/settlement"), HttpStatusCode.OK);
        Assert.Equal((10_000m, 10_000m, true), (settlement.GetProperty("received").GetDecimal(), settlement.GetProperty("heldInEscrow").GetDecimal(),
            settlement.GetProperty("reconciled").GetBoolean()));
        Assert.Equal(3, settlement.GetProperty("deposits").GetArrayLength());
        var asBuyer = await Json(await factory.ClientAs(lc).GetAsync($"/api/v1/deals/{dealId}/settlement"), HttpStatusCode.OK);
        Assert.Equal(rlc, Assert.Single(asBuyer.GetProperty("deposits").EnumerateArray()).GetProperty("registrationId").GetGuid());
        Assert.Equal(1, await NoticesAsync(lc, "已抵作成交价款"));
        Assert.Equal(1, await NoticesAsync(lb, "已解冻退还"));
        await ProblemAssert.IsProblem(await factory.ClientAs(la).GetAsync($"/api/v1/deals/{dealId}/settlement"), HttpStatusCode.NotFound, "settlement.not_found");
    }

    [Fact]
    public async Task A_defaulting_winners_deposit_is_forfeited_and_the_next_bidders_stays_held()
    {
        var (w, lot, a, b, c, ra, rb, rc) = await ClosedLotAsync(reserve: 101_000m);
        Assert.Equal(1, await RunJobAsync()); // a released
        var version = (await GetAsync(factory, w.Operator, lot)).GetProperty("version").GetInt32();
        await Json(await factory.ClientAs(w.Operator).PostAsJsonAsync($"/api/v1/auctions/{lot}/winner-default", new { reason = "竞得人未签署成交确认书", version }), HttpStatusCode.OK);
        Assert.Equal(1, await RunJobAsync());
        var rows = await Deposits(w.Operator, lot);
        Assert.Equal(("Released", "Held", "Forfeited"), (State(rows, ra), State(rows, rb), State(rows, rc)));
        Assert.True(rows.EnumerateArray().Single(r => r.GetProperty("registrationId").GetGuid() == rb).GetProperty("isWinner").GetBoolean());
        Assert.Equal(1, await NoticesAsync(c, "已被没收"));
        Assert.Equal(0, await NoticesAsync(b, "已解冻退还"));
    }
}

public sealed class DepositApiTests_Sqlite(SqliteFactory f) : DepositApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class DepositApiTests_Postgres(PostgresFactory f) : DepositApiTests(f), IClassFixture<PostgresFactory>;
