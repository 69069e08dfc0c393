using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Engine;

/// <summary>
/// Runs queries on the current generation: the text query (with the common-terms rule and optional pseudo-relevance
/// feedback), the structured part and the caller's visibility as a cached filter, top hits, exact totals and facet counts
/// in one pass (over several threads for a large index when configured), then the page's hits read and highlighted.
/// Also the long-text matching of demands and achievements (<see cref="Match"/>).
/// </summary>
internal sealed class SearchExecutor(
    SearchEngineOptions options, IndexGenerations generations, QueryBuilder queries, WordAnalyzer queryWordAnalyzer,
    FacetOrdinalCache facetOrdinals)
{
    private static readonly Dictionary<string, IReadOnlyList<FacetValue>> NoFacets = [];
    private readonly FilterCache _filters = new();
    private readonly HitReader _hits = new();

    public QueryBuilder Queries => queries;

    /// <summary>Runs a search for <paramref name="caller"/> (the query is assumed valid).</summary>
    public SearchResults Search(SearchQuery query, ICurrentUser caller, Query? textQueryOverride = null)
    {
        var sw = Stopwatch.StartNew();
        var (manager, searcher) = generations.AcquireSearcher();
        try
        {
            var text = textQueryOverride ?? queries.BuildTextQuery(query.Text);
            if (text is not null && options.Ranking.PrfDocs > 0 && textQueryOverride is null && !string.IsNullOrWhiteSpace(query.Text))
                text = PseudoRelevanceFeedback.Expand(searcher, text, query.Text!, options);
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
            var hl = query.Highlight ? HitReader.HighlightTerms(queries.HighlightQuery(query.Text)) : null;
            // the page's hits are loaded and highlighted on the search threads too (each hit independently; same output)
            var hitArray = new SearchHit[scoreDocs.Length];
            var s = searcher;
            if (scoreDocs.Length > 1 && SearchThreads > 1 && searcher.IndexReader.MaxDoc >= options.ParallelSearchMinDocs)
                ParallelSearch.ForEach(scoreDocs.Length, SearchThreads, (_, i) => hitArray[i] = _hits.Read(s, scoreDocs[i], hl));
            else
                for (var i = 0; i < scoreDocs.Length; i++) hitArray[i] = _hits.Read(searcher, scoreDocs[i], hl);
            var hits = hitArray.ToList();
            return new SearchResults(hits, totalHits, query.Page, query.PageSize, facetCounts, sw.Elapsed.TotalMilliseconds);
        }
        finally { manager.Release(searcher); }
    }

    /// <summary>
    /// 供需匹配: ranks records against a long text (a demand's or an achievement's description). The text is reduced to
    /// its most distinctive words (tf·idf against this index), which keeps long-text queries fast at millions of
    /// documents; each key word is looked up in the word fields and, as a bigram phrase, in the bigram fields.
    /// </summary>
    public MatchResult Match(string text, SearchQuery filters, ICurrentUser caller, int k, int maxTerms)
    {
        var (manager, searcher) = generations.AcquireSearcher();
        List<(string Term, double Weight)> keyTerms;
        try { keyTerms = KeyTerms(searcher.IndexReader, text, maxTerms); }
        finally { manager.Release(searcher); }
        if (keyTerms.Count == 0) return new MatchResult([], [], 0, []);
        var max = keyTerms[0].Weight;
        var q = new BooleanQuery(disableCoord: true);
        foreach (var (term, w) in keyTerms)
        {
            var boost = (float)(w / max);
            var t = new BooleanQuery(disableCoord: true) { Boost = boost };
            t.Add(new TermQuery(new Term(IndexSchema.TitleWord, term)) { Boost = options.Ranking.TitleBoost }, Occur.SHOULD);
            t.Add(new TermQuery(new Term(IndexSchema.BodyWord, term)), Occur.SHOULD);
            t.Add(new TermQuery(new Term(IndexSchema.KeywordWord, term)) { Boost = options.Ranking.KeywordBoost }, Occur.SHOULD);
            var p = queries.Phrase(term, IndexSchema.BodyBigram, 1f, minTokens: 2);
            if (p is not null) t.Add(p, Occur.SHOULD);
            q.Add(t, Occur.SHOULD);
        }
        var result = Search(filters with { Page = 1, PageSize = k, Highlight = false, Facets = false, Text = null }, caller, q);
        var words = SurfaceWords.Of(queryWordAnalyzer, IndexSchema.BodyWord, text);
        return new MatchResult(result.Items, keyTerms.Select(x => x.Term).ToList(), result.Total, keyTerms.Select(x => words.GetValueOrDefault(x.Term, x.Term)).ToList());
    }

    private List<(string Term, double Weight)> KeyTerms(IndexReader reader, string text, int maxTerms) =>
        KeyTermExtractor.Extract(queryWordAnalyzer, IndexSchema.BodyWord, text,
            t => reader.DocFreq(new Term(IndexSchema.BodyWord, t)), reader.NumDocs, maxTerms);

    /// <summary>Word-field document frequency, for query term weighting in matching.</summary>
    public (int Df, int N) DocFreq(string wordTerm)
    {
        var (manager, s) = generations.AcquireSearcher();
        try { return (s.IndexReader.DocFreq(new Term(IndexSchema.BodyWord, wordTerm)), s.IndexReader.NumDocs); }
        finally { manager.Release(s); }
    }

    /// <summary>Live documents of the current generation.</summary>
    public int DocumentCount()
    {
        var (manager, s) = generations.AcquireSearcher();
        try { return s.IndexReader.NumDocs; }
        finally { manager.Release(s); }
    }

    /// <summary>The common-terms rule with the cutoff for this kind of query; the query is segmented (keyword or verbose)
    /// only when the index is large enough for the rule and the two cutoffs differ.</summary>
    private Query RestrictCommonTerms(Query text, string queryText, IndexReader reader)
    {
        var r = options.Ranking;
        if (reader.NumDocs < r.CommonTermMinDocs) return text;
        var fraction = r.CommonTermFraction == r.CommonTermFractionVerbose || !queries.IsVerbose(queryText)
            ? r.CommonTermFraction
            : r.CommonTermFractionVerbose;
        return CommonTermRestriction.Apply(text, reader, fraction, r.CommonTermMinDocs);
    }

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

    private int SearchThreads => Math.Max(1, options.SearchThreads ?? Environment.ProcessorCount);

    private bool UseParallelSearch(EngineSearcher searcher) =>
        SearchThreads > 1 && searcher.IndexReader.Leaves.Count > 1 && searcher.IndexReader.MaxDoc >= options.ParallelSearchMinDocs;

    /// <summary>One pass over all segments on the calling thread: top hits, total and (when asked) facet counts.</summary>
    private (ScoreDoc[] Hits, int Total, Dictionary<string, IReadOnlyList<FacetValue>> Facets) Collect(
        IndexSearcher searcher, Query main, Filter? filter, Sort? sort, int need, SearchQuery query)
    {
        ITopDocsCollector topCollector = sort is null
            ? TopScoreDocCollector.Create(need, false)
            : TopFieldCollector.Create(sort, need, true, true, false, false);
        var facets = query.Facets ? new FacetCountCollector(SearchFacets.All, facetOrdinals) : null;
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
            var facets = request.Facets ? new FacetCountCollector(SearchFacets.All, facetOrdinals) : null;
            return new Partial(top, total, facets, facets is null ? MultiCollector.Wrap(top, total) : MultiCollector.Wrap(top, facets, total));
        }, p => p.Collector);
        var hits = ParallelSearch.MergeByScore(parts.Select(p => p.Top.GetTopDocs()), request.Skip(), request.PageSize);
        var facetCounts = request.Facets
            ? parts.Count > 0 ? FacetCountCollector.Result(parts.Select(p => p.Facets!).ToList()) : SearchFacets.All.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[])
            : NoFacets;
        return (hits, parts.Sum(p => p.Total.TotalHits), facetCounts);
    }
}
