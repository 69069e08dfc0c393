using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;

namespace TechTransfer.UnitTests.Search;

/// <summary>Facet counting over cached per-segment ordinal arrays gives exactly the counts of reading the doc values of
/// every match, whatever the width of the ordinals, with several values per document, deletions and several segments.</summary>
public sealed class FacetCountingTests : IDisposable
{
    private const string Narrow = "narrow";    // ≤ 10 values: one byte per document
    private const string Wide = "wide";        // 300 values: two bytes per document
    private const string Multi = "multi";      // 0–3 values per document
    private const string Single = "single";    // SORTED (single-valued) doc values
    private static readonly string[] Facets = [Narrow, Wide, Multi, Single, "absent"];
    private readonly RAMDirectory _dir = new();
    private readonly IndexWriter _writer;

    public FacetCountingTests()
    {
        _writer = new IndexWriter(_dir, new IndexWriterConfig(LuceneVersion48.V, new WhitespaceAnalyzer(LuceneVersion48.V))
        {
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
    }

    public void Dispose()
    {
        _writer.Dispose();
        _dir.Dispose();
    }

    private void AddRandomDocuments(int count, int seed, int segments)
    {
        var r = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var doc = new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO) };
            doc.Add(new StringField("even", i % 2 == 0 ? "1" : "0", Field.Store.NO));
            if (r.Next(10) > 0) doc.Add(new SortedSetDocValuesField(IndexSchema.FacetPrefix + Narrow, new BytesRef("n" + r.Next(10))));
            doc.Add(new SortedSetDocValuesField(IndexSchema.FacetPrefix + Wide, new BytesRef("w" + r.Next(300))));
            foreach (var v in Enumerable.Range(0, r.Next(4)).Select(_ => "m" + r.Next(20)).Distinct())
                doc.Add(new SortedSetDocValuesField(IndexSchema.FacetPrefix + Multi, new BytesRef(v)));
            if (r.Next(5) > 0) doc.Add(new SortedDocValuesField(IndexSchema.FacetPrefix + Single, new BytesRef("s" + r.Next(7))));
            _writer.AddDocument(doc);
            if ((i + 1) % (count / segments) == 0) _writer.Commit();
        }
        _writer.Commit();
    }

    /// <summary>The reference: every match's doc values read directly.</summary>
    private static Dictionary<string, Dictionary<string, int>> NaiveCounts(IndexSearcher searcher, Query query)
    {
        var result = Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());
        var matches = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs;
        var scratch = new BytesRef();
        foreach (var sd in matches)
        {
            var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(sd.Doc, searcher.IndexReader.Leaves)];
            var doc = sd.Doc - leaf.DocBase;
            foreach (var f in Facets)
            {
                var field = IndexSchema.FacetPrefix + f;
                var values = new List<string>();
                if (leaf.AtomicReader.GetSortedDocValues(field) is { } sdv && sdv.GetOrd(doc) is var o and >= 0)
                {
                    sdv.LookupOrd(o, scratch);
                    values.Add(scratch.Utf8ToString());
                }
                else if (leaf.AtomicReader.GetSortedSetDocValues(field) is { } ss)
                {
                    ss.SetDocument(doc);
                    long ord;
                    while ((ord = ss.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        ss.LookupOrd(ord, scratch);
                        values.Add(scratch.Utf8ToString());
                    }
                }
                foreach (var v in values) result[f][v] = result[f].GetValueOrDefault(v) + 1;
            }
        }
        return result;
    }

    private static Dictionary<string, Dictionary<string, int>> CollectorCounts(IndexSearcher searcher, Query query, FacetOrdinalCache cache)
    {
        var collector = new FacetCountCollector(Facets, cache);
        searcher.Search(query, collector);
        return collector.Result(top: int.MaxValue).ToDictionary(kv => kv.Key, kv => kv.Value.ToDictionary(v => v.Value, v => v.Count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Counts_equal_reading_the_doc_values_of_every_match(bool onlyEvenDocuments)
    {
        AddRandomDocuments(5000, seed: 7, segments: 4);
        using var reader = DirectoryReader.Open(_dir);
        var searcher = new IndexSearcher(reader);
        Query query = onlyEvenDocuments ? new TermQuery(new Term("even", "1")) : new MatchAllDocsQuery();

        var expected = NaiveCounts(searcher, query);
        var actual = CollectorCounts(searcher, query, new FacetOrdinalCache());

        Assert.Equal(4, reader.Leaves.Count);
        Assert.Equal(300, expected[Wide].Count);
        Assert.Empty(actual["absent"]);
        foreach (var f in Facets) Assert.Equal(expected[f].OrderBy(kv => kv.Key), actual[f].OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Deleted_documents_are_not_counted()
    {
        AddRandomDocuments(2000, seed: 11, segments: 2);
        _writer.DeleteDocuments(new Term("even", "0"));
        _writer.Commit();
        using var reader = DirectoryReader.Open(_dir);
        var searcher = new IndexSearcher(reader);

        var expected = NaiveCounts(searcher, new MatchAllDocsQuery());
        var actual = CollectorCounts(searcher, new MatchAllDocsQuery(), new FacetOrdinalCache());

        Assert.Equal(1000, actual[Wide].Values.Sum());
        foreach (var f in Facets) Assert.Equal(expected[f].OrderBy(kv => kv.Key), actual[f].OrderBy(kv => kv.Key));
    }

    [Fact]
    public void A_document_with_several_values_counts_once_for_each_value()
    {
        var doc = new Document { new StringField("id", "1", Field.Store.NO) };
        foreach (var v in new[] { "H01M", "B60L", "H01M" })
            doc.Add(new SortedSetDocValuesField(IndexSchema.FacetPrefix + Multi, new BytesRef(v)));
        _writer.AddDocument(doc);
        _writer.AddDocument(new Document { new StringField("id", "2", Field.Store.NO) });
        _writer.Commit();
        using var reader = DirectoryReader.Open(_dir);

        var counts = CollectorCounts(new IndexSearcher(reader), new MatchAllDocsQuery(), new FacetOrdinalCache());

        Assert.Equal(new Dictionary<string, int> { ["B60L"] = 1, ["H01M"] = 1 }, counts[Multi]);
    }

    [Fact]
    public void A_segment_keeps_its_ordinals_across_reopens_and_new_segments_get_their_own()
    {
        AddRandomDocuments(1000, seed: 3, segments: 1);
        var cache = new FacetOrdinalCache();
        using var first = DirectoryReader.Open(_dir);
        var before = cache.For(first.Leaves[0].AtomicReader, IndexSchema.FacetPrefix + Wide);

        AddRandomDocuments(500, seed: 4, segments: 1);
        using var second = DirectoryReader.OpenIfChanged(first)!;
        var same = cache.For(second.Leaves[0].AtomicReader, IndexSchema.FacetPrefix + Wide);
        var added = cache.For(second.Leaves[1].AtomicReader, IndexSchema.FacetPrefix + Wide);

        Assert.NotNull(before);
        Assert.Same(before, same);
        Assert.NotSame(before, added);
        Assert.Equal(2, cache.SegmentCount);
    }

    [Fact]
    public void A_closed_segment_releases_its_ordinals()
    {
        AddRandomDocuments(1000, seed: 5, segments: 1);
        var cache = new FacetOrdinalCache();
        var reader = DirectoryReader.Open(_dir);
        cache.Warm(reader, Facets);
        Assert.Equal(1, cache.SegmentCount);
        Assert.True(cache.Bytes(reader) > 1000 * 3);

        reader.Dispose();

        Assert.Equal(0, cache.SegmentCount);
    }

    [Fact]
    public void Ordinals_take_the_narrowest_width_for_the_number_of_values()
    {
        AddRandomDocuments(1000, seed: 9, segments: 1);
        using var reader = DirectoryReader.Open(_dir);
        var leaf = reader.Leaves[0].AtomicReader;
        var cache = new FacetOrdinalCache();

        long OrdinalBytes(string facet) => cache.For(leaf, IndexSchema.FacetPrefix + facet) is { } o ? o.Bytes - o.Labels.Sum(l => 32L + 2 * l.Length) : -1;

        Assert.Equal(1000, OrdinalBytes(Narrow));
        Assert.Equal(2000, OrdinalBytes(Wide));
        Assert.Null(cache.For(leaf, IndexSchema.FacetPrefix + "absent"));
    }
}
