using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Use cases of technology demands (技术需求), shared by the API and the pages. Visibility (DM.11–DM.12) is applied in
/// the query: a demand the caller may not see is "not found" (404), never "forbidden", so its existence is not revealed.
/// </summary>
public sealed class DemandService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DemandsOptions> options)
{
    private DbSet<Demand> Demands => db.Set<Demand>();

    public Actor? Actor => Domain.Common.Actor.From(user, options.Value.ReviewerOrganizationId);

    /// <summary>The demands the caller may see, in SQL (mirrors <see cref="Demand.IsVisibleTo"/>).</summary>
    internal IQueryable<Demand> Visible(Actor? actor)
    {
        var q = Demands.AsQueryable();
        var org = actor?.OrganizationId;
        if (actor is { IsPlatformStaff: true })
            return q.Where(d => d.OwnerOrganizationId == org || d.SubmittedAt != null || d.PublishedAt != null);
        return q.Where(d => (org != null && d.OwnerOrganizationId == org)
            || (d.PublishedAt != null && d.Status != DemandStatus.Draft && d.Status != DemandStatus.UnderReview
                && d.ContactVisibility != ContactVisibility.Private));
    }

    public async Task<Result<PagedResult<DemandSummary>>> ListAsync(DemandListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        var errors = paging.Validate().ToList();
        var actor = Actor;
        var now = clock.GetUtcNow();
        var q = Visible(actor).AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(d => d.Title.Contains(term) || d.Need.Contains(term) || d.Goal.Contains(term) || d.Field.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!Enum.TryParse<DemandStatus>(query.Status, true, out var status) || !Enum.IsDefined(status))
                errors.Add(new("status", "demand.unknown_status", "状态须为 Draft、UnderReview、Published、Matched、Closed 或 Expired",
                    "Status must be Draft, UnderReview, Published, Matched, Closed or Expired."));
            else q = status switch
            {
                DemandStatus.Published => q.Where(d => d.Status == DemandStatus.Published && d.Deadline > now),
                DemandStatus.Expired => q.Where(d => d.Status == DemandStatus.Expired || (d.Status == DemandStatus.Published && d.Deadline <= now)),
                _ => q.Where(d => d.Status == status),
            };
        }
        if (!string.IsNullOrWhiteSpace(query.Field)) q = q.Where(d => d.Field == query.Field.Trim());
        if (!string.IsNullOrWhiteSpace(query.Ipc))
        {
            var prefix = query.Ipc.Trim().ToUpperInvariant();
            q = q.Where(d => d.IpcCodes.Any(c => c.StartsWith(prefix)));
        }
        if (!string.IsNullOrWhiteSpace(query.Division))
        {
            var div = query.Division.Trim();
            var prefix = div.EndsWith("0000") ? div[..2] : div.EndsWith("00") ? div[..4] : div;
            q = q.Where(d => d.DivisionCode.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(query.Mode))
        {
            var mode = DemandRequest.ParseModes([query.Mode]);
            if (mode == CooperationModes.None || (int)mode >= 1024)
                errors.Add(new("mode", "demand.unknown_mode", "合作方式须为 Transfer、Licence、JointDevelopment、CommissionedDevelopment 或 Consulting",
                    "Mode must be Transfer, Licence, JointDevelopment, CommissionedDevelopment or Consulting."));
            else q = q.Where(d => (d.CooperationModes & mode) != 0);
        }
        if (query.BudgetMin is { } bmin) q = q.Where(d => d.BudgetMaxYuan == null || d.BudgetMaxYuan >= bmin);
        if (query.BudgetMax is { } bmax) q = q.Where(d => d.BudgetMinYuan == null || d.BudgetMinYuan <= bmax);
        if (query.Mine == true)
        {
            if (actor?.OrganizationId is not { } org) return Error.Forbidden;
            q = q.Where(d => d.OwnerOrganizationId == org);
        }
        IOrderedQueryable<Demand>? ordered = (query.Sort?.ToLowerInvariant(), query.Desc ?? true) switch
        {
            (null or "" or "publishedat", true) => q.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.UpdatedAt),
            (null or "" or "publishedat", false) => q.OrderBy(d => d.PublishedAt).ThenBy(d => d.UpdatedAt),
            ("deadline", true) => q.OrderByDescending(d => d.Deadline),
            ("deadline", false) => q.OrderBy(d => d.Deadline),
            ("updatedat", true) => q.OrderByDescending(d => d.UpdatedAt),
            ("updatedat", false) => q.OrderBy(d => d.UpdatedAt),
            ("title", true) => q.OrderByDescending(d => d.Title),
            ("title", false) => q.OrderBy(d => d.Title),
            _ => null,
        };
        if (ordered is null)
            errors.Add(new("sort", "paging.unknown_sort", "排序字段须为 publishedAt、deadline、updatedAt 或 title", "Sort by publishedAt, deadline, updatedAt or title."));
        if (errors.Count > 0) return Error.Validation(errors);

        var total = await q.CountAsync(ct);
        var rows = await ordered!.ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(d => new DemandSummary(d.Id, d.Title, d.Field, d.IpcCodes, d.BudgetMinYuan, d.BudgetMaxYuan, d.Deadline,
            DemandResponse.Modes(d.CooperationModes), d.DivisionCode, d.StatusAt(now).ToString(), d.OwnerOrganizationId, d.PublishedAt, d.UpdatedAt)).ToList();
        return new PagedResult<DemandSummary>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<DemandResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor;
        var demand = await Visible(actor).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return demand is null ? DemandErrors.NotFound : DemandResponse.From(demand, actor, clock.GetUtcNow());
    }

    public async Task<Result<DemandResponse>> CreateAsync(DemandRequest request, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var created = Demand.Create(Guid.NewGuid(), actor, request.ToDetails(), now);
        if (created.IsFailure) return created.Error!;
        db.Add(created.Value);
        await db.SaveChangesAsync(ct);
        return DemandResponse.From(created.Value, actor, now);
    }

    public Task<Result<DemandResponse>> UpdateAsync(Guid id, DemandRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, (d, a, now) => d.Edit(a, request.ToDetails(), now), ct, versionRequired: true);

    public Task<Result<DemandResponse>> SubmitAsync(Guid id, CancellationToken ct) => ChangeAsync(id, null, (d, a, now) => d.Submit(a, now), ct);
    public Task<Result<DemandResponse>> WithdrawAsync(Guid id, CancellationToken ct) => ChangeAsync(id, null, (d, a, now) => d.Withdraw(a, now), ct);
    public Task<Result<DemandResponse>> ApproveAsync(Guid id, ReviewRequest? r, CancellationToken ct) => ChangeAsync(id, null, (d, a, now) => d.Approve(a, r?.Comment, now), ct,
        after: (d, now) => Notify(d, $"您的技术需求“{d.Title}”已审核通过并发布", $"Your technology demand \"{d.Title}\" was approved and published", now));
    public Task<Result<DemandResponse>> RejectAsync(Guid id, ReasonRequest? r, CancellationToken ct) => ChangeAsync(id, null, (d, a, now) => d.Reject(a, r?.Reason, now), ct,
        after: (d, now) => Notify(d, $"您的技术需求“{d.Title}”被退回修改：{d.ReviewComment}", $"Your technology demand \"{d.Title}\" was returned: {d.ReviewComment}", now));
    public Task<Result<DemandResponse>> CloseAsync(Guid id, ReasonRequest? r, CancellationToken ct) => ChangeAsync(id, null, (d, a, now) => d.Close(a, r?.Reason, now), ct);
    public Task<Result<DemandResponse>> MarkMatchedAsync(Guid id, MatchRequest? r, CancellationToken ct) =>
        ChangeAsync(id, null, (d, a, now) => d.MarkMatched(a, r?.OrganizationId ?? Guid.Empty, now), ct);

    /// <summary>Stores Expired on every published demand past its deadline (DM.10); run daily by <see cref="DemandExpiryJob"/>.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await Demands.Where(d => d.Status == DemandStatus.Published && d.Deadline <= now).ToListAsync(ct);
        var changed = due.Count(d => d.ExpireIfDue(now));
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>站内通知 to the owner organisation's enterprise users, written in the same transaction as the change.</summary>
    private void Notify(Demand d, string zh, string en, DateTimeOffset now) =>
        db.Add(Notification.ToOrganization(d.OwnerOrganizationId, Roles.Enterprise, Trim(zh), Trim(en), $"/demands/{d.Id}", now));

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private async Task<Result<DemandResponse>> ChangeAsync(Guid id, int? version, Func<Demand, Actor, DateTimeOffset, Result> change,
        CancellationToken ct, bool versionRequired = false, Action<Demand, DateTimeOffset>? after = null)
    {
        var actor = Actor;
        var demand = await Visible(actor).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null) return DemandErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        if (versionRequired && version is null)
            return Error.Validation("version", "demand.version_required", "修改时须提供版本号 version", "Send the version you are changing.");
        if (version is not null && version != demand.Version) return Error.ConcurrencyConflict;
        var now = clock.GetUtcNow();
        var result = change(demand, actor, now);
        if (result.IsFailure) return result.Error!;
        after?.Invoke(demand, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.ConcurrencyConflict;
        }
        return DemandResponse.From(demand, actor, now);
    }
}
