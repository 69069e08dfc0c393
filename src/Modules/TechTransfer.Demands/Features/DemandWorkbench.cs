using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Demands.Features;

/// <summary>
/// The Demands module's workbench items. Enterprise (and any organisation that posts demands): my demands returned or
/// still drafts, under review, published (with the nearest deadline), and the applications my published challenges have
/// received. Platform staff (DM.9): demands waiting for review. Counts use the (organisation) and (status, deadline)
/// indexes; links open the lists with the same filters.
/// </summary>
internal sealed class DemandWorkbench(TechTransferDbContext db, TimeProvider clock, IOptions<DemandsOptions> options) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        var now = clock.GetUtcNow();
        if (new PlatformStaff(options.Value.ReviewerOrganizationId).Includes(caller))
        {
            var toReview = db.Set<Demand>().AsNoTracking().Where(d => d.Status == DemandStatus.UnderReview);
            items.Add(new("demands.to_review", "待审核的技术需求", "Demands to review", await toReview.CountAsync(ct),
                "/demands/review", WorkbenchSection.ToDo, 50));
        }
        if (!caller.IsInRole(Roles.Enterprise) || caller.OrganizationId is not { } org) return items;

        var mine = db.Set<Demand>().AsNoTracking().Where(d => d.OwnerOrganizationId == org);
        var byStatus = await mine.GroupBy(d => new { d.Status, Open = d.Deadline > now })
            .Select(g => new { g.Key.Status, g.Key.Open, Count = g.Count() }).ToListAsync(ct);
        int Of(DemandStatus s) => byStatus.Where(x => x.Status == s).Sum(x => x.Count);
        var published = byStatus.Where(x => x.Status == DemandStatus.Published && x.Open).Sum(x => x.Count);
        items.Add(new("demands.my_drafts", "需求草稿（含审核退回）", "My demand drafts (including those returned by review)", Of(DemandStatus.Draft),
            "/demands?mine=true&status=Draft", WorkbenchSection.ToDo, 50));
        items.Add(new("demands.my_under_review", "审核中的需求", "My demands under review", Of(DemandStatus.UnderReview),
            "/demands?mine=true&status=UnderReview", WorkbenchSection.Status, 50));
        var nextDeadline = published == 0 ? (DateTimeOffset?)null
            : await mine.Where(d => d.Status == DemandStatus.Published && d.Deadline > now).MinAsync(d => (DateTimeOffset?)d.Deadline, ct);
        items.Add(new("demands.my_published", "已发布的需求", "My published demands", published,
            "/demands?mine=true&status=Published", WorkbenchSection.Status, 51, nextDeadline is { } dl ? BusinessTime.DateOf(dl) : null));
        items.Add(new("demands.my_matched", "已对接的需求", "My matched demands", Of(DemandStatus.Matched),
            "/demands?mine=true&status=Matched", WorkbenchSection.Figure, 50));

        // applications to my published challenges (not withdrawn, not yet decided)
        var applications = await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.OwnerOrganizationId == org && c.Status == ChallengeStatus.Published)
            .Join(db.Set<ChallengeApplication>().Where(a => a.Status == ApplicationStatus.Submitted), c => c.Id, a => a.ChallengeId, (c, a) => a.Id)
            .CountAsync(ct);
        items.Add(new("demands.challenge_applications", "我发布的揭榜项目收到的申请", "Applications to my challenges", applications,
            "/challenges?mine=true", WorkbenchSection.ToDo, 52));
        return items;
    }
}
