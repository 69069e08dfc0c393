using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TechTransfer.Search.Analysis;

/// <summary>Lucene tokenizer over jieba.NET word segmentation. In search mode long words also yield their
/// dictionary sub-words (锂电池 → 锂电, 电池, 锂电池), which raises recall for partial terms.</summary>
public sealed class JiebaTokenizer : Tokenizer
{
    private static readonly object LoadLock = new();
    private static volatile bool _loaded;
    // One segmenter per thread: the dictionaries are shared, read-only singletons once loaded, and a segmenter keeps its
    // working arrays per instance, so threads need no lock after the first load.
    private static readonly ThreadLocal<JiebaCore> Cores = new(() =>
    {
        EnsureLoaded();
        return new JiebaCore();
    });
    private static readonly ThreadLocal<JiebaSegmenter> ReferenceSegmenters = new(() =>
    {
        EnsureLoaded();
        return new JiebaSegmenter();
    });
    [ThreadStatic] private static List<JiebaToken>? _scratch;

    private static void EnsureLoaded()
    {
        if (_loaded) return;
        lock (LoadLock)
        {
            if (!_loaded) { new JiebaSegmenter().Cut("预热").ToList(); _loaded = true; }
        }
    }

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly bool _searchMode;
    private readonly List<JiebaToken> _tokens = [];
    private string _text = "";
    private int _index;
    private int _finalOffset;

    public JiebaTokenizer(TextReader input, bool searchMode) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _searchMode = searchMode;
    }

    /// <summary>Forces the dictionary to load (about half a second) so the first query is not slow.</summary>
    public static void Warm() => Segment("预热", false);

    /// <summary>Segments text into (word, start, end) tokens, dropping whitespace and punctuation.</summary>
    public static List<(string Word, int Start, int End)> Segment(string text, bool searchMode)
    {
        var result = new List<(string, int, int)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var normalized = TextNormalizer.Normalize(text);
        var tokens = _scratch ??= [];
        Cores.Value!.Tokenize(normalized, searchMode, tokens);
        foreach (var t in tokens) result.Add((normalized.Substring(t.Start, t.Length), t.Start, t.End));
        return result;
    }

    /// <summary>The same segmentation through jieba.NET's own <c>JiebaSegmenter.Tokenize</c> (the reference that
    /// <see cref="JiebaCore"/> reproduces; several times slower). For equality checks only.</summary>
    internal static List<(string Word, int Start, int End)> SegmentReference(string text, bool searchMode)
    {
        var result = new List<(string, int, int)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var normalized = TextNormalizer.Normalize(text);
        var tokens = ReferenceSegmenters.Value!.Tokenize(normalized, searchMode ? TokenizerMode.Search : TokenizerMode.Default);
        foreach (var t in tokens)
        {
            var w = t.Word;
            if (w.Length == 0) continue;
            var keep = false;
            foreach (var c in w)
                if (char.IsLetterOrDigit(c)) { keep = true; break; }
            if (!keep) continue;
            result.Add((w.Trim(), t.StartIndex, t.EndIndex));
        }
        return result;
    }

    public override bool IncrementToken()
    {
        if (_index >= _tokens.Count) return false;
        ClearAttributes();
        var t = _tokens[_index++];
        // the word is copied from the text into the term buffer: no string per token
        var buffer = _term.ResizeBuffer(t.Length);
        _text.CopyTo(t.Start, buffer, 0, t.Length);
        _term.Length = t.Length;
        _offset.SetOffset(CorrectOffset(t.Start), CorrectOffset(t.End));
        _posInc.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _tokens.Clear();
        _text = string.IsNullOrWhiteSpace(text) ? "" : TextNormalizer.Normalize(text);
        if (_text.Length > 0) Cores.Value!.Tokenize(_text, _searchMode, _tokens);
        _index = 0;
        _finalOffset = CorrectOffset(text.Length);
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }
}
