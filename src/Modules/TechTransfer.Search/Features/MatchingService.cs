using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>Why a record matched: shared words, fields and IPC classes, readiness and price fit.</summary>
public sealed record MatchExplanation(
    IReadOnlyList<string> MatchedTerms, bool SameField, IReadOnlyList<string> SharedIpcClasses, int? Trl, string PriceFit);

public sealed record MatchItem(SearchHit Hit, double Score, MatchExplanation Why);

public sealed record MatchesResponse(Guid SourceId, string SourceType, IReadOnlyList<string> KeyTerms, IReadOnlyList<MatchItem> Items);

/// <summary>供需匹配: ranks records for a demand or an achievement, with explanations.</summary>
public sealed class MatchingService(SearchIndex index, IServiceProvider services)
{
    public static readonly IReadOnlyList<string> ForDemand = [SearchDocumentTypes.Achievement, SearchDocumentTypes.Patent, SearchDocumentTypes.OpenLicense];
    public static readonly IReadOnlyList<string> ForAchievement = [SearchDocumentTypes.Demand, SearchDocumentTypes.Organization];

    public async Task<Result<MatchesResponse>> MatchAsync(string sourceType, Guid id, IReadOnlyList<string> targetTypes, SearchCaller caller, int k, CancellationToken ct)
    {
        var source = services.GetServices<ISearchDocumentSource>().FirstOrDefault(s => s.Type == sourceType);
        if (source is null) return SearchErrors.SourceNotAvailable(sourceType);
        var doc = await source.LoadAsync(id, ct);
        if (doc is null || !CanSee(doc, caller)) return SearchErrors.SourceNotFound;
        var text = string.Join("\n", new[] { doc.Title, doc.TitleEn, doc.Body, doc.BodyEn, string.Join(" ", doc.Keywords) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var result = index.Match(text, new SearchQuery { Types = targetTypes, ExcludeIds = [doc.Id] }, caller, Math.Clamp(k, 1, 100));
        var items = result.Items.Select(h => new MatchItem(h, h.Score, Explain(doc, h, result.KeyTerms))).ToList();
        return new MatchesResponse(doc.Id, doc.Type, result.KeyTerms, items);
    }

    internal static bool CanSee(SearchDocument d, SearchCaller c) =>
        c.IsPlatformAdmin || d.IsPublic
        || (c.OrganizationId is { } o && (d.OrganizationId == o || d.VisibleToOrganizations.Contains(o)))
        || (c.UserId is { } u && d.VisibleToUsers.Contains(u));

    internal static MatchExplanation Explain(SearchDocument source, SearchHit hit, IReadOnlyList<string> keyTerms)
    {
        var hay = (hit.Title + " " + string.Join(" ", hit.Keywords) + " " + hit.Snippet).ToLowerInvariant();
        var matched = keyTerms.Where(t => hay.Contains(t, StringComparison.OrdinalIgnoreCase)).Take(10).ToList();
        var srcIpc = source.IpcCodes.Select(c => IndexSchema.NormalizeIpc(c)).Where(c => c.Length >= 4).Select(c => c[..4]).ToHashSet();
        var shared = hit.IpcCodes.Select(c => IndexSchema.NormalizeIpc(c)).Where(c => c.Length >= 4).Select(c => c[..4]).Where(srcIpc.Contains).Distinct().ToList();
        var sameField = !string.IsNullOrWhiteSpace(source.Field) && string.Equals(source.Field, hit.Field, StringComparison.OrdinalIgnoreCase);
        return new MatchExplanation(matched, sameField, shared, hit.Trl, PriceFit(source.PriceMaxYuan ?? source.PriceMinYuan, hit.PriceMinYuan));
    }

    /// <summary>"within_budget", "over_budget" or "unknown" (budget of the source against the asking price of the match).</summary>
    internal static string PriceFit(decimal? budget, decimal? asking) =>
        budget is null || asking is null ? "unknown" : asking <= budget ? "within_budget" : "over_budget";
}
