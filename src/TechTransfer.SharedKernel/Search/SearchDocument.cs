namespace TechTransfer.SharedKernel.Search;

/// <summary>
/// An entity whose changes must reach the search index. The data layer writes a row to the search outbox in the
/// same transaction as every insert, update or delete of such an entity; the indexer drains the outbox.
/// </summary>
public interface ISearchIndexed
{
    /// <summary>One of <see cref="SearchDocumentTypes"/>.</summary>
    string SearchDocumentType { get; }
    Guid Id { get; }
}

public static class SearchDocumentTypes
{
    public const string Achievement = "achievement";
    public const string Patent = "patent";
    public const string Demand = "demand";
    public const string Challenge = "challenge";
    public const string OpenLicense = "open_license";
    public const string Organization = "organization";
    /// <summary>An exchange listing (挂牌项目), a supply record matched against demands.</summary>
    public const string Listing = "listing";

    public static readonly IReadOnlyList<string> All = [Achievement, Patent, Demand, Challenge, OpenLicense, Organization, Listing];
}

/// <summary>
/// What a module hands to the search index for one record: searchable text, filterable facets and who may see it.
/// Built by the owning module's <see cref="ISearchDocumentSource"/>, so the index never reads another module's tables.
/// </summary>
public sealed record SearchDocument
{
    public required string Type { get; init; }
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public string Body { get; init; } = "";
    public string? BodyEn { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Technical field / discipline (学科领域), free text or a code.</summary>
    public string? Field { get; init; }
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    /// <summary>Technology readiness level 1–9.</summary>
    public int? Trl { get; init; }
    public decimal? PriceMinYuan { get; init; }
    public decimal? PriceMaxYuan { get; init; }
    /// <summary>GB/T 2260 administrative division code.</summary>
    public string? DivisionCode { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset Date { get; init; }
    /// <summary>Visible to everyone (signed in or not). When false, only <see cref="VisibleToOrganizations"/>,
    /// <see cref="VisibleToUsers"/> and platform administrators may see the record.</summary>
    public bool IsPublic { get; init; }
    public IReadOnlyList<Guid> VisibleToOrganizations { get; init; } = [];
    public IReadOnlyList<Guid> VisibleToUsers { get; init; } = [];
    /// <summary>Relative link to the record's page, e.g. <c>/achievements/{id}</c>.</summary>
    public string Url { get; init; } = "";
}

/// <summary>Implemented by each module for each document type it owns; the indexer calls it to (re)build documents.</summary>
public interface ISearchDocumentSource
{
    string Type { get; }

    /// <summary>The document for one record, or null when the record no longer exists (the index then deletes it).</summary>
    Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct);

    /// <summary>Every document of this type, for a full reindex.</summary>
    IAsyncEnumerable<SearchDocument> LoadAllAsync(CancellationToken ct);

    /// <summary>
    /// The label of a status this type's documents carry (<see cref="SearchDocument.Status"/> holds the member name, a
    /// code), so the search page shows 已登记 / Registered, never the code; null when the value is not this type's.
    /// </summary>
    (string Zh, string En)? StatusLabel(string status) => null;
}
