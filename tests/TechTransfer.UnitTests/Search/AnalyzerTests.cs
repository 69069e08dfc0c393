using TechTransfer.Search.Analysis;

namespace TechTransfer.UnitTests.Search;

public sealed class AnalyzerTests
{
    private static readonly WordAnalyzer Words = new(WordSegmenter.Jieba);
    private static readonly BigramAnalyzer Bigrams = new(outputUnigrams: false);

    [Fact]
    public void Chinese_text_is_segmented_into_words_with_sub_words_of_long_words()
    {
        var terms = Words.Terms("f", "基于深度学习的锂电池缺陷检测方法");
        Assert.Contains("深度", terms);
        Assert.Contains("学习", terms);
        Assert.Contains("锂电池", terms);
        Assert.Contains("电池", terms);   // search mode: sub-word of 锂电池
        Assert.Contains("缺陷", terms);
        Assert.DoesNotContain("基于深度学习的锂电池缺陷检测方法", terms);
    }

    [Fact]
    public void English_words_are_lower_cased_stemmed_and_stop_words_dropped()
    {
        var terms = Words.Terms("f", "The Batteries of Electric Vehicles");
        Assert.Equal(["batteri", "electr", "vehicl"], terms);
    }

    [Fact]
    public void Mixed_Chinese_English_text_keeps_both_languages()
    {
        var terms = Words.Terms("f", "基于FPGA的Deep Learning加速器");
        Assert.Contains("fpga", terms);
        Assert.Contains("deep", terms);
        Assert.Contains("learn", terms);
        Assert.Contains("加速器", terms);
    }

    [Fact]
    public void Full_width_letters_and_digits_are_normalised()
    {
        Assert.Equal(Words.Terms("f", "GPS定位"), Words.Terms("f", "ＧＰＳ定位"));
        Assert.Equal(Bigrams.Terms("f", "GPS定位"), Bigrams.Terms("f", "ＧＰＳ定位"));
        Assert.Contains("定位", Words.Terms("f", "ＧＰＳ定位"));
    }

    [Fact]
    public void Punctuation_produces_no_tokens()
    {
        Assert.Empty(Words.Terms("f", "，。、；：！？（）《》"));
        Assert.Empty(Bigrams.Terms("f", "，。、；"));
    }

    [Fact]
    public void Chinese_runs_become_overlapping_bigrams()
    {
        Assert.Equal(["深度", "度学", "学习"], Bigrams.Terms("f", "深度学习"));
    }

    [Fact]
    public void A_lone_character_stays_a_unigram_in_the_bigram_analyzer_and_matches_the_unigram_field()
    {
        Assert.Equal(["锁"], Bigrams.Terms("f", "锁"));
        Assert.Equal(["智", "能", "锁"], new UnigramAnalyzer().Terms("f", "智能锁 lock"));
    }

    [Fact]
    public void SmartCn_is_available_as_a_measured_alternative_segmenter()
    {
        var terms = new WordAnalyzer(WordSegmenter.SmartCn).Terms("f", "基于深度学习的方法");
        Assert.Contains("深度", terms);
        Assert.Contains("学习", terms);
    }
}
