using TechTransfer.Search.Evaluation;

namespace TechTransfer.UnitTests.Search;

public sealed class EvaluationTests
{
    [Fact]
    public void Ndcg_is_one_for_a_perfect_ranking_and_discounts_lower_ranks()
    {
        Assert.Equal(1.0, EvalMetrics.Ndcg(["a", "b", "x"], ["a", "b"], 10), 6);
        Assert.Equal((1 / Math.Log2(3)) / (1 + 1 / Math.Log2(3)), EvalMetrics.Ndcg(["x", "a"], ["a", "b"], 10), 6);
    }

    [Fact]
    public void Metrics_average_over_judged_queries()
    {
        var set = new EvalSet("t", [], [("q1", "x"), ("q2", "y"), ("q3", "unjudged")],
            new Dictionary<string, HashSet<string>> { ["q1"] = ["d1"], ["q2"] = ["d2", "d3"] }, []);
        var m = EvalMetrics.Compute(set, new Dictionary<string, IReadOnlyList<string>>
        {
            ["q1"] = ["d1"],
            ["q2"] = ["d9", "d2"],
        });
        Assert.Equal(2, m.Queries);
        Assert.Equal((1 + 0.5) / 2, m.Mrr10, 6);
        Assert.Equal((1 + 0.5) / 2, m.Recall100, 6);
    }

    [Fact]
    public void Fts5_match_expression_ors_quoted_trigrams_and_skips_short_chunks()
    {
        Assert.Equal("\"深度学\" OR \"度学习\"", Fts5TrigramRetriever.MatchExpression("深度学习 锁"));
        Assert.Null(Fts5TrigramRetriever.MatchExpression("锁 脱"));
    }

    [Fact]
    public void Error_reduction_is_relative_to_the_baseline_error()
    {
        Assert.Equal(0.5, SearchEvaluation.ErrorReduction(0.9, 0.8), 6);
    }
}
