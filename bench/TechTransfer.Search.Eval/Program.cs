using System.Globalization;
using System.Reflection;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Evaluation;

// Usage: dotnet run -c Release --project bench/TechTransfer.Search.Eval -- [--data DIR] [--sets a,b] [--variants]
//        [--no-baselines] [--only-variants] [--rank Name=Value,...] [--exclude f1,f2]
var argsList = args.ToList();
if (argsList.Contains("--help") || argsList.Contains("-h"))
{
    Console.WriteLine("""
        TechTransfer search evaluation: nDCG@10, MRR@10 and Recall@100 of the shipped engine (and three baselines) on the
        evaluation sets in the format of shared/data/eval.

        Usage: dotnet run -c Release --project bench/TechTransfer.Search.Eval -- [options]

          --data DIR          directory of the sets (default $TECHTRANSFER_SHARED_DATA/eval, ../shared/data/eval, /work/shared/data/eval)
          --sets a,b          set names (default: every set in the directory)
          --exclude f1,f2     corpus fields to leave out of the index (default: each set's own exclusions)
          --no-baselines      the engine only (no SQLite FTS5 trigram, Lucene StandardAnalyzer, Lucene CJK bigram)
          --variants          also SmartCn words, jieba accurate words, words only, bigrams only
          --all-variants      with --variants: also no synonyms, no phrase/exact, + PRF
          --rank "A=1,B=2|…"  engine variants with ranking options set (flags: NoUnigrams, SmartCn, Accurate, QuerySearchMode)
          -h, --help          this text
        """);
    return 0;
}
string? Arg(string name)
{
    var i = argsList.IndexOf(name);
    return i >= 0 && i + 1 < argsList.Count ? argsList[i + 1] : null;
}
var sharedEnv = Environment.GetEnvironmentVariable("TECHTRANSFER_SHARED_DATA");
string? data = sharedEnv is { Length: > 0 } ? Path.Combine(sharedEnv, "eval") : null;
if (data is null || !Directory.Exists(data))
{
    var repo = FindRepoRoot(AppContext.BaseDirectory);
    var candidate = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "eval"));
    data = candidate is not null && Directory.Exists(candidate) ? candidate : "/work/shared/data/eval";
}
if (Arg("--data") is { } explicitData) data = explicitData;
var sets = Arg("--sets")?.Split(',', StringSplitOptions.RemoveEmptyEntries);

var variants = new List<(string, SearchEngineOptions)>();
if (Arg("--rank") is { } rankSpecs)
    foreach (var rank in rankSpecs.Split('|', StringSplitOptions.RemoveEmptyEntries))
        variants.Add(($"[{rank}]", new SearchEngineOptions
        {
            Ranking = Apply(new RankingOptions(), rank),
            IndexUnigrams = !rank.Contains("NoUnigrams"),
            Segmenter = rank.Contains("SmartCn") ? WordSegmenter.SmartCn : rank.Contains("Accurate") ? WordSegmenter.JiebaAccurate : WordSegmenter.Jieba,
            QuerySegmenter = rank.Contains("QuerySearchMode") ? WordSegmenter.Jieba : WordSegmenter.JiebaAccurate,
        }));
if (argsList.Contains("--variants"))
{
    variants.Add(("variant: SmartCn words", new SearchEngineOptions { Segmenter = WordSegmenter.SmartCn }));
    variants.Add(("variant: jieba accurate words", new SearchEngineOptions { Segmenter = WordSegmenter.JiebaAccurate }));
    variants.Add(("variant: words only (jieba)", new SearchEngineOptions { Ranking = new RankingOptions { UseBigramFields = false } }));
    variants.Add(("variant: bigrams only", new SearchEngineOptions { Ranking = new RankingOptions { UseWordFields = false } }));
    if (argsList.Contains("--all-variants"))
    {
        variants.Add(("variant: no synonyms", new SearchEngineOptions { Ranking = new RankingOptions { UseSynonyms = false } }));
        variants.Add(("variant: no phrase/exact", new SearchEngineOptions { Ranking = new RankingOptions { UsePhrases = false, UseExactKeyword = false } }));
        variants.Add(("variant: + PRF", new SearchEngineOptions { Ranking = new RankingOptions { PrfDocs = 5 } }));
    }
}
var options = new EvalRunOptions
{
    Variants = variants,
    Baselines = !argsList.Contains("--no-baselines"),
    Exclude = Arg("--exclude")?.Split(',', StringSplitOptions.RemoveEmptyEntries),
};
Console.WriteLine($"# search evaluation — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, data {data}");
new SearchEvaluation().RunDirectory(data, sets, Console.Out, options);
return 0;

static RankingOptions Apply(RankingOptions r, string spec)
{
    foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries))
    {
        var kv = pair.Split('=');
        if (kv.Length != 2) continue;   // bare flags (NoUnigrams, SmartCn, Accurate, QuerySearchMode) are read above
        var p = typeof(RankingOptions).GetProperty(kv[0], BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"unknown ranking option {kv[0]}");
        object value = p.PropertyType == typeof(bool) ? (object)bool.Parse(kv[1])
            : p.PropertyType == typeof(int) ? (object)int.Parse(kv[1], CultureInfo.InvariantCulture)
            : p.PropertyType == typeof(double) ? (object)double.Parse(kv[1], CultureInfo.InvariantCulture)
            : float.Parse(kv[1], CultureInfo.InvariantCulture);
        r = r with { };
        p.SetValue(r, value);
    }
    return r;
}

static string? FindRepoRoot(string start)
{
    for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "TechTransfer.slnx"))) return d.FullName;
    return null;
}
