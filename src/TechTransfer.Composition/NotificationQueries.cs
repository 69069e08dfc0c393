using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string TitleZh, string TitleEn, string? Link, DateTimeOffset CreatedAt, bool Read);

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

    public async Task<IReadOnlyList<NotificationDto>> ListAsync(int take, CancellationToken ct, bool unreadOnly = false, string? kind = null, int page = 1)
    {
        if (!user.IsAuthenticated || user.UserId is not { } uid) return [];
        var q = Mine().AsNoTracking();
        if (unreadOnly) q = Unread(q);
        if (!string.IsNullOrWhiteSpace(kind)) q = q.Where(n => n.Kind == kind);
        var size = Math.Clamp(take, 1, 200);
        var skip = (Math.Clamp(page, 1, 10_000) - 1) * size;
        var list = await q.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(skip).Take(size)
            .Select(n => new { n, Read = db.NotificationReads.Any(r => r.UserId == uid && r.NotificationId == n.Id) })
            .ToListAsync(ct);
        return list.Select(x => new NotificationDto(x.n.Id, x.n.Kind, Bilingual.T(x.n.TitleZh, x.n.TitleEn), x.n.TitleZh, x.n.TitleEn, x.n.Link,
            x.n.CreatedAt, x.Read)).ToList();
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
