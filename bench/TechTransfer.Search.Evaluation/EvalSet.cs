using System.Text.Json;

namespace TechTransfer.Search.Evaluation;

/// <summary>One corpus record of an evaluation set.</summary>
public sealed record EvalDoc(string Id, string Title, string Abstract, IReadOnlyList<string> Keywords, string? Discipline);

/// <summary>
/// An evaluation set in the format of <c>shared/data/eval</c>: <c>&lt;corpus&gt;.corpus.jsonl</c>,
/// <c>&lt;set&gt;.queries.tsv</c> (qid, query), <c>&lt;set&gt;.qrels.tsv</c> (qid, doc_id, rel) and the corpus fields to
/// leave out of the index (from <c>&lt;set&gt;.exclude</c> if present, else the built-in list for the known sets,
/// else none).
/// </summary>
public sealed record EvalSet(
    string Name,
    IReadOnlyList<EvalDoc> Corpus,
    IReadOnlyList<(string Qid, string Query)> Queries,
    IReadOnlyDictionary<string, HashSet<string>> Relevant,
    IReadOnlyCollection<string> ExcludedFields)
{
    /// <summary>Fields the set's README says to leave out (title and keywords are in the queries).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KnownExclusions = new Dictionary<string, string[]>
    {
        ["csl-title"] = ["title", "keywords"],
        ["kpp-long"] = ["keyphrases", "keywords"],
        ["us-title"] = ["title"],
    };

    /// <summary>Finds the sets in a directory (every <c>*.queries.tsv</c> with a matching qrels file).</summary>
    public static IReadOnlyList<string> Discover(string directory) =>
        System.IO.Directory.GetFiles(directory, "*.queries.tsv")
            .Select(f => Path.GetFileName(f)[..^".queries.tsv".Length])
            .Where(n => File.Exists(Path.Combine(directory, n + ".qrels.tsv")))
            .OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Loads set <paramref name="name"/> from <paramref name="directory"/>. The corpus is
    /// <c>&lt;prefix&gt;.corpus.jsonl</c>, prefix being the set name up to its first '-' (csl-kw → csl).</summary>
    public static EvalSet Load(string directory, string name, IReadOnlyCollection<string>? exclude = null)
    {
        var prefix = name.Contains('-') ? name[..name.IndexOf('-')] : name;
        var corpusPath = Path.Combine(directory, prefix + ".corpus.jsonl");
        if (!File.Exists(corpusPath))
            corpusPath = System.IO.Directory.GetFiles(directory, "*.corpus.jsonl").FirstOrDefault(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
                         ?? throw new FileNotFoundException($"No corpus for set {name} in {directory}");
        var excludeFile = Path.Combine(directory, name + ".exclude");
        var excluded = exclude
                       ?? (File.Exists(excludeFile)
                           ? File.ReadAllLines(excludeFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()
                           : KnownExclusions.GetValueOrDefault(name, []));
        var ex = new HashSet<string>(excluded, StringComparer.OrdinalIgnoreCase);

        var corpus = new List<EvalDoc>();
        foreach (var line in File.ReadLines(corpusPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string Str(string field) => !ex.Contains(field) && root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
            List<string> Arr(string field) => !ex.Contains(field) && root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            var keywords = Arr("keywords");
            keywords.AddRange(Arr("keyphrases"));
            var disc = Str("discipline");
            corpus.Add(new EvalDoc(root.GetProperty("id").GetString()!, Str("title"), Str("abstract").Replace("\\n", "\n"),
                keywords, disc.Length == 0 ? null : disc));
        }

        var queries = ReadTsv(Path.Combine(directory, name + ".queries.tsv"))
            .Select(r => (r[0], r.Length > 1 ? r[1] : "")).ToList();
        var relevant = new Dictionary<string, HashSet<string>>();
        foreach (var r in ReadTsv(Path.Combine(directory, name + ".qrels.tsv")))
        {
            if (r.Length < 3 || !int.TryParse(r[2], out var rel) || rel <= 0) continue;
            if (!relevant.TryGetValue(r[0], out var set)) relevant[r[0]] = set = [];
            set.Add(r[1]);
        }
        return new EvalSet(name, corpus, queries, relevant, ex);
    }

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
