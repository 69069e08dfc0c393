using Lucene.Net.Index;
using Lucene.Net.Search;
using TechTransfer.Search.Analysis;

namespace TechTransfer.Search.Engine;

/// <summary>RM3-style pseudo-relevance feedback (off unless <see cref="RankingOptions.PrfDocs"/> &gt; 0): the most
/// distinctive word terms of the top documents of the original query are added as optional, down-weighted terms.</summary>
internal static class PseudoRelevanceFeedback
{
    public static Query Expand(IndexSearcher searcher, Query original, string text, SearchEngineOptions options)
    {
        var r = options.Ranking;
        var top = searcher.Search(original, r.PrfDocs);
        if (top.ScoreDocs.Length == 0) return original;
        var n = searcher.IndexReader.NumDocs;
        var weights = new Dictionary<string, double>();
        var queryTerms = new HashSet<string>(new WordAnalyzer(options.Segmenter).Terms(IndexSchema.BodyWord, text));
        var maxScore = top.ScoreDocs[0].Score;
        foreach (var sd in top.ScoreDocs)
        {
            var stored = searcher.Doc(sd.Doc);
            var docText = stored.Get(IndexSchema.StoredTitle) + "\n" + stored.Get(IndexSchema.StoredTitleEn) + "\n" + stored.Get(IndexSchema.StoredBody);
            var tf = new Dictionary<string, int>();
            var len = 0;
            foreach (var t in new WordAnalyzer(options.Segmenter).Terms(IndexSchema.BodyWord, docText))
            {
                if (t.Length < 2 || queryTerms.Contains(t)) continue;
                tf[t] = tf.GetValueOrDefault(t) + 1;
                len++;
            }
            if (len == 0) continue;
            var docWeight = sd.Score / maxScore;
            foreach (var (t, c) in tf)
                weights[t] = weights.GetValueOrDefault(t) + docWeight * c / len;
        }
        var scored = weights
            .Select(kv =>
            {
                var df = searcher.IndexReader.DocFreq(new Term(IndexSchema.BodyWord, kv.Key));
                var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                return (Term: kv.Key, W: kv.Value * idf, Df: df);
            })
            .Where(x => x.Df >= 2)
            .OrderByDescending(x => x.W).Take(r.PrfTerms).ToList();
        if (scored.Count == 0) return original;
        var max = scored[0].W;
        var expansion = new BooleanQuery(disableCoord: true) { Boost = r.PrfWeight };
        foreach (var (t, w, _) in scored)
            expansion.Add(new TermQuery(new Term(IndexSchema.BodyWord, t)) { Boost = (float)(w / max) }, Occur.SHOULD);
        return new BooleanQuery(disableCoord: true) { { original, Occur.MUST }, { expansion, Occur.SHOULD } };
    }
}
