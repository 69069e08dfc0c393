using System.Diagnostics;
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
    private readonly object _swapLock = new();
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private Generation? _current;
    private List<Action<IndexWriter>>? _journal;
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
        _similarity = new CoordinatedBm25Similarity(options.Ranking.Bm25K1, options.Ranking.Bm25B, options.Ranking.CoordinationExponent);
        _queryWordAnalyzer = new WordAnalyzer(options.QuerySegmenter);
        _queries = new QueryBuilder(_queryWordAnalyzer, new BigramAnalyzer(outputUnigrams: false),
            synonyms ?? SynonymDictionary.LoadEmbedded(), options.Ranking);
    }

    public SearchEngineOptions Options => _options;

    private sealed class Generation(string path, LuceneDirectory dir, IndexWriter writer, SearcherManager manager) : IDisposable
    {
        public string Path { get; } = path;
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
        lock (_swapLock)
        {
            if (_current is not null) return;
            System.IO.Directory.CreateDirectory(_options.IndexPath);
            var pointer = Path.Combine(_options.IndexPath, PointerFile);
            string? name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
            if (name is null || !System.IO.Directory.Exists(Path.Combine(_options.IndexPath, name)))
            {
                name = NewGenerationName();
                var g = OpenGeneration(Path.Combine(_options.IndexPath, name), create: true);
                g.Writer.Commit();
                _current = g;
                WritePointer(name);
            }
            else _current = OpenGeneration(Path.Combine(_options.IndexPath, name), create: false);
            DeleteStaleGenerations(name);
        }
    }

    private string NewGenerationName() => $"gen-{_time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];

    private Generation OpenGeneration(string path, bool create)
    {
        var dir = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LuceneVersion48.V, _indexAnalyzer)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            Similarity = _similarity,
            RAMBufferSizeMB = _options.RamBufferMb,
        };
        var writer = new IndexWriter(dir, config);
        var manager = new SearcherManager(writer, true, new SimilarityFactory(_similarity));
        return new Generation(path, dir, writer, manager);
    }

    private sealed class SimilarityFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }

    private void WritePointer(string name)
    {
        var pointer = Path.Combine(_options.IndexPath, PointerFile);
        var tmp = pointer + ".tmp";
        File.WriteAllText(tmp, name);
        File.Move(tmp, pointer, overwrite: true);   // rename is atomic on the same file system
    }

    private void DeleteStaleGenerations(string keep)
    {
        foreach (var d in System.IO.Directory.GetDirectories(_options.IndexPath, "gen-*"))
        {
            if (Path.GetFileName(d) == keep) continue;
            try { System.IO.Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Generation Current => _current ?? throw new InvalidOperationException("SearchIndex.Open() has not been called.");

    // ---------------------------------------------------------------- writing

    /// <summary>Adds or replaces a document (visible after <see cref="Commit"/>).</summary>
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
        lock (_swapLock)
        {
            op(Current.Writer);
            _journal?.Add(op);
        }
    }

    /// <summary>Makes changes durable and visible to new searches.</summary>
    public void Commit()
    {
        Generation g;
        lock (_swapLock) g = Current;
        g.Writer.Commit();
        g.Manager.MaybeRefreshBlocking();
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
            var name = NewGenerationName();
            fresh = OpenGeneration(Path.Combine(_options.IndexPath, name), create: true);
            lock (_swapLock) _journal = [];
            Interlocked.Exchange(ref _rebuildProcessed, 0);
            var count = 0;
            await foreach (var doc in documents.WithCancellation(ct))
            {
                fresh.Writer.UpdateDocument(new Term(IndexSchema.Uid, IndexSchema.UidOf(doc.Type, doc.Id)), IndexSchema.ToLucene(doc, _options.IndexUnigrams));
                count++;
                Interlocked.Increment(ref _rebuildProcessed);
                if (count % 500 == 0) progress?.Report(count);
            }
            progress?.Report(count);
            fresh.Writer.Commit();
            Generation old;
            lock (_swapLock)
            {
                foreach (var op in _journal!) op(fresh.Writer);
                _journal = null;
                fresh.Writer.Commit();
                fresh.Manager.MaybeRefreshBlocking();
                old = Current;
                _current = fresh;
                WritePointer(name);
            }
            fresh = null;
            _lastRebuild = _time.GetUtcNow();
            _lastCommit = _lastRebuild;
            // readers already acquired on the old generation keep their open files until released
            old.Dispose();
            DeleteStaleGenerations(name);
            return count;
        }
        finally
        {
            lock (_swapLock) _journal = null;
            if (fresh is not null)
            {
                var path = fresh.Path;
                fresh.Dispose();
                try { System.IO.Directory.Delete(path, true); } catch (IOException) { }
            }
            _rebuildGate.Release();
        }
    }

    public SearchIndexStatus Status()
    {
        var g = _current;
        if (g is null) return new SearchIndexStatus(false, 0, _options.IndexPath, false, 0, null, null);
        var s = g.Manager.Acquire();
        try
        {
            return new SearchIndexStatus(true, s.IndexReader.NumDocs, g.Path, _journal is not null,
                Interlocked.Read(ref _rebuildProcessed), _lastCommit, _lastRebuild);
        }
        finally { g.Manager.Release(s); }
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
        var g = Current;
        var manager = g.Manager;
        var searcher = manager.Acquire();
        try
        {
            var text = textQueryOverride ?? _queries.BuildTextQuery(query.Text);
            if (text is not null && _options.Ranking.PrfDocs > 0 && textQueryOverride is null && !string.IsNullOrWhiteSpace(query.Text))
                text = WithFeedback(searcher, text, query.Text!);
            var filter = QueryBuilder.BuildFilter(query, caller);
            Query main;
            if (text is null) main = filter;
            else
            {
                var b = new BooleanQuery(disableCoord: true) { { text, Occur.MUST } };
                if (filter is not MatchAllDocsQuery) b.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
                main = b;
            }
            var need = Math.Max(1, query.Page * query.PageSize);
            var sort = SortFor(query.Sort, text is null);
            ITopDocsCollector topCollector = sort is null
                ? TopScoreDocCollector.Create(need, false)
                : TopFieldCollector.Create(sort, need, true, true, false, false);
            var matches = query.Facets ? new MatchCollector() : null;
            var total = new TotalHitCountCollector();
            ICollector collector = matches is null
                ? MultiCollector.Wrap(topCollector, total)
                : MultiCollector.Wrap(topCollector, matches, total);
            searcher.Search(main, collector);
            var topDocs = topCollector.GetTopDocs(query.Skip(), query.PageSize);
            var hl = query.Highlight ? _queries.HighlightQuery(query.Text) : null;
            var hits = topDocs.ScoreDocs.Select(sd => ToHit(searcher, sd, hl)).ToList();
            var facets = matches is null
                ? new Dictionary<string, IReadOnlyList<FacetValue>>()
                : matches.Count(searcher.IndexReader, SearchFacets.All);
            return new SearchResults(hits, total.TotalHits, query.Page, query.PageSize, facets, sw.Elapsed.TotalMilliseconds);
        }
        finally { manager.Release(searcher); }
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
        var g = Current;
        var searcher = g.Manager.Acquire();
        List<(string Term, double Weight)> keyTerms;
        try { keyTerms = KeyTerms(searcher.IndexReader, text, maxTerms); }
        finally { g.Manager.Release(searcher); }
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

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc sd, Query? highlight)
    {
        var d = searcher.Doc(sd.Doc);
        var meta = JsonSerializer.Deserialize<StoredMeta>(d.Get(IndexSchema.StoredMeta))!;
        var title = d.Get(IndexSchema.StoredTitle) ?? "";
        var body = d.Get(IndexSchema.StoredBody) ?? "";
        string titleHl, snippet;
        if (highlight is not null && highlight is BooleanQuery { Clauses.Count: > 0 })
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

    private string? Highlight(Query q, string text, bool whole)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var h = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), MinimalHtmlEncoder.Instance, new QueryScorer(q, IndexSchema.Highlight))
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
        var g = Current;
        var s = g.Manager.Acquire();
        try { return (s.IndexReader.DocFreq(new Term(IndexSchema.BodyWord, wordTerm)), s.IndexReader.NumDocs); }
        finally { g.Manager.Release(s); }
    }

    internal QueryBuilder Queries => _queries;

    public void Dispose()
    {
        lock (_swapLock)
        {
            _current?.Dispose();
            _current = null;
        }
        _rebuildGate.Dispose();
    }
}

internal static class SearchQueryPaging
{
    public static int Skip(this SearchQuery q) => (q.Page - 1) * q.PageSize;
}

/// <summary>Collects the matching documents per segment so facet counts can be computed after the search.</summary>
internal sealed class MatchCollector : ICollector
{
    private readonly List<(AtomicReaderContext Ctx, FixedBitSet Bits)> _segments = [];
    private FixedBitSet? _bits;

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc) => _bits!.Set(doc);

    public void SetNextReader(AtomicReaderContext context)
    {
        _bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        _segments.Add((context, _bits));
    }

    public bool AcceptsDocsOutOfOrder => true;

    public Dictionary<string, IReadOnlyList<FacetValue>> Count(IndexReader reader, IEnumerable<string> facets, int top = 20)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var facet in facets)
        {
            var counts = new Dictionary<string, int>();
            var scratch = new BytesRef();
            foreach (var (ctx, bits) in _segments)
            {
                var dv = ctx.AtomicReader.GetSortedSetDocValues(IndexSchema.FacetPrefix + facet);
                if (dv is null) continue;
                var perOrd = new int[dv.ValueCount];
                for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
                {
                    dv.SetDocument(doc);
                    long ord;
                    while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) perOrd[ord]++;
                }
                for (var o = 0; o < perOrd.Length; o++)
                {
                    if (perOrd[o] == 0) continue;
                    dv.LookupOrd(o, scratch);
                    var key = scratch.Utf8ToString();
                    counts[key] = counts.GetValueOrDefault(key) + perOrd[o];
                }
            }
            result[facet] = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(top).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
        }
        return result;
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
