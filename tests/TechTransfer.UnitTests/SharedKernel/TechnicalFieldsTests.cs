using TechTransfer.Patents.Domain;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Fields;
using TechTransfer.SharedKernel.Search;
using TechTransfer.UnitTests.Search;

namespace TechTransfer.UnitTests.SharedKernel;

/// <summary>The one technical-field taxonomy: codes are stored, labels shown per language, earlier free-text values and
/// aliases map to one field, and the search index finds a field by either label.</summary>
public sealed class TechnicalFieldsTests
{
    [Fact]
    public void Codes_labels_and_aliases_are_unique_across_the_taxonomy()
    {
        Assert.Equal(TechnicalFields.All.Count, TechnicalFields.All.Select(f => f.Code).Distinct().Count());
        var texts = TechnicalFields.All.SelectMany(f => new[] { f.Code, f.Zh, f.En }.Concat(f.Aliases).Select(t => (Text: t.ToLowerInvariant(), f.Code)));
        var clashes = texts.GroupBy(t => t.Text).Where(g => g.Select(x => x.Code).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.True(clashes.Count == 0, "texts naming two fields: " + string.Join(", ", clashes));
        Assert.All(TechnicalFields.All, f => Assert.Matches("^[a-z_]+$", f.Code));
    }

    [Theory]
    [InlineData("人工智能", "artificial_intelligence")]
    [InlineData(" Artificial intelligence ", "artificial_intelligence")]
    [InlineData("scientific instruments", "scientific_instruments")]
    [InlineData("Scientific instruments", "scientific_instruments")]
    [InlineData("计算机科学与技术", "electronic_information")]
    [InlineData("临床医学", "biomedicine")]
    [InlineData("新能源汽车", "new_energy")]
    [InlineData("新能源材料", "new_energy")]
    [InlineData("biomedicine", "biomedicine")]
    [InlineData("Biomedical engineering", "biomedicine")]
    public void A_label_alias_or_code_in_any_case_normalises_to_the_field_code(string text, string code)
    {
        Assert.Equal(code, TechnicalFields.Normalize(text));
        Assert.True(TechnicalFields.IsCode(code));
    }

    [Fact]
    public void A_value_outside_the_taxonomy_is_kept_trimmed_and_shown_as_stored()
    {
        Assert.Equal("古籍修复", TechnicalFields.Normalize("  古籍修复 "));
        Assert.Equal("古籍修复", TechnicalFields.Label("古籍修复", english: true));
        Assert.Empty(TechnicalFields.SearchTerms("古籍修复"));
        Assert.Equal("", TechnicalFields.Normalize(null));
    }

    [Fact]
    public void A_code_is_shown_by_its_label_in_each_language()
    {
        Assert.Equal("科学仪器", TechnicalFields.Label("scientific_instruments", english: false));
        Assert.Equal("Scientific instruments", TechnicalFields.Label("scientific_instruments", english: true));
        Assert.Equal(["人工智能", "Artificial intelligence"], TechnicalFields.SearchTerms("artificial_intelligence"));
    }

    [Fact]
    public void Every_demo_field_value_names_a_field_of_the_taxonomy()
    {
        // the free-text values the demo data and the first releases used (see the demo seeders)
        string[] earlier = ["电子信息", "先进制造", "生物医药", "新材料", "新能源", "节能环保", "集成电路", "新能源材料", "高端装备", "人工智能",
            "Scientific instruments", "Biomedical engineering", "量子科技", "中医学", "临床医学", "化学", "化学工程", "土木工程", "材料科学",
            "物理学", "生物医学工程", "生物学", "电子科学与技术", "船舶与海洋工程", "计算机科学与技术", "机械工程"];
        Assert.All(earlier, v => Assert.True(TechnicalFields.Match(v) is not null, v));
    }

    [Fact]
    public void The_index_finds_a_field_by_either_label_and_facets_and_filters_by_its_code()
    {
        using var t = new SearchTestIndex().Add(
            SearchTestIndex.Doc("锂电池极片表面缺陷在线视觉检测算法", type: SearchDocumentTypes.Demand, field: "artificial_intelligence"),
            SearchTestIndex.Doc("滚珠丝杠滚道超精密磨削", type: SearchDocumentTypes.Demand, field: "advanced_manufacturing"));
        var anyone = Caller.Anonymous;

        var zh = t.Index.Search(new SearchQuery { Text = "人工智能" }, anyone).Value;
        Assert.Equal("锂电池极片表面缺陷在线视觉检测算法", Assert.Single(zh.Items).Title);
        var en = t.Index.Search(new SearchQuery { Text = "artificial intelligence" }, anyone).Value;
        Assert.Equal("锂电池极片表面缺陷在线视觉检测算法", Assert.Single(en.Items).Title);

        var all = t.Index.Search(new SearchQuery { Text = "" }, anyone).Value;
        Assert.Contains(new FacetValue("artificial_intelligence", 1), all.Facets[SearchFacets.Field]);
        var filtered = t.Index.Search(new SearchQuery { Text = "", Field = "人工智能" }, anyone).Value;
        Assert.Equal("锂电池极片表面缺陷在线视觉检测算法", Assert.Single(filtered.Items).Title);
    }
}

/// <summary>A patent's classification text splits into whole IPC symbols and Locarno classes.</summary>
public sealed class ClassificationCodesTests
{
    [Theory]
    [InlineData("G06T 7/00; H01M10/0525", new[] { "G06T 7/00", "H01M 10/0525" })]
    [InlineData("G06T 7/00 G06V 10/82", new[] { "G06T 7/00", "G06V 10/82" })]
    [InlineData("H01L，G06F 21/62", new[] { "H01L", "G06F 21/62" })]
    [InlineData("14-02", new[] { "14-02" })]
    [InlineData("LOC(14) Cl. 14-02", new[] { "14-02" })]
    [InlineData("12-08、14-03", new[] { "12-08", "14-03" })]
    [InlineData("", new string[0])]
    public void Codes_stay_whole(string text, string[] expected) =>
        Assert.Equal(expected, ClassificationCodes.Split(text));
}
