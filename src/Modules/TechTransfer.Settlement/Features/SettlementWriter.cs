using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechTransfer.Data;
using TechTransfer.Settlement.Domain;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// The write path of the ledger: one writer per deal at a time. PostgreSQL: a transaction holding two advisory locks —
/// the idempotency key's, then the deal's (so the same key sent twice at once, or two commands on one deal, wait for each
/// other) — and the deal's account rows are then read <c>FOR UPDATE</c>. SQLite: the ledger's commands of this process
/// queue on one semaphore (SQLite has one writer anyway; another process waits through the busy timeout), and the
/// accounts' <c>Version</c> token is the guard a second process would hit (409).
/// </summary>
public sealed class SettlementWriter
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    public async Task<Lease> BeginAsync(TechTransferDbContext db, Guid dealId, string key, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await _sqlite.WaitAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000", ct);
                return new Lease(await db.Database.BeginTransactionAsync(ct), _sqlite);
            }
            catch
            {
                _sqlite.Release();
                throw;
            }
        }
        var tx = await db.Database.BeginTransactionAsync(ct);
        var keyLock = "settlement:key:" + key;
        var dealLock = "settlement:deal:" + dealId.ToString("N");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({keyLock})), pg_advisory_xact_lock(hashtext({dealLock}))", ct);
        return new Lease(tx, null);
    }

    /// <summary>
    /// A second book in the same transaction (the deposit job moves a winner's deposit from the lot's book into its deal's):
    /// PostgreSQL takes the book's advisory lock too (always after the first book's, so two writers never wait in a cycle).
    /// </summary>
    public static async Task LockBookAsync(TechTransferDbContext db, Guid bookId, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) return;
        var bookLock = "settlement:deal:" + bookId.ToString("N");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({bookLock}))", ct);
    }

    /// <summary>A book's accounts, tracked, read <c>FOR UPDATE</c> on PostgreSQL (inside a lease).</summary>
    public static Task<List<LedgerAccount>> LockedAccountsAsync(TechTransferDbContext db, Guid bookId, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.Set<LedgerAccount>().FromSqlInterpolated($"SELECT * FROM settlement_accounts WHERE \"DealId\" = {bookId} ORDER BY \"Id\" FOR UPDATE").ToListAsync(ct)
            : db.Set<LedgerAccount>().Where(a => a.DealId == bookId).ToListAsync(ct);

    /// <summary>The journal number the book's next transfer gets.</summary>
    public static async Task<long> NextSequenceAsync(TechTransferDbContext db, Guid bookId, CancellationToken ct) =>
        (await db.Set<LedgerTransfer>().Where(t => t.DealId == bookId).MaxAsync(t => (long?)t.Sequence, ct) ?? 0) + 1;

    public sealed class Lease(IDbContextTransaction tx, SemaphoreSlim? gate) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => tx.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            try { await tx.DisposeAsync(); }
            finally { gate?.Release(); }
        }
    }
}
