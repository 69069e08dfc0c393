using Lucene.Net.Search.Similarities;

namespace TechTransfer.Search.Engine;

/// <summary>
/// BM25 with a coordination factor: a Boolean query built with coordination enabled multiplies its score by
/// (matched clauses / clauses)^<see cref="Exponent"/>, the classic coord of the vector-space model (Lucene's
/// DefaultSimilarity uses exponent 1; plain BM25 none). It rewards a record that contains more of a long query's distinct
/// words over one that repeats a few of them, which BM25's saturating term frequency alone does not. Only the query
/// builder's term groups enable it (<see cref="RankingOptions.CoordinationExponent"/>); norms and term weights are BM25's,
/// so the index is the same.
/// </summary>
public sealed class CoordinatedBm25Similarity(float k1, float b, float exponent) : BM25Similarity(k1, b)
{
    public float Exponent { get; } = exponent;

    public override float Coord(int overlap, int maxOverlap) =>
        Exponent <= 0 || maxOverlap <= 0 ? 1f : (float)Math.Pow((double)overlap / maxOverlap, Exponent);
}
