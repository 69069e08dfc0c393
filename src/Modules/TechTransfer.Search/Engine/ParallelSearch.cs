using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TechTransfer.Search.Engine;

/// <summary>An index searcher that can run a weight over one segment, so the engine can spread the segments of one query
/// over several threads with collectors of its own (Lucene 4.8's executor path covers only plain top-N searches).</summary>
internal sealed class EngineSearcher(IndexReader reader) : IndexSearcher(reader)
{
    public void SearchSegment(AtomicReaderContext segment, Weight weight, ICollector collector) => Search([segment], weight, collector);
}

/// <summary>
/// Intra-query parallelism: the segments of the index are handed out, largest first, to the calling thread and up to
/// <c>workers − 1</c> helper tasks; each worker collects into its own collectors (the weight is shared, as Lucene's own
/// executor search shares it). A helper that has not started by the time the calling thread has taken the last segment
/// is cancelled instead of awaited, so on a busy machine (no free core) the query runs on the calling thread alone at
/// the cost of a sequential search, never waiting for the thread pool.
/// </summary>
internal static class ParallelSearch
{
    private const int Idle = 0, Running = 1, Cancelled = 2;

    public static List<T> Run<T>(EngineSearcher searcher, Weight weight, int workers, Func<T> create, Func<T, ICollector> collectorOf)
    {
        var segments = searcher.IndexReader.Leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ToArray();
        var created = new T?[Math.Max(1, Math.Min(workers, segments.Length))];
        ForEach(segments.Length, created.Length, (w, i) =>
        {
            created[w] ??= create();
            searcher.SearchSegment(segments[i], weight, collectorOf(created[w]!));
        });
        return created.Where(s => s is not null).Select(s => s!).ToList();
    }

    /// <summary>Runs <paramref name="body"/>(worker, item) for items 0..<paramref name="count"/> − 1 on the calling thread and
    /// up to <paramref name="workers"/> − 1 helper tasks (items handed out in order; a helper not started by the time the
    /// calling thread has taken the last item is cancelled, not awaited). Worker 0 is the calling thread.</summary>
    public static void ForEach(int count, int workers, Action<int, int> body)
    {
        workers = Math.Max(1, Math.Min(workers, count));
        var next = -1;
        var helperState = new int[workers];
        var helpers = new Task?[workers];

        void Work(int w)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) body(w, i);
        }

        for (var w = 1; w < workers; w++)
        {
            var id = w;
            helpers[w] = Task.Run(() =>
            {
                if (Interlocked.CompareExchange(ref helperState[id], Running, Idle) == Idle) Work(id);
            });
        }
        Exception? failure = null;
        try { Work(0); }
        catch (Exception e) { failure = e; Interlocked.Exchange(ref next, count); }
        for (var w = 1; w < workers; w++)
        {
            if (Interlocked.CompareExchange(ref helperState[w], Cancelled, Idle) == Idle) continue;
            try { helpers[w]!.Wait(); }
            catch (AggregateException e) { failure ??= e.InnerException ?? e; }
        }
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>The top <paramref name="skip"/> + <paramref name="take"/> hits of several partial top-N lists, in the
    /// order a single <see cref="TopScoreDocCollector"/> over all segments gives them: score descending, then document id
    /// ascending (its tie-break). Each partial list holds its own top N under that same total order, so the merge is
    /// exact.</summary>
    public static ScoreDoc[] MergeByScore(IEnumerable<TopDocs> parts, int skip, int take) =>
        parts.SelectMany(p => p.ScoreDocs)
            .OrderByDescending(sd => sd.Score).ThenBy(sd => sd.Doc)
            .Skip(skip).Take(take).ToArray();
}
