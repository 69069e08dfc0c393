using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Features.Auctions;
using Xunit.Abstractions;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// Contention on one lot (issue 13, "Correctness, speed and tests"): 50 bidders send 11 bids each at once through HTTP,
/// racing on stale knowledge of the high bid; a second, independent writer (as a second process would have: its own
/// queues) takes a share of the bids directly, so only the database guard (row lock / version token) keeps the two
/// apart. The second run moves the clock across the scheduled end, through extensions, to the effective close while
/// bids are still arriving. Afterwards the log and the lot must satisfy every invariant.
/// </summary>
public abstract class AuctionConcurrencyTests(TechTransferFactory factory, ITestOutputHelper output)
{
    private const int Bidders = 50, BidsEach = 11;
    private const decimal Increment = 1_000m, Start = 100_000m;

    [Fact]
    public Task Five_hundred_bids_from_fifty_bidders_on_one_lot_keep_every_invariant() => RaceAsync(acrossTheClose: false);

    [Fact]
    public Task Bids_racing_across_the_close_and_an_extension_keep_every_invariant() => RaceAsync(acrossTheClose: true);

    private async Task RaceAsync(bool acrossTheClose)
    {
        var w = await WorldAsync(factory);
        var starts = factory.Clock.GetUtcNow().AddDays(8);
        var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), Start, reserve: null, Increment);
        var org = (await factory.CreateOrganizationAsync()).Id;
        var bidders = await Task.WhenAll(Enumerable.Range(0, Bidders).Select(_ => RegisteredBidderAsync(factory, id, org)));
        var end = starts.AddHours(1);
        factory.Clock.SetUtcNow(acrossTheClose ? end.AddSeconds(-20) : starts.AddMinutes(1));

        // A second writer: its own per-lot queue, as in another process; only the database keeps the two apart.
        var second = new AuctionWriter(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock,
            factory.Services.GetRequiredService<IOptions<AuctionOptions>>(), new NoFeed(), factory.Services.GetRequiredService<ILogger<AuctionWriter>>());

        var knownHigh = new decimal[1];
        var acknowledged = new ConcurrentBag<(Guid User, decimal Amount)>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(bidders.Select((bidder, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            var client = factory.ClientAs(bidder);
            for (var i = 0; i < BidsEach; i++)
            {
                // across the close the business clock moves 200 ms with every bid sent (550 bids: 110 s), so the race starts
                // 20 s before the end and runs into the anti-sniping window and its extensions whatever the machine's speed;
                // bids after the effective close are sent below, once the race is over
                if (acrossTheClose) factory.Clock.Advance(TimeSpan.FromMilliseconds(200));
                decimal high;
                lock (knownHigh) high = knownHigh[0];
                var amount = high == 0 ? Start + Increment * random.Next(0, 2) : high + Increment * random.Next(1, 4) + (random.Next(10) == 0 ? 1m : 0m);
                if (n % 5 == 0)
                {
                    var r = await second.BidAsync(id, bidder.UserId, amount, CancellationToken.None);
                    statuses.Add(r.IsSuccess ? HttpStatusCode.Created : (HttpStatusCode)r.Error!.Status);
                    if (r.IsSuccess) { acknowledged.Add((bidder.UserId, amount)); Raise(knownHigh, amount); }
                    continue;
                }
                var response = await client.PostAsJsonAsync($"/api/v1/auctions/{id}/bids", new { amount }, JsonWeb);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Created) { acknowledged.Add((bidder.UserId, amount)); Raise(knownHigh, amount); }
                else
                {
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var code = problem.GetProperty("code").GetString();
                    Assert.True(code is "validation.failed" or "auction.closed", $"{response.StatusCode} {code}");
                }
            }
        })));
        var elapsed = watch.Elapsed;
        output.WriteLine($"{factory.Provider}: {Bidders * BidsEach} bids from {Bidders} bidders in {elapsed.TotalMilliseconds:0} ms; " +
                         $"{acknowledged.Count} accepted; statuses {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");

        if (acrossTheClose)
        {
            // make sure the clock has passed the effective close, then let the job close (twice: it must close once)
            await factory.WithDbAsync(async db =>
            {
                var lot = await db.Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == id);
                if (factory.Clock.GetUtcNow() < lot.EffectiveCloseAt) factory.Clock.SetUtcNow(lot.EffectiveCloseAt);
            });
            // bids at or after the effective close, through both writers, before the job has closed the lot: refused as
            // closed (whatever their amount), and the close does not move (checked below with the whole log)
            decimal top;
            lock (knownHigh) top = knownHigh[0];
            var late = await factory.ClientAs(bidders[1]).PostAsJsonAsync($"/api/v1/auctions/{id}/bids", new { amount = top + Increment * 5 }, JsonWeb);
            Assert.Equal("auction.closed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            var lateSecond = await second.BidAsync(id, bidders[0].UserId, top + Increment * 6, CancellationToken.None);
            Assert.Equal("auction.closed", lateSecond.Error?.Code);
        }
        else factory.Clock.SetUtcNow(end.AddHours(1));
        var job = factory.Services.GetRequiredService<AuctionCloseJob>();
        await job.RunOnceAsync();
        await job.RunOnceAsync();

        await factory.WithDbAsync(async db =>
        {
            var lot = await db.Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == id);
            var log = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == id).OrderBy(b => b.Sequence).ToListAsync();
            var accepted = log.Where(b => b.Accepted).ToList();
            Assert.True(log.Count >= 500, $"only {log.Count} bids reached the lot");
            Assert.True(accepted.Count >= 2);
            // no acknowledged bid lost, nothing accepted that was not acknowledged
            Assert.Equal(acknowledged.Select(a => (a.User, a.Amount)).OrderBy(a => a.Amount), accepted.Select(b => (b.BidderUserId, b.Amount)).OrderBy(a => a.Amount));
            // the sequence is gap-free and every bid starts from the close the previous one left
            Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(b => b.Sequence));
            for (var i = 1; i < log.Count; i++) Assert.Equal(log[i - 1].CloseAfter, log[i].CloseBefore);
            Assert.Equal(lot.EndsAt, log[0].CloseBefore);
            Assert.Equal(lot.EffectiveCloseAt, log[^1].CloseAfter);
            // refused bids never moved the close; accepted bids only before the effective close, each k × increment above the last
            Assert.All(log.Where(b => !b.Accepted), b => Assert.Equal(b.CloseBefore, b.CloseAfter));
            Assert.All(accepted, b => Assert.True(b.At < b.CloseBefore));
            Assert.True(accepted[0].Amount >= Start);
            for (var i = 1; i < accepted.Count; i++)
            {
                var step = accepted[i].Amount - accepted[i - 1].Amount;
                Assert.True(step > 0 && step % Increment == 0, $"step {step} at sequence {accepted[i].Sequence}");
            }
            // exactly one winner: the highest accepted bid, closed once, after the effective close
            Assert.Equal(AuctionStatus.Sold, lot.Status);
            Assert.Equal(accepted[^1].BidderUserId, lot.WinnerUserId);
            Assert.Equal(accepted.Max(b => b.Amount), lot.HammerPrice);
            Assert.True(lot.ClosedAt >= lot.EffectiveCloseAt);
            if (acrossTheClose)
            {
                Assert.True(lot.EffectiveCloseAt > lot.EndsAt, "the race should have extended the close");
                Assert.Contains(log, b => b.RefusalCode == "auction.closed"); // bids that arrive after the close are logged as refused
            }
            var audits = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(AuctionLot) && a.EntityId == id.ToString() && a.Action != "Added" && a.After!.Contains("\"Status\""));
            Assert.Equal(1, audits); // the close was applied once (the lot's insert is not a change of status)
            await AssertBidPathAuditedAsync(db, lot, log);
        });
    }

    /// <summary>
    /// Every state change of the bid path is in the audit log (the writer saves with prepared, batched statements, not
    /// through EF's SaveChanges): each bid line has its insert entry with its values, and the audit entries of the lot
    /// and of every registration replay change by change — each entry's "before" is what the previous entries left —
    /// to the row as it is now.
    /// </summary>
    private static async Task AssertBidPathAuditedAsync(TechTransfer.Data.TechTransferDbContext db, AuctionLot lot, List<AuctionBid> log)
    {
        var bidIds = log.Select(b => b.Id.ToString()).ToList();
        var bidAudits = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(AuctionBid) && bidIds.Contains(a.EntityId)).ToListAsync())
            .GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var bid in log)
        {
            var entry = Assert.Single(bidAudits[bid.Id.ToString()]);
            Assert.Equal("Added", entry.Action);
            var after = JsonDocument.Parse(entry.After!).RootElement;
            Assert.Equal(bid.Sequence, after.GetProperty(nameof(AuctionBid.Sequence)).GetInt64());
            Assert.Equal(bid.Amount, after.GetProperty(nameof(AuctionBid.Amount)).GetDecimal());
            Assert.Equal(bid.BidderUserId, after.GetProperty(nameof(AuctionBid.BidderUserId)).GetGuid());
            Assert.Equal(bid.Accepted, after.GetProperty(nameof(AuctionBid.Accepted)).GetBoolean());
        }
        await AssertReplaysAsync(db, nameof(AuctionLot), lot.Id, lot);
        foreach (var r in await db.Set<AuctionRegistration>().AsNoTracking().Where(r => r.LotId == lot.Id).ToListAsync())
            await AssertReplaysAsync(db, nameof(AuctionRegistration), r.Id, r);
    }

    private static async Task AssertReplaysAsync(TechTransfer.Data.TechTransferDbContext db, string type, Guid id, object row)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal("Added", entries[0].Action);
        var state = new Dictionary<string, JsonElement>();
        foreach (var e in entries)
        {
            if (e.Before is not null)
                foreach (var p in JsonDocument.Parse(e.Before).RootElement.EnumerateObject())
                    Assert.True(state.TryGetValue(p.Name, out var known) && SameValue(known, p.Value),
                        $"{type} {id}: audit entry {e.Id} changes {p.Name} from {p.Value}, the previous entries left {(state.TryGetValue(p.Name, out var k) ? k : "nothing")}");
            if (e.After is not null)
                foreach (var p in JsonDocument.Parse(e.After).RootElement.EnumerateObject()) state[p.Name] = p.Value.Clone();
        }
        Assert.True(entries.Count > 1, $"{type} {id}: no change audited");
        foreach (var (name, value) in state)
        {
            if (row.GetType().GetProperty(name) is not { } property) continue; // shadow properties
            var current = JsonSerializer.SerializeToElement(property.GetValue(row));
            Assert.True(SameValue(current, value), $"{type} {id}: {name} is {current} but the audit log ends at {value}");
        }
    }

    private static bool SameValue(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) return a.GetDecimal() == b.GetDecimal();
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String && a.TryGetDateTimeOffset(out var x) && b.TryGetDateTimeOffset(out var y))
            return Math.Abs((x - y).Ticks) < 10; // PostgreSQL keeps microseconds
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String) return a.GetString() == b.GetString();
        return a.GetRawText() == b.GetRawText();
    }

    /// <summary>
    /// Bids on many lots at once: on SQLite the writer commits the batches of lots that are ready together (one
    /// transaction), while a second, independent writer (another process) bids on the same lots. Every lot must keep its
    /// invariants on its own: gap-free sequence, lot = log, each accepted bid k × increment above the last, every
    /// acknowledged bid in the log and no accepted bid that was not acknowledged — two writers never both accept.
    /// </summary>
    [Fact]
    public async Task Bids_on_many_lots_committed_together_keep_every_lots_invariants_against_a_second_writer()
    {
        const int Lots = 12, PerLot = 4, Rounds = 12;
        var w = await WorldAsync(factory);
        var starts = factory.Clock.GetUtcNow().AddDays(8);
        var org = (await factory.CreateOrganizationAsync()).Id;
        var lots = new List<(Guid Id, TestUser[] Bidders)>();
        for (var i = 0; i < Lots; i++)
        {
            var id = await OpenLotAsync(factory, w, starts, TimeSpan.FromHours(1), Start, reserve: null, Increment);
            var registered = new TestUser[PerLot];
            for (var k = 0; k < PerLot; k++) registered[k] = await RegisteredBidderAsync(factory, id, org);
            lots.Add((id, registered));
        }
        factory.Clock.SetUtcNow(starts.AddMinutes(1));
        var first = factory.Services.GetRequiredService<AuctionWriter>();
        var second = new AuctionWriter(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock,
            factory.Services.GetRequiredService<IOptions<AuctionOptions>>(), new NoFeed(), factory.Services.GetRequiredService<ILogger<AuctionWriter>>());

        // every lot's amounts come from its own counter, so bids of both writers interleave on each lot
        var counters = lots.ToDictionary(l => l.Id, _ => new long[1]);
        var acknowledged = new ConcurrentBag<(Guid Lot, Guid User, decimal Amount, long Sequence)>();
        var reached = lots.ToDictionary(l => l.Id, _ => new int[1]); // bids sequenced (accepted or refused for the amount)
        await Task.WhenAll(lots.SelectMany(l => l.Bidders.Select((bidder, k) => Task.Run(async () =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                var amount = Start + Increment * Interlocked.Increment(ref counters[l.Id][0]);
                var writer = (k + i) % 3 == 0 ? second : first;
                var r = await writer.BidAsync(l.Id, bidder.UserId, amount, CancellationToken.None);
                if (r.IsSuccess) acknowledged.Add((l.Id, bidder.UserId, amount, r.Value!.Sequence));
                else Assert.True(r.Error!.Code is "validation.failed" or "concurrency.conflict", r.Error.Code);
                if (r.IsSuccess || r.Error!.Code == "validation.failed") Interlocked.Increment(ref reached[l.Id][0]);
            }
        }))));

        if (factory.Provider == StorageProvider.Sqlite)
            Assert.True(first.LargestGroupCommitted > 1 || second.LargestGroupCommitted > 1, "no two lots' batches were committed together");
        await factory.WithDbAsync(async db =>
        {
            foreach (var (id, _) in lots)
            {
                var lot = await db.Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == id);
                var log = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == id).OrderBy(b => b.Sequence).ToListAsync();
                var accepted = log.Where(b => b.Accepted).ToList();
                Assert.Equal(reached[id][0], log.Count);
                Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(b => b.Sequence));
                Assert.Equal(lot.LastSequence, log.Count);
                Assert.Equal(lot.AcceptedBids, accepted.Count);
                Assert.Equal(accepted[^1].Amount, lot.HighBid);
                for (var i = 1; i < accepted.Count; i++)
                {
                    var step = accepted[i].Amount - accepted[i - 1].Amount;
                    Assert.True(step > 0 && step % Increment == 0, $"step {step} at sequence {accepted[i].Sequence}");
                }
                Assert.Equal(acknowledged.Where(a => a.Lot == id).Select(a => (a.Sequence, a.User, a.Amount)).OrderBy(a => a.Sequence),
                    accepted.Select(b => (b.Sequence, b.BidderUserId, b.Amount)));
            }
        });
    }

    /// <summary>
    /// The lot writer's save (<see cref="BatchedSave.SaveBatchedOrConflictAsync"/>): the interceptor's rows in the same
    /// transaction (an audit entry of the same shape as EF's save writes, the notification's e-mail outbox row), and a
    /// writer that loaded the lot before another one saved it is refused (the version token in the update's WHERE).
    /// </summary>
    [Fact]
    public async Task The_writers_batched_save_writes_the_audit_and_outbox_rows_of_SaveChanges_and_refuses_a_stale_version()
    {
        var w = await WorldAsync(factory);
        var id = await OpenLotAsync(factory, w, factory.Clock.GetUtcNow().AddDays(8), TimeSpan.FromHours(1), Start, reserve: null, Increment);
        var user = (await RegisteredBidderAsync(factory, id)).UserId;
        var now = factory.Clock.GetUtcNow();
        using var scopeA = factory.Services.CreateScope();
        using var scopeB = factory.Services.CreateScope();
        var a = scopeA.ServiceProvider.GetRequiredService<TechTransferDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<TechTransferDbContext>();
        var lotA = await a.Set<AuctionLot>().SingleAsync(l => l.Id == id);
        var lotB = await b.Set<AuctionLot>().SingleAsync(l => l.Id == id);
        await using (var tx = await a.Database.BeginTransactionAsync())
        {
            Assert.True(lotA.Register(now).IsSuccess);
            var notice = Notification.ToUser(user, "测试通知", "Test notice", $"/exchange/auctions/{id}", now);
            a.Add(notice);
            Assert.Null(await a.SaveBatchedOrConflictAsync(CancellationToken.None));
            Assert.Equal(1, await a.EmailOutbox.CountAsync(o => o.NotificationId == notice.Id));
            await tx.CommitAsync();
        }
        await using (var tx = await b.Database.BeginTransactionAsync())
        {
            Assert.True(lotB.Register(now).IsSuccess);
            Assert.Equal("concurrency.conflict", (await b.SaveBatchedOrConflictAsync(CancellationToken.None))?.Code);
            await tx.RollbackAsync();
        }
        await factory.WithDbAsync(async c =>
        {
            var lot = await c.Set<AuctionLot>().SingleAsync(l => l.Id == id);
            Assert.True(lot.Register(now).IsSuccess);
            Assert.Null(await c.SaveOrConflictAsync(CancellationToken.None)); // the same change through EF's SaveChanges
        });
        await factory.WithDbAsync(async db =>
        {
            var audits = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(AuctionLot) && e.EntityId == id.ToString())
                .OrderBy(e => e.Id).ToListAsync();
            var (batched, saved) = (audits[^2], audits[^1]);
            Assert.Equal((saved.Action, saved.UserId, saved.UserName, saved.OrganizationId, saved.SubjectOrganizationId),
                (batched.Action, batched.UserId, batched.UserName, batched.OrganizationId, batched.SubjectOrganizationId));
            static List<string> Names(string? json) => JsonDocument.Parse(json!).RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
            Assert.Equal(Names(saved.Before), Names(batched.Before));
            Assert.Equal(Names(saved.After), Names(batched.After));
            Assert.Equal(JsonDocument.Parse(batched.After!).RootElement.GetRawText(), JsonDocument.Parse(saved.Before!).RootElement.GetRawText());
            var lot = await db.Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == id);
            Assert.Equal(lotA.Version + 1, lot.Version); // the stale writer's change is not there
        });
    }

    private static void Raise(decimal[] known, decimal amount)
    {
        lock (known) if (amount > known[0]) known[0] = amount;
    }

    private sealed class NoFeed : IAuctionLiveFeed
    {
        public void Publish(LiveLotState state) { }
    }
}

public sealed class AuctionConcurrencyTests_Sqlite(SqliteFactory f, ITestOutputHelper o) : AuctionConcurrencyTests(f, o), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AuctionConcurrencyTests_Postgres(PostgresFactory f, ITestOutputHelper o) : AuctionConcurrencyTests(f, o), IClassFixture<PostgresFactory>;
