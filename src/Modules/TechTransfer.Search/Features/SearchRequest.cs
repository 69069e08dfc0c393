using Microsoft.AspNetCore.Mvc;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Features;

/// <summary>
/// The query string of <c>GET /api/v1/search</c> (bound with <c>[AsParameters]</c>; the names are the API's:
/// <c>q, type, field, ipc, trlMin, trlMax, priceMin, priceMax, division, org, status, from, to, sort, page, pageSize</c>).
/// <c>type</c> and <c>status</c> take comma-separated lists; <c>sort</c> is a <see cref="SearchSort"/> name
/// (case-insensitive, underscores ignored: <c>date_desc</c>).
/// </summary>
public sealed record SearchRequest(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "field")] string? Field,
    [FromQuery(Name = "ipc")] string? Ipc,
    [FromQuery(Name = "trlMin")] int? TrlMin,
    [FromQuery(Name = "trlMax")] int? TrlMax,
    [FromQuery(Name = "priceMin")] decimal? PriceMin,
    [FromQuery(Name = "priceMax")] decimal? PriceMax,
    [FromQuery(Name = "division")] string? Division,
    [FromQuery(Name = "org")] Guid? Org,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    /// <summary>The engine's query, or one 422 naming every invalid parameter.</summary>
    public Result<SearchQuery> ToQuery()
    {
        var errors = new FieldErrors();
        var sort = ParseSort(Sort);
        errors.When(sort is null, SearchErrors.UnknownSort);
        var query = new SearchQuery
        {
            Text = Q, Types = Split(Type), Field = Field, IpcPrefix = Ipc, TrlMin = TrlMin, TrlMax = TrlMax,
            PriceMinYuan = PriceMin, PriceMaxYuan = PriceMax, DivisionCode = Division, OrganizationId = Org,
            Statuses = Split(Status), DateFrom = From, DateTo = To, Sort = sort ?? SearchSort.Relevance,
            Page = Page ?? 1, PageSize = PageSize ?? 20,
        };
        SearchQueryValidation.Check(query, errors);
        return errors.ToError() is { } invalid ? invalid : query;
    }

    /// <summary>Relevance when absent; null for a value that names no <see cref="SearchSort"/> (numbers are not names).</summary>
    internal static SearchSort? ParseSort(string? sort) =>
        string.IsNullOrWhiteSpace(sort) ? SearchSort.Relevance
        : sort.Trim().All(c => char.IsAsciiLetter(c) || c == '_')
          && Enum.TryParse(sort.Trim().Replace("_", ""), ignoreCase: true, out SearchSort parsed) ? parsed
        : null;

    private static IReadOnlyList<string> Split(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
