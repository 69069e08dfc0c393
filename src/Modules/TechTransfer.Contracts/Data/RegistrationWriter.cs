using Microsoft.EntityFrameworkCore.Storage;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Data;

/// <summary>
/// The registration write path, behind one seam: <c>ContractService.RegisterAsync</c> reads as check → take serial →
/// register → save, and everything about how the rows every registrar shares are written lives here.
/// <list type="bullet">
/// <item>SQLite has one writer at a time: registrations of this process queue on an in-process semaphore and wake as soon
/// as the previous one commits, instead of polling the database lock (other processes still wait through the busy timeout
/// that <see cref="ContractStatisticsStore.BeginWriteTransactionAsync"/> sets).</item>
/// <item>One transaction. The contended writes go as <b>one</b> command, as late as possible: the statistics delta (bucket
/// rows in key order, so concurrent writers lock them in the same order) and then the per-(year, office) serial
/// (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>). Numbers stay gap-free: the serial is transactional, a
/// registration that is rolled back gives it back (a PostgreSQL <c>SEQUENCE</c> would skip numbers).</item>
/// <item>The contract with its number, the audit entries and the notifications follow as one batch, then the commit; the
/// queue is released at once, so the response is built outside the locks.</item>
/// </list>
/// </summary>
public sealed class RegistrationWriter(TechTransferDbContext db, ContractStatisticsStore statistics)
{
    private static readonly SemaphoreSlim SqliteQueue = new(1, 1);

    /// <summary>
    /// Takes the next serial of <paramref name="year"/> at <paramref name="officeDivisionCode"/> inside a new registration
    /// transaction, with the statistics delta from <paramref name="before"/> to <paramref name="after"/> (the contract as it
    /// will count once registered) written in the same round trip. Dispose the result to give everything back if the
    /// registration does not go ahead.
    /// </summary>
    public async Task<PendingRegistration> TakeSerialAsync(int year, string officeDivisionCode, ContractStatisticsFacts? before,
        ContractStatisticsFacts after, CancellationToken ct)
    {
        var queued = db.Provider == DatabaseProvider.Sqlite;
        if (queued) await SqliteQueue.WaitAsync(ct);
        IDbContextTransaction? tx = null;
        try
        {
            tx = await statistics.BeginWriteTransactionAsync(ct);
            await statistics.ApplyAsync(before, after, ct);
            var serial = await FlushDeltaAndTakeSerialAsync(year, officeDivisionCode, ct);
            return new PendingRegistration(db, tx, queued ? SqliteQueue : null, serial, after);
        }
        catch
        {
            if (tx is not null) await tx.DisposeAsync();
            if (queued) SqliteQueue.Release();
            throw;
        }
    }

    private async Task<long> FlushDeltaAndTakeSerialAsync(int year, string officeDivisionCode, CancellationToken ct)
    {
        await using var cmd = statistics.Command();
        await statistics.AppendPendingDeltaAsync(cmd, ct);
        var y = ContractStatisticsStore.AddParameter(cmd, year);
        var office = ContractStatisticsStore.AddParameter(cmd, officeDivisionCode);
        cmd.CommandText +=
            $"INSERT INTO contracts_registration_serials (\"Year\", \"OfficeDivisionCode\", \"LastSerial\", \"Version\") VALUES ({y}, {office}, 1, 1) " +
            "ON CONFLICT (\"Year\", \"OfficeDivisionCode\") DO UPDATE SET \"LastSerial\" = contracts_registration_serials.\"LastSerial\" + 1, " +
            "\"Version\" = contracts_registration_serials.\"Version\" + 1 RETURNING \"LastSerial\"";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        do
        {
            if (reader.FieldCount > 0 && await reader.ReadAsync(ct)) return reader.GetInt64(0);
        } while (await reader.NextResultAsync(ct));
        throw new InvalidOperationException("The serial upsert returned no row.");
    }
}

/// <summary>A registration in progress: its serial is taken and its statistics written, nothing is committed yet.</summary>
public sealed class PendingRegistration : IAsyncDisposable
{
    private readonly TechTransferDbContext _db;
    private readonly IDbContextTransaction _tx;
    private readonly ContractStatisticsFacts _predicted;
    private readonly SemaphoreSlim? _queue;
    private bool _issued;
    private bool _done;
    private bool _released;

    internal PendingRegistration(TechTransferDbContext db, IDbContextTransaction tx, SemaphoreSlim? queue, long serial, ContractStatisticsFacts predicted)
    {
        _db = db;
        _tx = tx;
        _queue = queue;
        Serial = serial;
        _predicted = predicted;
    }

    /// <summary>The serial taken for this registration.</summary>
    public long Serial { get; }

    /// <summary>The issuer that hands this registration's serial to <see cref="TechnologyContract.Register"/> (once).</summary>
    public IRegistrationNumberIssuer Issuer(RegistrationNumberLayout layout) => new SerialIssuer(this, layout);

    /// <summary>
    /// Saves the registered contract (and everything else tracked: audit entries, notifications) and commits; a concurrent
    /// change of the contract rolls everything back, serial and statistics included, and returns the conflict (409).
    /// </summary>
    public async Task<Error?> SaveAsync(TechnologyContract registered, CancellationToken ct)
    {
        if (_done) throw new InvalidOperationException("A registration is saved once.");
        if (!_predicted.SameAs(ContractStatisticsFacts.From(registered)))
            throw new InvalidOperationException("The registration's statistics delta differs from the registered contract.");
        _done = true;
        try
        {
            var conflict = await _db.SaveOrConflictAsync(ct);
            if (conflict is null) await _tx.CommitAsync(ct);
            return conflict;
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private async Task ReleaseAsync()
    {
        _done = true;
        if (_released) return;
        _released = true;
        try
        {
            await _tx.DisposeAsync(); // rolls back unless committed
        }
        finally
        {
            _queue?.Release();
        }
    }

    private sealed class SerialIssuer(PendingRegistration owner, RegistrationNumberLayout layout) : IRegistrationNumberIssuer
    {
        public string Next(int year, string officeDivisionCode)
        {
            if (owner._issued) throw new InvalidOperationException("One registration takes one serial.");
            owner._issued = true;
            return layout.Format(year, officeDivisionCode, owner.Serial);
        }
    }
}
