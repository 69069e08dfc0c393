using Lucene.Net.Search;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;

namespace TechTransfer.UnitTests.Search;

/// <summary>
/// Specification of <see cref="RankingOptions.BigramCrossWordWeight"/>: in a verbose query (at least
/// <see cref="RankingOptions.VerboseQueryWords"/> words in the accurate segmentation) a character bigram that spans two
/// words of the query weighs <c>BigramCrossWordWeight</c> times a bigram inside a word; in a shorter query every bigram
/// keeps its full weight.
/// </summary>
public sealed class CrossWordBigramTests
{
    // 基于|深度|学习|的|锂电池|寿命|预测: seven words; "的锂" and "池寿" span two words, "电池" and "寿命" lie inside one
    private const string Verbose = "基于深度学习的锂电池寿命预测";
    // 锂电池|寿命: two words, below the verbose-query threshold
    private const string Short = "锂电池寿命";

    private static QueryBuilder Builder(RankingOptions ranking) =>
        new(new WordAnalyzer(WordSegmenter.JiebaAccurate), new BigramAnalyzer(outputUnigrams: false), SynonymDictionary.Empty, ranking);

    /// <summary>Effective boost (product of the boosts on the path) of each term query on <paramref name="field"/>, by
    /// term; Boolean queries are descended, phrase and disjunction-max clauses are not term evidence.</summary>
    private static Dictionary<string, float> TermBoosts(Query? q, string field)
    {
        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        void Walk(Query node, float boost)
        {
            switch (node)
            {
                case TermQuery t when t.Term.Field == field:
                    result[t.Term.Text] = result.GetValueOrDefault(t.Term.Text) + boost * t.Boost;
                    break;
                case BooleanQuery b:
                    foreach (var c in b.Clauses) Walk(c.Query, boost * b.Boost);
                    break;
            }
        }
        Walk(q!, 1f);
        return result;
    }

    [Fact]
    public void In_a_verbose_query_a_bigram_spanning_two_words_weighs_half_a_bigram_inside_a_word()
    {
        var boosts = TermBoosts(Builder(new RankingOptions()).BuildTextQuery(Verbose), IndexSchema.BodyBigram);

        Assert.Equal(0.5f, boosts["的锂"] / boosts["电池"], 3);
        Assert.Equal(0.5f, boosts["池寿"] / boosts["寿命"], 3);
        Assert.Equal(boosts["电池"], boosts["深度"], 3);
    }

    [Theory]
    [InlineData(IndexSchema.TitleBigram)]
    [InlineData(IndexSchema.KeywordBigram)]
    public void The_cross_word_weight_applies_to_the_title_and_keyword_bigram_fields_too(string field)
    {
        var boosts = TermBoosts(Builder(new RankingOptions()).BuildTextQuery(Verbose), field);

        Assert.Equal(0.5f, boosts["的锂"] / boosts["电池"], 3);
    }

    [Fact]
    public void In_a_short_query_a_bigram_spanning_two_words_keeps_its_full_weight()
    {
        var boosts = TermBoosts(Builder(new RankingOptions()).BuildTextQuery(Short), IndexSchema.BodyBigram);

        Assert.Equal(boosts["电池"], boosts["池寿"], 3);
        Assert.Equal(boosts["寿命"], boosts["池寿"], 3);
    }

    [Fact]
    public void The_verbose_query_threshold_is_a_word_count()
    {
        var ranking = new RankingOptions { VerboseQueryWords = 2 };

        var boosts = TermBoosts(Builder(ranking).BuildTextQuery(Short), IndexSchema.BodyBigram);

        Assert.Equal(0.5f, boosts["池寿"] / boosts["电池"], 3);
    }

    [Fact]
    public void Weight_one_treats_every_bigram_alike_and_weight_zero_drops_the_spanning_ones()
    {
        var same = TermBoosts(Builder(new RankingOptions { BigramCrossWordWeight = 1f }).BuildTextQuery(Verbose), IndexSchema.BodyBigram);
        var none = TermBoosts(Builder(new RankingOptions { BigramCrossWordWeight = 0f }).BuildTextQuery(Verbose), IndexSchema.BodyBigram);

        Assert.Equal(same["电池"], same["的锂"], 3);
        Assert.DoesNotContain("的锂", none.Keys);
        Assert.DoesNotContain("池寿", none.Keys);
        Assert.Contains("电池", none.Keys);
    }
}
