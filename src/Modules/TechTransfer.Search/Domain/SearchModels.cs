namespace TechTransfer.Search.Domain;

/// <summary>Result order.</summary>
public enum SearchSort
{
    Relevance,
    DateDesc,
    DateAsc,
    PriceAsc,
    PriceDesc,
    TrlDesc,
}

/// <summary>
/// 检索条件: free text plus filters. Text supports <c>"exact phrase"</c> and field prefixes
/// <c>title:</c>, <c>body:</c>, <c>keyword:</c>, <c>org:</c>; the rest is ranked free text.
/// </summary>
public sealed record SearchQuery
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public string? Field { get; init; }
    /// <summary>IPC prefix at any level: section "H", class "H01", subclass "H01M", group "H01M10".</summary>
    public string? IpcPrefix { get; init; }
    public int? TrlMin { get; init; }
    public int? TrlMax { get; init; }
    /// <summary>Price range in yuan; a record matches when its own price range overlaps it.</summary>
    public decimal? PriceMinYuan { get; init; }
    public decimal? PriceMaxYuan { get; init; }
    /// <summary>GB/T 2260 division code; 310000 matches all of Shanghai, 310104 only Xuhui.</summary>
    public string? DivisionCode { get; init; }
    public Guid? OrganizationId { get; init; }
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public DateTimeOffset? DateFrom { get; init; }
    public DateTimeOffset? DateTo { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public bool Highlight { get; init; } = true;
    public bool Facets { get; init; } = true;
    /// <summary>Documents to leave out (e.g. the demand itself when matching).</summary>
    public IReadOnlyList<Guid> ExcludeIds { get; init; } = [];
}

public sealed record SearchHit
{
    public required string Type { get; init; }
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Title with matched terms wrapped in &lt;em&gt;, HTML-encoded.</summary>
    public required string TitleHighlighted { get; init; }
    /// <summary>The record's English title, when it has one.</summary>
    public string? TitleEn { get; init; }
    /// <summary><see cref="TitleEn"/> highlighted like <see cref="TitleHighlighted"/>.</summary>
    public string? TitleEnHighlighted { get; init; }

    /// <summary>The highlighted title in the page's language: the English title on English pages when the record has one.</summary>
    public string DisplayTitleHighlighted => TechTransfer.SharedKernel.Bilingual.CurrentIsEnglish && !string.IsNullOrWhiteSpace(TitleEnHighlighted) ? TitleEnHighlighted : TitleHighlighted;
    /// <summary>Best fragment of the body with matched terms wrapped in &lt;em&gt;, HTML-encoded.</summary>
    public required string Snippet { get; init; }
    public string Url { get; init; } = "";
    public float Score { get; init; }
    public string? Field { get; init; }
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public int? Trl { get; init; }
    public decimal? PriceMinYuan { get; init; }
    public decimal? PriceMaxYuan { get; init; }
    public string? DivisionCode { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset Date { get; init; }
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResults(
    IReadOnlyList<SearchHit> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    double ElapsedMs);

/// <summary>Names of the facets returned with results.</summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Field = "field";
    public const string Ipc = "ipc";
    public const string Trl = "trl";
    public const string Division = "division";
    public const string Organization = "organization";
    public const string Status = "status";
    public static readonly IReadOnlyList<string> All = [Type, Field, Ipc, Trl, Division, Organization, Status];
}

/// <summary>Index state for the health endpoint.</summary>
public sealed record SearchIndexStatus(
    bool IsOpen, int DocumentCount, string Directory, bool IsRebuilding, long RebuildProcessed,
    DateTimeOffset? LastCommitUtc, DateTimeOffset? LastRebuildUtc);

/// <summary>Ranked matches for a long text, with the key terms the text was reduced to.</summary>
/// <summary>A match's hits, its key terms as indexed (stems, for matching) and the same terms as words written in the
/// source text (<paramref name="KeyWords"/>, in the same order, for people to read).</summary>
public sealed record MatchResult(IReadOnlyList<SearchHit> Items, IReadOnlyList<string> KeyTerms, int Total, IReadOnlyList<string> KeyWords);
