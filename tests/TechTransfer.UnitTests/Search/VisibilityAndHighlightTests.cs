using TechTransfer.SharedKernel;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

public sealed class SearchVisibilityTests : IDisposable
{
    private static readonly Guid OwnerOrg = Guid.NewGuid();
    private static readonly Guid PartnerOrg = Guid.NewGuid();
    private static readonly Guid OtherOrg = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private readonly SearchTestIndex _t = new();

    public SearchVisibilityTests() => _t.Add(
        Doc("公开的石墨烯散热膜", "石墨烯导热", org: OwnerOrg),
        Doc("保密的石墨烯电极工艺", "石墨烯电极", isPublic: false, org: OwnerOrg, visibleToOrgs: [PartnerOrg], visibleToUsers: [Reviewer]));

    public void Dispose() => _t.Dispose();

    private IReadOnlyList<string> Titles(Caller caller) =>
        _t.Index.Search(new() { Text = "石墨烯" }, caller).Value.Items.Select(h => h.Title).Order().ToList();

    [Fact]
    public void Confidential_record_is_never_returned_to_another_organisation()
    {
        var caller = Caller.Of(Guid.NewGuid(), OtherOrg, Roles.Enterprise);
        Assert.Equal(["公开的石墨烯散热膜"], Titles(caller));
        var r = _t.Index.Search(new() { Text = "石墨烯电极工艺" }, caller).Value;
        Assert.DoesNotContain(r.Items, h => h.Title == "保密的石墨烯电极工艺");
        Assert.Equal(0, r.Facets[SearchFacets.Type].Where(f => f.Value == "achievement").Sum(f => f.Count) - r.Total);
    }

    [Fact]
    public void Anonymous_callers_see_public_records_only()
    {
        Assert.Equal(["公开的石墨烯散热膜"], Titles(Caller.Anonymous));
    }

    [Fact]
    public void Owner_organisation_sees_its_confidential_record()
    {
        Assert.Equal(2, Titles(Caller.Of(Guid.NewGuid(), OwnerOrg, Roles.Enterprise)).Count);
    }

    [Fact]
    public void Organisation_granted_access_sees_the_record()
    {
        Assert.Equal(2, Titles(Caller.Of(Guid.NewGuid(), PartnerOrg, Roles.Enterprise)).Count);
    }

    [Fact]
    public void User_granted_access_sees_the_record_whatever_the_organisation()
    {
        Assert.Equal(2, Titles(Caller.Of(Reviewer, OtherOrg, Roles.Enterprise)).Count);
    }

    [Fact]
    public void Platform_admin_sees_everything()
    {
        Assert.Equal(2, Titles(Caller.System()).Count);
    }

    [Fact]
    public void Facet_counts_do_not_leak_confidential_records()
    {
        var r = _t.Index.Search(new() { Text = "石墨烯" }, Caller.Of(Guid.NewGuid(), OtherOrg, Roles.Enterprise)).Value;
        Assert.Equal([new FacetValue("achievement", 1)], r.Facets[SearchFacets.Type]);
    }
}

public sealed class SearchHighlightTests : IDisposable
{
    private readonly SearchTestIndex _t = new();

    public SearchHighlightTests() => _t.Add(
        Doc("一种锂电池隔膜<涂层>", "本发明公开了一种用于锂电池的陶瓷涂层隔膜，提高了锂电池的安全性。"),
        Doc("Fast charging of lithium batteries", "A method for charging batteries quickly."));

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Matched_chinese_terms_are_wrapped_in_em_and_markup_is_encoded()
    {
        var hit = _t.Index.Search(new() { Text = "锂电池" }, Caller.Anonymous).Value.Items[0];
        Assert.Contains("<em>锂电池</em>", hit.Snippet);
        Assert.Contains("<em>锂电池</em>", hit.TitleHighlighted);
        Assert.Contains("&lt;涂层&gt;", hit.TitleHighlighted);
        Assert.DoesNotContain("<涂层>", hit.TitleHighlighted);
    }

    [Fact]
    public void English_highlight_matches_the_stemmed_form()
    {
        var hit = _t.Index.Search(new() { Text = "battery" }, Caller.Anonymous).Value.Items[0];
        Assert.Contains("<em>batteries</em>", hit.Snippet);
    }

    [Fact]
    public void Synonym_variant_is_highlighted_too()
    {
        using var t = new SearchTestIndex().Add(Doc("滚珠丝杠", "一种滚珠丝杠副"));
        var hit = t.Index.Search(new() { Text = "丝杆" }, Caller.Anonymous).Value.Items[0];
        Assert.Contains("<em>", hit.Snippet);
        Assert.Contains("丝杠</em>", hit.Snippet);
    }
}
