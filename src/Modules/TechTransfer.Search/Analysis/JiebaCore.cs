using System.Reflection;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.FinalSeg;

namespace TechTransfer.Search.Analysis;

/// <summary>A token of <see cref="JiebaCore"/>: the word <c>text[Start .. End]</c> (jieba.NET reports the same offsets).</summary>
internal readonly record struct JiebaToken(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The jieba segmentation algorithm of jieba.NET 0.42.2 (<c>JiebaSegmenter.Tokenize</c> with HMM, accurate and search
/// mode) over the same dictionary and the same HMM, producing the same tokens with the same offsets, but without its
/// per-character substrings, dictionaries of lists, regular expressions and LINQ: the prefix dictionary is probed with
/// spans (<see cref="Dictionary{TKey,TValue}.GetAlternateLookup{TAlternateKey}"/>), the DAG and the route live in
/// reused arrays, and tokens are positions in the text. Only runs of unknown characters (rare) still go through
/// jieba.NET's own HMM (<see cref="Viterbi"/>). Equality with jieba.NET is checked by unit tests and, over a whole
/// generated corpus, by <c>TechTransfer.Search.Bench --verify-segmenter</c>.
/// </summary>
internal sealed class JiebaCore
{
    private readonly struct Entry(int freq)
    {
        public readonly int Freq = freq;
        /// <summary>log of jieba's GetFreqOrDefault: log(freq) for a word, log(1) = 0 for a prefix that is no word.</summary>
        public readonly double LogFreq = Math.Log(freq > 0 ? freq : 1);
    }

    private static readonly Lazy<(Dictionary<string, Entry> Words, double LogTotal)> Dict = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly double _logTotal;
    private int[] _dagStart = new int[256];
    private int[] _dagCount = new int[256];
    private int[] _dagEnd = new int[1024];
    private double[] _dagLog = new double[1024];
    private int[] _routeKey = new int[257];
    private double[] _routeFreq = new double[257];
    private readonly List<JiebaToken> _words = [];
    private static readonly Lazy<JiebaHmm?> Hmm = new(JiebaHmm.TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);
    private byte[] _hmmPath = new byte[256 * 4];

    /// <summary>True when unknown runs are cut by <see cref="JiebaHmm"/> (false: jieba.NET's model layout was not
    /// recognised and its own HMM is used).</summary>
    internal static bool UsesOwnHmm => Hmm.Value is not null;
    private double[] _hmmScore = new double[8];

    public JiebaCore()
    {
        var (words, logTotal) = Dict.Value;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _logTotal = logTotal;
    }

    /// <summary>Copies jieba.NET's prefix dictionary (word → frequency, prefixes → 0) once per process, so both see the
    /// same words and the same total.</summary>
    private static (Dictionary<string, Entry>, double) Load()
    {
        var wd = WordDictionary.Instance;
        var field = typeof(WordDictionary).GetField("Trie", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("jieba.NET's WordDictionary.Trie was not found (package version changed?).");
        var trie = (IDictionary<string, int>)field.GetValue(wd)!;
        var words = new Dictionary<string, Entry>(trie.Count, StringComparer.Ordinal);
        foreach (var (k, v) in trie) words[k] = new Entry(v);
        return (words, Math.Log(wd.Total));
    }

    /// <summary>jieba.NET's han-block character class: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>.</summary>
    internal static bool IsBlockChar(char c) =>
        c is >= '\u4E00' and <= '\u9FD5' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '+' or '#' or '&' or '.' or '_' or '%' or '-';

    private bool IsWord(ReadOnlySpan<char> s) => _lookup.TryGetValue(s, out var e) && e.Freq > 0;

    /// <summary>Tokens of <paramref name="text"/> (already normalised) as jieba.NET's <c>Tokenize(text, mode)</c> returns
    /// them, minus tokens without any letter or digit (whitespace, punctuation).</summary>
    public void Tokenize(string text, bool searchMode, List<JiebaToken> result)
    {
        result.Clear();
        _words.Clear();
        Cut(text, _words);
        foreach (var w in _words)
        {
            var word = text.AsSpan(w.Start, w.Length);
            if (!HasLetterOrDigit(word)) continue;
            var width = w.Length;
            if (searchMode)
            {
                if (width > 2)
                    for (var i = 0; i < width - 1; i++)
                        if (IsWord(word.Slice(i, 2))) result.Add(new JiebaToken(w.Start + i, 2));
                if (width > 3)
                    for (var i = 0; i < width - 2; i++)
                        if (IsWord(word.Slice(i, 3))) result.Add(new JiebaToken(w.Start + i, 3));
            }
            result.Add(w);
        }
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>jieba.NET's <c>Cut(text, cutAll: false, hmm: true)</c>; its words cover the text without gaps, so
    /// <c>Tokenize</c>'s offsets are the words' positions.</summary>
    private void Cut(string text, List<JiebaToken> words)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var han = IsBlockChar(text[i]);
            while (i < text.Length && IsBlockChar(text[i]) == han) i++;
            var block = text.AsSpan(start, i - start);
            if (han)
            {
                CutBlock(text, start, i - start, words);
                continue;
            }
            // a block of other characters: each whitespace ("\r\n" counts as one) and each other character is a word
            for (var j = 0; j < block.Length; j++)
            {
                var len = block[j] == '\r' && j + 1 < block.Length && block[j + 1] == '\n' ? 2 : 1;
                words.Add(new JiebaToken(start + j, len));
                j += len - 1;
            }
        }
    }

    /// <summary>jieba.NET's <c>CutDag</c> (DAG of dictionary words, best route by log frequency, runs of single characters
    /// that form no dictionary word cut by the HMM) on <c>text[offset .. offset + n]</c>.</summary>
    private void CutBlock(string text, int offset, int n, List<JiebaToken> words)
    {
        var s = text.AsSpan(offset, n);
        EnsureCapacity(n);
        // DAG: for each k, the ends i of dictionary words s[k..i]
        var used = 0;
        for (var k = 0; k < n; k++)
        {
            _dagStart[k] = used;
            var count = 0;
            for (var i = k; i < n; i++)
            {
                if (!_lookup.TryGetValue(s[k..(i + 1)], out var e)) break;
                if (e.Freq > 0)
                {
                    if (used == _dagEnd.Length) GrowDag();
                    _dagEnd[used] = i;
                    _dagLog[used] = e.LogFreq;
                    used++;
                    count++;
                }
            }
            if (count == 0)
            {
                if (used == _dagEnd.Length) GrowDag();
                _dagEnd[used] = k;
                _dagLog[used] = _lookup.TryGetValue(s.Slice(k, 1), out var e1) ? e1.LogFreq : 0d;
                used++;
                count = 1;
            }
            _dagCount[k] = count;
        }
        // route: best log probability from each position to the end (same expression order as jieba.NET)
        _routeKey[n] = 0;
        _routeFreq[n] = 0.0;
        for (var i = n - 1; i > -1; i--)
        {
            var key = -1;
            var best = double.MinValue;
            for (var d = _dagStart[i]; d < _dagStart[i] + _dagCount[i]; d++)
            {
                var x = _dagEnd[d];
                var freq = _dagLog[d] - _logTotal + _routeFreq[x + 1];
                if (best < freq)
                {
                    best = freq;
                    key = x;
                }
            }
            _routeKey[i] = key;
            _routeFreq[i] = best;
        }
        // words, buffering runs of single characters
        var bufStart = -1;
        var bufLen = 0;
        var pos = 0;
        while (pos < n)
        {
            var y = _routeKey[pos] + 1;
            if (y - pos == 1)
            {
                if (bufLen == 0) bufStart = pos;
                bufLen++;
            }
            else
            {
                if (bufLen > 0)
                {
                    FlushBuffer(text, offset + bufStart, bufLen, words);
                    bufLen = 0;
                }
                words.Add(new JiebaToken(offset + pos, y - pos));
            }
            pos = y;
        }
        if (bufLen > 0) FlushBuffer(text, offset + bufStart, bufLen, words);
    }

    private void FlushBuffer(string text, int start, int len, List<JiebaToken> words)
    {
        var buf = text.AsSpan(start, len);
        if (len == 1 || IsWord(buf))
        {
            for (var j = 0; j < len; j++) words.Add(new JiebaToken(start + j, 1));
            return;
        }
        // unknown run of characters: jieba.NET's HMM; its words are consecutive pieces of the run
        if (Hmm.Value is { } hmm && hmm.Covers(buf))
        {
            hmm.Cut(buf, start, words, ref _hmmPath, ref _hmmScore);
            return;
        }
        var at = start;
        foreach (var w in Viterbi.Instance.Cut(buf.ToString()))
        {
            if (w.Length == 0) continue;
            if (at + w.Length > start + len || !text.AsSpan(at, w.Length).SequenceEqual(w))
                throw new InvalidOperationException($"jieba HMM returned '{w}', which is not the next piece of '{buf}'.");
            words.Add(new JiebaToken(at, w.Length));
            at += w.Length;
        }
    }

    private void EnsureCapacity(int n)
    {
        if (_dagStart.Length >= n) return;
        var size = Math.Max(n, _dagStart.Length * 2);
        _dagStart = new int[size];
        _dagCount = new int[size];
        _routeKey = new int[size + 1];
        _routeFreq = new double[size + 1];
    }

    private void GrowDag()
    {
        Array.Resize(ref _dagEnd, _dagEnd.Length * 2);
        Array.Resize(ref _dagLog, _dagLog.Length * 2);
    }
}

/// <summary>
/// jieba.NET's HMM for runs of unknown Chinese characters (<c>FinalSeg.Viterbi.ViterbiCut</c>: states B, M, E, S, the same
/// start, transition and emission log probabilities, read from jieba.NET's loaded model, the same tie-breaking), over
/// arrays instead of a dictionary and a node per character and state. Runs with other characters go to jieba.NET itself.
/// </summary>
internal sealed class JiebaHmm
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private static readonly char[] States = ['B', 'M', 'E', 'S'];
    // previous states allowed before each state, in jieba.NET's order
    private static readonly int[][] Prev = [[E, S], [M, B], [B, M], [S, E]];
    private readonly double[] _start = new double[4];
    private readonly double[,] _trans = new double[4, 4];
    private readonly double[][] _emit = new double[4][];
    private readonly char _first, _last;

    private JiebaHmm(char first, char last)
    {
        _first = first;
        _last = last;
    }

    /// <summary>The model of jieba.NET's loaded <see cref="Viterbi"/>; null (so jieba.NET is used) if its layout is not
    /// the expected one.</summary>
    public static JiebaHmm? TryLoad()
    {
        var t = typeof(Viterbi);
        const BindingFlags any = BindingFlags.Static | BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var viterbi = Viterbi.Instance;
        object? Get(string name) => t.GetField(name, any)?.GetValue(viterbi);
        if (Get("RegexChinese") is not System.Text.RegularExpressions.Regex chinese
            || Get("_startProbs") is not IDictionary<char, double> start
            || Get("_transProbs") is not IDictionary<char, IDictionary<char, double>> trans
            || Get("_emitProbs") is not IDictionary<char, IDictionary<char, double>> emit
            || Get("_prevStatus") is not IDictionary<char, char[]> prev
            || typeof(Constants).GetField("MinProb", any)?.GetValue(null) is not double minProb)
            return null;
        var m = System.Text.RegularExpressions.Regex.Match(chinese.ToString(), @"^\(\[\\u([0-9A-Fa-f]{4})-\\u([0-9A-Fa-f]{4})\]\+\)$");
        if (!m.Success) return null;
        var hmm = new JiebaHmm((char)Convert.ToInt32(m.Groups[1].Value, 16), (char)Convert.ToInt32(m.Groups[2].Value, 16));
        for (var y = 0; y < 4; y++)
        {
            if (!prev.TryGetValue(States[y], out var p) || p.Length != 2 || p[0] != States[Prev[y][0]] || p[1] != States[Prev[y][1]])
                return null;
            hmm._start[y] = start[States[y]];
            for (var x = 0; x < 4; x++)
                hmm._trans[x, y] = trans.TryGetValue(States[x], out var tx) && tx.TryGetValue(States[y], out var v) ? v : minProb;
            var e = hmm._emit[y] = new double[65536];
            Array.Fill(e, minProb);
            if (emit.TryGetValue(States[y], out var ey))
                foreach (var (c, v) in ey) e[c] = v;
        }
        return hmm;
    }

    /// <summary>True when every character of the run is in jieba.NET's HMM block class (the run is one block).</summary>
    public bool Covers(ReadOnlySpan<char> run)
    {
        foreach (var c in run)
            if (c < _first || c > _last) return false;
        return true;
    }

    public void Cut(ReadOnlySpan<char> run, int start, List<JiebaToken> words, ref byte[] path, ref double[] score)
    {
        var n = run.Length;
        if (path.Length < n * 4) path = new byte[Math.Max(n * 4, path.Length * 2)];
        // score: [0..4) the previous column, [4..8) the current one
        for (var y = 0; y < 4; y++) score[y] = _start[y] + _emit[y][run[0]];
        for (var i = 1; i < n; i++)
        {
            var c = run[i];
            for (var y = 0; y < 4; y++)
            {
                var emp = _emit[y][c];
                var bestState = 0;
                var best = double.MinValue;
                foreach (var y0 in Prev[y])
                {
                    var p = score[y0] + _trans[y0, y] + emp;
                    if (best <= p)
                    {
                        best = p;
                        bestState = y0;
                    }
                }
                score[4 + y] = best;
                path[i * 4 + y] = (byte)bestState;
            }
            for (var y = 0; y < 4; y++) score[y] = score[4 + y];
        }
        // back-track from E or S (S when it is strictly more likely), then cut: B..E is a word, S is a word
        var state = score[E] < score[S] ? S : E;
        Span<byte> states = n <= 512 ? stackalloc byte[n] : new byte[n];
        for (var i = n - 1; i >= 0; i--)
        {
            states[i] = (byte)state;
            if (i > 0) state = path[i * 4 + state];
        }
        int begin = 0, next = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case B: begin = i; break;
                case E: words.Add(new JiebaToken(start + begin, i + 1 - begin)); next = i + 1; break;
                case S: words.Add(new JiebaToken(start + i, 1)); next = i + 1; break;
            }
        }
        if (next < n) words.Add(new JiebaToken(start + next, n - next));
    }
}
