using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TechTransfer.Search.Engine;

/// <summary>
/// 检索索引: a Lucene.Net index on disk. Each full rebuild writes a new generation directory and then swaps
/// atomically (the <c>current</c> pointer file is replaced with a rename), so searches keep working on the old
/// generation while the new one is built; changes made during the rebuild are replayed onto the new generation.
/// Thread-safe.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string PointerFile = "current";
    private readonly SearchEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly Analyzer _indexAnalyzer;
    private readonly Analyzer _highlightAnalyzer;
    private readonly QueryBuilder _queries;
    private readonly WordAnalyzer _queryWordAnalyzer;
    private readonly Similarity _similarity;
    private readonly object _openLock = new();
    // writers (upsert, delete, commit) hold it shared, so documents are analysed in parallel; a generation swap holds
    // it exclusively, so no change can go to the old generation after the journal was replayed onto the new one
    private readonly ReaderWriterLockSlim _swapLock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private readonly FilterCache _filters = new();
    private readonly FacetOrdinalCache _facetOrdinals = new();
    private Generation? _current;
    private ConcurrentQueue<Action<IndexWriter>>? _journal;
    private long _rebuildProcessed;
    private DateTimeOffset? _lastCommit;
    private DateTimeOffset? _lastRebuild;

    static SearchIndex() => BooleanQuery.MaxClauseCount = 8192;

    public SearchIndex(SearchEngineOptions options, SynonymDictionary? synonyms = null, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _indexAnalyzer = IndexSchema.CreateIndexAnalyzer(options);
        _highlightAnalyzer = new BigramAnalyzer(outputUnigrams: true);
        _similarity = new BM25Similarity(options.Ranking.Bm25K1, options.Ranking.Bm25B);
        _queryWordAnalyzer = new WordAnalyzer(options.QuerySegmenter);
        _queries = new QueryBuilder(_queryWordAnalyzer, new BigramAnalyzer(outputUnigrams: false),
            synonyms ?? SynonymDictionary.LoadEmbedded(), options.Ranking);
    }

    public SearchEngineOptions Options => _options;

    private sealed class Generation(string path, LuceneDirectory dir, IndexWriter writer, SearcherManager manager) : IDisposable
    {
        public string Path { get; } = path;
        public string Name => System.IO.Path.GetFileName(Path);
        public LuceneDirectory Dir { get; } = dir;
        public IndexWriter Writer { get; } = writer;
        public SearcherManager Manager { get; } = manager;

        public void Dispose()
        {
            Manager.Dispose();
            Writer.Dispose();
            Dir.Dispose();
        }
    }

    /// <summary>Opens the current generation (creating an empty index the first time).</summary>
    public void Open()
    {
        lock (_openLock)
        {
            if (_current is not null) return;
            System.IO.Directory.CreateDirectory(_options.IndexPath);
            var name = ReadPointer();
            if (name is null || !System.IO.Directory.Exists(Path.Combine(_options.IndexPath, name)))
            {
                name = NewGenerationName();
                var g = OpenGeneration(Path.Combine(_options.IndexPath, name), create: true, bulk: false);
                g.Writer.Commit();
                _current = g;
                WritePointer(name);
            }
            else _current = OpenGeneration(Path.Combine(_options.IndexPath, name), create: false, bulk: false);
            DeleteStaleGenerations(name, RebuildMarker.Read(_options.IndexPath)?.Generation);
        }
    }

    /// <summary>Name of the generation the <c>current</c> pointer file names (null before the first open).</summary>
    public string? ReadPointer()
    {
        var pointer = Path.Combine(_options.IndexPath, PointerFile);
        return File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
    }

    /// <summary>Name of the generation this instance searches and writes (opening it if needed).</summary>
    public string CurrentGeneration => Current.Name;

    private string NewGenerationName() => $"gen-{_time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];

    private Generation OpenGeneration(string path, bool create, bool bulk)
    {
        var dir = FSDirectory.Open(path);
        try { return OpenGeneration(path, dir, create, bulk); }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    private Generation OpenGeneration(string path, LuceneDirectory dir, bool create, bool bulk)
    {
        var config = new IndexWriterConfig(LuceneVersion48.V, _indexAnalyzer)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            Similarity = _similarity,
            RAMBufferSizeMB = bulk ? Math.Max(_options.RamBufferMb, _options.RebuildRamBufferMb) : _options.RamBufferMb,
            // a full rebuild flushes few, large segments; more segments per tier means less re-merging while it runs
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = _options.SegmentsPerTier, MaxMergeAtOnce = Math.Max(10, (int)_options.SegmentsPerTier) },
            UseCompoundFile = !bulk,
        };
        var writer = new IndexWriter(dir, config);
        // the stamp lives in the commit user data, which every later commit of this writer carries over
        if (create) writer.SetCommitData(new Dictionary<string, string> { [IndexSchema.AnalysisVersionKey] = _options.AnalysisVersion });
        var manager = new SearcherManager(writer, true, new SearcherFactoryWithWarming(_similarity, _facetOrdinals));
        return new Generation(path, dir, writer, manager);
    }

    /// <summary>New searchers use the engine's similarity. The facet ordinals of the first searcher of a generation are
    /// built before it is returned (opening an index includes them: about 1–2 s per million documents); those of segments
    /// that later refreshes or merges bring are built in the background, so the first faceted query rarely pays for them.</summary>
    private sealed class SearcherFactoryWithWarming(Similarity similarity, FacetOrdinalCache facets) : SearcherFactory
    {
        private int _opened;

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            if (reader.MaxDoc > 0)
            {
                if (Interlocked.Exchange(ref _opened, 1) == 0) facets.Warm(reader, SearchFacets.All);
                else
                    _ = Task.Run(() =>
                    {
                        try { facets.Warm(reader, SearchFacets.All); }
                        catch (ObjectDisposedException) { }   // the reader was closed meanwhile: its segments are gone
                    });
            }
            return new EngineSearcher(reader) { Similarity = similarity };
        }
    }

    private void WritePointer(string name)
    {
        var pointer = Path.Combine(_options.IndexPath, PointerFile);
        var tmp = pointer + ".tmp";
        File.WriteAllText(tmp, name);
        File.Move(tmp, pointer, overwrite: true);   // rename is atomic on the same file system
    }

    private void DeleteStaleGenerations(string keep, string? alsoKeep = null)
    {
        foreach (var d in System.IO.Directory.GetDirectories(_options.IndexPath, "gen-*"))
        {
            var n = Path.GetFileName(d);
            if (n == keep || n == alsoKeep) continue;
            try { System.IO.Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Generation Current
    {
        get
        {
            if (_current is { } g) return g;
            Open();
            return _current ?? throw new InvalidOperationException("The search index could not be opened.");
        }
    }

    // ---------------------------------------------------------------- writing

    /// <summary>Adds or replaces a document (visible after <see cref="Commit"/>). Safe to call from several threads:
    /// analysis runs in parallel.</summary>
    public void Upsert(SearchDocument doc)
    {
        var luceneDoc = IndexSchema.ToLucene(doc, _options.IndexUnigrams);
        var term = new Term(IndexSchema.Uid, IndexSchema.UidOf(doc.Type, doc.Id));
        Apply(w => w.UpdateDocument(term, luceneDoc));
    }

    public void Delete(string type, Guid id)
    {
        var term = new Term(IndexSchema.Uid, IndexSchema.UidOf(type, id));
        Apply(w => w.DeleteDocuments(term));
    }

    private void Apply(Action<IndexWriter> op)
    {
        var g = Current;
        _swapLock.EnterReadLock();
        try
        {
            g = _current ?? g;
            op(g.Writer);
            _journal?.Enqueue(op);
        }
        finally { _swapLock.ExitReadLock(); }
    }

    /// <summary>Makes changes durable and visible to new searches.</summary>
    public void Commit()
    {
        var g = Current;
        _swapLock.EnterReadLock();
        try
        {
            g = _current ?? g;
            g.Writer.Commit();
            g.Manager.MaybeRefreshBlocking();
        }
        finally { _swapLock.ExitReadLock(); }
        _lastCommit = _time.GetUtcNow();
    }

    /// <summary>
    /// Builds a new generation from <paramref name="documents"/> and swaps it in. Searches keep using the old
    /// generation until the swap; upserts and deletes made meanwhile are applied to both.
    /// </summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await _rebuildGate.WaitAsync(ct);
        Generation? fresh = null;
        try
        {
            Open();
            _swapLock.EnterWriteLock();
            try { _journal = new ConcurrentQueue<Action<IndexWriter>>(); }
            finally { _swapLock.ExitWriteLock(); }
            var name = NewGenerationName();
            fresh = OpenGeneration(Path.Combine(_options.IndexPath, name), create: true, bulk: true);
            var count = await BulkLoadAsync(fresh.Writer, documents, progress, ct);
            CommitMerged(fresh.Writer);
            fresh.Writer.Config.RAMBufferSizeMB = _options.RamBufferMb;
            Generation old;
            _swapLock.EnterWriteLock();
            try
            {
                foreach (var op in _journal!) op(fresh.Writer);
                _journal = null;
                fresh.Writer.Commit();
                fresh.Manager.MaybeRefreshBlocking();
                old = Current;
                _current = fresh;
                WritePointer(name);
            }
            finally { _swapLock.ExitWriteLock(); }
            fresh = null;
            _lastRebuild = _time.GetUtcNow();
            _lastCommit = _lastRebuild;
            // readers already acquired on the old generation keep their open files until released
            old.Dispose();
            DeleteStaleGenerations(name, RebuildMarker.Read(_options.IndexPath)?.Generation);
            ReleaseBulkMemory();
            return count;
        }
        finally
        {
            _swapLock.EnterWriteLock();
            try { _journal = null; }
            finally { _swapLock.ExitWriteLock(); }
            if (fresh is not null)
            {
                var path = fresh.Path;
                fresh.Dispose();
                try { System.IO.Directory.Delete(path, true); } catch (IOException) { }
            }
            _rebuildGate.Release();
        }
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

    // ---------------------------------------------------------------- rebuild in another process (tt search reindex)

    /// <summary>
    /// Builds generation <paramref name="name"/> from <paramref name="documents"/> with the bulk path and commits it,
    /// without opening or touching the current generation (another process may be writing to it). Not yet visible:
    /// <see cref="Publish"/> makes it current.
    /// </summary>
    public async Task<int> BuildGenerationAsync(string name, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct)
    {
        var path = Path.Combine(_options.IndexPath, name);
        System.IO.Directory.CreateDirectory(_options.IndexPath);
        var g = OpenGeneration(path, create: true, bulk: true);
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
            if (!ok) try { System.IO.Directory.Delete(path, true); } catch (IOException) { }
        }
    }

    /// <summary>Points <c>current</c> at generation <paramref name="name"/> (atomic rename); processes switch on their next check.</summary>
    public void Publish(string name) => WritePointer(name);

    /// <summary>True when some writer (this or another process) holds generation <paramref name="name"/> open.</summary>
    public bool IsGenerationLocked(string name)
    {
        var path = Path.Combine(_options.IndexPath, name);
        if (!System.IO.Directory.Exists(path)) return false;
        if (_current?.Name == name) return true;
        using var dir = FSDirectory.Open(path);
        return IndexWriter.IsLocked(dir);
    }

    /// <summary>
    /// Switches this instance to generation <paramref name="name"/> (built by another process). False when that
    /// generation's write lock is still held elsewhere; try again later. Searches move to the new generation at once;
    /// readers already acquired on the old one finish normally.
    /// </summary>
    public bool TrySwitchTo(string name)
    {
        if (_current?.Name == name) return true;
        Generation fresh;
        try { fresh = OpenGeneration(Path.Combine(_options.IndexPath, name), create: false, bulk: false); }
        catch (LockObtainFailedException) { return false; }
        Generation? old;
        _swapLock.EnterWriteLock();
        try
        {
            old = _current;
            _current = fresh;
        }
        finally { _swapLock.ExitWriteLock(); }
        old?.Dispose();
        _lastRebuild = _time.GetUtcNow();
        DeleteStaleGenerations(name);
        return true;
    }

    /// <summary>A name for a new generation directory.</summary>
    public string NewGeneration() => NewGenerationName();

    /// <summary>
    /// The bulk path of a rebuild: one reader of <paramref name="documents"/> feeds a bounded queue, and one worker per
    /// core converts and analyses documents into the writer concurrently (each worker gets its own in-memory segment);
    /// nothing is committed here. Documents are added, not updated: a rebuild starts from an empty generation.
    /// </summary>
    private async Task<int> BulkLoadAsync(IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct)
    {
        Interlocked.Exchange(ref _rebuildProcessed, 0);
        var queue = System.Threading.Channels.Channel.CreateBounded<SearchDocument>(
            new System.Threading.Channels.BoundedChannelOptions(4096) { SingleWriter = true, FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, Math.Max(1, _options.IndexingThreads ?? Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (await queue.Reader.WaitToReadAsync(failed.Token))
                    while (queue.Reader.TryRead(out var doc))
                    {
                        writer.AddDocument(IndexSchema.ToLucene(doc, _options.IndexUnigrams));
                        Interlocked.Increment(ref _rebuildProcessed);
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
                if (++produced % 1000 == 0) progress?.Report(Interlocked.Read(ref _rebuildProcessed));
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested) { }
        finally { queue.Writer.TryComplete(); }
        await Task.WhenAll(workers);
        ct.ThrowIfCancellationRequested();
        var count = (int)Interlocked.Read(ref _rebuildProcessed);
        progress?.Report(count);
        return count;
    }

    /// <summary>
    /// True when the current generation was analysed by another version of the analysis chain (or before versions were
    /// stamped): its terms no longer match what queries produce, so it must be rebuilt (<see cref="RebuildAsync"/>).
    /// </summary>
    public bool IsOutdated
    {
        get
        {
            var data = Current.Writer.CommitData;
            return data is null || !data.TryGetValue(IndexSchema.AnalysisVersionKey, out var v) || v != IndexSchema.AnalysisVersion;
        }
    }

    public SearchIndexStatus Status()
    {
        if (_current is null) return new SearchIndexStatus(false, 0, _options.IndexPath, false, 0, null, null);
        var (manager, s) = AcquireSearcher();
        try
        {
            return new SearchIndexStatus(true, s.IndexReader.NumDocs, Path.Combine(_options.IndexPath, CurrentGeneration),
                _journal is not null || RebuildMarker.Read(_options.IndexPath) is not null,
                Interlocked.Read(ref _rebuildProcessed), _lastCommit, _lastRebuild);
        }
        finally { manager.Release(s); }
    }

    // ---------------------------------------------------------------- searching

    /// <summary>Validates and runs a search for <paramref name="caller"/>.</summary>
    public Result<SearchResults> Search(SearchQuery query, SearchCaller caller)
    {
        var valid = SearchQueryValidation.Validate(query);
        if (valid.IsFailure) return valid.Error!;
        return SearchUnchecked(query, caller);
    }

    internal SearchResults SearchUnchecked(SearchQuery query, SearchCaller caller, Query? textQueryOverride = null)
    {
        var sw = Stopwatch.StartNew();
        var (manager, searcher) = AcquireSearcher();
        try
        {
            var text = textQueryOverride ?? _queries.BuildTextQuery(query.Text);
            if (text is not null && _options.Ranking.PrfDocs > 0 && textQueryOverride is null && !string.IsNullOrWhiteSpace(query.Text))
                text = WithFeedback(searcher, text, query.Text!);
            if (text is not null && textQueryOverride is null)
                text = RestrictCommonTerms(text, query.Text!, searcher.IndexReader);
            // Ranked queries: the structured part is a cached bit set applied while scoring (it never scores, exactly
            // as the former zero-boost MUST clause), which lets the text query run as one out-of-order disjunction.
            // Excluded ids (matching leaves out its own subject) are cleared from a copy of the cached bits, so the
            // cache is keyed by the reusable part only.
            Query main;
            Filter? filter = null;
            if (text is null) main = QueryBuilder.BuildFilter(query, caller);
            else
            {
                main = text;
                var filterQuery = QueryBuilder.BuildFilter(query.ExcludeIds.Count == 0 ? query : query with { ExcludeIds = [] }, caller);
                if (query.ExcludeIds.Count > 0)
                    filter = new ExcludingFilter(_filters.For(filterQuery),
                        query.ExcludeIds.Distinct().Select(id => new Term(IndexSchema.Id, id.ToString("N"))).ToList());
                else if (filterQuery is not MatchAllDocsQuery) filter = _filters.For(filterQuery);
            }
            var need = Math.Max(1, query.Page * query.PageSize);
            var sort = SortFor(query.Sort, text is null);
            var (scoreDocs, totalHits, facetCounts) = sort is null && searcher is EngineSearcher es && UseParallelSearch(es)
                ? CollectParallel(es, filter is null ? main : new FilteredQuery(main, filter), need, query)
                : Collect(searcher, main, filter, sort, need, query);
            var hl = query.Highlight ? HighlightTerms(_queries.HighlightQuery(query.Text)) : null;
            // the page's hits are loaded and highlighted on the search threads too (each hit independently; same output)
            var hitArray = new SearchHit[scoreDocs.Length];
            var s = searcher;
            if (scoreDocs.Length > 1 && SearchThreads > 1 && searcher.IndexReader.MaxDoc >= _options.ParallelSearchMinDocs)
                ParallelSearch.ForEach(scoreDocs.Length, SearchThreads, (_, i) => hitArray[i] = ToHit(s, scoreDocs[i], hl));
            else
                for (var i = 0; i < scoreDocs.Length; i++) hitArray[i] = ToHit(searcher, scoreDocs[i], hl);
            var hits = hitArray.ToList();
            return new SearchResults(hits, totalHits, query.Page, query.PageSize, facetCounts, sw.Elapsed.TotalMilliseconds);
        }
        finally { manager.Release(searcher); }
    }

    /// <summary>The common-terms rule with the cutoff for this kind of query; the query is segmented (keyword or verbose)
    /// only when the index is large enough for the rule and the two cutoffs differ.</summary>
    private Query RestrictCommonTerms(Query text, string queryText, IndexReader reader)
    {
        var r = _options.Ranking;
        if (reader.NumDocs < r.CommonTermMinDocs) return text;
        var fraction = r.CommonTermFraction == r.CommonTermFractionVerbose || !_queries.IsVerbose(queryText)
            ? r.CommonTermFraction
            : r.CommonTermFractionVerbose;
        return CommonTermRestriction.Apply(text, reader, fraction, r.CommonTermMinDocs);
    }

    private int SearchThreads => Math.Max(1, _options.SearchThreads ?? Environment.ProcessorCount);

    private bool UseParallelSearch(EngineSearcher searcher) =>
        SearchThreads > 1 && searcher.IndexReader.Leaves.Count > 1 && searcher.IndexReader.MaxDoc >= _options.ParallelSearchMinDocs;

    private static readonly Dictionary<string, IReadOnlyList<FacetValue>> NoFacets = [];

    /// <summary>One pass over all segments on the calling thread: top hits, total and (when asked) facet counts.</summary>
    private (ScoreDoc[] Hits, int Total, Dictionary<string, IReadOnlyList<FacetValue>> Facets) Collect(
        IndexSearcher searcher, Query main, Filter? filter, Sort? sort, int need, SearchQuery query)
    {
        ITopDocsCollector topCollector = sort is null
            ? TopScoreDocCollector.Create(need, false)
            : TopFieldCollector.Create(sort, need, true, true, false, false);
        var facets = query.Facets ? new FacetCountCollector(SearchFacets.All, _facetOrdinals) : null;
        var total = new TotalHitCountCollector();
        ICollector collector = facets is null
            ? MultiCollector.Wrap(topCollector, total)
            : MultiCollector.Wrap(topCollector, facets, total);
        searcher.Search(main, filter, collector);
        return (topCollector.GetTopDocs(query.Skip(), query.PageSize).ScoreDocs, total.TotalHits, facets?.Result() ?? NoFacets);
    }

    private sealed record Partial(TopScoreDocCollector Top, TotalHitCountCollector Total, FacetCountCollector? Facets, ICollector Collector);

    /// <summary>The same as <see cref="Collect"/> for a relevance-ranked query, with the segments spread over
    /// <see cref="SearchEngineOptions.SearchThreads"/> threads (<see cref="ParallelSearch"/>); hits, scores, order, total
    /// and facet counts are exactly those of the sequential pass.</summary>
    private (ScoreDoc[] Hits, int Total, Dictionary<string, IReadOnlyList<FacetValue>> Facets) CollectParallel(
        EngineSearcher searcher, Query query, int need, SearchQuery request)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var parts = ParallelSearch.Run(searcher, weight, SearchThreads, () =>
        {
            var top = TopScoreDocCollector.Create(need, false);
            var total = new TotalHitCountCollector();
            var facets = request.Facets ? new FacetCountCollector(SearchFacets.All, _facetOrdinals) : null;
            return new Partial(top, total, facets, facets is null ? MultiCollector.Wrap(top, total) : MultiCollector.Wrap(top, facets, total));
        }, p => p.Collector);
        var hits = ParallelSearch.MergeByScore(parts.Select(p => p.Top.GetTopDocs()), request.Skip(), request.PageSize);
        var facetCounts = request.Facets
            ? parts.Count > 0 ? FacetCountCollector.Result(parts.Select(p => p.Facets!).ToList()) : SearchFacets.All.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[])
            : NoFacets;
        return (hits, parts.Sum(p => p.Total.TotalHits), facetCounts);
    }

    /// <summary>A searcher of the current generation; release it on the returned manager.</summary>
    private (SearcherManager Manager, IndexSearcher Searcher) AcquireSearcher()
    {
        var g = Current;
        _swapLock.EnterReadLock();
        try
        {
            g = _current ?? g;
            return (g.Manager, g.Manager.Acquire());
        }
        finally { _swapLock.ExitReadLock(); }
    }

    /// <summary>Ranked ids only (no highlighting or facets); used by the evaluation harness and matching.</summary>
    public IReadOnlyList<(string Type, Guid Id, float Score)> Rank(string text, int k, SearchCaller? caller = null, SearchQuery? filters = null)
    {
        var q = (filters ?? new SearchQuery()) with { Text = text, Page = 1, PageSize = k, Highlight = false, Facets = false };
        var r = SearchUnchecked(q, caller ?? SearchCaller.Admin);
        return r.Items.Select(h => (h.Type, h.Id, h.Score)).ToList();
    }

    /// <summary>
    /// 供需匹配: ranks records against a long text (a demand's or an achievement's description). The text is reduced to
    /// its most distinctive words (tf·idf against this index), which keeps long-text queries fast at millions of
    /// documents; each key word is looked up in the word fields and, as a bigram phrase, in the bigram fields.
    /// </summary>
    public MatchResult Match(string text, SearchQuery filters, SearchCaller caller, int k = 20, int maxTerms = 24)
    {
        var (manager, searcher) = AcquireSearcher();
        List<(string Term, double Weight)> keyTerms;
        try { keyTerms = KeyTerms(searcher.IndexReader, text, maxTerms); }
        finally { manager.Release(searcher); }
        if (keyTerms.Count == 0) return new MatchResult([], [], 0);
        var max = keyTerms[0].Weight;
        var q = new BooleanQuery(disableCoord: true);
        foreach (var (term, w) in keyTerms)
        {
            var boost = (float)(w / max);
            var t = new BooleanQuery(disableCoord: true) { Boost = boost };
            t.Add(new TermQuery(new Term(IndexSchema.TitleWord, term)) { Boost = _options.Ranking.TitleBoost }, Occur.SHOULD);
            t.Add(new TermQuery(new Term(IndexSchema.BodyWord, term)), Occur.SHOULD);
            t.Add(new TermQuery(new Term(IndexSchema.KeywordWord, term)) { Boost = _options.Ranking.KeywordBoost }, Occur.SHOULD);
            var p = _queries.Phrase(term, IndexSchema.BodyBigram, 1f, minTokens: 2);
            if (p is not null) t.Add(p, Occur.SHOULD);
            q.Add(t, Occur.SHOULD);
        }
        var result = SearchUnchecked(filters with { Page = 1, PageSize = k, Highlight = false, Facets = false, Text = null }, caller, q);
        return new MatchResult(result.Items, keyTerms.Select(x => x.Term).ToList(), result.Total);
    }

    private List<(string Term, double Weight)> KeyTerms(IndexReader reader, string text, int maxTerms) =>
        KeyTermExtractor.Extract(_queryWordAnalyzer, IndexSchema.BodyWord, text,
            t => reader.DocFreq(new Term(IndexSchema.BodyWord, t)), reader.NumDocs, maxTerms);

    private static Sort? SortFor(SearchSort sort, bool noText) => sort switch
    {
        SearchSort.DateDesc => new Sort(new SortField(IndexSchema.SortDate, SortFieldType.INT64, true)),
        SearchSort.DateAsc => new Sort(new SortField(IndexSchema.SortDate, SortFieldType.INT64, false)),
        SearchSort.PriceAsc => new Sort(Missing(new SortField(IndexSchema.SortPrice, SortFieldType.INT64, false), long.MaxValue)),
        SearchSort.PriceDesc => new Sort(Missing(new SortField(IndexSchema.SortPrice, SortFieldType.INT64, true), long.MinValue)),
        SearchSort.TrlDesc => new Sort(Missing(new SortField(IndexSchema.SortTrl, SortFieldType.INT64, true), long.MinValue), SortField.FIELD_SCORE),
        _ when noText => new Sort(new SortField(IndexSchema.SortDate, SortFieldType.INT64, true)),
        _ => null,
    };

    private static SortField Missing(SortField f, long value)
    {
        f.SetMissingValue(value);
        return f;
    }

    /// <summary>RM3-style pseudo-relevance feedback: add the most distinctive word terms of the top documents.</summary>
    private Query WithFeedback(IndexSearcher searcher, Query original, string text)
    {
        var r = _options.Ranking;
        var top = searcher.Search(original, r.PrfDocs);
        if (top.ScoreDocs.Length == 0) return original;
        var n = searcher.IndexReader.NumDocs;
        var weights = new Dictionary<string, double>();
        var queryTerms = new HashSet<string>(new WordAnalyzer(_options.Segmenter).Terms(IndexSchema.BodyWord, text));
        var maxScore = top.ScoreDocs[0].Score;
        foreach (var sd in top.ScoreDocs)
        {
            var stored = searcher.Doc(sd.Doc);
            var docText = stored.Get(IndexSchema.StoredTitle) + "\n" + stored.Get(IndexSchema.StoredBody);
            var tf = new Dictionary<string, int>();
            var len = 0;
            foreach (var t in new WordAnalyzer(_options.Segmenter).Terms(IndexSchema.BodyWord, docText))
            {
                if (t.Length < 2 || queryTerms.Contains(t)) continue;
                tf[t] = tf.GetValueOrDefault(t) + 1;
                len++;
            }
            if (len == 0) continue;
            var docWeight = sd.Score / maxScore;
            foreach (var (t, c) in tf)
                weights[t] = weights.GetValueOrDefault(t) + docWeight * c / len;
        }
        var scored = weights
            .Select(kv =>
            {
                var df = searcher.IndexReader.DocFreq(new Term(IndexSchema.BodyWord, kv.Key));
                var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                return (Term: kv.Key, W: kv.Value * idf, Df: df);
            })
            .Where(x => x.Df >= 2)
            .OrderByDescending(x => x.W).Take(r.PrfTerms).ToList();
        if (scored.Count == 0) return original;
        var max = scored[0].W;
        var expansion = new BooleanQuery(disableCoord: true) { Boost = r.PrfWeight };
        foreach (var (t, w, _) in scored)
            expansion.Add(new TermQuery(new Term(IndexSchema.BodyWord, t)) { Boost = (float)(w / max) }, Occur.SHOULD);
        return new BooleanQuery(disableCoord: true) { { original, Occur.MUST }, { expansion, Occur.SHOULD } };
    }

    /// <summary>The highlight query's terms, extracted once per search instead of once per highlighted field of each
    /// hit (the highlight query holds only term queries, so the weighted terms are exactly what the scorer would extract).</summary>
    private static WeightedSpanTerm[]? HighlightTerms(Query q) =>
        q is BooleanQuery { Clauses.Count: > 0 } b
            ? b.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(t => t.Term.Text).Distinct(StringComparer.Ordinal)
                .Select(t => new WeightedSpanTerm(1f, t)).ToArray()
            : null;

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc sd, WeightedSpanTerm[]? highlight)
    {
        var d = searcher.Doc(sd.Doc);
        var meta = JsonSerializer.Deserialize<StoredMeta>(d.Get(IndexSchema.StoredMeta))!;
        var title = d.Get(IndexSchema.StoredTitle) ?? "";
        var body = d.Get(IndexSchema.StoredBody) ?? "";
        string titleHl, snippet;
        if (highlight is { Length: > 0 })
        {
            titleHl = Highlight(highlight, title, whole: true) ?? Encode(title);
            snippet = Highlight(highlight, body, whole: false) ?? Encode(Truncate(body, 160));
        }
        else
        {
            titleHl = Encode(title);
            snippet = Encode(Truncate(body, 160));
        }
        return new SearchHit
        {
            Type = meta.Type, Id = meta.Id, Title = title, TitleHighlighted = titleHl, Snippet = snippet, Url = meta.Url,
            Score = float.IsNaN(sd.Score) ? 0 : sd.Score, Field = meta.Field, IpcCodes = meta.IpcCodes, Keywords = meta.Keywords,
            Trl = meta.Trl, PriceMinYuan = meta.PriceMinYuan, PriceMaxYuan = meta.PriceMaxYuan, DivisionCode = meta.DivisionCode,
            OrganizationId = meta.OrganizationId, OrganizationName = meta.OrganizationName, Status = meta.Status, Date = meta.Date,
        };
    }

    private string? Highlight(WeightedSpanTerm[] terms, string text, bool whole)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var h = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), MinimalHtmlEncoder.Instance, new QueryScorer(terms))
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(160),
            MaxDocCharsToAnalyze = 4000,
        };
        using var ts = _highlightAnalyzer.GetTokenStream(IndexSchema.Highlight, new StringReader(text));
        return h.GetBestFragment(ts, text);
    }

    private static string Encode(string s) => MinimalHtmlEncoder.Instance.EncodeText(s);
    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    /// <summary>Word-field document frequency, for query term weighting in matching.</summary>
    internal (int Df, int N) DocFreq(string wordTerm)
    {
        var (manager, s) = AcquireSearcher();
        try { return (s.IndexReader.DocFreq(new Term(IndexSchema.BodyWord, wordTerm)), s.IndexReader.NumDocs); }
        finally { manager.Release(s); }
    }

    internal QueryBuilder Queries => _queries;

    public void Dispose()
    {
        lock (_openLock)
        {
            _swapLock.EnterWriteLock();
            try
            {
                _current?.Dispose();
                _current = null;
            }
            finally { _swapLock.ExitWriteLock(); }
        }
        _rebuildGate.Dispose();
    }
}

internal static class SearchQueryPaging
{
    public static int Skip(this SearchQuery q) => (q.Page - 1) * q.PageSize;
}

/// <summary>
/// Cached filters: the structured part of a query (visibility, type, TRL, region…) as one bit set per segment, kept
/// across queries (segments that did not change keep their bits after a refresh). Bounded: cleared when full.
/// </summary>
internal sealed class FilterCache(int capacity = 256)
{
    private readonly ConcurrentDictionary<Query, Filter> _filters = new();

    public Filter For(Query query)
    {
        if (_filters.TryGetValue(query, out var f)) return f;
        if (_filters.Count >= capacity) _filters.Clear();
        return _filters.GetOrAdd(query, q => new BitSetCachingFilter(new QueryWrapperFilter(q)));
    }

    /// <summary>Caches a <see cref="FixedBitSet"/> (random access), so dense filters such as visibility are applied
    /// as accepted documents while scoring rather than by leap-frogging.</summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            if (docIdSet is null) return EMPTY_DOCIDSET;
            if (docIdSet is FixedBitSet) return docIdSet;
            var it = docIdSet.GetIterator();
            if (it is null) return EMPTY_DOCIDSET;
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(it);
            return bits;
        }
    }
}

/// <summary>A cached filter minus a few documents (by id term): the cached bits of each segment are copied and the
/// excluded documents cleared, so the cached filter itself is never modified.</summary>
internal sealed class ExcludingFilter(Filter inner, IReadOnlyList<Term> excluded) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var set = inner.GetDocIdSet(context, null);
        if (set is null) return null;
        FixedBitSet bits;
        if (set is FixedBitSet cached) bits = cached.Clone();
        else
        {
            var it = set.GetIterator();
            if (it is null) return null;
            bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            bits.Or(it);
        }
        foreach (var term in excluded)
        {
            var docs = context.AtomicReader.GetTermDocsEnum(term);
            if (docs is null) continue;
            int d;
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) bits.Clear(d);
        }
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}

/// <summary>Escapes only the HTML metacharacters, leaving Chinese text readable (SimpleHTMLEncoder writes every
/// non-ASCII character as a numeric entity).</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static readonly MinimalHtmlEncoder Instance = new();

    public string EncodeText(string originalText)
    {
        if (string.IsNullOrEmpty(originalText)) return "";
        var sb = new System.Text.StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
