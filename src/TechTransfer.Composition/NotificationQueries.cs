using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

public sealed record NotificationDto(Guid Id, string Title, string TitleZh, string TitleEn, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>The caller's notifications: addressed to them, or to their organisation (optionally a role in it).</summary>
public sealed class NotificationQueries(TechTransferDbContext db, ICurrentUser user, TimeProvider clock)
{
    private IQueryable<Data.Notifications.Notification> Mine()
    {
        var uid = user.UserId;
        var org = user.OrganizationId;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return db.Notifications.Where(n => (uid != null && n.RecipientUserId == uid)
            || (org != null && n.RecipientOrganizationId == org && (n.RecipientRole == null || roles.Contains(n.RecipientRole))));
    }

    public async Task<IReadOnlyList<NotificationDto>> ListAsync(int take, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return [];
        var list = await Mine().AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return list.Select(n => new NotificationDto(n.Id, Bilingual.T(n.TitleZh, n.TitleEn), n.TitleZh, n.TitleEn, n.Link, n.CreatedAt, n.ReadAt != null)).ToList();
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct) =>
        user.IsAuthenticated ? await Mine().CountAsync(n => n.ReadAt == null, ct) : 0;

    public async Task<Result> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var n = await Mine().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Error.NotFound("notification", "通知");
        n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
