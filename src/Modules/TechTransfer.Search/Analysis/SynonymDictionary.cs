using System.Reflection;

namespace TechTransfer.Search.Analysis;

/// <summary>
/// 同义词/异形词词典: groups of interchangeable terms (丝杆/丝杠, 锂电池/锂离子电池, LiDAR/激光雷达).
/// Loaded from the resource file shipped with the module; applied at query time, so editing the dictionary
/// needs no reindex.
/// </summary>
public sealed class SynonymDictionary
{
    private readonly Dictionary<string, string[]> _groupsByTerm = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _termsLongestFirst;

    public SynonymDictionary(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var members = group.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (members.Length < 2) continue;
            foreach (var m in members)
                _groupsByTerm[m] = _groupsByTerm.TryGetValue(m, out var existing)
                    ? existing.Union(members, StringComparer.OrdinalIgnoreCase).ToArray()
                    : members;
        }
        _termsLongestFirst = _groupsByTerm.Keys.OrderByDescending(k => k.Length).ToList();
    }

    public static SynonymDictionary Empty { get; } = new([]);

    public int GroupCount => _groupsByTerm.Values.Distinct().Count();

    /// <summary>The dictionary shipped as an embedded resource of this module.</summary>
    public static SynonymDictionary LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TechTransfer.Search.synonyms.txt")
                           ?? throw new InvalidOperationException("The synonym resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static SynonymDictionary Parse(string text)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            groups.Add(line.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return new SynonymDictionary(groups);
    }

    /// <summary>The other members of the term's group (empty when the term is not in the dictionary).</summary>
    public IReadOnlyList<string> VariantsOf(string term) =>
        _groupsByTerm.TryGetValue(term.Trim(), out var g)
            ? g.Where(m => !m.Equals(term.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray()
            : [];

    /// <summary>
    /// The dictionary terms found in <paramref name="query"/> with their variants. Terms are matched longest first
    /// and never inside a longer matched term; Latin terms only on word boundaries.
    /// </summary>
    public IReadOnlyList<(string Term, IReadOnlyList<string> Variants)> Matches(string query)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        if (string.IsNullOrWhiteSpace(query) || _termsLongestFirst.Count == 0) return result;
        var covered = new bool[query.Length];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in _termsLongestFirst)
        {
            var start = 0;
            while (start < query.Length)
            {
                var i = query.IndexOf(term, start, StringComparison.OrdinalIgnoreCase);
                if (i < 0) break;
                start = i + 1;
                if (covered.AsSpan(i, term.Length).Contains(true)) continue;
                if (!OnWordBoundary(query, i, term.Length)) continue;
                covered.AsSpan(i, term.Length).Fill(true);
                if (seen.Add(term)) result.Add((term, VariantsOf(term)));
            }
        }
        return result;
    }

    /// <summary>Rewrites of <paramref name="query"/> in which one matched dictionary term is replaced by a variant.</summary>
    public IReadOnlyList<string> Expand(string query, int maxVariants = 8)
    {
        var result = new List<string>();
        foreach (var (term, variants) in Matches(query))
        {
            var i = query.IndexOf(term, StringComparison.OrdinalIgnoreCase);
            foreach (var v in variants)
            {
                if (result.Count >= maxVariants) return result;
                result.Add(string.Concat(query.AsSpan(0, i), v, query.AsSpan(i + term.Length)));
            }
        }
        return result;
    }

    private static bool OnWordBoundary(string s, int start, int length)
    {
        static bool IsLatin(char c) => c < 128 && char.IsLetterOrDigit(c);
        if (start > 0 && IsLatin(s[start]) && IsLatin(s[start - 1])) return false;
        var end = start + length;
        if (end < s.Length && IsLatin(s[end - 1]) && IsLatin(s[end])) return false;
        return true;
    }
}
