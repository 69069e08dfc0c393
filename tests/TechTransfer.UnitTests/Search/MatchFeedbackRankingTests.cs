using TechTransfer.Search.Domain;
using TechTransfer.Search.Features;

namespace TechTransfer.UnitTests.Search;

public class MatchFeedbackRankingTests
{
    private static MatchItem Item(string title, double score) =>
        new(new SearchHit { Type = "achievement", Id = Guid.NewGuid(), Title = title, TitleHighlighted = title, Snippet = "" }, score,
            new MatchExplanation([], false, [], null, "unknown"));

    [Fact]
    public void Without_feedback_the_engine_order_is_kept()
    {
        var items = new[] { Item("a", 3), Item("b", 2), Item("c", 1) };
        var ranked = MatchingService.ApplyFeedback(items, new Dictionary<(string, Guid), bool>());
        Assert.Equal(["a", "b", "c"], ranked.Select(i => i.Hit.Title));
        Assert.All(ranked, i => Assert.Null(i.Useful));
    }

    [Fact]
    public void A_match_marked_not_useful_drops_to_the_end_and_is_flagged()
    {
        var items = new[] { Item("a", 3), Item("b", 2), Item("c", 1) };
        var ranked = MatchingService.ApplyFeedback(items, new Dictionary<(string, Guid), bool> { [("achievement", items[0].Hit.Id)] = false });
        Assert.Equal(["b", "c", "a"], ranked.Select(i => i.Hit.Title));
        Assert.True(ranked[^1].Demoted);
        Assert.False(ranked[^1].Useful);
        Assert.False(ranked[0].Demoted);
    }

    [Fact]
    public void A_match_marked_useful_is_boosted_above_a_slightly_better_unmarked_one()
    {
        var items = new[] { Item("a", 3), Item("b", 2.5), Item("c", 1) };
        var ranked = MatchingService.ApplyFeedback(items, new Dictionary<(string, Guid), bool> { [("achievement", items[1].Hit.Id)] = true });
        Assert.Equal(["b", "a", "c"], ranked.Select(i => i.Hit.Title));
        Assert.Equal(2.5 * MatchingService.UsefulBoost, ranked[0].Score);
        Assert.True(ranked[0].Useful);
    }
}
