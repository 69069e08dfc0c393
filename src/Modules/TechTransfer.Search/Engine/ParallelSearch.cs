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
        workers = Math.Max(1, Math.Min(workers, segments.Length));
        var next = -1;
        var states = new T[workers];
        var helperState = new int[workers];
        var helpers = new Task?[workers];

        void Work(int w)
        {
            T? state = default;
            int i;
            while ((i = Interlocked.Increment(ref next)) < segments.Length)
            {
                state ??= create();
                searcher.SearchSegment(segments[i], weight, collectorOf(state));
            }
            if (state is not null) states[w] = state;
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
        catch (Exception e) { failure = e; Interlocked.Exchange(ref next, segments.Length); }
        for (var w = 1; w < workers; w++)
        {
            if (Interlocked.CompareExchange(ref helperState[w], Cancelled, Idle) == Idle) continue;
            try { helpers[w]!.Wait(); }
            catch (AggregateException e) { failure ??= e.InnerException ?? e; }
        }
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        return states.Where(s => s is not null).ToList();
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
