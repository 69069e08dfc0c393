using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Engine;

/// <summary>
/// 检索索引: a Lucene.Net index on disk. Each full rebuild writes a new generation directory and then swaps
/// atomically (the <c>current</c> pointer file is replaced with a rename), so searches keep working on the old
/// generation while the new one is built; changes made during the rebuild are replayed onto the new generation.
/// Thread-safe. The one entry point of the engine; the work is done by
/// <see cref="IndexGenerations"/> (which generation is open, changes, swaps; files in <see cref="GenerationDirectory"/>),
/// <see cref="IndexRebuilder"/> (bulk rebuilds), <see cref="SearchExecutor"/> (queries and matching, with
/// <see cref="HitReader"/> for highlighting and <see cref="FacetCountCollector"/> for facets) and
/// <see cref="SearchVisibility"/> (who may see what).
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly SearchEngineOptions _options;
    private readonly IndexGenerations _generations;
    private readonly IndexRebuilder _rebuilder;
    private readonly SearchExecutor _executor;

    /// <summary>The caller of <see cref="Rank"/> when none is given: the platform, which sees every record.</summary>
    private static readonly Caller Platform = Caller.System("search");

    static SearchIndex() => BooleanQuery.MaxClauseCount = 8192;

    public SearchIndex(SearchEngineOptions options, SynonymDictionary? synonyms = null, TimeProvider? time = null)
    {
        _options = options;
        var similarity = new BM25Similarity(options.Ranking.Bm25K1, options.Ranking.Bm25B);
        var facetOrdinals = new FacetOrdinalCache();
        _generations = new IndexGenerations(options, time ?? TimeProvider.System, similarity, facetOrdinals);
        _rebuilder = new IndexRebuilder(options, _generations);
        var queryWordAnalyzer = new WordAnalyzer(options.QuerySegmenter);
        var queries = new QueryBuilder(queryWordAnalyzer, new BigramAnalyzer(outputUnigrams: false),
            synonyms ?? SynonymDictionary.LoadEmbedded(), options.Ranking);
        _executor = new SearchExecutor(options, _generations, queries, queryWordAnalyzer, facetOrdinals);
    }

    public SearchEngineOptions Options => _options;

    // ---------------------------------------------------------------- generations

    /// <summary>Opens the current generation (creating an empty index the first time).</summary>
    public void Open() => _generations.Open();

    /// <summary>Name of the generation the <c>current</c> pointer file names (null before the first open).</summary>
    public string? ReadPointer() => _generations.Directory.ReadPointer();

    /// <summary>Name of the generation this instance searches and writes (opening it if needed).</summary>
    public string CurrentGeneration => _generations.Current.Name;

    /// <summary>A name for a new generation directory.</summary>
    public string NewGeneration() => _generations.Directory.NewName();

    /// <summary>Points <c>current</c> at generation <paramref name="name"/> (atomic rename); processes switch on their next check.</summary>
    public void Publish(string name) => _generations.Directory.WritePointer(name);

    /// <summary>True when some writer (this or another process) holds generation <paramref name="name"/> open.</summary>
    public bool IsGenerationLocked(string name) => _generations.IsLocked(name);

    /// <summary>
    /// Switches this instance to generation <paramref name="name"/> (built by another process). False when that
    /// generation's write lock is still held elsewhere; try again later.
    /// </summary>
    public bool TrySwitchTo(string name) => _generations.TrySwitchTo(name);

    /// <summary>
    /// True when the current generation was analysed by another version of the analysis chain (or before versions were
    /// stamped): its terms no longer match what queries produce, so it must be rebuilt (<see cref="RebuildAsync"/>).
    /// </summary>
    public bool IsOutdated => _generations.IsOutdated;

    public SearchIndexStatus Status()
    {
        if (!_generations.IsOpen) return new SearchIndexStatus(false, 0, _options.IndexPath, false, 0, null, null);
        return new SearchIndexStatus(true, _executor.DocumentCount(), _generations.Directory.PathOf(CurrentGeneration),
            _generations.IsJournalling || RebuildMarker.Read(_options.IndexPath) is not null,
            _rebuilder.Processed, _generations.LastCommit, _generations.LastRebuild);
    }

    // ---------------------------------------------------------------- writing

    /// <summary>Adds or replaces a document (visible after <see cref="Commit"/>). Safe to call from several threads:
    /// analysis runs in parallel.</summary>
    public void Upsert(SearchDocument doc)
    {
        var luceneDoc = IndexSchema.ToLucene(doc, _options.IndexUnigrams);
        var term = new Term(IndexSchema.Uid, IndexSchema.UidOf(doc.Type, doc.Id));
        _generations.Apply(w => w.UpdateDocument(term, luceneDoc));
    }

    public void Delete(string type, Guid id)
    {
        var term = new Term(IndexSchema.Uid, IndexSchema.UidOf(type, id));
        _generations.Apply(w => w.DeleteDocuments(term));
    }

    /// <summary>Makes changes durable and visible to new searches.</summary>
    public void Commit() => _generations.Commit();

    /// <summary>
    /// Builds a new generation from <paramref name="documents"/> and swaps it in. Searches keep using the old
    /// generation until the swap; upserts and deletes made meanwhile are applied to both.
    /// </summary>
    public Task<int> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken ct = default) =>
        _rebuilder.RebuildAsync(documents, progress, ct);

    /// <summary>
    /// Builds generation <paramref name="name"/> from <paramref name="documents"/> with the bulk path and commits it,
    /// without opening or touching the current generation (another process may be writing to it). Not yet visible:
    /// <see cref="Publish"/> makes it current.
    /// </summary>
    public Task<int> BuildGenerationAsync(string name, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken ct) =>
        _rebuilder.BuildGenerationAsync(name, documents, progress, ct);

    // ---------------------------------------------------------------- searching

    /// <summary>Validates and runs a search for <paramref name="caller"/>: only records <see cref="SearchVisibility"/>
    /// lets the caller see are returned.</summary>
    public Result<SearchResults> Search(SearchQuery query, ICurrentUser caller)
    {
        if (SearchQueryValidation.Validate(query) is { } invalid) return invalid;
        return _executor.Search(query, caller);
    }

    internal SearchResults SearchUnchecked(SearchQuery query, ICurrentUser caller) => _executor.Search(query, caller);

    /// <summary>Ranked ids only (no highlighting or facets); used by the evaluation harness and matching. Without a
    /// caller, as the platform (every record).</summary>
    public IReadOnlyList<(string Type, Guid Id, float Score)> Rank(string text, int k, ICurrentUser? caller = null, SearchQuery? filters = null)
    {
        var q = (filters ?? new SearchQuery()) with { Text = text, Page = 1, PageSize = k, Highlight = false, Facets = false };
        var r = _executor.Search(q, caller ?? Platform);
        return r.Items.Select(h => (h.Type, h.Id, h.Score)).ToList();
    }

    /// <summary>
    /// 供需匹配: ranks records against a long text (a demand's or an achievement's description), as
    /// <paramref name="caller"/> sees them. The text is reduced to its most distinctive words (tf·idf against this index).
    /// </summary>
    public MatchResult Match(string text, SearchQuery filters, ICurrentUser caller, int k = 20, int maxTerms = 24) =>
        _executor.Match(text, filters, caller, k, maxTerms);

    /// <summary>Word-field document frequency, for query term weighting in matching.</summary>
    internal (int Df, int N) DocFreq(string wordTerm) => _executor.DocFreq(wordTerm);

    internal QueryBuilder Queries => _executor.Queries;

    public void Dispose()
    {
        _generations.Dispose();
        _rebuilder.Dispose();
    }
}
