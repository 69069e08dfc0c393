using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TechTransfer.Search.Engine;

/// <summary>One open generation: its directory, its writer and the searcher manager over that writer.</summary>
internal sealed class Generation(string path, LuceneDirectory dir, IndexWriter writer, SearcherManager manager) : IDisposable
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

/// <summary>
/// The generation this process searches and writes, and the moves between generations: opening the current one (creating
/// an empty index the first time), applying changes to it, swapping in a generation rebuilt in this process (with the
/// changes journalled meanwhile replayed onto it) or one built by another process. Writers hold the swap lock shared, so
/// documents are analysed in parallel; a swap holds it exclusively, so no change can reach the old generation after the
/// journal was replayed onto the new one. Readers already acquired on an old generation finish on it.
/// </summary>
internal sealed class IndexGenerations : IDisposable
{
    private readonly SearchEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly Analyzer _indexAnalyzer;
    private readonly Similarity _similarity;
    private readonly FacetOrdinalCache _facetOrdinals;
    private readonly object _openLock = new();
    private readonly ReaderWriterLockSlim _swapLock = new(LockRecursionPolicy.SupportsRecursion);
    private Generation? _current;
    private ConcurrentQueue<Action<IndexWriter>>? _journal;

    public IndexGenerations(SearchEngineOptions options, TimeProvider time, Similarity similarity, FacetOrdinalCache facetOrdinals)
    {
        _options = options;
        _time = time;
        _similarity = similarity;
        _facetOrdinals = facetOrdinals;
        _indexAnalyzer = IndexSchema.CreateIndexAnalyzer(options);
        Directory = new GenerationDirectory(options.IndexPath, time);
    }

    public GenerationDirectory Directory { get; }

    public DateTimeOffset? LastCommit { get; private set; }
    public DateTimeOffset? LastRebuild { get; private set; }

    /// <summary>True while a rebuild in this process journals the changes made meanwhile.</summary>
    public bool IsJournalling => _journal is not null;

    /// <summary>True once a generation is open in this process.</summary>
    public bool IsOpen => _current is not null;

    /// <summary>Opens the current generation (creating an empty index the first time).</summary>
    public void Open()
    {
        lock (_openLock)
        {
            if (_current is not null) return;
            Directory.Create();
            var name = Directory.ReadPointer();
            if (name is null || !Directory.Exists(name))
            {
                name = Directory.NewName();
                var g = OpenGeneration(name, create: true, bulk: false);
                g.Writer.Commit();
                _current = g;
                Directory.WritePointer(name);
            }
            else _current = OpenGeneration(name, create: false, bulk: false);
            Directory.DeleteStale(name, RebuildMarker.Read(_options.IndexPath)?.Generation);
        }
    }

    /// <summary>The open generation, opening it if needed.</summary>
    public Generation Current
    {
        get
        {
            if (_current is { } g) return g;
            Open();
            return _current ?? throw new InvalidOperationException("The search index could not be opened.");
        }
    }

    /// <summary>Opens (or creates) generation <paramref name="name"/> with a writer configured for incremental changes or,
    /// with <paramref name="bulk"/>, for a full build (a large RAM buffer, no compound files).</summary>
    public Generation OpenGeneration(string name, bool create, bool bulk)
    {
        var path = Directory.PathOf(name);
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

    // ---------------------------------------------------------------- changes to the current generation

    /// <summary>Applies a change to the current generation (and journals it while a rebuild runs).</summary>
    public void Apply(Action<IndexWriter> op)
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
        LastCommit = _time.GetUtcNow();
    }

    /// <summary>A searcher of the current generation; release it on the returned manager.</summary>
    public (SearcherManager Manager, IndexSearcher Searcher) AcquireSearcher()
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

    // ---------------------------------------------------------------- moving to another generation

    /// <summary>From now on every change is also journalled, to be replayed onto a generation being rebuilt.</summary>
    public void StartJournal()
    {
        _swapLock.EnterWriteLock();
        try { _journal = new ConcurrentQueue<Action<IndexWriter>>(); }
        finally { _swapLock.ExitWriteLock(); }
    }

    /// <summary>Stops journalling (the rebuild finished or failed).</summary>
    public void StopJournal()
    {
        _swapLock.EnterWriteLock();
        try { _journal = null; }
        finally { _swapLock.ExitWriteLock(); }
    }

    /// <summary>
    /// Swaps in <paramref name="fresh"/>, rebuilt in this process: replays the journal onto it, commits, makes it current
    /// and points <c>current</c> at it, all under the exclusive lock; then closes the old generation and deletes the
    /// stale ones.
    /// </summary>
    public void SwapIn(Generation fresh)
    {
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
            Directory.WritePointer(fresh.Name);
        }
        finally { _swapLock.ExitWriteLock(); }
        LastRebuild = _time.GetUtcNow();
        LastCommit = LastRebuild;
        // readers already acquired on the old generation keep their open files until released
        old.Dispose();
        Directory.DeleteStale(fresh.Name, RebuildMarker.Read(_options.IndexPath)?.Generation);
    }

    /// <summary>True when some writer (this or another process) holds generation <paramref name="name"/> open.</summary>
    public bool IsLocked(string name)
    {
        if (!Directory.Exists(name)) return false;
        if (_current?.Name == name) return true;
        return Directory.IsLocked(name);
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
        try { fresh = OpenGeneration(name, create: false, bulk: false); }
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
        LastRebuild = _time.GetUtcNow();
        Directory.DeleteStale(name);
        return true;
    }

    /// <summary>
    /// True when the current generation was analysed by another version of the analysis chain (or before versions were
    /// stamped): its terms no longer match what queries produce, so it must be rebuilt.
    /// </summary>
    public bool IsOutdated
    {
        get
        {
            var data = Current.Writer.CommitData;
            return data is null || !data.TryGetValue(IndexSchema.AnalysisVersionKey, out var v) || v != IndexSchema.AnalysisVersion;
        }
    }

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
    }
}
