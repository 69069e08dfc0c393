using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechTransfer.Data;
using TechTransfer.Data.Outbox;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>
/// 索引同步: drains the search outbox. For each row it asks the owning module's <see cref="ISearchDocumentSource"/>
/// for the current document (null = deleted), applies it to the index, commits the index, and only then deletes the
/// rows. A crash anywhere before the delete leaves the rows in place, and re-applying them is idempotent (upsert by
/// type and id), so nothing committed to the database is ever lost from the index.
/// </summary>
public sealed class SearchOutboxDrainer(IServiceScopeFactory scopes, SearchIndex index, ILogger<SearchOutboxDrainer> log, MatchNotifier? matches = null,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Test hook: runs after the index commit and before the outbox rows are deleted (simulates a crash).</summary>
    internal Action? AfterIndexCommit { get; set; }

    /// <summary>Test hook: runs after the documents were applied and before the index commit (simulates a crash).</summary>
    internal Action? BeforeIndexCommit { get; set; }

    /// <summary>Processes up to <paramref name="batchSize"/> rows; returns how many were processed.</summary>
    public async Task<int> DrainOnceAsync(int batchSize = 500, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
            var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToDictionary(s => s.Type);
            var journal = await FollowRebuildAsync(sources, ct);
            var rows = await db.SearchOutbox.AsNoTracking().OrderBy(r => r.Id).Take(batchSize).ToListAsync(ct);
            if (rows.Count == 0) return 0;
            var keys = rows.Select(r => (r.DocumentType, r.DocumentId)).Distinct().ToList();
            // a rebuild runs in another process: remember what this batch touches (durably, before the outbox rows go)
            // so it can be re-applied to the new generation, which may have read these records before they changed
            if (journal) AppendJournal(keys);
            var upserted = new List<SearchDocument>();
            foreach (var key in keys)
            {
                if (!sources.TryGetValue(key.DocumentType, out var source))
                {
                    log.LogWarning("No search source for document type {Type}; row skipped", key.DocumentType);
                    continue;
                }
                var doc = await source.LoadAsync(key.DocumentId, ct);
                if (doc is null) index.Delete(key.DocumentType, key.DocumentId);
                else { index.Upsert(doc); upserted.Add(doc); }
            }
            BeforeIndexCommit?.Invoke();
            index.Commit();
            AfterIndexCommit?.Invoke();
            await NotifyMatchesAsync(upserted, ct);
            var ids = rows.Select(r => r.Id).ToList();
            await db.SearchOutbox.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
            return rows.Count;
        }
        finally { _gate.Release(); }
    }

    private string IndexPath => index.Options.IndexPath;

    /// <summary>
    /// Follows a rebuild made by <c>tt search reindex</c> in another process (see <see cref="RebuildMarker"/>): while
    /// its marker exists, acknowledges it and returns true (journal every change); once the pointer names the new
    /// generation, switches to it, re-applies every journalled record from the database and removes the marker.
    /// </summary>
    private async Task<bool> FollowRebuildAsync(Dictionary<string, ISearchDocumentSource> sources, CancellationToken ct)
    {
        var marker = RebuildMarker.Read(IndexPath);
        if (marker is null) return false;
        var published = index.ReadPointer() == marker.Generation;
        // the file system's write times compared with each other, not with any process's clock
        if (!published && RebuildMarker.IsAbandoned(IndexPath))
        {
            log.LogWarning("Search rebuild {Generation} by process {Pid} sent no heartbeat for {Minutes} min; marker removed",
                marker.Generation, marker.ProcessId, RebuildMarker.AbandonedAfter.TotalMinutes);
            RebuildMarker.Clear(IndexPath);
            try { Directory.Delete(Path.Combine(IndexPath, marker.Generation), true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return false;
        }
        var ack = Path.Combine(IndexPath, RebuildMarker.AckFile);
        if (!File.Exists(ack)) await File.WriteAllTextAsync(ack, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (!published) return true;
        // the reindexing process may still hold the new generation open for a moment; keep journalling until it lets go
        if (!index.TrySwitchTo(marker.Generation)) return true;
        await ReplayJournalAsync(index, sources, IndexPath, ct);
        RebuildMarker.Clear(IndexPath);
        log.LogInformation("Search index switched to rebuilt generation {Generation}", marker.Generation);
        return false;
    }

    private void AppendJournal(IEnumerable<(string Type, Guid Id)> keys)
    {
        var path = Path.Combine(IndexPath, RebuildMarker.JournalFile);
        using var f = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        using (var w = new StreamWriter(f, leaveOpen: true))
            foreach (var (type, id) in keys) w.Write($"{type}\t{id:N}\n");
        f.Flush(flushToDisk: true);
    }

    /// <summary>Re-applies every record named in the rebuild journal, as the database has it now, and commits.</summary>
    internal static async Task<int> ReplayJournalAsync(SearchIndex index, Dictionary<string, ISearchDocumentSource> sources, string indexPath, CancellationToken ct)
    {
        var path = Path.Combine(indexPath, RebuildMarker.JournalFile);
        if (!File.Exists(path)) return 0;
        var keys = new HashSet<(string, Guid)>();
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out var id)) keys.Add((parts[0], id));
        }
        foreach (var (type, id) in keys)
        {
            if (!sources.TryGetValue(type, out var source)) continue;
            var doc = await source.LoadAsync(id, ct);
            if (doc is null) index.Delete(type, id);
            else index.Upsert(doc);
        }
        index.Commit();
        return keys.Count;
    }

    /// <summary>New-match notifications for what was just indexed (before the outbox rows go, so a crash re-runs them;
    /// pairs already announced are skipped). A failure here is logged and never holds up indexing.</summary>
    private async Task NotifyMatchesAsync(List<SearchDocument> upserted, CancellationToken ct)
    {
        if (matches is null || upserted.Count == 0) return;
        try { await matches.NotifyAsync(upserted, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Match notifications failed for {Count} indexed records", upserted.Count);
        }
    }

    /// <summary>Drains until the outbox is empty.</summary>
    public async Task<int> DrainAllAsync(CancellationToken ct = default)
    {
        var total = 0;
        int n;
        while ((n = await DrainOnceAsync(500, ct)) > 0) total += n;
        return total;
    }

    /// <summary>
    /// 重建 (tt search reindex): builds a new generation from every registered source in this process while a running
    /// host keeps serving searches and indexing changes from the current one, then publishes it. A running host
    /// switches to it and re-applies everything it indexed meanwhile; with no host running this process does so itself
    /// and drains the outbox. See docs/architecture.md.
    /// </summary>
    public async Task<DetachedReindexResult> ReindexDetachedAsync(IProgress<long>? progress, TimeSpan hostWait, CancellationToken ct = default,
        IAsyncEnumerable<SearchDocument>? documents = null)
    {
        Directory.CreateDirectory(IndexPath);
        var name = index.NewGeneration();
        RebuildMarker.Clear(IndexPath);
        // StartedUtc is informational (being alive is the heartbeat file's write time, stamped by the file system)
        new RebuildMarker(name, _clock.GetUtcNow(), Environment.ProcessId).Write(IndexPath);
        var ack = Path.Combine(IndexPath, RebuildMarker.AckFile);
        try
        {
            var before = index.ReadPointer();
            var hostRunning = before is not null && index.IsGenerationLocked(before);
            // a running host must journal before this process reads the first record, or a change it indexes between
            // that read and the swap would be missing from the new generation
            if (hostRunning && !await WaitAsync(() => File.Exists(ack), hostWait, ct))
                throw new TimeoutException("The running host did not acknowledge the rebuild (is its search indexer running?).");
            int count;
            using (var scope = scopes.CreateScope())
            using (var heartbeat = new Timer(_ => RebuildMarker.Heartbeat(IndexPath), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)))
            {
                var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToList();
                count = await index.BuildGenerationAsync(name, documents ?? All(sources, ct), progress, ct);
            }
            index.Publish(name);
            var stillHosted = before is not null && index.IsGenerationLocked(before);
            if (stillHosted || File.Exists(ack))
            {
                // a host follows the rebuild: it switches, replays its journal and removes the marker
                if (await WaitAsync(() => RebuildMarker.Read(IndexPath) is null, hostWait, ct))
                    return new DetachedReindexResult(name, count, HostSwitched: true, Replayed: 0, Drained: 0);
                if (stillHosted || index.IsGenerationLocked(name))
                    return new DetachedReindexResult(name, count, HostSwitched: false, Replayed: 0, Drained: 0);
            }
            // no host: switch this process and catch up with the journal (if a host ran for a while) and the outbox
            if (!index.TrySwitchTo(name)) return new DetachedReindexResult(name, count, false, 0, 0);
            int replayed;
            using (var scope = scopes.CreateScope())
                replayed = await ReplayJournalAsync(index, scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToDictionary(s => s.Type), IndexPath, ct);
            RebuildMarker.Clear(IndexPath);
            var drained = await DrainAllAsync(ct);
            return new DetachedReindexResult(name, count, false, replayed, drained);
        }
        catch
        {
            if (index.ReadPointer() != name)
            {
                RebuildMarker.Clear(IndexPath);
                try { Directory.Delete(Path.Combine(IndexPath, name), true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            throw;
        }
    }

    /// <summary>True while a rebuild marker for <paramref name="generation"/> is still waiting for a host to switch.</summary>
    public bool IsFollowedByHost(string generation) => RebuildMarker.Read(IndexPath)?.Generation == generation;

    /// <summary>
    /// Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> of real time has passed (a stopwatch:
    /// waiting for another process is elapsed time, not business time, and must not stall under a test's fake clock).
    /// </summary>
    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed >= timeout) return false;
            await Task.Delay(100, ct);
        }
        return true;
    }

    /// <summary>Full rebuild from every registered source (the outbox keeps draining into both generations).</summary>
    public async Task<int> ReindexAsync(IProgress<long>? progress, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToList();
        return await index.RebuildAsync(All(sources, ct), progress, ct);
    }

    private static async IAsyncEnumerable<SearchDocument> All(List<ISearchDocumentSource> sources, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var s in sources)
            await foreach (var d in s.LoadAllAsync(ct)) yield return d;
    }
}

/// <summary>Outcome of <see cref="SearchOutboxDrainer.ReindexDetachedAsync"/>: the new generation, documents built,
/// whether a running host switched to it, and (without a host) journal records re-applied and outbox rows drained.</summary>
public sealed record DetachedReindexResult(string Generation, int Documents, bool HostSwitched, int Replayed, int Drained);

/// <summary>Runs the drainer: woken by <see cref="SearchOutboxSignal"/> after commits, and polling as a fallback.</summary>
internal sealed class SearchIndexerService(SearchOutboxDrainer drainer, SearchOutboxSignal signal, SearchIndex index, ILogger<SearchIndexerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        index.Open();
        var rebuildPending = index.IsOutdated;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (rebuildPending)
                {
                    // an upgrade changed the analysis: rebuild from the database while searches keep using the old generation
                    log.LogWarning("Search index was analysed by another version; rebuilding it from the database");
                    var n = await drainer.ReindexAsync(null, stoppingToken);
                    rebuildPending = false;
                    log.LogInformation("Search index rebuilt with the current analysis: {Count} documents", n);
                }
                await drainer.DrainAllAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // rows stay in the outbox and are retried; the database may not be migrated yet at start-up
                log.LogWarning(ex, "Search outbox drain failed; retrying");
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { break; }
            }
        }
    }
}
