using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.Platform;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Composition;

/// <summary>A role's workbench: the items every module contributes for the caller, in display order.</summary>
public sealed record WorkbenchResponse(IReadOnlyList<WorkbenchItem> ToDo, IReadOnlyList<WorkbenchItem> Status, IReadOnlyList<WorkbenchItem> Figures)
{
    public bool IsEmpty => ToDo.Count == 0 && Status.Count == 0 && Figures.Count == 0;
}

/// <summary>
/// Gathers the workbench (工作台) from every registered <see cref="IWorkbenchSource"/> — one per module plus the
/// platform's own — for the caller. Knows no module internals: a module adds items by registering a source.
/// Sources run one after another on the request's DbContext (a context never runs two queries at once).
/// </summary>
public sealed class WorkbenchQueries(IEnumerable<IWorkbenchSource> sources, ICurrentUser user)
{
    public async Task<Result<WorkbenchResponse>> GetAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var items = new List<WorkbenchItem>();
        foreach (var source in sources) items.AddRange(await source.ItemsAsync(user, ct));
        List<WorkbenchItem> Of(WorkbenchSection s) => items.Where(i => i.Section == s).OrderBy(i => i.Order).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        return new WorkbenchResponse(Of(WorkbenchSection.ToDo), Of(WorkbenchSection.Status), Of(WorkbenchSection.Figure));
    }
}

/// <summary>
/// The platform's own workbench items. Everyone: unread notifications. Platform administrator: accounts, locked
/// accounts, the search index state and its outbox backlog, e-mails that could not be delivered.
/// </summary>
internal sealed class PlatformWorkbench(TechTransferDbContext db, TimeProvider clock, IServiceProvider services) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        var notifications = services.GetRequiredService<NotificationQueries>();
        var unread = await notifications.UnreadCountAsync(ct);
        items.Add(new("platform.unread_notifications", "未读通知", "Unread notifications", unread, "/notifications?unread=true", WorkbenchSection.ToDo, 1));
        if (!caller.IsInRole(Roles.PlatformAdmin)) return items;
        var now = clock.GetUtcNow();
        items.Add(new("platform.users", "用户账号", "User accounts", await db.Users.CountAsync(ct), "/admin/users", WorkbenchSection.Figure, 1));
        items.Add(new("platform.locked_users", "已锁定的账号", "Locked accounts", await db.Users.CountAsync(TechTransfer.Composition.Accounts.UserAdministration.LockedAt(now), ct),
            "/admin/users?locked=true", WorkbenchSection.ToDo, 2));
        var search = services.GetService<ISearchIndexHealth>()?.State ?? "not-installed";
        var backlog = await db.SearchOutbox.CountAsync(ct);
        items.Add(new("platform.search_backlog", $"检索索引待处理（索引状态：{SearchState(search).Zh}）", $"Search index backlog (index: {SearchState(search).En})",
            backlog, "/health", WorkbenchSection.Status, 3, Urgent: search != "ready"));
        var failedMail = await db.EmailOutbox.CountAsync(e => e.FailedAt != null, ct);
        items.Add(new("platform.failed_emails", "无法投递的邮件", "E-mails that could not be delivered", failedMail, "/health", WorkbenchSection.Status, 4,
            Urgent: failedMail > 0));
        return items;
    }

    private static (string Zh, string En) SearchState(string state) => state switch
    {
        "ready" => ("正常", "ready"),
        "rebuilding" => ("重建中", "rebuilding"),
        "not-installed" => ("未安装", "not installed"),
        _ => ("异常", "not ready"),
    };
}
