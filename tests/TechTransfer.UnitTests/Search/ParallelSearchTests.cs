using TechTransfer.SharedKernel;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

/// <summary>A search spread over several threads (segments handed out to workers) answers exactly as the sequential
/// search: the same hits with the same scores in the same order and the same highlights, the same total and the same
/// facet counts.</summary>
public sealed class ParallelSearchTests : IDisposable
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Caller Member = Caller.Of(Guid.NewGuid(), Org, Roles.Enterprise);
    private readonly SearchTestIndex _sequential = new(configure: o => o.SearchThreads = 1);
    private readonly SearchTestIndex _parallel = new(configure: o => { o.SearchThreads = 2; o.ParallelSearchMinDocs = 0; });

    public ParallelSearchTests()
    {
        // the same documents committed in the same batches: both indexes have the same segments and document ids
        var r = new Random(5);
        string[] words = ["锂电池", "正极材料", "储能系统", "氢燃料电池", "电池管理", "固态电解质", "光伏组件", "风电"];
        for (var batch = 0; batch < 5; batch++)
        {
            var docs = Enumerable.Range(0, 40).Select(i => Doc(
                string.Join("", Enumerable.Range(0, 2).Select(_ => words[r.Next(words.Length)])),
                string.Join("，", Enumerable.Range(0, 4).Select(_ => words[r.Next(words.Length)])),
                type: SearchDocumentTypes.All[r.Next(SearchDocumentTypes.All.Count)], trl: r.Next(1, 10),
                isPublic: r.Next(10) > 0, org: r.Next(3) == 0 ? Org : Guid.NewGuid(), ipc: "H01M" + r.Next(3),
                division: r.Next(2) == 0 ? "310104" : "320500", id: new Guid(batch * 100 + i, 0, 0, new byte[8]))).ToArray();
            _sequential.Add(docs);
            _parallel.Add(docs);
        }
    }

    public void Dispose()
    {
        _sequential.Dispose();
        _parallel.Dispose();
    }

    [Theory]
    [InlineData("锂电池", 1)]
    [InlineData("电池", 1)]
    [InlineData("电池", 3)]
    [InlineData("储能系统 光伏", 2)]
    public void Hits_scores_order_total_and_facets_equal_the_sequential_search(string text, int page)
    {
        var q = new SearchQuery { Text = text, Page = page, PageSize = 10, Facets = true, Highlight = true };

        var expected = _sequential.Index.Search(q, Member).Value;
        var actual = _parallel.Index.Search(q, Member).Value;

        Assert.True(expected.Total > 30);
        Assert.Equal(10, expected.Items.Count);
        Assert.Equal(expected.Items.Select(h => (h.Id, h.Score, h.TitleHighlighted, h.Snippet)), actual.Items.Select(h => (h.Id, h.Score, h.TitleHighlighted, h.Snippet)));
        Assert.Contains("<em>", actual.Items[0].TitleHighlighted + actual.Items[0].Snippet);
        Assert.Equal(expected.Total, actual.Total);
        foreach (var f in SearchFacets.All) Assert.Equal(expected.Facets[f], actual.Facets[f]);
    }

    [Fact]
    public void Equal_scores_keep_the_sequential_tie_order_across_segments()
    {
        // the same record text in every batch: equal scores, ordered by document id as a sequential search orders them
        var seq = new SearchTestIndex(configure: o => o.SearchThreads = 1);
        var par = new SearchTestIndex(configure: o => { o.SearchThreads = 2; o.ParallelSearchMinDocs = 0; });
        try
        {
            for (var batch = 0; batch < 4; batch++)
            {
                var docs = Enumerable.Range(0, 5).Select(i => Doc("真空镀膜设备", "真空镀膜", id: new Guid(batch * 10 + i, 1, 0, new byte[8]))).ToArray();
                seq.Add(docs);
                par.Add(docs);
            }
            var q = new SearchQuery { Text = "真空镀膜", PageSize = 7, Page = 2, Facets = false, Highlight = false };

            var expected = seq.Index.Search(q, Member).Value.Items;
            var actual = par.Index.Search(q, Member).Value.Items;

            Assert.Single(expected.Select(h => h.Score).Distinct());
            Assert.Equal(expected.Select(h => h.Id), actual.Select(h => h.Id));
        }
        finally
        {
            seq.Dispose();
            par.Dispose();
        }
    }

    [Fact]
    public void A_filtered_parallel_search_applies_the_filters_and_visibility_as_the_sequential_search()
    {
        var q = new SearchQuery { Text = "电池", TrlMin = 4, DivisionCode = "310000", PageSize = 100, Facets = true, Highlight = false };

        var expected = _sequential.Index.Search(q, Member).Value;
        var actual = _parallel.Index.Search(q, Member).Value;

        Assert.NotEmpty(actual.Items);
        Assert.All(actual.Items, h => Assert.True(h.Trl >= 4 && h.DivisionCode == "310104"));
        Assert.Equal(expected.Items.Select(h => (h.Id, h.Score)), actual.Items.Select(h => (h.Id, h.Score)));
        Assert.Equal(expected.Facets[SearchFacets.Organization], actual.Facets[SearchFacets.Organization]);
    }
}
