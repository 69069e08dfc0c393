using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// The Achievements module's workbench items. Transfer office: disclosures to review, rights grants and income plans to
/// decide, idle achievements. Researcher: my disclosures by state (drafts and returned ones need me), my grant requests,
/// my income shares. Every count is an index seek on the organisation (or the requesting user) and the status; each link
/// opens the list filtered to exactly the records counted.
/// </summary>
internal sealed class AchievementWorkbench(TechTransferDbContext db) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        if (caller.OrganizationId is not { } org) return items;
        if (caller.IsInRole(Roles.InstitutionAdmin)) await OfficeAsync(org, items, ct);
        if (caller.IsInRole(Roles.Researcher) && caller.UserId is { } me) await ResearcherAsync(org, me, items, ct);
        return items;
    }

    private async Task OfficeAsync(Guid org, List<WorkbenchItem> items, CancellationToken ct)
    {
        var achievements = db.Set<Achievement>().AsNoTracking().Where(a => a.OwnerOrganizationId == org);
        var byStatus = await achievements
            .Where(a => a.Status == AchievementStatus.Disclosed || a.Status == AchievementStatus.UnderReview || a.Status == AchievementStatus.Registered)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(AchievementStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        items.Add(new("achievements.disclosed", "待受理的成果披露", "Disclosures to review", Of(AchievementStatus.Disclosed),
            "/achievements?status=Disclosed", WorkbenchSection.ToDo, 10));
        items.Add(new("achievements.under_review", "审核中的成果", "Achievements under review", Of(AchievementStatus.UnderReview),
            "/achievements?status=UnderReview", WorkbenchSection.ToDo, 11));
        var grants = await db.Set<RightsGrant>().AsNoTracking()
            .CountAsync(g => g.OrganizationId == org && g.Status == RightsGrantStatus.Submitted, ct);
        items.Add(new("achievements.grants_to_decide", "待决定的赋权申请", "Rights grants to decide", grants,
            "/rights-grants?status=Submitted", WorkbenchSection.ToDo, 12));
        var plans = await db.Set<IncomeDistribution>().AsNoTracking()
            .CountAsync(d => d.OrganizationId == org && d.Status == IncomeDistributionStatus.Draft, ct);
        items.Add(new("achievements.plans_to_approve", "待批准的收益分配方案", "Income plans to approve", plans,
            "/income-distributions?status=Draft", WorkbenchSection.ToDo, 13));
        var idle = await achievements.CountAsync(a => a.IdleFlaggedAt != null, ct);
        items.Add(new("achievements.idle", "闲置成果", "Idle achievements", idle, "/achievements/idle", WorkbenchSection.ToDo, 14, Urgent: idle > 0));
        items.Add(new("achievements.registered", "已登记成果", "Registered achievements", Of(AchievementStatus.Registered),
            "/achievements?status=Registered", WorkbenchSection.Figure, 10));
    }

    private async Task ResearcherAsync(Guid org, Guid me, List<WorkbenchItem> items, CancellationToken ct)
    {
        // the list's "mine" filter (created by me or naming me as a completer) as two index seeks on the user — the ones I
        // created, then the ones naming me that someone else created — instead of reading every achievement of the organisation
        var achievements = db.Set<Achievement>().AsNoTracking();
        var created = await achievements
            .Where(a => a.CreatedByUserId == me && a.OwnerOrganizationId == org)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var named = await db.Set<Achievement>().AsNoTracking()
            .SelectMany(a => a.CompleterAccounts.Where(c => c.UserId == me), (a, c) => a)
            .Where(a => a.CreatedByUserId != me && a.OwnerOrganizationId == org)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = created.Concat(named).ToList();
        int Of(params AchievementStatus[] s) => byStatus.Where(x => s.Contains(x.Key)).Sum(x => x.Count);
        items.Add(new("achievements.my_returned", "退回修改的成果披露", "My disclosures returned for changes", Of(AchievementStatus.Returned),
            "/achievements?mine=true&status=Returned", WorkbenchSection.ToDo, 10, Urgent: Of(AchievementStatus.Returned) > 0));
        items.Add(new("achievements.my_drafts", "未提交的披露草稿", "My disclosure drafts", Of(AchievementStatus.Draft),
            "/achievements?mine=true&status=Draft", WorkbenchSection.ToDo, 11));
        items.Add(new("achievements.my_disclosed", "已披露待受理", "My disclosures awaiting review", Of(AchievementStatus.Disclosed),
            "/achievements?mine=true&status=Disclosed", WorkbenchSection.Status, 10));
        items.Add(new("achievements.my_under_review", "审核中", "My disclosures under review", Of(AchievementStatus.UnderReview),
            "/achievements?mine=true&status=UnderReview", WorkbenchSection.Status, 11));
        items.Add(new("achievements.my_registered", "已登记", "My registered achievements", Of(AchievementStatus.Registered),
            "/achievements?mine=true&status=Registered", WorkbenchSection.Status, 12));

        var grants = await db.Set<RightsGrant>().AsNoTracking().Where(g => g.RequestedByUserId == me)
            .GroupBy(g => g.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        items.Add(new("achievements.my_grants_submitted", "我的赋权申请（待决定）", "My rights-grant requests awaiting decision",
            grants.Where(g => g.Key == RightsGrantStatus.Submitted).Sum(g => g.Count), "/rights-grants?mine=true&status=Submitted", WorkbenchSection.Status, 20));
        items.Add(new("achievements.my_grants_approved", "我获得的赋权", "My approved rights grants",
            grants.Where(g => g.Key == RightsGrantStatus.Approved).Sum(g => g.Count), "/rights-grants?mine=true&status=Approved", WorkbenchSection.Figure, 20));

        // my income shares: the approved plans of my organisation that name me (the organisation's rows, then the JSON array)
        var plans = await db.Set<IncomeDistribution>().AsNoTracking()
            .Where(d => d.OrganizationId == org && d.Status == IncomeDistributionStatus.Approved && d.TeamUserIds.Contains(me))
            .Select(d => d.Allocations).ToListAsync(ct);
        var mine = plans.SelectMany(a => a).Where(a => a.UserId == me).ToList();
        items.Add(new("achievements.my_income", "我的收益分配（应得）", "My income shares (due)", plans.Count,
            "/income-distributions?status=Approved", WorkbenchSection.Figure, 21, AmountYuan: mine.Sum(a => a.Amount)));
        items.Add(new("achievements.my_income_paid", "我的收益分配（已发放）", "My income shares (paid)", plans.Count,
            "/income-distributions?status=Approved", WorkbenchSection.Figure, 22, AmountYuan: mine.Sum(a => a.Paid)));
    }
}
