using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TechTransfer.Search.Engine;

/// <summary>
/// The common-terms rule (高频词规则, after Lucene's <c>CommonTermsQuery</c>): when a query has both rare and very common
/// terms, a record that matches only the very common ones (方法, 研究, "的" inside a bigram such as 法的) is not a hit.
/// The common terms still score every record that matches a rarer part of the query, so the ranking of the hits is
/// exactly the full query's; what goes is the long tail of records that share nothing distinctive with the query.
/// <para>Why: at a million records a keyword such as 方式方法 expands to bigrams (方式, 方法) that occur in half of all
/// records, and a plain disjunction scores every one of them (Lucene.Net 4.8 has no block-max WAND to skip them). With
/// the rule the rare parts (式方, the word 方式方法, the phrase) drive the search and the common terms are only looked up
/// for those records.</para>
/// A term is common when it occurs in more than <see cref="RankingOptions.CommonTermFraction"/> of the records; the rule
/// applies only to indexes of at least <see cref="RankingOptions.CommonTermMinDocs"/> records. A query made only of
/// common terms is left as it is. Plain Lucene queries, no framework: tested directly.
/// </summary>
internal static class CommonTermRestriction
{
    /// <summary>The query with its free-text disjunctions restricted by the common-terms rule; the same query when the rule
    /// is off, the index is small, or nothing in it is both rare and common.</summary>
    public static Query Apply(Query query, IndexReader reader, double commonFraction, int minDocs)
    {
        if (commonFraction <= 0 || commonFraction >= 1 || reader.NumDocs < minDocs) return query;
        var maxDf = (long)Math.Floor(commonFraction * reader.NumDocs);
        return Restrict(query, t => reader.DocFreq(t) switch { 0 => TermRarity.Absent, var df when df > maxDf => TermRarity.Common, _ => TermRarity.Rare });
    }

    /// <summary>Rewrites the clauses that decide which records match: a required clause of a boolean query is restricted in
    /// turn; a pure disjunction is split into its rare part (required) and its common part (optional).</summary>
    internal static Query Restrict(Query query, Func<Term, TermRarity> rarity)
    {
        if (query is not BooleanQuery b) return query;
        if (b.Clauses.Any(c => c.Occur == Occur.MUST))
        {
            var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
            foreach (var c in b.Clauses)
                copy.Add(c.Occur == Occur.MUST ? Restrict(c.Query, rarity) : c.Query, c.Occur);
            return copy;
        }
        if (!IsPureDisjunction(b)) return query;
        var (rare, common) = Split(b, rarity);
        if (rare is null || common is null) return query;
        // boost 1 on both parts: each keeps the boosts of its clauses, so every record's score is the full query's
        var restricted = new BooleanQuery(disableCoord: true) { Boost = b.Boost };
        restricted.Add(rare, Occur.MUST);
        restricted.Add(common, Occur.SHOULD);
        return restricted;
    }

    /// <summary>A disjunction whose score is the sum of its clauses' (no coordination factor, no minimum to match), so it
    /// can be cut into two disjunctions whose scores add up to the same.</summary>
    private static bool IsPureDisjunction(BooleanQuery b) =>
        b.CoordDisabled && b.MinimumNumberShouldMatch == 0 && b.Clauses.Count > 0 && b.Clauses.All(c => c.Occur == Occur.SHOULD);

    /// <summary>The rare and the common part of a query, either possibly null; clauses that cannot match (a term in no
    /// record) are in neither. A term is as common as its document frequency; a phrase is as rare as its rarest term (the
    /// phrase cannot match more records); a dis-max query is common when any of its alternatives is (matching it costs as
    /// much as matching that alternative).</summary>
    private static (Query? Rare, Query? Common) Split(Query q, Func<Term, TermRarity> rarity)
    {
        switch (q)
        {
            case TermQuery t:
                return rarity(t.Term) switch { TermRarity.Absent => (null, null), TermRarity.Common => (null, q), _ => (q, null) };
            case PhraseQuery p:
                var terms = p.GetTerms().Select(rarity).ToList();
                if (terms.Count == 0 || terms.Contains(TermRarity.Absent)) return (null, null);
                return terms.All(r => r == TermRarity.Common) ? (null, q) : (q, null);
            case DisjunctionMaxQuery d:
                var parts = d.Disjuncts.Select(x => Split(x, rarity)).ToList();
                if (parts.Any(x => x.Common is not null)) return (null, q);
                return parts.Any(x => x.Rare is not null) ? (q, null) : (null, null);
            case BooleanQuery b when IsPureDisjunction(b):
                var rare = new List<Query>();
                var common = new List<Query>();
                foreach (var c in b.Clauses)
                {
                    var (r, k) = Split(c.Query, rarity);
                    if (r is not null) rare.Add(r);
                    if (k is not null) common.Add(k);
                }
                return (Disjunction(rare, b.Boost), Disjunction(common, b.Boost));
            default:
                // anything else (a range, a prefix, a required sub-query) is treated as rare: it always drives matching
                return (q, null);
        }
    }

    private static BooleanQuery? Disjunction(List<Query> clauses, float boost)
    {
        if (clauses.Count == 0) return null;
        var b = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var c in clauses) b.Add(c, Occur.SHOULD);
        return b;
    }
}

/// <summary>How often a term occurs in the index, for the common-terms rule.</summary>
internal enum TermRarity { Absent, Rare, Common }
