using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace TechTransfer.Search.Analysis;

/// <summary>
/// 关键词提取: reduces a long text (a demand's or an achievement's description) to its most distinctive words for
/// matching, by tf·idf against the index. Tokens that carry no topic are dropped before weighting: numbers ("55",
/// "0.5", "30%"), measurements ("55nm", "3.3v"), units on their own ("mm", "ma", "kg", "毫米", "万元"), Chinese numerals
/// (三, 十五), single Latin letters and single Greek letters (α, μ). Acronyms keep their form because the word
/// analyzer does not stem them (<see cref="AcronymKeywordFilter"/>: MEMS stays "mems", not "mem").
/// </summary>
public static partial class KeyTermExtractor
{
    /// <summary>A term that occurs in more than this share of the documents is too common to be a key term.</summary>
    public const double MaxDocumentShare = 0.25;

    /// <summary>Units of measurement as the word analyzer emits them (lower-case; SI, electrical, data and common
    /// engineering units). General knowledge, not taken from any data set.</summary>
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        // length, area, volume
        "mm", "cm", "dm", "km", "nm", "um", "μm", "µm", "pm", "mil", "inch", "ft", "mm2", "cm2", "m2", "km2", "m3", "cm3",
        "ml", "ul", "μl", "µl", "nl", "dl",
        // mass, amount, concentration
        "kg", "mg", "ug", "μg", "µg", "ng", "mol", "mmol", "umol", "μmol", "nmol", "ppm", "ppb", "wt", "vol",
        // time, frequency
        "ms", "ns", "us", "μs", "µs", "ps", "fs", "min", "hr", "hrs", "hz", "khz", "mhz", "ghz", "thz", "rpm", "fps",
        // electrical
        "ma", "mah", "ua", "μa", "µa", "na", "ka", "kv", "mv", "uv", "μv", "kw", "mw", "gw", "kwh", "mwh", "wh", "va", "kva",
        "ohm", "kohm", "mohm", "ω", "kω", "mω", "nf", "pf", "uf", "μf", "µf", "mh", "uh", "μh", "µh", "db", "dbm", "dbi",
        // pressure, force, energy, temperature, light
        // magnetic field
        "nt", "ut", "μt", "µt", "mt", "pt", "gs",
        "pa", "kpa", "mpa", "gpa", "bar", "mbar", "psi", "kn", "mn", "nm2", "kj", "mj", "kcal", "cal", "℃", "°c", "℉", "lm", "lx", "lux", "cd",
        // data
        "kb", "mb", "gb", "tb", "kbps", "mbps", "gbps", "bps",
    };

    /// <summary>Chinese measure words and units that say nothing about the topic.</summary>
    private static readonly HashSet<string> ChineseUnits = new(StringComparer.Ordinal)
    {
        "毫米", "厘米", "分米", "千米", "公里", "平方米", "立方米", "千克", "公斤", "毫克", "微克", "吨", "毫升", "升",
        "毫秒", "微秒", "纳秒", "秒", "分钟", "小时", "毫安", "安培", "伏特", "毫伏", "千伏", "瓦", "千瓦", "兆瓦", "瓦时", "千瓦时",
        "赫兹", "千赫", "兆赫", "吉赫", "摄氏度", "帕", "千帕", "兆帕", "元", "万元", "亿元", "百万", "千万", "万", "亿",
        "个", "台", "套", "件", "项", "种", "年", "月", "日", "天", "次", "倍", "以上", "以下", "左右",
    };

    /// <summary>One-letter units: after a number they make a measurement (12v, 3.3v, 100w, 5a). Not g, k or d: 5g, 4k and
    /// 3d name technologies.</summary>
    private static readonly HashSet<string> SingleLetterUnits = new(StringComparer.Ordinal) { "m", "v", "w", "a", "s", "h", "l", "t", "j", "n" };

    [GeneratedRegex(@"^[+\-]?(\d+([.,:/]\d+)*)%?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(\d+([.,]\d+)?)(?<unit>[^\d]+)$")]
    private static partial Regex NumberWithUnit();

    private const string ChineseNumerals = "零〇一二三四五六七八九十百千万亿两几";

    /// <summary>Chinese function words (particles, prepositions, conjunctions, pronouns) that jieba emits as one-character
    /// words; a small index cannot tell that they are common, so they are listed (general grammar, not taken from data).</summary>
    private const string ChineseFunctionWords = "的了着过是在和与及或而并且但则即由于从向对把被将为以其该此本各每等之也都又还就所再后前中上下内外性";

    /// <summary>Chinese function words and empty verbs of two or more characters that jieba emits as words (pronouns,
    /// conjunctions, modal verbs, "need/achieve/use"): general grammar, not taken from data.</summary>
    private static readonly HashSet<string> ChineseStopWords = new(StringComparer.Ordinal)
    {
        "我们", "我司", "本公司", "公司", "他们", "你们", "这些", "那些", "这个", "那个", "这种", "其中", "以及", "或者", "并且", "而且",
        "但是", "因此", "所以", "如果", "虽然", "由于", "对于", "关于", "通过", "根据", "按照", "目前", "现在", "已经", "正在", "能够",
        "可以", "需要", "希望", "要求", "寻求", "进行", "实现", "具有", "提供", "采用", "利用", "使用", "达到", "满足", "一种", "一个",
        "相关", "方面", "问题", "主要", "其他", "不能", "没有", "不超过", "不低于", "不高于", "低于", "高于", "小于", "大于",
        "如何", "以便", "从而", "同时", "等等",
    };

    /// <summary>English function words beyond Lucene's short stop list, as the Porter stemmer leaves them (general grammar).</summary>
    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.Ordinal)
    {
        "we", "our", "us", "you", "your", "i", "my", "he", "she", "his", "her", "them", "its", "it'", "can", "could", "would",
        "should", "mai", "might", "must", "shall", "than", "under", "over", "below", "abov", "about", "after", "befor", "within",
        "without", "between", "more", "less", "most", "also", "onli", "veri", "which", "what", "who", "whom", "when", "where",
        "how", "all", "ani", "each", "other", "some", "ha", "have", "had", "do", "doe", "did", "been", "were", "from", "up",
        "down", "out", "so", "too", "here", "need", "want", "look", "keep", "better", "good", "new", "us", "etc", "per", "via",
    };

    /// <summary>True when the term says nothing about the topic and must not become a key term.</summary>
    public static bool IsNoise(string term)
    {
        if (string.IsNullOrWhiteSpace(term)) return true;
        var t = term.Trim();
        if (!t.Any(char.IsLetterOrDigit)) return true;
        if (Units.Contains(t) || ChineseUnits.Contains(t) || EnglishFunctionWords.Contains(t)) return true;
        // one character — a letter, a digit, a Chinese character (锁, 泵 are words, but as shared terms they tell a reader
        // nothing and match far too much): never a key term
        if (t.Length == 1) return true;
        if (ChineseStopWords.Contains(t)) return true;
        if (IsGreek(t)) return true;
        if (Number().IsMatch(t)) return true;
        if (t.All(c => ChineseNumerals.Contains(c) || char.IsDigit(c))) return true;
        var m = NumberWithUnit().Match(t);
        if (m.Success)
        {
            var unit = m.Groups["unit"].Value;
            return Units.Contains(unit) || ChineseUnits.Contains(unit) || SingleLetterUnits.Contains(unit) || unit == "%";
        }
        // a number followed by a Chinese unit or measure word: 55纳米 is one jieba token only rarely, 3个/5年 often
        var digits = 0;
        while (digits < t.Length && (char.IsDigit(t[digits]) || t[digits] == '.')) digits++;
        if (digits > 0 && digits < t.Length && ChineseUnits.Contains(t[digits..])) return true;
        return false;
    }

    private static bool IsGreek(string t) => t.All(c => c is >= '\u0370' and <= '\u03FF' or '\u00B5') && t.Length <= 2;

    /// <summary>
    /// The <paramref name="maxTerms"/> most distinctive terms of <paramref name="text"/> with their weights, highest
    /// first: (1 + ln tf) · BM25 idf, for terms that occur in the index but in at most <see cref="MaxDocumentShare"/> of it.
    /// </summary>
    /// <param name="analyzer">The query word analyzer (the same analysis as the word fields).</param>
    /// <param name="field">The field name given to the analyzer.</param>
    /// <param name="docFreq">How many indexed documents contain the term.</param>
    /// <param name="numDocs">How many documents the index holds.</param>
    public static List<(string Term, double Weight)> Extract(Analyzer analyzer, string field, string text, Func<string, int> docFreq, int numDocs, int maxTerms)
    {
        var n = Math.Max(1, numDocs);
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in analyzer.Terms(field, text))
        {
            if (IsNoise(t)) continue;
            tf[t] = tf.GetValueOrDefault(t) + 1;
        }
        return tf.Select(kv =>
            {
                var df = docFreq(kv.Key);
                if (df == 0 || df > n * MaxDocumentShare) return (kv.Key, 0.0);
                var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                return (kv.Key, (1 + Math.Log(kv.Value)) * idf);
            })
            .Where(x => x.Item2 > 0)
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(maxTerms).ToList();
    }
}
