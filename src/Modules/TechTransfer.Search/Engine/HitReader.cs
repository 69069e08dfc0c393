using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;

namespace TechTransfer.Search.Engine;

/// <summary>
/// Turns the hits of the returned page into <see cref="SearchHit"/>s: the stored fields, with the query's terms
/// highlighted in the title and the best fragment of the body. Highlighting touches only the returned page, with the
/// query's terms extracted once per search (<see cref="HighlightTerms"/>).
/// </summary>
internal sealed class HitReader
{
    private const int SnippetLength = 160;
    private readonly Analyzer _highlightAnalyzer = new BigramAnalyzer(outputUnigrams: true);

    /// <summary>The highlight query's terms, extracted once per search instead of once per highlighted field of each
    /// hit (the highlight query holds only term queries, so the weighted terms are exactly what the scorer would extract).</summary>
    public static WeightedSpanTerm[]? HighlightTerms(Query q) =>
        q is BooleanQuery { Clauses.Count: > 0 } b
            ? b.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(t => t.Term.Text).Distinct(StringComparer.Ordinal)
                .Select(t => new WeightedSpanTerm(1f, t)).ToArray()
            : null;

    /// <summary>The hit for one scored document; <paramref name="highlight"/> null or empty = no highlighting.</summary>
    public SearchHit Read(IndexSearcher searcher, ScoreDoc sd, WeightedSpanTerm[]? highlight)
    {
        var d = searcher.Doc(sd.Doc);
        var meta = JsonSerializer.Deserialize<StoredMeta>(d.Get(IndexSchema.StoredMeta))!;
        var title = d.Get(IndexSchema.StoredTitle) ?? "";
        var titleEn = d.Get(IndexSchema.StoredTitleEn);
        var body = d.Get(IndexSchema.StoredBody) ?? "";
        string titleHl, snippet;
        string? titleEnHl = titleEn is null ? null : Encode(titleEn);
        if (highlight is { Length: > 0 })
        {
            titleHl = Highlight(highlight, title, whole: true) ?? Encode(title);
            if (titleEn is not null) titleEnHl = Highlight(highlight, titleEn, whole: true) ?? titleEnHl;
            snippet = Highlight(highlight, body, whole: false) ?? Encode(Truncate(body, SnippetLength));
        }
        else
        {
            titleHl = Encode(title);
            snippet = Encode(Truncate(body, SnippetLength));
        }
        return new SearchHit
        {
            Type = meta.Type, Id = meta.Id, Title = title, TitleHighlighted = titleHl, TitleEn = titleEn, TitleEnHighlighted = titleEnHl, Snippet = snippet, Url = meta.Url,
            Score = float.IsNaN(sd.Score) ? 0 : sd.Score, Field = meta.Field, IpcCodes = meta.IpcCodes, Keywords = meta.Keywords,
            Trl = meta.Trl, PriceMinYuan = meta.PriceMinYuan, PriceMaxYuan = meta.PriceMaxYuan, DivisionCode = meta.DivisionCode,
            OrganizationId = meta.OrganizationId, OrganizationName = meta.OrganizationName, Status = meta.Status, Date = meta.Date,
        };
    }

    private string? Highlight(WeightedSpanTerm[] terms, string text, bool whole)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var h = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), MinimalHtmlEncoder.Instance, new QueryScorer(terms))
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(SnippetLength),
            MaxDocCharsToAnalyze = 4000,
        };
        using var ts = _highlightAnalyzer.GetTokenStream(IndexSchema.Highlight, new StringReader(text));
        return h.GetBestFragment(ts, text);
    }

    private static string Encode(string s) => MinimalHtmlEncoder.Instance.EncodeText(s);
    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}

/// <summary>Escapes only the HTML metacharacters, leaving Chinese text readable (SimpleHTMLEncoder writes every
/// non-ASCII character as a numeric entity).</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static readonly MinimalHtmlEncoder Instance = new();

    public string EncodeText(string originalText)
    {
        if (string.IsNullOrEmpty(originalText)) return "";
        var sb = new System.Text.StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
