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
    // One segmenter per thread: the dictionaries are shared, read-only singletons once loaded, and Tokenize keeps
    // its working state in locals, so threads need no lock after the first load.
    private static readonly ThreadLocal<JiebaSegmenter> Segmenters = new(() =>
    {
        if (!_loaded)
            lock (LoadLock)
            {
                if (!_loaded) { new JiebaSegmenter().Cut("预热").ToList(); _loaded = true; }
            }
        return new JiebaSegmenter();
    });

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly TokenizerMode _mode;
    private readonly List<(string Word, int Start, int End)> _tokens = [];
    private int _index;
    private int _finalOffset;

    public JiebaTokenizer(TextReader input, bool searchMode) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _mode = searchMode ? TokenizerMode.Search : TokenizerMode.Default;
    }

    /// <summary>Forces the dictionary to load (about half a second) so the first query is not slow.</summary>
    public static void Warm() => Segment("预热", false);

    /// <summary>Segments text into (word, start, end) tokens, dropping whitespace and punctuation.</summary>
    public static List<(string Word, int Start, int End)> Segment(string text, bool searchMode)
    {
        var result = new List<(string, int, int)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var normalized = TextNormalizer.Normalize(text);
        var tokens = Segmenters.Value!.Tokenize(normalized, searchMode ? TokenizerMode.Search : TokenizerMode.Default);
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
        var (word, start, end) = _tokens[_index++];
        _term.SetEmpty().Append(word);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _posInc.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _tokens.Clear();
        _tokens.AddRange(Segment(text, _mode == TokenizerMode.Search));
        _index = 0;
        _finalOffset = CorrectOffset(text.Length);
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }
}
