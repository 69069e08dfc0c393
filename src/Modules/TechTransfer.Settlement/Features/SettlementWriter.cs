using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechTransfer.Data;

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
