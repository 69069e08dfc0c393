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
public sealed class SearchOutboxDrainer(IServiceScopeFactory scopes, SearchIndex index, ILogger<SearchOutboxDrainer> log, MatchNotifier? matches = null)
{
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
            var rows = await db.SearchOutbox.AsNoTracking().OrderBy(r => r.Id).Take(batchSize).ToListAsync(ct);
            if (rows.Count == 0) return 0;
            var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToDictionary(s => s.Type);
            var upserted = new List<SearchDocument>();
            foreach (var key in rows.Select(r => (r.DocumentType, r.DocumentId)).Distinct())
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

/// <summary>Runs the drainer: woken by <see cref="SearchOutboxSignal"/> after commits, and polling as a fallback.</summary>
internal sealed class SearchIndexerService(SearchOutboxDrainer drainer, SearchOutboxSignal signal, SearchIndex index, ILogger<SearchIndexerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        index.Open();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
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
