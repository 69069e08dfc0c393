using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Composition;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string TitleZh, string TitleEn, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>Query of GET /api/v1/notifications and its export: <c>unread</c> for the unread ones only, <c>kind</c> one kind, <c>from</c>/<c>to</c>
/// the days they arrived (Shanghai, both inclusive), <c>sort</c> a key of <see cref="NotificationQueries.Sorts"/> (createdAt, kind).</summary>
public sealed record NotificationListQuery(bool Unread = false, string? Kind = null, DateOnly? From = null, DateOnly? To = null,
    string? Sort = null, bool Desc = false, int Page = 1, int PageSize = 50);

public sealed record NotificationPreferenceDto(string Kind, string Label, string LabelZh, string LabelEn, bool Email);

public sealed record NotificationPreferencesResponse(string Language, bool HasEmailAddress, bool EmailEnabled, IReadOnlyList<NotificationPreferenceDto> Kinds);

public sealed record NotificationPreferenceInput(string Kind, bool Email);

/// <summary>Body of PUT /api/v1/notifications/preferences: the kinds to change (others keep their choice) and optionally the e-mail language.</summary>
public sealed record NotificationPreferencesRequest(List<NotificationPreferenceInput> Kinds, string? Language = null);

/// <summary>Errors of the notification centre and preferences.</summary>
public static class NotificationErrors
{
    public static readonly Error NotFound = Error.NotFound("notification", "通知");

    public static FieldError UnknownKind(int index, string kind) => new($"kinds[{index}].kind", "notification.unknown_kind",
        $"没有“{kind}”这一类通知", $"There is no notification kind \"{kind}\".");

    public static readonly FieldError UnknownLanguage = new("language", "notification.unknown_language",
        "邮件语言只能是 zh-CN 或 en", "The e-mail language must be zh-CN or en.");

    public static readonly FieldError DuplicateKind = new("kinds", "notification.duplicate_kind",
        "同一类通知只能出现一次", "Each notification kind may appear once.");
}

/// <summary>
/// The caller's notifications — addressed to them, to their organisation (optionally a role in it) or to a role they hold
/// platform-wide — with the caller's own read state (<see cref="NotificationRead"/>), and the caller's e-mail preferences.
/// Nobody reads, or marks, another user's notifications: every query starts from <see cref="Mine"/>.
/// </summary>
public sealed class NotificationQueries(TechTransferDbContext db, ICurrentUser user, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp)
{
    private IQueryable<Notification> Mine()
    {
        var uid = user.UserId;
        var org = user.OrganizationId;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return db.Notifications.Where(n => (uid != null && n.RecipientUserId == uid)
            || (org != null && n.RecipientOrganizationId == org && (n.RecipientRole == null || roles.Contains(n.RecipientRole)))
            || (n.RecipientUserId == null && n.RecipientOrganizationId == null && n.RecipientRole != null && roles.Contains(n.RecipientRole)));
    }

    private IQueryable<Notification> Unread(IQueryable<Notification> q)
    {
        var uid = user.UserId ?? Guid.Empty;
        return q.Where(n => !db.NotificationReads.Any(r => r.UserId == uid && r.NotificationId == n.Id));
    }

    /// <summary>The notification list's sort keys (default: the newest first).</summary>
    public static readonly ListSort<Notification> Sorts = new ListSort<Notification>(n => n.Id, "createdAt", true)
        .Key("createdAt", n => n.CreatedAt)
        .Key("kind", n => n.Kind);

    public async Task<Result<PagedResult<NotificationDto>>> ListAsync(NotificationListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Rows, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<NotificationDto>>> ExportAsync(NotificationListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Rows, ct);

    /// <summary>The rows with the caller's own read state (the title in the request's language is picked after the query).</summary>
    private IQueryable<NotificationDto> Rows(IQueryable<Notification> q)
    {
        var uid = user.UserId ?? Guid.Empty;
        return q.Select(n => new NotificationDto(n.Id, n.Kind, Bilingual.T(n.TitleZh, n.TitleEn), n.TitleZh, n.TitleEn, n.Link, n.CreatedAt,
            db.NotificationReads.Any(r => r.UserId == uid && r.NotificationId == n.Id)));
    }

    /// <summary>The caller's notifications matching the filters (unread, kind, days), and the same in the requested order.</summary>
    private Result<(IQueryable<Notification> Filtered, IQueryable<Notification> Sorted)> Filtered(NotificationListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!user.IsAuthenticated || user.UserId is null) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Mine().AsNoTracking();
        if (query.Unread) q = Unread(q);
        if (!string.IsNullOrWhiteSpace(query.Kind)) { var kind = query.Kind.Trim(); q = q.Where(n => n.Kind == kind); }
        q = q.Between(n => n.CreatedAt, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<int> CountAsync(bool unreadOnly, string? kind, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.UserId is null) return 0;
        var q = Mine();
        if (unreadOnly) q = Unread(q);
        if (!string.IsNullOrWhiteSpace(kind)) q = q.Where(n => n.Kind == kind);
        return await q.CountAsync(ct);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct) => CountAsync(true, null, ct);

    public async Task<Result> MarkReadAsync(Guid id, CancellationToken ct)
    {
        if (user.UserId is not { } uid) return NotificationErrors.NotFound;
        if (!await Mine().AnyAsync(x => x.Id == id, ct)) return NotificationErrors.NotFound;
        if (!await db.NotificationReads.AnyAsync(r => r.UserId == uid && r.NotificationId == id, ct))
        {
            db.NotificationReads.Add(new NotificationRead(id, uid, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return Result.Success();
    }

    /// <summary>Marks every unread notification of the caller read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        if (user.UserId is not { } uid) return 0;
        var ids = await Unread(Mine()).Select(n => n.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var id in ids) db.NotificationReads.Add(new NotificationRead(id, uid, now));
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    public async Task<Result<NotificationPreferencesResponse>> PreferencesAsync(CancellationToken ct)
    {
        if (user.UserId is not { } uid) return Error.Forbidden;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => new { u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (account is null) return Error.Forbidden;
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == uid).ToDictionaryAsync(p => p.Kind, p => p.Email, ct);
        var kinds = NotificationKinds.All.Select(k => new NotificationPreferenceDto(k.Kind, Bilingual.T(k.Zh, k.En), k.Zh, k.En,
            chosen.GetValueOrDefault(k.Kind))).ToList();
        return new NotificationPreferencesResponse(account.PreferredLanguage ?? "zh-CN", !string.IsNullOrWhiteSpace(account.Email),
            smtp.Value.IsConfigured, kinds);
    }

    public async Task<Result<NotificationPreferencesResponse>> SavePreferencesAsync(NotificationPreferencesRequest request, CancellationToken ct)
    {
        if (user.UserId is not { } uid) return Error.Forbidden;
        var errors = new FieldErrors();
        for (var i = 0; i < request.Kinds.Count; i++)
            if (!NotificationKinds.IsKnown(request.Kinds[i].Kind)) errors.Add(NotificationErrors.UnknownKind(i, request.Kinds[i].Kind));
        if (request.Kinds.Select(k => k.Kind).Distinct(StringComparer.Ordinal).Count() != request.Kinds.Count) errors.Add(NotificationErrors.DuplicateKind);
        if (request.Language is not null and not ("zh-CN" or "en")) errors.Add(NotificationErrors.UnknownLanguage);
        if (errors.ToError() is { } invalid) return invalid;
        var existing = await db.NotificationPreferences.Where(p => p.UserId == uid).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var k in request.Kinds)
        {
            if (existing.TryGetValue(k.Kind, out var p)) p.Set(k.Email);
            else db.NotificationPreferences.Add(new NotificationPreference(uid, k.Kind, k.Email));
        }
        if (request.Language is { } language)
        {
            var account = await db.Users.SingleOrDefaultAsync(u => u.Id == uid, ct);
            if (account is null) return Error.Forbidden;
            account.PreferredLanguage = language;
        }
        await db.SaveChangesAsync(ct);
        return await PreferencesAsync(ct);
    }
}
