using TechTransfer.SharedKernel.Fields;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Engine;

/// <summary>Turns query text and filters into Lucene queries.</summary>
internal sealed partial class QueryBuilder(
    WordAnalyzer wordQueryAnalyzer, BigramAnalyzer bigramQueryAnalyzer, SynonymDictionary synonyms, RankingOptions ranking)
{
    public RankingOptions Ranking { get; } = ranking;

    [GeneratedRegex("""(?:(?<field>title|body|keyword|org):)?(?:"(?<phrase>[^"]+)"|(?<word>[^\s"]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex QueryPart();

    private static readonly char[] ChunkSeparators = [' ', '\t', '\n', '\r', ',', ';', '，', '；', '、', '。', '　'];

    /// <summary>The parsed parts of the query text: required phrases, field-restricted parts and free text.</summary>
    public sealed record ParsedText(string FreeText, IReadOnlyList<string> Phrases, IReadOnlyList<(string Field, string Text)> FieldParts);

    public static ParsedText Parse(string text)
    {
        var free = new List<string>();
        var phrases = new List<string>();
        var fields = new List<(string, string)>();
        foreach (Match m in QueryPart().Matches(text))
        {
            var field = m.Groups["field"].Success ? m.Groups["field"].Value.ToLowerInvariant() : null;
            var phrase = m.Groups["phrase"].Success ? m.Groups["phrase"].Value : null;
            var word = m.Groups["word"].Success ? m.Groups["word"].Value : null;
            if (field is not null) fields.Add((field, phrase ?? word ?? ""));
            else if (phrase is not null) phrases.Add(phrase);
            else if (word is not null) free.Add(word);
        }
        return new ParsedText(string.Join(' ', free), phrases, fields);
    }

    /// <summary>The ranked part of a query; null when the text has nothing searchable.</summary>
    public Query? BuildTextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = Parse(text);
        var root = new BooleanQuery(disableCoord: true);
        var any = false;

        // free text and phrase text both contribute to ranking. Quoted phrases and field parts are required only when
        // the query has no free text (an explicit phrase search); mixed with free text (e.g. a pasted title that uses
        // quotation marks for emphasis) they are strong preferences instead.
        var explicitOnly = parsed.FreeText.Length == 0;
        var rankingText = string.Join(' ', new[] { parsed.FreeText }.Concat(parsed.Phrases).Concat(parsed.FieldParts.Select(f => f.Text))).Trim();
        var relevance = BuildRelevance(rankingText);
        if (relevance is not null) { root.Add(relevance, explicitOnly ? Occur.SHOULD : Occur.MUST); any = true; }
        var constraint = explicitOnly ? Occur.MUST : Occur.SHOULD;
        var constraintBoost = explicitOnly ? 1f : Ranking.PhraseBoost;

        foreach (var phrase in parsed.Phrases)
        {
            var p = PhraseAnyField(phrase, [IndexSchema.TitleBigram, IndexSchema.BodyBigram, IndexSchema.KeywordBigram], constraintBoost);
            if (p is null) continue;
            root.Add(p, constraint);
            any = true;
        }
        foreach (var (field, value) in parsed.FieldParts)
        {
            string[] fields = field switch
            {
                "title" => [IndexSchema.TitleBigram],
                "body" => [IndexSchema.BodyBigram],
                "keyword" => [IndexSchema.KeywordBigram],
                _ => [IndexSchema.OrgName],
            };
            var p = PhraseAnyField(value, fields, constraintBoost);
            if (p is null) continue;
            root.Add(p, constraint);
            any = true;
        }
        return any ? root : null;
    }

    /// <summary>Free-text relevance: word fields + bigram fields + exact keyword + phrase proximity + synonyms.</summary>
    public Query? BuildRelevance(string text, float weight = 1f)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var q = new BooleanQuery(disableCoord: true);
        AddTextClauses(q, text, weight);
        if (Ranking.UseSynonyms)
        {
            foreach (var (_, variants) in SynonymMatches(text))
            {
                var alt = new BooleanQuery(disableCoord: true);
                foreach (var v in variants)
                    AddTermEvidence(alt, v, Ranking.SynonymWeight * weight);
                if (alt.Clauses.Count > 0) q.Add(alt, Occur.SHOULD);
            }
        }
        return q.Clauses.Count == 0 ? null : q;
    }

    public IReadOnlyList<(string Term, IReadOnlyList<string> Variants)> SynonymMatches(string text) => synonyms.Matches(text);

    private void AddTextClauses(BooleanQuery q, string text, float weight)
    {
        var r = Ranking;
        if (r.UseWordFields)
        {
            var terms = wordQueryAnalyzer.Terms(IndexSchema.BodyWord, text);
            AddFieldTerms(q, IndexSchema.TitleWord, terms, weight * r.WordWeight * r.TitleBoost);
            AddFieldTerms(q, IndexSchema.BodyWord, terms, weight * r.WordWeight * r.BodyBoost);
            AddFieldTerms(q, IndexSchema.KeywordWord, terms, weight * r.WordWeight * r.KeywordBoost);
        }
        if (r.UseBigramFields)
        {
            var all = bigramQueryAnalyzer.Terms(IndexSchema.BodyBigram, text);
            // a CJK character that forms no bigram (a one-character word) is looked up in the unigram fields
            var singles = all.Where(IsSingleCjk).ToList();
            var terms = all.Where(t => !IsSingleCjk(t)).ToList();
            if (r.BigramCrossWordWeight < 1f && terms.Count > 0 && WordInternalBigrams(text) is { } inside)
            {
                // In a verbose query (a title, a sentence) bigrams that span two words of its segmentation ("的锂" in
                // 基于…的锂电池) are mostly noise; in a short keyword query they often belong to a word the segmenter split
                // wrongly, so there they keep their full weight.
                var cross = terms.Where(t => !inside.Contains(t)).ToList();
                terms = terms.Where(inside.Contains).ToList();
                if (r.BigramCrossWordWeight > 0)
                {
                    AddFieldTerms(q, IndexSchema.TitleBigram, cross, weight * r.BigramWeight * r.TitleBoost * r.BigramCrossWordWeight);
                    AddFieldTerms(q, IndexSchema.BodyBigram, cross, weight * r.BigramWeight * r.BodyBoost * r.BigramCrossWordWeight);
                    AddFieldTerms(q, IndexSchema.KeywordBigram, cross, weight * r.BigramWeight * r.KeywordBoost * r.BigramCrossWordWeight);
                }
            }
            AddFieldTerms(q, IndexSchema.TitleBigram, terms, weight * r.BigramWeight * r.TitleBoost);
            AddFieldTerms(q, IndexSchema.BodyBigram, terms, weight * r.BigramWeight * r.BodyBoost);
            AddFieldTerms(q, IndexSchema.KeywordBigram, terms, weight * r.BigramWeight * r.KeywordBoost);
            AddFieldTerms(q, IndexSchema.TitleUnigram, singles, weight * r.UnigramWeight * r.TitleBoost);
            AddFieldTerms(q, IndexSchema.BodyUnigram, singles, weight * r.UnigramWeight * r.BodyBoost);
            AddFieldTerms(q, IndexSchema.KeywordUnigram, singles, weight * r.UnigramWeight * r.KeywordBoost);
        }
        var chunks = Chunks(text).ToList();
        if (r.UseExactKeyword)
        {
            var keys = chunks.Append(text).Select(TextNormalizer.KeywordKey).Where(k => k.Length > 0).Distinct().ToList();
            foreach (var k in keys)
                q.Add(new TermQuery(new Term(IndexSchema.KeywordExact, k)) { Boost = weight * r.ExactKeywordBoost * TextEvidenceWeight }, Occur.SHOULD);
        }
        if (r.UsePhrases)
        {
            AddWordPairs(q, text, weight);
            foreach (var chunk in chunks.Distinct())
            {
                var p = PhraseAnyField(chunk, [IndexSchema.TitleBigram, IndexSchema.BodyBigram], weight * r.PhraseBoost, minTokens: 2);
                if (p is not null) q.Add(p, Occur.SHOULD);
            }
        }
    }

    /// <summary>Adjacent word pairs of the query (accurate segmentation) as exact bigram phrases in title/body.</summary>
    private void AddWordPairs(BooleanQuery q, string text, float weight)
    {
        if (Ranking.WordPairBoost <= 0) return;
        foreach (var chunk in Chunks(text))
        {
            var words = JiebaTokenizer.Segment(chunk, searchMode: false).Select(t => t.Word).ToList();
            if (words.Count < 2 || words.Count > 40) continue;
            var pairs = new BooleanQuery(disableCoord: true) { Boost = weight * Ranking.WordPairBoost };
            for (var i = 0; i + 1 < words.Count; i++)
            {
                var p = PhraseAnyField(words[i] + words[i + 1], [IndexSchema.TitleBigram, IndexSchema.BodyBigram], 1f, minTokens: 2);
                if (p is not null) pairs.Add(p, Occur.SHOULD);
            }
            if (pairs.Clauses.Count > 0) q.Add(pairs, Occur.SHOULD);
        }
    }

    /// <summary>Evidence for a single term (used for synonym variants): word terms, bigram phrase, exact keyword.</summary>
    private void AddTermEvidence(BooleanQuery q, string term, float weight)
    {
        var r = Ranking;
        if (r.UseWordFields)
        {
            var terms = wordQueryAnalyzer.Terms(IndexSchema.BodyWord, term).Distinct().ToList();
            AddFieldTerms(q, IndexSchema.TitleWord, terms, weight * r.WordWeight * r.TitleBoost);
            AddFieldTerms(q, IndexSchema.BodyWord, terms, weight * r.WordWeight * r.BodyBoost);
            AddFieldTerms(q, IndexSchema.KeywordWord, terms, weight * r.WordWeight * r.KeywordBoost);
        }
        if (r.UseBigramFields)
        {
            foreach (var (field, boost) in new[] { (IndexSchema.TitleBigram, r.TitleBoost), (IndexSchema.BodyBigram, r.BodyBoost), (IndexSchema.KeywordBigram, r.KeywordBoost) })
            {
                var p = Phrase(term, field, weight * r.BigramWeight * boost * 2f);
                if (p is not null) q.Add(p, Occur.SHOULD);
            }
        }
        if (r.UseExactKeyword)
        {
            var k = TextNormalizer.KeywordKey(term);
            if (k.Length > 0) q.Add(new TermQuery(new Term(IndexSchema.KeywordExact, k)) { Boost = weight * r.ExactKeywordBoost * TextEvidenceWeight }, Occur.SHOULD);
        }
    }

    /// <summary>Total weight of the bag-of-terms evidence (word + bigram fields), so that exact-match and phrase evidence
    /// keep the same relative weight whichever text fields are enabled.</summary>
    private float TextEvidenceWeight =>
        (Ranking.UseWordFields ? Ranking.WordWeight : 0) + (Ranking.UseBigramFields ? Ranking.BigramWeight : 0) is var w and > 0 ? w : 1;

    /// <summary>The character bigrams that lie inside one word of the accurate segmentation of <paramref name="text"/>, or
    /// null when the query has fewer than <see cref="RankingOptions.VerboseQueryWords"/> words (not a verbose query).</summary>
    private HashSet<string>? WordInternalBigrams(string text)
    {
        var words = JiebaTokenizer.Segment(text, searchMode: false);
        if (words.Count < Ranking.VerboseQueryWords) return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, _, _) in words)
            foreach (var b in bigramQueryAnalyzer.Terms(IndexSchema.BodyBigram, word))
                set.Add(b);
        return set;
    }

    /// <summary>A verbose query (a title, a sentence): at least <see cref="RankingOptions.VerboseQueryWords"/> words in the
    /// accurate segmentation, as opposed to a keyword query.</summary>
    public bool IsVerbose(string text) =>
        !string.IsNullOrWhiteSpace(text) && JiebaTokenizer.Segment(text, searchMode: false).Count(w => !string.IsNullOrWhiteSpace(w.Word)) >= Ranking.VerboseQueryWords;

    private static bool IsSingleCjk(string t) => t.Length == 1 && TextNormalizer.IsCjk(t[0]);

    /// <summary>One BM25 clause per distinct term, weighted by how often the term occurs in the query.</summary>
    private static void AddFieldTerms(BooleanQuery q, string field, List<string> terms, float boost)
    {
        if (terms.Count == 0 || boost <= 0) return;
        var counts = terms.GroupBy(t => t, StringComparer.Ordinal).Select(g => (Term: g.Key, Count: g.Count())).ToList();
        if (counts.Count == 1)
        {
            q.Add(new TermQuery(new Term(field, counts[0].Term)) { Boost = boost * counts[0].Count }, Occur.SHOULD);
            return;
        }
        var b = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var (t, c) in counts) b.Add(new TermQuery(new Term(field, t)) { Boost = c }, Occur.SHOULD);
        q.Add(b, Occur.SHOULD);
    }

    public static IEnumerable<string> Chunks(string text) =>
        text.Split(ChunkSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Query? PhraseAnyField(string text, string[] fields, float boost, int minTokens = 1)
    {
        var qs = fields.Select(f => Phrase(text, f, 1f, minTokens)).Where(p => p is not null).ToList();
        if (qs.Count == 0) return null;
        if (qs.Count == 1) { qs[0]!.Boost = boost; return qs[0]; }
        var dis = new DisjunctionMaxQuery(0.1f) { Boost = boost };
        foreach (var p in qs) dis.Add(p);
        return dis;
    }

    /// <summary>A phrase query over the bigram tokens of the text (exact adjacency), or a term query for one token.</summary>
    public Query? Phrase(string text, string field, float boost, int minTokens = 1)
    {
        var tokens = new List<(string Term, int Pos)>();
        using (var ts = bigramQueryAnalyzer.GetTokenStream(field, new StringReader(text)))
        {
            var term = ts.AddAttribute<ICharTermAttribute>();
            var posInc = ts.AddAttribute<IPositionIncrementAttribute>();
            ts.Reset();
            var pos = -1;
            while (ts.IncrementToken())
            {
                pos += posInc.PositionIncrement;
                tokens.Add((term.ToString(), pos));
            }
            ts.End();
        }
        if (tokens.Count < minTokens || tokens.Count == 0 || tokens.Count > 32) return null;
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0].Term)) { Boost = boost };
        var pq = new PhraseQuery { Boost = boost };
        foreach (var (t, p) in tokens) pq.Add(new Term(field, t), p);
        return pq;
    }

    /// <summary>Filters from the structured part of the query and the caller's visibility (<see cref="SearchVisibility"/>).</summary>
    public static Query BuildFilter(SearchQuery q, ICurrentUser caller)
    {
        var f = new BooleanQuery();
        if (SearchVisibility.Filter(caller) is { } visible) f.Add(visible, Occur.MUST);
        if (q.Types.Count > 0) f.Add(AnyOf(IndexSchema.Type, q.Types), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(q.Field))
            f.Add(new TermQuery(new Term(IndexSchema.Field, TechnicalFields.Normalize(q.Field).ToLowerInvariant())), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(q.IpcPrefix))
            f.Add(new PrefixQuery(new Term(IndexSchema.Ipc, IndexSchema.NormalizeIpc(q.IpcPrefix))), Occur.MUST);
        if (q.TrlMin is not null || q.TrlMax is not null)
            f.Add(NumericRangeQuery.NewInt32Range(IndexSchema.Trl, q.TrlMin, q.TrlMax, true, true), Occur.MUST);
        if (q.PriceMinYuan is not null || q.PriceMaxYuan is not null)
        {
            // overlap: record.min <= query.max AND record.max >= query.min
            if (q.PriceMaxYuan is { } max)
                f.Add(NumericRangeQuery.NewInt64Range(IndexSchema.PriceMin, null, IndexSchema.ToFen(max), true, true), Occur.MUST);
            if (q.PriceMinYuan is { } min)
                f.Add(NumericRangeQuery.NewInt64Range(IndexSchema.PriceMax, IndexSchema.ToFen(min), null, true, true), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(q.DivisionCode))
            f.Add(new PrefixQuery(new Term(IndexSchema.Division, IndexSchema.DivisionPrefix(q.DivisionCode))), Occur.MUST);
        if (q.OrganizationId is { } o)
            f.Add(new TermQuery(new Term(IndexSchema.Org, o.ToString("N"))), Occur.MUST);
        if (q.Statuses.Count > 0) f.Add(AnyOf(IndexSchema.Status, q.Statuses), Occur.MUST);
        if (q.DateFrom is not null || q.DateTo is not null)
            f.Add(NumericRangeQuery.NewInt64Range(IndexSchema.Date, q.DateFrom?.ToUnixTimeMilliseconds(), q.DateTo?.ToUnixTimeMilliseconds(), true, true), Occur.MUST);
        foreach (var id in q.ExcludeIds)
            f.Add(new TermQuery(new Term(IndexSchema.Id, id.ToString("N"))), Occur.MUST_NOT);
        if (f.Clauses.Count == 0) return new MatchAllDocsQuery();
        if (f.Clauses.All(c => c.Occur == Occur.MUST_NOT)) f.Add(new MatchAllDocsQuery(), Occur.MUST);
        return f;
    }

    private static Query AnyOf(string field, IEnumerable<string> values)
    {
        var b = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var v in values.Distinct()) b.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        return b;
    }

    /// <summary>Terms to highlight: the bigram/unigram tokens of the query and its synonym variants.</summary>
    public Query HighlightQuery(string? text)
    {
        var b = new BooleanQuery(disableCoord: true);
        if (string.IsNullOrWhiteSpace(text)) return b;
        var parsed = Parse(text);
        var all = new List<string> { parsed.FreeText };
        all.AddRange(parsed.Phrases);
        all.AddRange(parsed.FieldParts.Select(p => p.Text));
        var joined = string.Join(' ', all);
        foreach (var (_, variants) in SynonymMatches(joined)) all.AddRange(variants);
        foreach (var t in all.SelectMany(s => bigramQueryAnalyzer.Terms(IndexSchema.Highlight, s)).Distinct().Take(512))
            b.Add(new TermQuery(new Term(IndexSchema.Highlight, t)), Occur.SHOULD);
        return b;
    }
}
