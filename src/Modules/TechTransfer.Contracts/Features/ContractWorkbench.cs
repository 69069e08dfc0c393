using TechTransfer.SharedKernel.Time;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// The Contracts module's workbench items. Registrar: submissions to accept, overdue, due within the next five working
/// days (the holiday calendar), resubmitted after a supplement request, assigned to me. Parties (any organisation a
/// contract names): drafts, returned for supplements, in registration, registered. Analyst: contracts registered this
/// year, this month and last month from the pre-aggregated statistics (no scan of the contracts). Counts use the
/// (status, due date), owner and party-organisation indexes.
/// </summary>
internal sealed class ContractWorkbench(TechTransferDbContext db, TimeProvider clock, HolidayCalendar calendar, ContractStatisticsStore statistics)
    : IWorkbenchSource
{
    /// <summary>"This week" for a registrar: the next five working days.</summary>
    public const int DueSoonWorkingDays = 5;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        var today = clock.Today();
        if (caller.IsInRole(Roles.Registrar)) await RegistrarAsync(caller, today, items, ct);
        if (caller.OrganizationId is { } org && caller.IsInAnyRole(ContractService.DraftingRoles)) await PartyAsync(org, items, ct);
        if (caller.IsInRole(Roles.Analyst)) await AnalystAsync(today, items, ct);
        return items;
    }

    private async Task RegistrarAsync(ICurrentUser caller, DateOnly today, List<WorkbenchItem> items, CancellationToken ct)
    {
        var contracts = db.Set<TechnologyContract>().AsNoTracking();
        var toAccept = contracts.Where(c => c.Status == RegistrationStatus.Submitted);
        items.Add(new("contracts.to_accept", "待受理的合同", "Contracts to accept", await toAccept.CountAsync(ct),
            "/contracts/workbench?status=Submitted", WorkbenchSection.ToDo, 60));
        var running = contracts.Where(c => (c.Status == RegistrationStatus.Accepted || c.Status == RegistrationStatus.ExpertReview) && c.DueDate != null);
        var overdue = running.Where(c => c.DueDate < today);
        var overdueCount = await overdue.CountAsync(ct);
        items.Add(new("contracts.overdue", "已超期的合同", "Overdue contracts", overdueCount, "/contracts/workbench?overdue=true",
            WorkbenchSection.ToDo, 61, overdueCount == 0 ? null : await overdue.MinAsync(c => c.DueDate, ct), Urgent: overdueCount > 0));
        var dueBy = calendar.AddWorkingDays(today, DueSoonWorkingDays);
        var dueSoon = running.Where(c => c.DueDate >= today && c.DueDate <= dueBy);
        var dueSoonCount = await dueSoon.CountAsync(ct);
        items.Add(new("contracts.due_this_week", $"{DueSoonWorkingDays} 个工作日内到期", $"Due within {DueSoonWorkingDays} working days", dueSoonCount,
            "/contracts/workbench?dueBy=" + dueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WorkbenchSection.ToDo, 62,
            dueSoonCount == 0 ? null : await dueSoon.MinAsync(c => c.DueDate, ct)));
        var resubmitted = await contracts.CountAsync(c => c.Status == RegistrationStatus.Accepted && c.ResubmittedAt != null, ct);
        items.Add(new("contracts.resubmitted", "补正后重新提交", "Resubmitted after supplements", resubmitted,
            "/contracts/workbench?status=Accepted&resubmitted=true", WorkbenchSection.ToDo, 63));
        var waiting = await contracts.CountAsync(c => c.Status == RegistrationStatus.SupplementRequested, ct);
        items.Add(new("contracts.awaiting_supplements", "等待当事人补正", "Awaiting supplements from the parties", waiting,
            "/contracts/workbench?status=SupplementRequested", WorkbenchSection.Status, 60));
        if (caller.UserId is { } me)
        {
            var mine = await contracts.CountAsync(c => c.AssignedRegistrarUserId == me && (c.Status == RegistrationStatus.Submitted
                || c.Status == RegistrationStatus.Accepted || c.Status == RegistrationStatus.ExpertReview
                || c.Status == RegistrationStatus.SupplementRequested || c.Status == RegistrationStatus.ObjectionFiled), ct);
            items.Add(new("contracts.assigned_to_me", "分派给我的合同", "Contracts assigned to me", mine, "/contracts/workbench", WorkbenchSection.Status, 61));
        }
    }

    private async Task PartyAsync(Guid org, List<WorkbenchItem> items, CancellationToken ct)
    {
        // the contracts that name the organisation, counted in two parts that each follow an index: those it owns (the
        // (owner, status) index alone) and those that name it as a party without it owning them (the party organisation
        // index, then each contract by key). Written as "owner = org OR EXISTS(party)" the planner walks every contract.
        var contracts = db.Set<TechnologyContract>().AsNoTracking();
        var owned = await contracts.Where(c => c.OwnerOrganizationId == org)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var asParty = await contracts
            .SelectMany(c => c.Parties, (c, p) => new { c.Id, c.Status, c.OwnerOrganizationId, p.OrganizationId })
            .Where(x => x.OrganizationId == org && x.OwnerOrganizationId != org)
            .Select(x => new { x.Id, x.Status }).Distinct()
            .GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = owned.Concat(asParty).ToList();
        int Of(params RegistrationStatus[] s) => byStatus.Where(x => s.Contains(x.Key)).Sum(x => x.Count);
        var returned = Of(RegistrationStatus.SupplementRequested);
        items.Add(new("contracts.supplements_requested", "需补正的合同", "Contracts returned for supplements", returned,
            "/contracts?status=SupplementRequested", WorkbenchSection.ToDo, 70, Urgent: returned > 0));
        items.Add(new("contracts.drafts", "合同草稿", "Contract drafts", Of(RegistrationStatus.Draft), "/contracts?status=Draft", WorkbenchSection.ToDo, 71));
        items.Add(new("contracts.in_registration", "登记办理中的合同", "Contracts in registration",
            Of(RegistrationStatus.Submitted, RegistrationStatus.Accepted, RegistrationStatus.ExpertReview, RegistrationStatus.ObjectionFiled),
            "/contracts?status=Submitted,Accepted,ExpertReview,ObjectionFiled", WorkbenchSection.Status, 70));
        items.Add(new("contracts.registered", "已登记的合同", "Registered contracts",
            Of(RegistrationStatus.Registered, RegistrationStatus.ChangeRegistered),
            "/contracts?status=Registered,ChangeRegistered", WorkbenchSection.Figure, 70));
    }

    private async Task AnalystAsync(DateOnly today, List<WorkbenchItem> items, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var lastMonthStart = monthStart.AddMonths(-1);
        var lastYearStart = yearStart.AddYears(-1);
        var thisYear = await statistics.QueryAsync(yearStart, today, StatisticsGroupBy.Year, ct);
        var lastYearToDate = await statistics.QueryAsync(lastYearStart, SameDayLastYear(today), StatisticsGroupBy.Year, ct);
        var thisMonth = await statistics.QueryAsync(monthStart, today, StatisticsGroupBy.Month, ct);
        var lastMonth = await statistics.QueryAsync(lastMonthStart, monthStart.AddDays(-1), StatisticsGroupBy.Month, ct);
        string Link(DateOnly from, DateOnly to) => "/contracts/statistics?from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + "&to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        void Add(string key, string zh, string en, Result<StatisticsResult> r, DateOnly from, DateOnly to, int order)
        {
            if (r.IsFailure) return;
            items.Add(new(key + "_count", zh + "登记合同数", "Contracts registered " + en, r.Value!.Count, Link(from, to), WorkbenchSection.Figure, order));
            items.Add(new(key + "_amount", zh + "技术交易额", "Technology transaction amount " + en, r.Value!.Count, Link(from, to), WorkbenchSection.Figure,
                order + 1, AmountYuan: r.Value!.TechTransactionAmount));
        }
        Add("contracts.this_year", "本年", "this year", thisYear, yearStart, today, 80);
        Add("contracts.last_year_to_date", "上年同期", "in the same period last year", lastYearToDate, lastYearStart, SameDayLastYear(today), 82);
        Add("contracts.this_month", "本月", "this month", thisMonth, monthStart, today, 84);
        Add("contracts.last_month", "上月", "last month", lastMonth, lastMonthStart, monthStart.AddDays(-1), 86);
    }

    private static DateOnly SameDayLastYear(DateOnly d) => d.AddYears(-1);
}
