using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// The one writer of each lot (R6.4/R6.5 under contention). Every change of a lot's bidding state — a bid, a registration,
/// the close — is a command queued for that lot; one drain task per lot takes up to <see cref="AuctionOptions.MaxBatch"/>
/// queued commands and applies them in arrival order (that order is the bid sequence) in <b>one</b> transaction:
/// lock and load the lot row (PostgreSQL <c>SELECT * … FOR UPDATE</c>, one statement), let the domain decide each command, append the bid
/// log, write the coalesced notices, save through the lot's <c>Version</c> token (the guard on SQLite, where a second
/// process's batch makes the update match no row) and commit. Only then are the callers answered (an acknowledged bid
/// is durable) and the live room told. A conflict (another process wrote the lot) rolls the batch back and decides it
/// again on the fresh lot. On SQLite the batches of several lots that are ready at the same time share one transaction
/// and one commit (see <see cref="ApplyGroupedAsync"/>). The writer saves as the platform (no HTTP caller flows into the drain); each bid row names
/// its bidder.
/// </summary>
public sealed partial class AuctionWriter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuctionOptions> options,
    IAuctionLiveFeed feed, ILogger<AuctionWriter> logger)
{
    private const int MaxAttempts = 8;
    private readonly Dictionary<Guid, LotQueue> _queues = [];
    // SQLite has one writer at a time: the batches of this writer's lots take turns on this gate and the next wakes as
    // soon as the previous commits, instead of polling the database lock with the busy timeout's sleeps (another
    // process's batch still waits through the busy timeout, and the version token still decides).
    private readonly SemaphoreSlim _sqliteGate = new(1, 1);
    // SQLite: lots' batches waiting for the gate; the holder commits those ready together (see ApplyGroupedAsync)
    private const int MaxLotsPerCommit = 64;
    private readonly List<LotBatch> _ready = [];
    private DatabaseProvider? _provider;
    private int _largestGroup;
    private AuctionOptions Options => options.Value;

    /// <summary>The most lots whose batches this writer has committed in one transaction (SQLite grouping; 1 on PostgreSQL).</summary>
    public int LargestGroupCommitted => Volatile.Read(ref _largestGroup);

    public Task<Result<BidResponse>> BidAsync(Guid lotId, Guid userId, decimal amount, CancellationToken ct) =>
        Enqueue(lotId, new BidCommand(userId, amount), ct);

    public Task<Result<RegistrationResponse>> RegisterAsync(Guid lotId, Guid userId, Guid? organizationId, CancellationToken ct) =>
        Enqueue(lotId, new RegisterCommand(userId, organizationId), ct);

    /// <summary>Closes the lot if its effective close has passed (idempotent: true only for the one run that closed it).</summary>
    public Task<Result<bool>> CloseIfDueAsync(Guid lotId, CancellationToken ct) => Enqueue(lotId, new CloseCommand(), ct);

    /// <summary>Sends the one-time "closing soon" notice if it is due.</summary>
    public Task<Result<bool>> ClosingSoonIfDueAsync(Guid lotId, CancellationToken ct) => Enqueue(lotId, new ClosingSoonCommand(), ct);

    private async Task<Result<T>> Enqueue<T>(Guid lotId, Command<T> command, CancellationToken ct)
    {
        LotQueue queue;
        bool start;
        lock (_queues)
        {
            if (!_queues.TryGetValue(lotId, out queue!)) _queues[lotId] = queue = new LotQueue();
            queue.Pending.Add(command);
            start = !queue.Draining;
            queue.Draining = true;
        }
        if (start)
        {
            // The drain outlives the request that started it: no HTTP context (caller, cancellation) flows into it.
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => DrainAsync(lotId, queue));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.BidTimeout);
        try
        {
            return await command.Completion.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Not yet applied → never will be; already applied → the answer stands (the log has it).
            if (command.TryCancel()) return AuctionErrors.BidTimedOut;
            return await command.Completion.Task;
        }
    }

    private async Task DrainAsync(Guid lotId, LotQueue queue)
    {
        while (true)
        {
            List<Command> batch;
            lock (_queues)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Draining = false;
                    _queues.Remove(lotId);
                    return;
                }
                var take = Math.Min(queue.Pending.Count, Options.MaxBatch);
                batch = queue.Pending.GetRange(0, take);
                queue.Pending.RemoveRange(0, take);
            }
            batch = batch.Where(c => c.TryStart()).ToList();
            if (batch.Count == 0) continue;
            try
            {
                await ApplyBatchAsync(lotId, batch);
            }
            catch (Exception ex)
            {
                LogBatchFailed(logger, lotId, ex);
                foreach (var c in batch) c.Fail(ex);
            }
        }
    }

    private async Task ApplyBatchAsync(Guid lotId, List<Command> batch)
    {
        if (_provider is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            _provider = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>().Provider;
        }
        if (_provider == DatabaseProvider.Sqlite)
        {
            await ApplyGroupedAsync(new LotBatch(lotId, batch));
            return;
        }
        await ApplyAloneAsync(new LotBatch(lotId, batch));
    }

    /// <summary>
    /// SQLite: the batches of this process's lots that are ready while another batch holds the gate are committed
    /// together, in one transaction (one commit and one WAL sync instead of one per lot). Each lot is still locked
    /// (the database write lock), loaded, decided and saved with its own <c>Version</c> token, so a second process's
    /// write to any of them is still refused; a conflict or a failure in a group of several lots rolls the whole group
    /// back and each lot's batch is then applied on its own, exactly as without grouping.
    /// </summary>
    private async Task ApplyGroupedAsync(LotBatch mine)
    {
        lock (_ready) _ready.Add(mine);
        await _sqliteGate.WaitAsync();
        try
        {
            if (mine.Done) return; // committed (or answered) with the group of an earlier holder of the gate
            List<LotBatch> group;
            lock (_ready)
            {
                group = _ready.Take(MaxLotsPerCommit).ToList();
                _ready.RemoveRange(0, group.Count);
            }
            if (group.Count > 1)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
                    if (await TryApplyAsync(group, scope, db)) return;
                }
                catch (Exception ex) when (!group.Any(g => g.Committing))
                {
                    LogGroupFailed(logger, group.Count, ex);
                }
                catch (Exception ex)
                {
                    // failed while committing: whether it applied is unknown, so it is never applied a second time
                    LogGroupFailed(logger, group.Count, ex);
                    foreach (var one in group.Where(g => !g.Done))
                    {
                        foreach (var c in one.Commands) c.Fail(ex);
                        one.Done = true;
                    }
                    return;
                }
            }
            foreach (var one in group.Where(g => !g.Done)) await ApplyAloneAsync(one);
        }
        finally
        {
            _sqliteGate.Release();
        }
    }

    /// <summary>One lot's batch in its own transaction, retried on a conflict (on SQLite the caller holds the gate).</summary>
    private async Task ApplyAloneAsync(LotBatch item)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
                if (await TryApplyAsync([item], scope, db)) return;
                if (attempt == MaxAttempts)
                {
                    foreach (var c in item.Commands) c.Complete(Error.ConcurrencyConflict);
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, item.LotId, ex);
            foreach (var c in item.Commands) c.Fail(ex);
        }
        finally
        {
            item.Done = true;
        }
    }

    /// <summary>
    /// One attempt at the batches of one or more lots in one transaction: true when it committed (or the lots are gone),
    /// false after a conflict (nothing applied).
    /// </summary>
    private async Task<bool> TryApplyAsync(List<LotBatch> items, AsyncServiceScope scope, TechTransferDbContext db)
    {
        // SQLite: another process holding the write lock is waited for (busy timeout), then the version token decides.
        if (db.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000");
        await using var tx = await db.Database.BeginTransactionAsync();
        var decided = new List<(LotBatch Item, BatchContext Context)>(items.Count);
        var missing = new List<LotBatch>();
        foreach (var item in items)
        {
            var lotId = item.LotId;
            // PostgreSQL: the row lock and the load are one statement (one round trip per batch, not two)
            var lot = db.Provider == DatabaseProvider.Postgres
                ? (await db.Set<AuctionLot>().FromSqlInterpolated($"SELECT * FROM exch_auction_lots WHERE \"Id\" = {lotId} FOR UPDATE").ToListAsync()).SingleOrDefault()
                : await db.Set<AuctionLot>().FirstOrDefaultAsync(l => l.Id == lotId);
            if (lot is null)
            {
                missing.Add(item);
                continue;
            }
            var users = item.Commands.OfType<IUserCommand>().Select(c => c.UserId).ToHashSet();
            if (lot.HighBidderUserId is { } high) users.Add(high);
            // Closing and closing-soon notices go to every registrant; bids and registrations need only their own users'.
            var everyone = item.Commands.Any(c => c is CloseCommand or ClosingSoonCommand);
            var registrations = await db.Set<AuctionRegistration>()
                .Where(r => r.LotId == lotId && (everyone || users.Contains(r.UserId))).ToDictionaryAsync(r => r.UserId);
            var context = new BatchContext(db, lot, registrations, clock, Options);
            foreach (var c in item.Commands) c.Decide(context);
            context.WriteOutbidNotices();
            if (context.Sale is { } sale)
                foreach (var handler in scope.ServiceProvider.GetServices<IAuctionSoldHandler>()) await handler.OnSoldAsync(sale, db, CancellationToken.None);
            decided.Add((item, context));
        }

        // The batch's rows (bid log lines, the lot, registrations, coalesced notices, and the audit entries and e-mail
        // outbox rows the save interceptor adds for them) go out as prepared, batched statements; a sale's handlers add
        // rows of other modules, which keep EF's own save.
        var saved = decided.Any(d => d.Context.Sale is not null)
            ? await db.SaveOrConflictAsync(CancellationToken.None)
            : await db.SaveBatchedOrConflictAsync(CancellationToken.None);
        if (saved is null)
        {
            foreach (var item in items) item.Committing = true;
            await tx.CommitAsync();
            if (decided.Count > _largestGroup) Volatile.Write(ref _largestGroup, decided.Count);
            foreach (var item in missing)
            {
                foreach (var c in item.Commands) c.Complete(AuctionErrors.NotFound);
                item.Done = true;
            }
            foreach (var (item, _) in decided)
            {
                foreach (var c in item.Commands) c.Publish();
                item.Done = true;
            }
            foreach (var (_, context) in decided) feed.Publish(context.LiveState());
            return true;
        }
        await tx.RollbackAsync();
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Auction writer: batch on lot {LotId} failed")]
    private static partial void LogBatchFailed(ILogger logger, Guid lotId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auction writer: a commit of {Lots} lots' batches failed; each lot is applied on its own")]
    private static partial void LogGroupFailed(ILogger logger, int lots, Exception ex);

    /// <summary>One lot's batch of commands on its way to a commit.</summary>
    private sealed class LotBatch(Guid lotId, List<Command> commands)
    {
        public Guid LotId => lotId;
        private volatile bool _done;
        public List<Command> Commands => commands;
        /// <summary>Its callers have their answers (committed, refused, failed): nothing more is done with it.</summary>
        public bool Done { get => _done; set => _done = value; }
        /// <summary>Its transaction's commit has begun: never applied again, whatever the commit throws.</summary>
        public bool Committing { get; set; }
    }

    private sealed class LotQueue
    {
        public List<Command> Pending { get; } = [];
        public bool Draining { get; set; }
    }

    /// <summary>What one batch works on: the tracked lot, the bidders' registrations, the clock.</summary>
    private sealed class BatchContext(TechTransferDbContext db, AuctionLot lot, Dictionary<Guid, AuctionRegistration> registrations,
        TimeProvider clock, AuctionOptions options)
    {
        private readonly HashSet<Guid> _outbid = [];
        public TechTransferDbContext Db => db;
        public AuctionLot Lot => lot;
        public Dictionary<Guid, AuctionRegistration> Registrations => registrations;
        public AuctionOptions Options => options;
        public DateTimeOffset Now => clock.GetUtcNow();
        public void Outbid(Guid userId) => _outbid.Add(userId);
        /// <summary>Set when this batch closed the lot as Sold: handed to every <see cref="IAuctionSoldHandler"/> before the save.</summary>
        public AuctionSold? Sale { get; set; }
        public List<LiveBid> NewBids { get; } = [];

        public LiveLotState LiveState() => LiveLotState.Of(lot,
            lot.HighBidderUserId is { } high && registrations.TryGetValue(high, out var r) ? r.PaddleNumber : null, NewBids, Now);

        /// <summary>One notice per bidder outbid in this batch who is not the high bidder at its end, coalesced per bidding round.</summary>
        public void WriteOutbidNotices()
        {
            var now = Now;
            foreach (var user in _outbid)
            {
                if (user == lot.HighBidderUserId || !registrations.TryGetValue(user, out var r) || !r.ShouldNotifyOutbid(now)) continue;
                var (zh, en) = AuctionNotices.Outbid(lot);
                db.Add(Notification.ToUser(user, zh, en, AuctionNotices.Link(lot.Id), now));
            }
        }
    }

    private interface IUserCommand
    {
        Guid UserId { get; }
    }

    private abstract class Command
    {
        private int _state; // 0 queued, 1 started, 2 cancelled

        public bool TryStart() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;
        public bool TryCancel() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
        public abstract void Decide(BatchContext context);
        public abstract void Publish();
        public abstract void Complete(Error error);
        public abstract void Fail(Exception ex);
    }

    private abstract class Command<T> : Command
    {
        private Result<T>? _decided;
        public TaskCompletionSource<Result<T>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        protected void Decided(Result<T> result) => _decided = result;
        public override void Publish() => Completion.TrySetResult(_decided!.Value);
        public override void Complete(Error error) => Completion.TrySetResult(error);
        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }

    private sealed class BidCommand(Guid userId, decimal amount) : Command<BidResponse>, IUserCommand
    {
        public Guid UserId => userId;

        public override void Decide(BatchContext c)
        {
            // refused before the sequence, storing nothing: a withdrawn lot, a lot whose bidding has not started
            if (c.Lot.Status == AuctionStatus.Withdrawn)
            {
                Decided(AuctionErrors.NotOpen);
                return;
            }
            if (c.Now < c.Lot.StartsAt)
            {
                Decided(AuctionErrors.NotStarted);
                return;
            }
            if (!c.Registrations.TryGetValue(userId, out var registration))
            {
                Decided(AuctionErrors.NotRegistered);
                return;
            }
            var now = c.Now;
            var decision = c.Lot.PlaceBid(userId, registration.OrganizationId, amount, now, c.Options.ExtensionWindow);
            c.Db.Add(AuctionBid.Record(c.Lot, registration, amount, now, decision));
            registration.BidAt(now);
            if (!decision.Accepted)
            {
                Decided(decision.AsError!);
                return;
            }
            if (decision.OutbidUserId is { } outbid) c.Outbid(outbid);
            c.NewBids.Add(new LiveBid(c.Lot.LastSequence, registration.PaddleNumber, amount, now));
            Decided(new BidResponse(c.Lot.LastSequence, amount, now, decision.CloseAfter, decision.CloseAfter != decision.CloseBefore,
                c.Lot.NextValidAmounts(3)));
        }
    }

    private sealed class RegisterCommand(Guid userId, Guid? organizationId) : Command<RegistrationResponse>, IUserCommand
    {
        public Guid UserId => userId;

        public override void Decide(BatchContext c)
        {
            if (c.Registrations.ContainsKey(userId))
            {
                Decided(AuctionErrors.AlreadyRegistered);
                return;
            }
            var now = c.Now;
            var paddle = c.Lot.Register(now);
            if (paddle.IsFailure)
            {
                Decided(paddle.Error!);
                return;
            }
            var r = AuctionRegistration.Create(c.Lot, userId, organizationId, paddle.Value, now);
            c.Registrations[userId] = r;
            c.Db.Add(r);
            Decided(new RegistrationResponse(r.Id, r.LotId, r.PaddleNumber, r.Deposit, r.DepositStatus, r.RegisteredAt));
        }
    }

    private sealed class CloseCommand : Command<bool>
    {
        public override void Decide(BatchContext c)
        {
            var now = c.Now;
            var closed = c.Lot.CloseIfDue(now);
            if (closed)
            {
                AuctionNotices.Closed(c.Db, c.Lot, c.Registrations.Values, now);
                var runnerUp = c.Lot.Status == AuctionStatus.Sold && c.Options.WinnerDefault == WinnerDefaultRemedy.OfferToNextBidder
                    ? AuctionService.RunnerUp(c.Db, c.Lot)?.BidderUserId : null;
                // deposits of bidders who did not win are released; the winner's (and the runner-up's, while the lot may be offered to it) stay held
                foreach (var r in c.Registrations.Values)
                    if (c.Lot.Status != AuctionStatus.Sold || (r.UserId != c.Lot.WinnerUserId && r.UserId != runnerUp)) r.Release();
                if (c.Lot.Status == AuctionStatus.Sold) c.Sale = AuctionSold.Of(c.Lot, now, afterDefault: false);
            }
            Decided(closed);
        }
    }

    private sealed class ClosingSoonCommand : Command<bool>
    {
        public override void Decide(BatchContext c)
        {
            var now = c.Now;
            var due = c.Lot.MarkClosingSoonIfDue(now, c.Options.ClosingSoonLead);
            if (due) AuctionNotices.ClosingSoon(c.Db, c.Lot, c.Registrations.Values, now);
            Decided(due);
        }
    }
}
