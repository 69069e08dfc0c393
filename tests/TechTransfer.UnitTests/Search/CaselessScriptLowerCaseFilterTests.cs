using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;
using TechTransfer.Search.Analysis;

namespace TechTransfer.UnitTests.Search;

/// <summary>The fast lower-casing filter must produce exactly the terms of Lucene's own LowerCaseFilter.</summary>
public sealed class CaselessScriptLowerCaseFilterTests
{
    private sealed class Pipeline(bool fast) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream ts = fast ? new CaselessScriptLowerCaseFilter(source) : new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
            return new TokenStreamComponents(source, ts);
        }
    }

    [Theory]
    [InlineData("锂电池 缺陷检测 MEMS IGBT CO2 Battery")]
    [InlineData("深度学习ΑΒΓ ΣΊΣΥΦΟΣ Straße İstanbul ÀÉÎ")]
    [InlineData("ＡＢＣ全角 ⅫⅪ ＬＥＤ灯 ǅ ǈ")]
    [InlineData("𠀀𠀁扩展B区 𝐀𝐁 Ꭰ Ⰰ 锂Ω电")]
    [InlineData("ABC锂DEF电池Ǆ")]
    public void Terms_equal_those_of_lucenes_LowerCaseFilter(string text) =>
        Assert.Equal(new Pipeline(fast: false).Terms("f", text), new Pipeline(fast: true).Terms("f", text));

    [Fact]
    public void Ascii_capitals_are_lowered_and_chinese_is_untouched() =>
        Assert.Equal(["mems", "锂电池abc"], new Pipeline(fast: true).Terms("f", "MEMS 锂电池ABC"));
}
