using TechTransfer.Search.Analysis;

namespace TechTransfer.UnitTests.Search;

/// <summary>The engine's jieba segmentation (<see cref="JiebaCore"/>) must return exactly what jieba.NET's own
/// <c>JiebaSegmenter.Tokenize</c> returns — same words, same order, same offsets — so the index it builds is the index
/// jieba.NET would build.</summary>
public sealed class JiebaCoreTests
{
    public static TheoryData<string> Texts => new()
    {
        "基于深度学习的锂电池缺陷检测方法",
        "本发明公开了一种滚珠丝杠副的预紧力检测装置，包括底座、电机和传感器。",
        // unknown names and terms: runs of single characters cut by the HMM
        "张三丰和李四光在浦东新区创办了曦缘科技，研发氦氖激光器与钐钴永磁体",
        "硼掺杂能促进Eu3+的还原以及Eu离子在SrAl2O4体系中的扩散",
        "二甲基甲酰胺22份，N-甲基吡咯烷酮9.5份，乙二醇1%",
        "The Batteries of Electric Vehicles, C++ & C# code_1.2 v3.0-beta",
        "ＧＰＳ定位　与　北斗导航（全角）",
        "line one\r\nline two\n\n  spaced   words\t\ttabbed",
        "  leading and trailing spaces  ",
        "emoji 😀 and 𠀀 surrogate pairs 测试",
        "α-螺旋与β-折叠结构；温度≥300℃；¥500万元",
        "㐀㐁䶵 CJK extension A 鿖鿗 beyond the jieba range",
        "一",
        "锂",
        "。",
        "",
        "   ",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_mode_tokens_equal_jieba_NET(string text) =>
        Assert.Equal(JiebaTokenizer.SegmentReference(text, searchMode: true), JiebaTokenizer.Segment(text, searchMode: true));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Accurate_mode_tokens_equal_jieba_NET(string text) =>
        Assert.Equal(JiebaTokenizer.SegmentReference(text, searchMode: false), JiebaTokenizer.Segment(text, searchMode: false));

    [Fact]
    public void A_long_text_beyond_the_initial_buffers_is_segmented_like_jieba_NET()
    {
        var text = string.Concat(Enumerable.Repeat("基于深度学习的锂电池缺陷检测方法和装置，", 60))
                   + new string('曦', 700) + "未登录词连续出现" + string.Concat(Enumerable.Repeat("氦氖钐钴铕铽", 200));
        Assert.Equal(JiebaTokenizer.SegmentReference(text, true), JiebaTokenizer.Segment(text, true));
        Assert.Equal(JiebaTokenizer.SegmentReference(text, false), JiebaTokenizer.Segment(text, false));
    }

    [Fact]
    public void Unknown_runs_are_cut_by_the_engine_s_own_HMM() => Assert.True(JiebaCore.UsesOwnHmm);

    [Fact]
    public void Search_mode_adds_the_dictionary_sub_words_of_a_long_word_before_it()
    {
        var words = JiebaTokenizer.Segment("锂电池", searchMode: true);
        Assert.Equal([("锂电", 0, 2), ("电池", 1, 3), ("锂电池", 0, 3)], words);
    }

    [Fact]
    public void The_tokenizer_emits_the_same_terms_and_offsets_as_Segment()
    {
        const string text = "本发明公开了一种基于FPGA的滚珠丝杠检测装置，张三丰研发。";
        using var tokenizer = new JiebaTokenizer(new StringReader(text), searchMode: true);
        var term = tokenizer.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        var tokens = new List<(string, int, int)>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        tokenizer.End();
        Assert.Equal(JiebaTokenizer.Segment(text, true), tokens);
    }
}
