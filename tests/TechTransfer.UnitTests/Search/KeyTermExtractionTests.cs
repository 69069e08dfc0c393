using TechTransfer.SharedKernel;
using TechTransfer.Search.Analysis;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.UnitTests.Search;

/// <summary>Key-term extraction for matching: numbers, units, one-letter and Greek tokens are not key terms; acronyms stay whole.</summary>
public sealed class KeyTermExtractionTests
{
    private static readonly WordAnalyzer QueryWords = new(WordSegmenter.JiebaAccurate);

    /// <summary>Every term is "rare" (df 1 of 100 documents), so only the noise filter decides what is kept.</summary>
    private static List<string> Extract(string text) =>
        KeyTermExtractor.Extract(QueryWords, "body_w", text, _ => 1, 100, 50).Select(x => x.Term).ToList();

    [Theory]
    [InlineData("55")]
    [InlineData("0.5")]
    [InlineData("2024")]
    [InlineData("30%")]
    [InlineData("-40")]
    public void Numbers_are_noise(string term) => Assert.True(KeyTermExtractor.IsNoise(term));

    [Theory]
    [InlineData("ma")]
    [InlineData("nm")]
    [InlineData("mm")]
    [InlineData("kg")]
    [InlineData("mah")]
    [InlineData("ghz")]
    [InlineData("mpa")]
    [InlineData("nt")]
    [InlineData("毫米")]
    [InlineData("万元")]
    public void Units_are_noise(string term) => Assert.True(KeyTermExtractor.IsNoise(term));

    [Theory]
    [InlineData("55nm")]
    [InlineData("3.3v")]
    [InlineData("12v")]
    [InlineData("500mah")]
    [InlineData("10kg")]
    [InlineData("5年")]
    [InlineData("3个")]
    public void Measurements_are_noise(string term) => Assert.True(KeyTermExtractor.IsNoise(term));

    [Theory]
    [InlineData("α")]
    [InlineData("β")]
    [InlineData("μ")]
    [InlineData("µ")]
    public void Single_Greek_letters_are_noise(string term) => Assert.True(KeyTermExtractor.IsNoise(term));

    [Theory]
    [InlineData("x")]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("三")]
    [InlineData("十五")]
    [InlineData("由")]
    [InlineData("的")]
    [InlineData("锁")]
    [InlineData("我们")]
    [InlineData("需要")]
    [InlineData("进行")]
    [InlineData("一种")]
    public void One_letter_tokens_Chinese_numerals_and_function_words_are_noise(string term) => Assert.True(KeyTermExtractor.IsNoise(term));

    [Theory]
    [InlineData("mems")]
    [InlineData("5g")]
    [InlineData("4k")]
    [InlineData("3d")]
    [InlineData("co2")]
    [InlineData("碳化硅")]
    [InlineData("纳米")]
    [InlineData("batteri")]
    public void Topic_words_are_not_noise(string term) => Assert.False(KeyTermExtractor.IsNoise(term));

    [Fact]
    public void Numbers_and_units_of_a_demand_text_do_not_become_key_terms()
    {
        var terms = Extract("需要一种55nm工艺的低功耗电源管理芯片，待机电流小于5 mA，封装尺寸3 mm × 3 mm，重量不超过2 kg");
        Assert.Contains("芯片", terms);
        Assert.Contains(terms, t => t.Contains("功耗"));
        Assert.DoesNotContain(terms, t => t.Any(char.IsDigit));
        Assert.DoesNotContain("ma", terms);
        Assert.DoesNotContain("mm", terms);
        Assert.DoesNotContain("kg", terms);
        Assert.DoesNotContain("nm", terms);
    }

    [Fact]
    public void English_function_words_of_a_demand_text_do_not_become_key_terms()
    {
        var terms = Extract("We need a magnet design better than 0.1 ppm over a 5 mm sample; we can build the electronics.");
        Assert.Contains("magnet", terms);
        Assert.Contains("electron", terms);
        Assert.DoesNotContain("we", terms);
        Assert.DoesNotContain("than", terms);
        Assert.DoesNotContain("over", terms);
        Assert.DoesNotContain("can", terms);
        Assert.DoesNotContain("better", terms);
        Assert.DoesNotContain("ppm", terms);
    }

    [Fact]
    public void Chinese_stop_words_and_single_characters_of_a_demand_text_do_not_become_key_terms()
    {
        var terms = Extract("我们公司需要通过合作进行电池包热失控预警，希望实现泵和阀的远程控制，并提供相关方案");
        Assert.Contains("远程", terms);
        Assert.Contains("预警", terms);
        Assert.All(terms, t => Assert.True(t.Length > 1, t));
        Assert.DoesNotContain("我们", terms);
        Assert.DoesNotContain("需要", terms);
        Assert.DoesNotContain("通过", terms);
        Assert.DoesNotContain("进行", terms);
        Assert.DoesNotContain("希望", terms);
        Assert.DoesNotContain("实现", terms);
        Assert.DoesNotContain("相关", terms);
    }

    [Fact]
    public void Greek_letters_and_single_letters_of_a_text_do_not_become_key_terms()
    {
        var terms = Extract("α-淀粉酶与β-葡聚糖的 X 射线衍射分析");
        Assert.Contains("淀粉酶", terms);
        Assert.DoesNotContain("α", terms);
        Assert.DoesNotContain("β", terms);
        Assert.DoesNotContain("x", terms);
    }

    [Theory]
    [InlineData("MEMS", "mems")]
    [InlineData("ASIC", "asic")]
    [InlineData("IGBT", "igbt")]
    public void Acronyms_are_kept_whole_not_stemmed(string acronym, string expected)
    {
        var terms = Extract($"基于{acronym}的传感器模块");
        Assert.Contains(expected, terms);
        Assert.Contains(expected, QueryWords.Terms("f", acronym));
        Assert.Contains(expected, new WordAnalyzer(WordSegmenter.Jieba).Terms("f", $"{acronym} devices"));
    }

    [Fact]
    public void Ordinary_English_words_are_still_stemmed()
    {
        Assert.Equal(["batteri", "sensor"], QueryWords.Terms("f", "Batteries sensors"));
    }

    [Fact]
    public void A_demand_mentioning_MEMS_matches_a_MEMS_achievement_and_shows_the_acronym_as_key_term()
    {
        var result = MatchAmongOthers(("MEMS 压力传感器", "一种基于 MEMS 工艺的压阻式压力传感器芯片"),
            "寻求 MEMS 压力传感器方案，量程 0-10 MPa，精度 0.1%，工作温度 -40 ℃ 至 125 ℃");
        Assert.Equal("MEMS 压力传感器", result.Items[0].Title);
        Assert.Contains("mems", result.KeyTerms);
        Assert.DoesNotContain("mem", result.KeyTerms);
        Assert.DoesNotContain(result.KeyTerms, t => t.Any(char.IsDigit) || t is "mpa" or "℃");
        Assert.Contains("MEMS", result.KeyWords);
    }

    /// <summary>Matches <paramref name="text"/> against an index of one achievement and three on other topics.</summary>
    private static TechTransfer.Search.Domain.MatchResult MatchAmongOthers((string Title, string Body) subject, string text)
    {
        using var index = new SearchTestIndex().Add(
            SearchTestIndex.Doc(subject.Title, subject.Body),
            SearchTestIndex.Doc("锂电池隔膜", "聚乙烯隔膜的制备方法"),
            SearchTestIndex.Doc("土壤修复", "重金属污染土壤的修复药剂"),
            SearchTestIndex.Doc("污水处理", "高浓度有机废水处理工艺"));
        return index.Index.Match(text, new TechTransfer.Search.Domain.SearchQuery { Types = [SearchDocumentTypes.Achievement] }, Caller.System());
    }

    [Fact]
    public void Stemmed_terms_map_back_to_the_words_as_written_lower_cased_except_acronyms()
    {
        var words = SurfaceWords.Of(QueryWords, "body_w", "Privacy-preserving computation for batteries; MEMS sensors and 联邦学习");
        Assert.Equal("privacy", words["privaci"]);
        Assert.Equal("batteries", words["batteri"]);
        Assert.Equal("MEMS", words["mems"]);
        Assert.Equal("computation", words["comput"]);
        Assert.Contains(words, kv => kv.Value == "联邦");
        // the first occurrence names the word: "Batteries" later in the text does not replace "batteries"
        Assert.Equal("battery", SurfaceWords.Of(QueryWords, "body_w", "battery packs, Batteries")["batteri"]);
    }

    [Fact]
    public void A_match_shows_its_key_terms_as_words_while_it_matches_on_the_stems()
    {
        var result = MatchAmongOthers(("Privacy computing platform", "Federated learning with privacy guarantees for hospitals"),
            "We need privacy-preserving federated learning across hospitals");
        Assert.Equal("Privacy computing platform", result.Items[0].Title);
        Assert.Contains("privaci", result.KeyTerms);
        Assert.Equal(result.KeyTerms.Count, result.KeyWords.Count);
        Assert.Equal("privacy", result.KeyWords[result.KeyTerms.ToList().IndexOf("privaci")]);
        Assert.DoesNotContain(result.KeyWords, w => w is "privaci" or "feder" or "hospit");
    }

    [Theory]
    [InlineData("MEMS", "MEMS")]
    [InlineData("Privacy", "privacy")]
    [InlineData("IoT", "iot")]
    [InlineData("联邦", "联邦")]
    public void A_word_is_shown_lower_cased_unless_it_is_an_acronym(string written, string shown) =>
        Assert.Equal(shown, SurfaceWords.Shown(written));
}
