using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Search.Features;

/// <summary>
/// The Search module's workbench items. Enterprise: my demands that received new matches in the last
/// <see cref="RecentDays"/> days (the announced pairs, by the (demand organisation, notified at) index). Technology
/// manager: the demands and achievements I am assigned to follow (by the manager index). Links open the notification
/// centre filtered to the new-match notices, which lead to each match page.
/// </summary>
internal sealed class SearchWorkbench(TechTransferDbContext db, TimeProvider clock) : IWorkbenchSource
{
    public const int RecentDays = 7;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        if (caller.IsInRole(Roles.Enterprise) && caller.OrganizationId is { } org)
        {
            var since = clock.GetUtcNow().AddDays(-RecentDays);
            var demands = await db.Set<MatchNotice>().AsNoTracking()
                .Where(n => n.DemandOrganizationId == org && n.NotifiedAt >= since).Select(n => n.DemandId).Distinct().CountAsync(ct);
            items.Add(new("search.demands_with_new_matches", $"近 {RecentDays} 天有新匹配的需求", $"My demands with new matches (last {RecentDays} days)", demands,
                "/notifications?kind=" + NotificationKinds.NewMatch, WorkbenchSection.ToDo, 55));
        }
        if (caller.IsInRole(Roles.TechManager) && caller.UserId is { } me)
        {
            var bySubject = await db.Set<ManagerAssignment>().AsNoTracking().Where(a => a.ManagerUserId == me)
                .GroupBy(a => a.SubjectType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            items.Add(new("search.assigned_demands", "指派我跟进的需求", "Demands assigned to me", bySubject.Where(s => s.Key == "demand").Sum(s => s.Count),
                "/notifications?kind=" + NotificationKinds.ManagerAssigned, WorkbenchSection.ToDo, 45));
            items.Add(new("search.assigned_achievements", "指派我跟进的成果", "Achievements assigned to me", bySubject.Where(s => s.Key == "achievement").Sum(s => s.Count),
                "/notifications?kind=" + NotificationKinds.ManagerAssigned, WorkbenchSection.ToDo, 46));
        }
        return items;
    }
}
