using TechTransfer.SharedKernel;
using TechTransfer.Search.Analysis;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.UnitTests.Search;

public sealed class SynonymTests
{
    [Fact]
    public void The_shipped_dictionary_loads_and_contains_the_lead_screw_variants()
    {
        var dict = SynonymDictionary.LoadEmbedded();
        Assert.True(dict.GroupCount > 100);
        Assert.Contains("丝杠", dict.VariantsOf("丝杆"));
        Assert.Contains("丝杆", dict.VariantsOf("丝杠"));
    }

    [Fact]
    public void Expand_replaces_the_longest_matching_term_only()
    {
        var dict = SynonymDictionary.Parse("丝杆,丝杠\n滚珠丝杆,滚珠丝杠");
        var rewrites = dict.Expand("滚珠丝杆传动");
        Assert.Equal(["滚珠丝杠传动"], rewrites);
    }

    [Fact]
    public void Latin_terms_match_only_on_word_boundaries()
    {
        var dict = SynonymDictionary.Parse("AI,人工智能");
        Assert.Empty(dict.Expand("maintain"));
        Assert.Equal(["人工智能 chip"], dict.Expand("AI chip"));
    }

    [Fact]
    public void Query_with_one_variant_finds_documents_written_with_the_other()
    {
        using var t = new SearchTestIndex().Add(
            SearchTestIndex.Doc("滚珠丝杠副的预紧力控制方法", "一种滚珠丝杠副"),
            SearchTestIndex.Doc("齿轮箱润滑系统", "润滑油路"));
        var r = t.Index.Search(new() { Text = "丝杆" }, Caller.Anonymous).Value;
        Assert.Single(r.Items);
        Assert.Equal("滚珠丝杠副的预紧力控制方法", r.Items[0].Title);
    }

    [Fact]
    public void Without_the_dictionary_the_variant_is_not_found()
    {
        using var t = new SearchTestIndex(SynonymDictionary.Empty).Add(
            SearchTestIndex.Doc("滚珠丝杠副的预紧力控制方法", "一种滚珠丝杠副"));
        var r = t.Index.Search(new() { Text = "丝杆" }, Caller.Anonymous).Value;
        Assert.Empty(r.Items);
    }


    [Fact]
    public void Cross_language_variant_matches_english_text()
    {
        using var t = new SearchTestIndex().Add(
            SearchTestIndex.Doc("LiDAR point cloud segmentation", "Mapping with LiDAR", type: SearchDocumentTypes.Patent));
        var r = t.Index.Search(new() { Text = "激光雷达" }, Caller.Anonymous).Value;
        Assert.Single(r.Items);
    }
}
