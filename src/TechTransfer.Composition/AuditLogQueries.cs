using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Audit;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;

namespace TechTransfer.Composition;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? UserId, string? UserName, Guid? OrganizationId, string Action,
    string EntityType, string EntityId, Guid? SubjectOrganizationId, string? Before, string? After);

/// <summary>
/// The audit list's filters: <c>actor</c> (part of the user name), <c>entityType</c> (the record type), <c>entityId</c>,
/// <c>action</c> (Added, Modified or Deleted), <c>userId</c>, the Shanghai calendar days <c>from</c> and <c>to</c> (both
/// inclusive, <c>yyyy-MM-dd</c>); <c>sort</c> (<see cref="AuditLogQueries.Sorts"/>) and <c>desc</c>; <c>page</c> and <c>pageSize</c>.
/// </summary>
public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, Guid? UserId = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = 50, string? Actor = null, string? Action = null, string? Sort = null, bool? Desc = null);

/// <summary>
/// Reads the audit log. Platform admins read all of it; institution admins read the entries about their own
/// organisation's records; nobody else reads it.
/// </summary>
public sealed class AuditLogQueries(TechTransferDbContext db, ICurrentUser user)
{
    /// <summary>The trail's actions (what the save interceptor writes).</summary>
    public static readonly IReadOnlyList<string> Actions = ["Added", "Modified", "Deleted"];

    /// <summary>The list's sort keys (each an indexed column): <c>at</c> (the default, newest first), <c>user</c>,
    /// <c>action</c>, <c>entityType</c>.</summary>
    public static readonly ListSort<AuditEntry> Sorts = new ListSort<AuditEntry>(a => a.Id, "at", true)
        .Key("at", a => a.At)
        .Key("user", a => a.UserName)
        .Key("action", a => a.Action)
        .Key("entityType", a => a.EntityType);

    public bool CanRead => user.IsInAnyRole(Roles.PlatformAdmin, Roles.InstitutionAdmin);

    public async Task<Result<PagedResult<AuditEntryDto>>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Entries, ct);
    }

    /// <summary>Every entry of the filter in the list's order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<AuditEntryDto>>> ExportAsync(AuditQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Entries, ct);

    private static IQueryable<AuditEntryDto> Entries(IQueryable<AuditEntry> q) =>
        q.Select(a => new AuditEntryDto(a.Id, a.At, a.UserId, a.UserName, a.OrganizationId, a.Action, a.EntityType, a.EntityId,
            a.SubjectOrganizationId, a.Before, a.After));

    /// <summary>The entries the caller may read matching the filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<AuditEntry> Filtered, IQueryable<AuditEntry> Sorted)> Filtered(AuditQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!CanRead) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = db.AuditEntries.AsNoTracking();
        if (!user.IsInRole(Roles.PlatformAdmin))
        {
            var org = user.OrganizationId;
            q = q.Where(a => a.SubjectOrganizationId == org);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType)) q = q.Where(a => a.EntityType == query.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(query.EntityId)) q = q.Where(a => a.EntityId == query.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(query.Actor)) { var actor = query.Actor.Trim(); q = q.Where(a => a.UserName != null && a.UserName.Contains(actor)); }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = Actions.FirstOrDefault(x => string.Equals(x, query.Action.Trim(), StringComparison.OrdinalIgnoreCase));
            if (action is null) errors.Add(AuditErrors.UnknownAction);
            else q = q.Where(a => a.Action == action);
        }
        if (query.UserId is { } uid) q = q.Where(a => a.UserId == uid);
        if (query.From is { } fromDay)
        {
            if (!Plausible(fromDay)) errors.Add(AuditErrors.DayOutOfRange("from"));
            else { var from = BusinessTime.StartOf(fromDay).ToUniversalTime(); q = q.Where(a => a.At >= from); }
        }
        if (query.To is { } toDay)
        {
            if (!Plausible(toDay)) errors.Add(AuditErrors.DayOutOfRange("to"));
            else { var end = BusinessTime.StartOf(toDay.AddDays(1)).ToUniversalTime(); q = q.Where(a => a.At < end); }
        }
        if (query is { From: { } f, To: { } t } && t < f) errors.Add(AuditErrors.EmptyPeriod);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    /// <summary>A day the trail can hold (the first and last days of the calendar have no instant in every zone).</summary>
    private static bool Plausible(DateOnly day) => day.Year is >= 1900 and <= 9000;
}

public static class AuditErrors
{
    public static readonly FieldError UnknownAction = new("action", "audit.unknown_action", "操作须为新增、修改或删除", "The action must be Added, Modified or Deleted.");

    public static FieldError DayOutOfRange(string field) => new(field, "audit.day_out_of_range", "日期须在 1900 年至 9000 年之间", "The day must lie between the years 1900 and 9000.");

    public static readonly FieldError EmptyPeriod = new("to", "audit.empty_period", "截止日期不能早于起始日期", "The last day of the period cannot come before its first day.");
}
