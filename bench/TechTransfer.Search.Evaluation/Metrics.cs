namespace TechTransfer.Search.Evaluation;

/// <summary>Mean nDCG@10, MRR@10 and Recall@100 with binary relevance.</summary>
public sealed record EvalMetrics(double Ndcg10, double Mrr10, double Recall100, int Queries)
{
    public static EvalMetrics Compute(EvalSet set, IReadOnlyDictionary<string, IReadOnlyList<string>> runs)
    {
        double ndcg = 0, mrr = 0, recall = 0;
        var n = 0;
        foreach (var (qid, _) in set.Queries)
        {
            if (!set.Relevant.TryGetValue(qid, out var rel) || rel.Count == 0) continue;
            n++;
            var ranked = runs.GetValueOrDefault(qid) ?? [];
            ndcg += Ndcg(ranked, rel, 10);
            for (var i = 0; i < Math.Min(10, ranked.Count); i++)
                if (rel.Contains(ranked[i])) { mrr += 1.0 / (i + 1); break; }
            recall += (double)ranked.Take(100).Count(rel.Contains) / rel.Count;
        }
        return n == 0 ? new EvalMetrics(0, 0, 0, 0) : new EvalMetrics(ndcg / n, mrr / n, recall / n, n);
    }

    public static double Ndcg(IReadOnlyList<string> ranked, HashSet<string> relevant, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (relevant.Contains(ranked[i])) dcg += 1.0 / Math.Log2(i + 2);
        double idcg = 0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++) idcg += 1.0 / Math.Log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }
}
