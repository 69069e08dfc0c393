using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace TechTransfer.Search.Analysis;

/// <summary>Which Chinese word segmenter feeds the word fields.</summary>
public enum WordSegmenter
{
    /// <summary>jieba.NET in search mode (sub-words of long words are indexed too). The shipped default.</summary>
    Jieba,
    /// <summary>jieba.NET in accurate (default) mode.</summary>
    JiebaAccurate,
    /// <summary>Lucene SmartCn (HMM over a bigram dictionary).</summary>
    SmartCn,
}

internal static class LuceneVersion48
{
    public const LuceneVersion V = LuceneVersion.LUCENE_48;
}

/// <summary>
/// Word analyzer for mixed Chinese/English text: Chinese is segmented into words, Latin words are lower-cased,
/// English stop words removed and Porter-stemmed ("batteries" → "batteri").
/// </summary>
public sealed class WordAnalyzer(WordSegmenter segmenter) : Analyzer
{
    public WordSegmenter Segmenter { get; } = segmenter;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        Tokenizer source = Segmenter switch
        {
            WordSegmenter.SmartCn => new HMMChineseTokenizer(reader),
            WordSegmenter.JiebaAccurate => new JiebaTokenizer(reader, searchMode: false),
            _ => new JiebaTokenizer(reader, searchMode: true),
        };
        TokenStream ts = new CJKWidthFilter(source);
        ts = new AcronymKeywordFilter(ts);
        ts = new CaselessScriptLowerCaseFilter(ts);
        ts = new LetterOrDigitFilter(ts);
        ts = new EnglishPossessiveFilter(LuceneVersion48.V, ts);
        ts = new StopFilter(LuceneVersion48.V, ts, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
    }
}

/// <summary>
/// Character n-gram analyzer: Chinese runs become overlapping bigrams (深度学习 → 深度 度学 学习), optionally with
/// unigrams; Latin words are handled as in <see cref="WordAnalyzer"/>. Robust to unknown words and segmentation errors.
/// </summary>
public sealed class BigramAnalyzer(bool outputUnigrams) : Analyzer
{
    public bool OutputUnigrams { get; } = outputUnigrams;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion48.V, reader);
        TokenStream ts = new CJKWidthFilter(source);
        ts = new CaselessScriptLowerCaseFilter(ts);
        ts = new CJKBigramFilter(ts, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, OutputUnigrams);
        ts = new EnglishPossessiveFilter(LuceneVersion48.V, ts);
        ts = new StopFilter(LuceneVersion48.V, ts, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
    }
}

/// <summary>
/// Marks acronyms (upper-case ASCII tokens of 2–10 characters such as MEMS, ASIC, IGBT, CO2) as keywords, so the
/// Porter stemmer leaves them whole: "MEMS" is indexed and queried as "mems", not "mem" (which would also be the stem of
/// "mem"). The mark survives lower-casing; index and query use the same word analyzer, so both sides agree.
/// </summary>
internal sealed class AcronymKeywordFilter : TokenFilter
{
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;
    private readonly Lucene.Net.Analysis.TokenAttributes.IKeywordAttribute _keyword;

    public AcronymKeywordFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        _keyword = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (IsAcronym(_term.Buffer, _term.Length)) _keyword.IsKeyword = true;
        return true;
    }

    /// <summary>2–10 ASCII letters and digits, no lower-case letter, at least two upper-case letters.</summary>
    public static bool IsAcronym(ReadOnlySpan<char> s) => IsAcronym(s.ToArray(), s.Length);

    private static bool IsAcronym(char[] buffer, int length)
    {
        if (length is < 2 or > 10) return false;
        var upper = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= 'A' and <= 'Z') upper++;
            else if (c is not (>= '0' and <= '9')) return false;
        }
        return upper >= 2;
    }
}

/// <summary>
/// Lower-cases exactly as Lucene's <see cref="LowerCaseFilter"/> does, but skips the per-code-point Unicode case
/// look-up for ASCII and for CJK unified ideographs (which have no case): nearly every character of Chinese text.
/// The first other character hands the rest of the token to Lucene's own routine, so the terms are identical.
/// </summary>
internal sealed class CaselessScriptLowerCaseFilter : TokenFilter
{
    private readonly CharacterUtils _charUtils = CharacterUtils.GetInstance(LuceneVersion48.V);
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;

    public CaselessScriptLowerCaseFilter(TokenStream input) : base(input) =>
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z') buffer[i] = (char)(c + 32);
            }
            else if (c is < '\u4E00' or > '\u9FFF')
            {
                _charUtils.ToLower(buffer, i, length - i);   // (offset, count)
                break;
            }
        }
        return true;
    }
}

/// <summary>Drops tokens that contain no letter or digit (punctuation emitted by some segmenters).</summary>
internal sealed class LetterOrDigitFilter : FilteringTokenFilter
{
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;

    public LetterOrDigitFilter(TokenStream input) : base(LuceneVersion48.V, input) =>
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();

    protected override bool Accept()
    {
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
            if (char.IsLetterOrDigit(buffer[i])) return true;
        return false;
    }
}

public static class AnalyzerExtensions
{
    /// <summary>The terms an analyzer produces for a text, in order.</summary>
    public static List<string> Terms(this Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        using var ts = analyzer.GetTokenStream(field, new StringReader(text));
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) terms.Add(term.ToString());
        ts.End();
        return terms;
    }
}

/// <summary>
/// The words as written for the terms an analyzer makes of a text (key terms are stems — "privaci" — and a reader must see
/// "privacy"): each term's first occurrence in the text by its offsets. A word in capitals (an acronym: MEMS) keeps them,
/// any other is lower-cased ("Privacy" at the start of a title is shown "privacy").
/// </summary>
public static class SurfaceWords
{
    public static Dictionary<string, string> Of(Analyzer analyzer, string field, string text)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return words;
        using var ts = analyzer.GetTokenStream(field, new StringReader(text));
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            var t = term.ToString();
            if (words.ContainsKey(t)) continue;
            int start = offset.StartOffset, end = offset.EndOffset;
            if (start < 0 || end > text.Length || end <= start) continue;
            words[t] = Shown(text[start..end]);
        }
        ts.End();
        return words;
    }

    /// <summary>The shown form of a word as written: an acronym as it is, any other word lower-cased.</summary>
    public static string Shown(string written)
    {
        var letters = written.Where(char.IsLetter).ToList();
        var acronym = letters.Count > 1 && letters.All(c => !char.IsLower(c)) && letters.Any(char.IsUpper);
        return acronym ? written : written.ToLowerInvariant();
    }
}

/// <summary>Single CJK characters only (Latin words are dropped): the index side of one-character queries such as 锁 or 脱.</summary>
public sealed class UnigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion48.V, reader);
        TokenStream ts = new CJKWidthFilter(source);
        ts = new SingleCjkFilter(ts);
        return new TokenStreamComponents(source, ts);
    }
}

internal sealed class SingleCjkFilter : FilteringTokenFilter
{
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;

    public SingleCjkFilter(TokenStream input) : base(LuceneVersion48.V, input) =>
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();

    protected override bool Accept() => _term.Length == 1 && TextNormalizer.IsCjk(_term.Buffer[0]);
}
