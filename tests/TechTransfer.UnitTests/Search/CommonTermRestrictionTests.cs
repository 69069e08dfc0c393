using TechTransfer.SharedKernel;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

/// <summary>The common-terms rule: a record that matches only a query's very common terms is not a hit when the query
/// also has rarer terms; the hits keep exactly the scores of the full query.</summary>
public sealed class CommonTermRestrictionTests : IDisposable
{
    private static readonly Guid Rare1 = new(1, 0, 0, new byte[8]);
    private static readonly Guid Rare2 = new(2, 0, 0, new byte[8]);
    private static readonly Guid CommonOnly = new(3, 0, 0, new byte[8]);

    private readonly SearchTestIndex _restricted = new(configure: o => o.Ranking = o.Ranking with { CommonTermFraction = 0.3, CommonTermMinDocs = 0 });
    private readonly SearchTestIndex _full = new(configure: o => o.Ranking = o.Ranking with { CommonTermFraction = 0 });

    public CommonTermRestrictionTests()
    {
        // 方法 is in every record (common); 丝杠 only in two of them (rare)
        var docs = new List<SearchDocument>
        {
            Doc("滚珠丝杠的加工方法", "一种滚珠丝杠磨削方法", id: Rare1),
            Doc("丝杠预紧力的测量方法", "丝杠副预紧力测量方法及装置", id: Rare2),
            Doc("锂电池检测方法", "电池容量检测方法", id: CommonOnly),
        };
        for (var i = 0; i < 12; i++) docs.Add(Doc($"第{i}种数据处理方法", "一种数据处理方法和系统", id: new Guid(100 + i, 0, 0, new byte[8])));
        _restricted.Add([.. docs]);
        _full.Add([.. docs]);
    }

    public void Dispose()
    {
        _restricted.Dispose();
        _full.Dispose();
    }

    private static SearchQuery Q(string text) => new() { Text = text, PageSize = 50, Facets = true, Highlight = false };

    [Fact]
    public void A_record_matching_only_the_common_terms_is_not_a_hit()
    {
        var full = _full.Index.Search(Q("丝杠 方法"), Caller.System()).Value;
        var restricted = _restricted.Index.Search(Q("丝杠 方法"), Caller.System()).Value;

        Assert.Contains(full.Items, h => h.Id == CommonOnly);
        Assert.Equal(15, full.Total);
        Assert.Equal([Rare1, Rare2], restricted.Items.Select(h => h.Id).Order());
        Assert.Equal(2, restricted.Total);
        Assert.Equal(2, restricted.Facets[SearchFacets.Type].Sum(f => f.Count));
    }

    [Fact]
    public void The_hits_keep_the_scores_and_order_of_the_full_query()
    {
        var full = _full.Index.Search(Q("丝杠 方法"), Caller.System()).Value.Items.Where(h => h.Id == Rare1 || h.Id == Rare2).ToList();
        var restricted = _restricted.Index.Search(Q("丝杠 方法"), Caller.System()).Value.Items;

        Assert.Equal(full.Select(h => h.Id), restricted.Select(h => h.Id));
        for (var i = 0; i < full.Count; i++) Assert.Equal(full[i].Score, restricted[i].Score, 5);
    }

    [Fact]
    public void A_query_of_common_terms_only_matches_as_before()
    {
        var full = _full.Index.Search(Q("方法"), Caller.System()).Value;
        var restricted = _restricted.Index.Search(Q("方法"), Caller.System()).Value;

        Assert.Equal(15, restricted.Total);
        Assert.Equal(full.Items.Select(h => (h.Id, h.Score)), restricted.Items.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void A_verbose_query_is_searched_with_every_term()
    {
        // six words (丝杠/的/加工/方法/和/系统): a pasted title, where records sharing only ordinary words may be the relevant ones
        var full = _full.Index.Search(Q("丝杠的加工方法和系统"), Caller.System()).Value;
        var restricted = _restricted.Index.Search(Q("丝杠的加工方法和系统"), Caller.System()).Value;

        Assert.Contains(restricted.Items, h => h.Id == CommonOnly);
        Assert.Equal(full.Total, restricted.Total);
        Assert.Equal(full.Items.Select(h => (h.Id, h.Score)), restricted.Items.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void A_verbose_query_follows_its_own_fraction_when_one_is_set()
    {
        using var strict = new SearchTestIndex(configure: o => o.Ranking = o.Ranking with { CommonTermFraction = 0.3, CommonTermFractionVerbose = 0.3, CommonTermMinDocs = 0 });
        strict.Add(Doc("滚珠丝杠的加工方法", id: Rare1), Doc("锂电池检测方法", id: CommonOnly), Doc("数据处理方法和系统"), Doc("数据处理方法"));

        var r = strict.Index.Search(Q("丝杠的加工方法和系统"), Caller.System()).Value;

        Assert.DoesNotContain(r.Items, h => h.Id == CommonOnly);
        Assert.Contains(r.Items, h => h.Id == Rare1);
    }

    [Fact]
    public void An_index_below_the_minimum_size_is_searched_without_the_rule()
    {
        using var small = new SearchTestIndex(configure: o => o.Ranking = o.Ranking with { CommonTermFraction = 0.3, CommonTermMinDocs = 1_000 });
        small.Add(Doc("滚珠丝杠的加工方法", id: Rare1), Doc("锂电池检测方法", id: CommonOnly), Doc("数据处理方法"));

        var r = small.Index.Search(Q("丝杠 方法"), Caller.System()).Value;

        Assert.Equal(3, r.Total);
    }

    [Fact]
    public void A_pure_disjunction_becomes_its_rare_part_required_and_its_common_part_optional()
    {
        var q = Or(T("w", "丝杠"), T("w", "方法"), Or(T("b", "丝杠"), T("b", "方法")));

        var r = Assert.IsType<BooleanQuery>(CommonTermRestriction.Restrict(q, Rarity("方法")));

        Assert.Equal(2, r.Clauses.Count);
        Assert.Equal(Occur.MUST, r.Clauses[0].Occur);
        Assert.Equal(Occur.SHOULD, r.Clauses[1].Occur);
        Assert.Equal("w:丝杠 (b:丝杠)", r.Clauses[0].Query.ToString());
        Assert.Equal("w:方法 (b:方法)", r.Clauses[1].Query.ToString());
    }

    [Fact]
    public void Nested_boosts_are_kept_on_both_parts()
    {
        var inner = Or(T("b", "丝杠"), T("b", "方法"));
        inner.Boost = 1.5f;
        var q = Or(inner);

        var r = Assert.IsType<BooleanQuery>(CommonTermRestriction.Restrict(q, Rarity("方法")));

        Assert.Equal(1.5f, ((BooleanQuery)((BooleanQuery)r.Clauses[0].Query).Clauses[0].Query).Boost);
        Assert.Equal(1.5f, ((BooleanQuery)((BooleanQuery)r.Clauses[1].Query).Clauses[0].Query).Boost);
    }

    [Fact]
    public void A_phrase_is_as_rare_as_its_rarest_term()
    {
        var phrase = new PhraseQuery { new Term("b", "方式"), new Term("b", "式方"), new Term("b", "方法") };
        var commonPhrase = new PhraseQuery { new Term("b", "方式"), new Term("b", "方法") };
        var q = Or(T("b", "方式"), phrase, commonPhrase);

        var r = Assert.IsType<BooleanQuery>(CommonTermRestriction.Restrict(q, Rarity("方式", "方法")));

        Assert.Equal(phrase.ToString(), ((BooleanQuery)r.Clauses[0].Query).Clauses.Single().Query.ToString());
        Assert.Equal(2, ((BooleanQuery)r.Clauses[1].Query).Clauses.Count);
    }

    [Fact]
    public void Required_clauses_are_restricted_and_optional_clauses_left_alone()
    {
        var relevance = Or(T("w", "丝杠"), T("w", "方法"));
        var optional = Or(T("p", "方法"));
        var root = new BooleanQuery(disableCoord: true) { { relevance, Occur.MUST }, { optional, Occur.SHOULD } };

        var r = Assert.IsType<BooleanQuery>(CommonTermRestriction.Restrict(root, Rarity("方法")));

        Assert.Equal(Occur.MUST, ((BooleanQuery)r.Clauses[0].Query).Clauses[0].Occur);
        Assert.Same(optional, r.Clauses[1].Query);
    }

    [Fact]
    public void A_disjunction_with_a_coordination_factor_is_left_alone()
    {
        var q = new BooleanQuery(disableCoord: false) { { T("w", "丝杠"), Occur.SHOULD }, { T("w", "方法"), Occur.SHOULD } };

        Assert.Same(q, CommonTermRestriction.Restrict(q, Rarity("方法")));
    }

    [Fact]
    public void Clauses_that_cannot_match_drive_nothing()
    {
        // a term in no record (an exact-keyword key nobody has) must not become the required part on its own
        var q = Or(T("w", "方法"), T("k", "无此关键词"));

        Assert.Same(q, CommonTermRestriction.Restrict(q, t => t.Text == "方法" ? TermRarity.Common : TermRarity.Absent));
    }

    private static Func<Term, TermRarity> Rarity(params string[] common) =>
        t => common.Contains(t.Text) ? TermRarity.Common : TermRarity.Rare;

    private static TermQuery T(string field, string text) => new(new Term(field, text));

    private static BooleanQuery Or(params Query[] clauses)
    {
        var b = new BooleanQuery(disableCoord: true);
        foreach (var c in clauses) b.Add(c, Occur.SHOULD);
        return b;
    }
}
