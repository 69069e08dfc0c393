using System.Runtime;
using System.Threading.Channels;
using Lucene.Net.Index;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Engine;

/// <summary>
/// Full rebuilds: a new generation is bulk-loaded from the sources while searches and changes keep using the current
/// one, then swapped in (<see cref="RebuildAsync"/>, in this process) or built for another process to publish
/// (<see cref="BuildGenerationAsync"/>, <c>tt search reindex</c>).
/// </summary>
internal sealed class IndexRebuilder(SearchEngineOptions options, IndexGenerations generations) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _processed;

    /// <summary>Documents added by the running (or last) rebuild.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>
    /// Builds a new generation from <paramref name="documents"/> and swaps it in. Searches keep using the old
    /// generation until the swap; upserts and deletes made meanwhile are applied to both.
    /// </summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        Generation? fresh = null;
        try
        {
            generations.Open();
            generations.StartJournal();
            fresh = generations.OpenGeneration(generations.Directory.NewName(), create: true, bulk: true);
            var count = await BulkLoadAsync(fresh.Writer, documents, progress, ct);
            CommitMerged(fresh.Writer);
            fresh.Writer.Config.RAMBufferSizeMB = options.RamBufferMb;
            generations.SwapIn(fresh);
            fresh = null;
            ReleaseBulkMemory();
            return count;
        }
        finally
        {
            generations.StopJournal();
            if (fresh is not null)
            {
                var path = fresh.Path;
                fresh.Dispose();
                generations.Directory.Delete(path);
            }
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds generation <paramref name="name"/> from <paramref name="documents"/> with the bulk path and commits it,
    /// without opening or touching the current generation (another process may be writing to it). Not yet visible until
    /// the pointer names it.
    /// </summary>
    public async Task<int> BuildGenerationAsync(string name, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct)
    {
        generations.Directory.Create();
        var g = generations.OpenGeneration(name, create: true, bulk: true);
        var ok = false;
        try
        {
            var count = await BulkLoadAsync(g.Writer, documents, progress, ct);
            CommitMerged(g.Writer);
            ok = true;
            return count;
        }
        finally
        {
            g.Dispose();
            if (!ok) generations.Directory.Delete(g.Path);
        }
    }

    /// <summary>
    /// The bulk path of a rebuild: one reader of <paramref name="documents"/> feeds a bounded queue, and one worker per
    /// core converts and analyses documents into the writer concurrently (each worker gets its own in-memory segment);
    /// nothing is committed here. Documents are added, not updated: a rebuild starts from an empty generation.
    /// </summary>
    private async Task<int> BulkLoadAsync(IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct)
    {
        Interlocked.Exchange(ref _processed, 0);
        var queue = Channel.CreateBounded<SearchDocument>(
            new BoundedChannelOptions(4096) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, Math.Max(1, options.IndexingThreads ?? Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (await queue.Reader.WaitToReadAsync(failed.Token))
                    while (queue.Reader.TryRead(out var doc))
                    {
                        writer.AddDocument(IndexSchema.ToLucene(doc, options.IndexUnigrams));
                        Interlocked.Increment(ref _processed);
                    }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();
        var produced = 0;
        try
        {
            await foreach (var doc in documents.WithCancellation(failed.Token))
            {
                await queue.Writer.WriteAsync(doc, failed.Token);
                if (++produced % 1000 == 0) progress?.Report(Interlocked.Read(ref _processed));
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested) { }
        finally { queue.Writer.TryComplete(); }
        await Task.WhenAll(workers);
        ct.ThrowIfCancellationRequested();
        var count = (int)Interlocked.Read(ref _processed);
        progress?.Report(count);
        return count;
    }

    /// <summary>
    /// Commits a bulk-loaded generation once the merges its last flushes started have finished, so that it is published in
    /// its steady state: searches never open the segments about to be merged away, nor share the cores with that merge
    /// (on the 1 M-document bench the final merge ran for minutes after the commit and doubled the CPU cost of queries).
    /// </summary>
    private static void CommitMerged(IndexWriter writer)
    {
        writer.Commit();
        writer.WaitForMerges();
        writer.Commit();
    }

    /// <summary>
    /// A full rebuild leaves hundreds of megabytes of garbage (analysis buffers, the bulk writer's RAM buffer, the source
    /// documents) spread over the managed heap. One compacting collection, once per rebuild, gives the memory back and
    /// leaves searches a small, dense heap: without it the 1 M-document bench paid about a third more CPU per query right
    /// after a rebuild than in a fresh process on the same index (docs/benchmarks.md).
    /// </summary>
    private static void ReleaseBulkMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public void Dispose() => _gate.Dispose();
}
