using TechTransfer.SharedKernel;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

/// <summary>The fast execution paths (cached filters, facets counted while collecting, parallel writing) give the same
/// answers as the plain ones.</summary>
public sealed class SearchExecutionTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Caller Member = Caller.Of(Guid.NewGuid(), Org, Roles.Enterprise);

    [Fact]
    public void A_filtered_search_scores_and_orders_hits_exactly_as_the_unfiltered_search()
    {
        using var t = new SearchTestIndex().Add(
            Doc("钙钛矿太阳能电池", "钙钛矿薄膜的制备", trl: 5),
            Doc("钙钛矿", "钙钛矿 钙钛矿 稳定性", trl: 3),
            Doc("叠层电池中的钙钛矿层", "晶硅与钙钛矿", trl: 7, type: SearchDocumentTypes.Patent),
            Doc("有机光伏", "钙钛矿对比", trl: 6));
        var all = t.Index.Search(new() { Text = "钙钛矿电池", Highlight = false }, Caller.System()).Value.Items;
        var filtered = t.Index.Search(new() { Text = "钙钛矿电池", Highlight = false, TrlMin = 4, Types = [SearchDocumentTypes.Achievement] }, Member).Value.Items;

        var expected = all.Where(h => h.Trl >= 4 && h.Type == SearchDocumentTypes.Achievement).Select(h => (h.Id, h.Score)).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, filtered.Select(h => (h.Id, h.Score)).ToList());
    }

    [Fact]
    public void A_cached_filter_sees_records_committed_after_its_first_use_and_still_hides_confidential_ones()
    {
        using var t = new SearchTestIndex().Add(Doc("石墨烯导热膜", trl: 5));
        var q = new SearchQuery { Text = "石墨烯", TrlMin = 4 };
        Assert.Equal(1, t.Index.Search(q, Member).Value.Total);

        t.Add(Doc("石墨烯电极", trl: 6), Doc("保密石墨烯工艺", trl: 6, isPublic: false, org: Guid.NewGuid()));
        var r = t.Index.Search(q, Member).Value;
        Assert.Equal(2, r.Total);
        Assert.DoesNotContain(r.Items, h => h.Title == "保密石墨烯工艺");
    }

    [Fact]
    public void Facet_counts_add_up_over_several_segments_and_match_the_total()
    {
        using var t = new SearchTestIndex();
        t.Add(Doc("氢能储运 一", trl: 3), Doc("氢能储运 二", trl: 4, type: SearchDocumentTypes.Patent));
        t.Add(Doc("氢能储运 三", trl: 4), Doc("无关记录", trl: 4));
        t.Add(Doc("氢能储运 四", trl: 9, type: SearchDocumentTypes.Demand));
        var r = t.Index.Search(new() { Text = "氢能储运", Facets = true }, Member).Value;

        Assert.Equal(4, r.Total);
        Assert.Equal(r.Total, r.Facets[SearchFacets.Type].Sum(f => f.Count));
        Assert.Equal(2, r.Facets[SearchFacets.Type].Single(f => f.Value == SearchDocumentTypes.Achievement).Count);
        Assert.Equal(2, r.Facets[SearchFacets.Trl].Single(f => f.Value == "4").Count);
        Assert.Equal(1, r.Facets[SearchFacets.Trl].Single(f => f.Value == "9").Count);
    }

    [Fact]
    public void Matching_leaves_out_excluded_ids_and_scores_the_rest_as_before()
    {
        var subject = Doc("固态锂电池电解质", "硫化物固态电解质 锂电池 界面稳定性", type: SearchDocumentTypes.Demand);
        using var t = new SearchTestIndex().Add(
            subject,
            Doc("硫化物固态电解质材料", "固态电解质 锂电池"),
            Doc("锂电池界面稳定性研究", "固态 锂电池 界面"),
            Doc("钠离子电池", "正极材料"));
        var text = subject.Title + "\n" + subject.Body;
        var without = t.Index.Match(text, new SearchQuery(), Member).Items;
        var with = t.Index.Match(text, new SearchQuery { ExcludeIds = [subject.Id] }, Member).Items;
        var again = t.Index.Match(text, new SearchQuery { ExcludeIds = [subject.Id] }, Member).Items;

        Assert.Contains(without, h => h.Id == subject.Id);
        Assert.DoesNotContain(with, h => h.Id == subject.Id);
        Assert.Equal(without.Where(h => h.Id != subject.Id).Select(h => (h.Id, h.Score)), with.Select(h => (h.Id, h.Score)));
        Assert.Equal(with.Select(h => h.Id), again.Select(h => h.Id));
        // the cached filter itself was not changed by the exclusion
        Assert.Contains(t.Index.Match(text, new SearchQuery(), Member).Items, h => h.Id == subject.Id);
    }

    [Fact]
    public void Facets_are_not_computed_unless_asked()
    {
        using var t = new SearchTestIndex().Add(Doc("氢能储运"));
        Assert.Empty(t.Index.Search(new() { Text = "氢能储运", Facets = false }, Member).Value.Facets);
    }

    [Fact]
    public void Upserts_from_several_threads_are_all_indexed()
    {
        using var t = new SearchTestIndex();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => t.Index.Upsert(Doc($"并发写入记录{i}", "并发写入")));
        t.Index.Commit();
        Assert.Equal(200, t.Index.Status().DocumentCount);
        Assert.Equal(200, t.Index.Search(new() { Text = "并发写入" }, Member).Value.Total);
    }

    [Fact]
    public async Task A_rebuild_analysing_on_several_threads_indexes_every_document_once()
    {
        var path = Path.Combine(Path.GetTempPath(), "tt-search-bulk-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new SearchIndex(new SearchEngineOptions { IndexPath = path, IndexingThreads = 3, RebuildRamBufferMb = 1 });
            index.Open();
            var docs = Enumerable.Range(0, 1500).Select(i => Doc($"批量重建记录{i}", "批量重建 " + new string('测', i % 50))).ToList();
            var reported = new List<long>();
            var count = await index.RebuildAsync(Async(docs), new SyncProgress(reported.Add));

            Assert.Equal(1500, count);
            Assert.Equal(1500, index.Status().DocumentCount);
            Assert.Equal(1500, index.Search(new() { Text = "批量重建" }, Member).Value.Total);
            Assert.Equal(1500, reported[^1]);
            var one = index.Search(new() { Text = "批量重建记录777" }, Member).Value.Items[0];
            Assert.Equal(docs[777].Id, one.Id);
        }
        finally { Directory.Delete(path, true); }
    }

    private static async IAsyncEnumerable<SearchDocument> Async(IEnumerable<SearchDocument> docs)
    {
        foreach (var d in docs) yield return d;
        await Task.CompletedTask;
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
