using TechTransfer.SharedKernel.Fields;
using System.Globalization;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using TechTransfer.Search.Analysis;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Engine;

/// <summary>Field names and the mapping from <see cref="SearchDocument"/> to a Lucene document.</summary>
internal static class IndexSchema
{
    /// <summary>Version of the analysis chain and field layout. Bump it whenever a change means documents must be
    /// re-analysed (an analyzer, a field, a stemming rule): a host that finds an index stamped with another version
    /// rebuilds it from the database at start-up, so an upgrade never serves a half-old index.</summary>
    public const string AnalysisVersion = "2026-12-07.title-en";
    /// <summary>Commit user-data key that carries <see cref="AnalysisVersion"/>.</summary>
    public const string AnalysisVersionKey = "tt.analysis";

    public const string Uid = "uid";
    public const string Id = "id";
    public const string Type = "type";
    public const string TitleWord = "title_w";
    public const string BodyWord = "body_w";
    public const string KeywordWord = "kw_w";
    public const string TitleBigram = "title_b";
    public const string BodyBigram = "body_b";
    public const string KeywordBigram = "kw_b";
    public const string KeywordExact = "kw_x";
    public const string TitleUnigram = "title_u";
    public const string BodyUnigram = "body_u";
    public const string KeywordUnigram = "kw_u";
    public const string UidDocValues = "dv_uid";
    public const string OrgName = "org_name_b";
    public const string Field = "field";
    public const string Ipc = "ipc";
    public const string Trl = "trl";
    public const string PriceMin = "price_min";
    public const string PriceMax = "price_max";
    public const string Division = "division";
    public const string Org = "org";
    public const string Status = "status";
    public const string Date = "date";
    public const string VisPublic = "vis_public";
    public const string VisOrg = "vis_org";
    public const string VisUser = "vis_user";
    public const string SortDate = "n_date";
    public const string SortPrice = "n_price";
    public const string SortTrl = "n_trl";
    /// <summary>The record's title (Chinese, or its only title).</summary>
    public const string StoredTitle = "s_title";
    /// <summary>The record's English title when it has one, stored on its own so English pages show it (not the joined text the title fields search).</summary>
    public const string StoredTitleEn = "s_title_en";
    public const string StoredBody = "s_body";
    public const string StoredMeta = "s_meta";
    public const string Highlight = "hl";
    public const string FacetPrefix = "f_";

    public static readonly string[] WordFields = [TitleWord, BodyWord, KeywordWord];
    public static readonly string[] BigramFields = [TitleBigram, BodyBigram, KeywordBigram];

    public static string UidOf(string type, Guid id) => $"{type}:{id:N}";

    public static Analyzer CreateIndexAnalyzer(SearchEngineOptions o) =>
        new PerFieldAnalyzerWrapper(new WordAnalyzer(o.Segmenter), new Dictionary<string, Analyzer>
        {
            [TitleBigram] = new BigramAnalyzer(false),
            [BodyBigram] = new BigramAnalyzer(false),
            [KeywordBigram] = new BigramAnalyzer(false),
            [OrgName] = new BigramAnalyzer(true),
            [TitleUnigram] = new UnigramAnalyzer(),
            [BodyUnigram] = new UnigramAnalyzer(),
            [KeywordUnigram] = new UnigramAnalyzer(),
        });

    public static string NormalizeIpc(string code) =>
        new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>The class a code is counted under in the IPC facet and in a match's shared classes: an IPC symbol's subclass
    /// (G06T 7/00 → G06T), any other code whole (a Locarno class 14-02 stays 14-02, not "14-0").</summary>
    public static string ClassOf(string code)
    {
        var c = NormalizeIpc(code);
        return c.Length >= 4 && char.IsAsciiLetterUpper(c[0]) && char.IsAsciiDigit(c[1]) && char.IsAsciiDigit(c[2]) && char.IsAsciiLetterUpper(c[3]) ? c[..4] : c;
    }

    /// <summary>Division code without trailing "00" pairs: 310000 → 31, 310100 → 3101, 310104 → 310104.</summary>
    public static string DivisionPrefix(string code)
    {
        var c = code.Trim();
        while (c.Length > 2 && c.EndsWith("00", StringComparison.Ordinal)) c = c[..^2];
        return c;
    }

    public static long ToFen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    private static readonly FieldType UnigramType = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS,
        OmitNorms = false,
    };

    static IndexSchema() => UnigramType.Freeze();

    public static Document ToLucene(SearchDocument d, bool unigrams = true)
    {
        var doc = new Document
        {
            new StringField(Uid, UidOf(d.Type, d.Id), Lucene.Net.Documents.Field.Store.YES),
            new BinaryDocValuesField(UidDocValues, new BytesRef(UidOf(d.Type, d.Id))),
            new StringField(Id, d.Id.ToString("N"), Lucene.Net.Documents.Field.Store.NO),
            new StringField(Type, d.Type, Lucene.Net.Documents.Field.Store.NO),
            new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Type, new BytesRef(d.Type)),
        };
        var title = Join(d.Title, d.TitleEn);
        var body = Join(d.Body, d.BodyEn);
        // a field of the taxonomy is stored as its code: its labels in both languages are searchable text (人工智能 finds it)
        if (TechnicalFields.SearchTerms(d.Field) is { Count: > 0 } fieldLabels) body = $"{body}\n{string.Join(" ; ", fieldLabels)}";
        var keywords = string.Join(" ; ", d.Keywords);
        doc.Add(new TextField(TitleWord, title, Lucene.Net.Documents.Field.Store.NO));
        doc.Add(new TextField(TitleBigram, title, Lucene.Net.Documents.Field.Store.NO));
        doc.Add(new TextField(BodyWord, body, Lucene.Net.Documents.Field.Store.NO));
        doc.Add(new TextField(BodyBigram, body, Lucene.Net.Documents.Field.Store.NO));
        if (keywords.Length > 0)
        {
            doc.Add(new TextField(KeywordWord, keywords, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new TextField(KeywordBigram, keywords, Lucene.Net.Documents.Field.Store.NO));
        }
        if (unigrams)
        {
            doc.Add(new Lucene.Net.Documents.Field(TitleUnigram, title, UnigramType));
            doc.Add(new Lucene.Net.Documents.Field(BodyUnigram, body, UnigramType));
            if (keywords.Length > 0) doc.Add(new Lucene.Net.Documents.Field(KeywordUnigram, keywords, UnigramType));
        }
        foreach (var k in d.Keywords.Select(TextNormalizer.KeywordKey).Where(k => k.Length > 0).Distinct())
            doc.Add(new StringField(KeywordExact, k, Lucene.Net.Documents.Field.Store.NO));
        if (!string.IsNullOrWhiteSpace(d.OrganizationName))
            doc.Add(new TextField(OrgName, d.OrganizationName, Lucene.Net.Documents.Field.Store.NO));
        if (!string.IsNullOrWhiteSpace(d.Field))
        {
            // filtered and faceted by the field's code (a label a source still sends is mapped to it, as queries are)
            var field = TechnicalFields.Normalize(d.Field);
            doc.Add(new StringField(Field, field.ToLowerInvariant(), Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Field, new BytesRef(field)));
        }
        foreach (var ipc in d.IpcCodes.Select(NormalizeIpc).Where(c => c.Length > 0).Distinct())
        {
            doc.Add(new StringField(Ipc, ipc, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Ipc, new BytesRef(ClassOf(ipc))));
        }
        if (d.Trl is { } trl)
        {
            doc.Add(new Int32Field(Trl, trl, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new NumericDocValuesField(SortTrl, trl));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Trl, new BytesRef(trl.ToString(CultureInfo.InvariantCulture))));
        }
        if (d.PriceMinYuan is not null || d.PriceMaxYuan is not null)
        {
            var min = ToFen(d.PriceMinYuan ?? d.PriceMaxYuan!.Value);
            var max = ToFen(d.PriceMaxYuan ?? d.PriceMinYuan!.Value);
            doc.Add(new Int64Field(PriceMin, min, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new Int64Field(PriceMax, max, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new NumericDocValuesField(SortPrice, min));
        }
        if (!string.IsNullOrWhiteSpace(d.DivisionCode))
        {
            doc.Add(new StringField(Division, d.DivisionCode.Trim(), Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Division, new BytesRef(d.DivisionCode.Trim())));
        }
        if (d.OrganizationId is { } org)
        {
            doc.Add(new StringField(Org, org.ToString("N"), Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Organization,
                new BytesRef($"{org:N}|{d.OrganizationName}")));
        }
        if (!string.IsNullOrWhiteSpace(d.Status))
        {
            doc.Add(new StringField(Status, d.Status, Lucene.Net.Documents.Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetPrefix + SearchFacetNames.Status, new BytesRef(d.Status)));
        }
        var ms = d.Date.ToUnixTimeMilliseconds();
        doc.Add(new Int64Field(Date, ms, Lucene.Net.Documents.Field.Store.NO));
        doc.Add(new NumericDocValuesField(SortDate, ms));
        SearchVisibility.AddTo(doc, d);

        doc.Add(new StoredField(StoredTitle, d.Title));
        if (!string.IsNullOrWhiteSpace(d.TitleEn)) doc.Add(new StoredField(StoredTitleEn, d.TitleEn.Trim()));
        doc.Add(new StoredField(StoredBody, body.Length > 4000 ? body[..4000] : body));
        doc.Add(new StoredField(StoredMeta, JsonSerializer.Serialize(new StoredMeta(
            d.Type, d.Id, d.Url, d.Field, d.IpcCodes, d.Keywords, d.Trl, d.PriceMinYuan, d.PriceMaxYuan, d.DivisionCode,
            d.OrganizationId, d.OrganizationName, d.Status, d.Date))));
        return doc;
    }

    private static string Join(string a, string? b) => string.IsNullOrWhiteSpace(b) ? a : $"{a}\n{b}";
}

internal static class SearchFacetNames
{
    public const string Type = Domain.SearchFacets.Type;
    public const string Field = Domain.SearchFacets.Field;
    public const string Ipc = Domain.SearchFacets.Ipc;
    public const string Trl = Domain.SearchFacets.Trl;
    public const string Division = Domain.SearchFacets.Division;
    public const string Organization = Domain.SearchFacets.Organization;
    public const string Status = Domain.SearchFacets.Status;
}

internal sealed record StoredMeta(
    string Type, Guid Id, string Url, string? Field, IReadOnlyList<string> IpcCodes, IReadOnlyList<string> Keywords,
    int? Trl, decimal? PriceMinYuan, decimal? PriceMaxYuan, string? DivisionCode, Guid? OrganizationId,
    string? OrganizationName, string Status, DateTimeOffset Date);
