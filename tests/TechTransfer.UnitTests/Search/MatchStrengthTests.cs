using TechTransfer.Search.Engine;
using TechTransfer.Search.Features;

namespace TechTransfer.UnitTests.Search;

/// <summary>A match's strength in words (strong / medium / weak) from the shared key terms, field and IPC class.</summary>
public sealed class MatchStrengthTests
{
    [Theory]
    [InlineData(5, 10, false, false, MatchStrength.Strong)]
    [InlineData(8, 20, false, false, MatchStrength.Strong)]    // over the ten weightiest key terms
    [InlineData(4, 10, true, false, MatchStrength.Strong)]
    [InlineData(3, 10, false, false, MatchStrength.Medium)]
    [InlineData(1, 10, false, true, MatchStrength.Medium)]
    [InlineData(1, 10, false, false, MatchStrength.Weak)]
    [InlineData(0, 10, false, false, MatchStrength.Weak)]
    [InlineData(0, 10, true, true, MatchStrength.Medium)]
    [InlineData(0, 0, false, false, MatchStrength.Weak)]
    public void Strength_follows_the_share_of_key_terms_and_a_shared_field_or_class(int matched, int keyTerms, bool sameField, bool sharedClass, string expected) =>
        Assert.Equal(expected, MatchStrength.Of(matched, keyTerms, sameField, sharedClass));

    [Theory]
    [InlineData("G06T 7/00", "G06T")]
    [InlineData("H01M10/0525", "H01M")]
    [InlineData("14-02", "14-02")]
    [InlineData("12-08", "12-08")]
    public void Ipc_symbols_count_under_their_subclass_and_locarno_classes_stay_whole(string code, string expected) =>
        Assert.Equal(expected, IndexSchema.ClassOf(code));

    [Fact]
    public void Locarno_classes_are_whole_facet_values()
    {
        using var t = new SearchTestIndex().Add(SearchTestIndex.Doc("折叠椅外观设计", ipc: "06-01"), SearchTestIndex.Doc("锂电池热管理", ipc: "H01M 10/613"));
        var r = t.Index.Search(new TechTransfer.Search.Domain.SearchQuery { Text = "" }, TechTransfer.SharedKernel.Caller.Anonymous).Value;
        Assert.Contains(new TechTransfer.Search.Domain.FacetValue("06-01", 1), r.Facets[TechTransfer.Search.Domain.SearchFacets.Ipc]);
        Assert.Contains(new TechTransfer.Search.Domain.FacetValue("H01M", 1), r.Facets[TechTransfer.Search.Domain.SearchFacets.Ipc]);
    }
}
