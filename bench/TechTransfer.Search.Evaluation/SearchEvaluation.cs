using System.Diagnostics;
using System.Globalization;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;

namespace TechTransfer.Search.Evaluation;

public sealed record EvalRow(string Set, string Engine, EvalMetrics Metrics, bool IsBaseline, double IndexSeconds, double QueryMsAvg);

public sealed record EvalRunOptions
{
    /// <summary>Extra engine variants to evaluate next to the shipped engine (e.g. SmartCn vs jieba).</summary>
    public IReadOnlyList<(string Name, SearchEngineOptions Options)> Variants { get; init; } = [];
    public bool Baselines { get; init; } = true;
    /// <summary>Fields to leave out of the index; null = the set's own exclusions.</summary>
    public IReadOnlyCollection<string>? Exclude { get; init; }
}

/// <summary>
/// 检索评测: runs an evaluation set against the shipped engine and the three baselines (SQLite FTS5 trigram,
/// Lucene StandardAnalyzer BM25, Lucene CJK bigram BM25) and prints nDCG@10, MRR@10 and Recall@100.
/// Called by bench/TechTransfer.Search.Eval.
/// </summary>
public sealed class SearchEvaluation
{
    public const string ShippedName = "TechTransfer engine";

    /// <summary>Runs every set in <paramref name="directory"/>, or those in <paramref name="sets"/>.</summary>
    public IReadOnlyList<EvalRow> RunDirectory(string directory, IReadOnlyList<string>? sets, TextWriter output, EvalRunOptions? options = null)
    {
        var rows = new List<EvalRow>();
        foreach (var name in sets is { Count: > 0 } ? sets : EvalSet.Discover(directory))
            rows.AddRange(RunSet(EvalSet.Load(directory, name, options?.Exclude), output, options));
        WriteSummary(rows, output);
        return rows;
    }

    /// <summary>Runs one set given as a path prefix, e.g. <c>/data/eval/csl-kw</c>.</summary>
    public IReadOnlyList<EvalRow> Run(string setPath, TextWriter output, EvalRunOptions? options = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(setPath))!;
        var name = Path.GetFileName(setPath);
        var rows = RunSet(EvalSet.Load(dir, name, options?.Exclude), output, options);
        WriteSummary(rows, output);
        return rows;
    }

    public IReadOnlyList<EvalRow> RunSet(EvalSet set, TextWriter output, EvalRunOptions? options = null)
    {
        options ??= new EvalRunOptions();
        output.WriteLine($"== {set.Name}: {set.Corpus.Count} docs, {set.Queries.Count} queries, excluded fields: " +
                         (set.ExcludedFields.Count == 0 ? "none" : string.Join(", ", set.ExcludedFields)));
        var systems = new List<(IRetriever R, bool Baseline)>
        {
            (new ShippedEngineRetriever(ShippedName, new SearchEngineOptions()), false),
        };
        systems.AddRange(options.Variants.Select(v => ((IRetriever)new ShippedEngineRetriever(v.Name, v.Options), false)));
        if (options.Baselines)
        {
            systems.Add((new Fts5TrigramRetriever(), true));
            systems.Add((LuceneBaselineRetriever.Standard(), true));
            systems.Add((LuceneBaselineRetriever.CjkBigram(), true));
        }
        var rows = new List<EvalRow>();
        foreach (var (r, baseline) in systems)
        {
            using (r)
            {
                var sw = Stopwatch.StartNew();
                r.Index(set.Corpus);
                var indexSeconds = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var runs = new Dictionary<string, IReadOnlyList<string>>();
                foreach (var (qid, query) in set.Queries)
                    runs[qid] = r.Search(query, 100);
                var queryMs = set.Queries.Count == 0 ? 0 : sw.Elapsed.TotalMilliseconds / set.Queries.Count;
                var m = EvalMetrics.Compute(set, runs);
                rows.Add(new EvalRow(set.Name, r.Name, m, baseline, indexSeconds, queryMs));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {r.Name,-32} nDCG@10 {m.Ndcg10:F4}  MRR@10 {m.Mrr10:F4}  R@100 {m.Recall100:F4}  (index {indexSeconds:F1}s, {queryMs:F1} ms/query)"));
                output.Flush();
            }
        }
        return rows;
    }

    public static void WriteSummary(IReadOnlyList<EvalRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| set | engine | nDCG@10 | MRR@10 | Recall@100 | error reduction vs best baseline |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var set in rows.GroupBy(r => r.Set))
        {
            var best = set.Where(r => r.IsBaseline).OrderByDescending(r => r.Metrics.Ndcg10).FirstOrDefault();
            foreach (var r in set)
            {
                var red = best is null || r.IsBaseline ? "" :
                    string.Create(CultureInfo.InvariantCulture, $"{ErrorReduction(r.Metrics.Ndcg10, best.Metrics.Ndcg10) * 100:F1} % (vs {best.Engine})");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Set} | {r.Engine} | {r.Metrics.Ndcg10:F4} | {r.Metrics.Mrr10:F4} | {r.Metrics.Recall100:F4} | {red} |"));
            }
        }
        output.Flush();
    }

    /// <summary>Relative reduction of the error 1 − nDCG@10.</summary>
    public static double ErrorReduction(double engine, double baseline) =>
        baseline >= 1 ? 0 : 1 - (1 - engine) / (1 - baseline);
}
