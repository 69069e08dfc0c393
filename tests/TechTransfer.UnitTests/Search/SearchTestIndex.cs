using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.UnitTests.Search;

/// <summary>A real on-disk index in a temporary directory, deleted on dispose.</summary>
internal sealed class SearchTestIndex : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tt-search-test-" + Guid.NewGuid().ToString("N"));
    public SearchIndex Index { get; }

    public SearchTestIndex(SynonymDictionary? synonyms = null, Action<SearchEngineOptions>? configure = null)
    {
        var options = new SearchEngineOptions { IndexPath = Path };
        configure?.Invoke(options);
        Index = new SearchIndex(options, synonyms);
        Index.Open();
    }

    public SearchTestIndex Add(params SearchDocument[] docs)
    {
        foreach (var d in docs) Index.Upsert(d);
        Index.Commit();
        return this;
    }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }

    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static SearchDocument Doc(string title, string body = "", string type = SearchDocumentTypes.Achievement,
        bool isPublic = true, Guid? org = null, IReadOnlyList<Guid>? visibleToOrgs = null, IReadOnlyList<Guid>? visibleToUsers = null,
        int? trl = null, decimal? priceMin = null, decimal? priceMax = null, string? ipc = null, string? division = null,
        string status = "published", string? field = null, int day = 0, IReadOnlyList<string>? keywords = null, Guid? id = null) =>
        new()
        {
            Type = type, Id = id ?? Guid.NewGuid(), Title = title, Body = body, IsPublic = isPublic, OrganizationId = org,
            OrganizationName = org is null ? null : "机构" + org.Value.ToString("N")[..4],
            VisibleToOrganizations = visibleToOrgs ?? [], VisibleToUsers = visibleToUsers ?? [], Trl = trl,
            PriceMinYuan = priceMin, PriceMaxYuan = priceMax, IpcCodes = ipc is null ? [] : [ipc], DivisionCode = division,
            Status = status, Field = field, Date = Day0.AddDays(day), Keywords = keywords ?? [], Url = "/x",
        };
}
