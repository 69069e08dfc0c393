using TechTransfer.SharedKernel.Fields;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Use cases of technology demands (技术需求), shared by the API and the pages. Visibility (DM.11–DM.12) is applied in
/// the query: a demand the caller may not see is "not found" (404), never "forbidden", so its existence is not revealed.
/// </summary>
public sealed class DemandService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DemandsOptions> options,
    IReferenceCheck references)
{
    private DbSet<Demand> Demands => db.Set<Demand>();

    /// <summary>Rule DM.9 as configured: who is platform staff.</summary>
    public PlatformStaff Staff => new(options.Value.ReviewerOrganizationId);

    /// <summary>The caller (the one caller model), for pages that show what it may do.</summary>
    public ICurrentUser Caller => user;

    /// <summary>Whether the caller is platform staff (DM.9).</summary>
    public bool IsPlatformStaff => Staff.Includes(user);

    /// <summary>The demands the caller may see, in SQL (mirrors <see cref="Demand.IsVisibleTo"/>).</summary>
    internal IQueryable<Demand> Visible(ICurrentUser caller) => VisibleTo(Demands, caller, Staff);

    /// <summary>The one SQL form of demand visibility, used by the module's reads and by <see cref="DemandReferences"/>.</summary>
    internal static IQueryable<Demand> VisibleTo(IQueryable<Demand> demands, ICurrentUser caller, PlatformStaff staff)
    {
        var org = caller.OrganizationId;
        if (staff.Includes(caller))
            return demands.Where(d => d.OwnerOrganizationId == org || d.SubmittedAt != null || d.PublishedAt != null);
        return demands.Where(d => (org != null && d.OwnerOrganizationId == org)
            || (d.PublishedAt != null && d.Status != DemandStatus.Draft && d.Status != DemandStatus.UnderReview
                && d.ContactVisibility != ContactVisibility.Private));
    }

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>publishedAt</c> (the default, newest first; unpublished drafts
    /// last either way), <c>deadline</c>, <c>updatedAt</c>, <c>title</c>; <c>desc=true</c> reverses a key.
    /// </summary>
    public static readonly ListSort<Demand> Sorts = new ListSort<Demand>(d => d.Id, "publishedAt", true)
        .Key("publishedAt", d => d.PublishedAt, (q, desc) => desc
            ? q.OrderBy(d => d.PublishedAt == null).ThenByDescending(d => d.PublishedAt)
            : q.OrderBy(d => d.PublishedAt == null).ThenBy(d => d.PublishedAt))
        .Key("deadline", d => d.Deadline)
        .Key("updatedAt", d => d.UpdatedAt)
        .Key("title", d => d.Title);

    public async Task<Result<PagedResult<DemandSummary>>> ListAsync(DemandListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<DemandSummary>>> ExportAsync(DemandListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    private List<DemandSummary> Summaries(IEnumerable<Demand> rows)
    {
        var now = clock.GetUtcNow();
        return rows.Select(d => new DemandSummary(d.Id, d.Title, d.Field, d.IpcCodes, d.BudgetMinYuan, d.BudgetMaxYuan, d.Deadline,
            DemandResponse.Modes(d.CooperationModes), d.DivisionCode, d.StatusAt(now).ToString(), d.OwnerOrganizationId, d.PublishedAt, d.UpdatedAt)).ToList();
    }

    /// <summary>The visible demands matching the list's filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<Demand> Filtered, IQueryable<Demand> Sorted)> Filtered(DemandListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var now = clock.GetUtcNow();
        var q = Visible(user).AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            var fieldCode = TechnicalFields.Normalize(term); // a field's label in either language finds the demands of that field
            q = q.Where(d => d.Title.Contains(term) || d.Need.Contains(term) || d.Goal.Contains(term) || d.Field.Contains(term) || d.Field == fieldCode);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!Enum.TryParse<DemandStatus>(query.Status, true, out var status) || !Enum.IsDefined(status))
                errors.Add(DemandErrors.UnknownStatus);
            else q = status switch
            {
                DemandStatus.Published => q.Where(d => d.Status == DemandStatus.Published && d.Deadline > now),
                DemandStatus.Expired => q.Where(d => d.Status == DemandStatus.Expired || (d.Status == DemandStatus.Published && d.Deadline <= now)),
                _ => q.Where(d => d.Status == status),
            };
        }
        if (!string.IsNullOrWhiteSpace(query.Field)) { var field = TechnicalFields.Normalize(query.Field); q = q.Where(d => d.Field == field); }
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
                errors.Add(DemandErrors.UnknownMode);
            else q = q.Where(d => (d.CooperationModes & mode) != 0);
        }
        if (query.BudgetMin is { } bmin) q = q.Where(d => d.BudgetMaxYuan == null || d.BudgetMaxYuan >= bmin);
        if (query.BudgetMax is { } bmax) q = q.Where(d => d.BudgetMinYuan == null || d.BudgetMinYuan <= bmax);
        if (query.Mine == true)
        {
            if (user.OrganizationId is not { } org) return Error.Forbidden;
            q = q.Where(d => d.OwnerOrganizationId == org);
        }
        var sorted = Sorts.Apply(q, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<DemandResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var demand = await Visible(user).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return demand is null ? DemandErrors.NotFound : DemandResponse.From(demand, user, Staff, clock.GetUtcNow());
    }

    public async Task<Result<DemandResponse>> CreateAsync(DemandRequest request, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var created = Demand.Create(Guid.NewGuid(), user, request.ToDetails(), now);
        if (created.IsFailure) return created.Error!;
        db.Add(created.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return DemandResponse.From(created.Value, user, Staff, now);
    }

    /// <summary>Edits a draft: the body is checked first (every field error at once, with the version it read), then the record.</summary>
    public Task<Result<DemandResponse>> UpdateAsync(Guid id, DemandRequest request, CancellationToken ct)
    {
        var details = request.ToDetails();
        var errors = new FieldErrors();
        if (DemandValidation.Validate(details, clock.GetUtcNow()) is { IsFailure: true } invalid) errors.AddRange(invalid.Error!.FieldErrors);
        if (request.Version is null) errors.Add(DemandErrors.VersionRequired);
        return ChangeAsync(id, request.Version, errors.All, (d, now) => d.Edit(user, details, now), ct);
    }

    public Task<Result<DemandResponse>> SubmitAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, [], (d, now) => d.Submit(user, now), ct);

    public Task<Result<DemandResponse>> WithdrawAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, [], (d, now) => d.Withdraw(user, now), ct);

    public Task<Result<DemandResponse>> ApproveAsync(Guid id, ReviewRequest? r, CancellationToken ct) =>
        ChangeAsync(id, r?.Version, Demand.CheckReviewComment(r?.Comment), (d, now) => d.Approve(user, Staff, r?.Comment, now), ct,
            after: (d, now) => Notify(d, $"您的技术需求“{d.Title}”已审核通过并发布", $"Your technology demand \"{d.Title}\" was approved and published", now));

    public Task<Result<DemandResponse>> RejectAsync(Guid id, ReasonRequest? r, CancellationToken ct) =>
        ChangeAsync(id, r?.Version, Demand.CheckRejection(r?.Reason), (d, now) => d.Reject(user, Staff, r?.Reason, now), ct,
            after: (d, now) => Notify(d, $"您的技术需求“{d.Title}”被退回修改：{d.ReviewComment}", $"Your technology demand \"{d.Title}\" was returned: {d.ReviewComment}", now));

    public Task<Result<DemandResponse>> CloseAsync(Guid id, ReasonRequest? r, CancellationToken ct) =>
        ChangeAsync(id, r?.Version, Demand.CheckClosing(r?.Reason), (d, now) => d.Close(user, Staff, r?.Reason, now), ct,
            after: (d, now) =>
            {
                if (!user.BelongsTo(d.OwnerOrganizationId))
                    Notify(d, $"您的技术需求“{d.Title}”已被平台关闭：{r?.Reason}", $"Your technology demand \"{d.Title}\" was closed by the platform: {r?.Reason}", now);
            });

    /// <summary>
    /// The owner records the partner (DM.8): the organisation named must exist (the registry is public), else 422
    /// <c>reference.not_found</c>, checked before the demand is loaded.
    /// </summary>
    public async Task<Result<DemandResponse>> MarkMatchedAsync(Guid id, MatchRequest? r, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        if (r?.OrganizationId is not { } org || org == Guid.Empty) return DemandErrors.MatchedOrganizationInvalid;
        if (await references.CheckAsync("organizationId", RecordTypes.Organization, org, ct) is { } notFound)
            return Error.Validation([notFound]);
        return await ChangeAsync(id, r.Version, [], (d, now) => d.MarkMatched(user, org, now), ct,
            after: (d, now) => db.Add(Notification.ToOrganization(org, null, Trim($"技术需求“{d.Title}”已登记与贵单位对接成功"),
                Trim($"The technology demand \"{d.Title}\" was marked matched with your organisation"), $"/demands/{d.Id}", now, NotificationKinds.DemandReview)));
    }

    /// <summary>Stores Expired on every published demand past its deadline (DM.10); run daily by <see cref="DemandExpiryJob"/>.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await Demands.Where(d => d.Status == DemandStatus.Published && d.Deadline <= now).ToListAsync(ct);
        var changed = 0;
        foreach (var d in due.Where(d => d.ExpireIfDue(now)))
        {
            changed++;
            Notify(d, $"您的技术需求“{d.Title}”已到截止日期，状态变为已过期", $"Your technology demand \"{d.Title}\" reached its deadline and expired", now);
        }
        if (changed > 0 && await db.SaveOrConflictAsync(ct) is not null) return 0; // an owner's save won the race: the next run retries
        return changed;
    }

    /// <summary>站内通知 to the owner organisation's enterprise users, written in the same transaction as the change.</summary>
    private void Notify(Demand d, string zh, string en, DateTimeOffset now) =>
        db.Add(Notification.ToOrganization(d.OwnerOrganizationId, Roles.Enterprise, Trim(zh), Trim(en), $"/demands/{d.Id}", now, NotificationKinds.DemandReview));

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";

    /// <summary>
    /// The one path of a change to a demand: an authenticated caller, then the body (<paramref name="bodyErrors"/>, all at
    /// once, before the record is loaded — so an action the record's state will refuse still validates its body), then the
    /// record as the caller may see it (404), then the version it read (stale → 409), then the rule, then one save (a
    /// concurrent save → 409).
    /// </summary>
    private async Task<Result<DemandResponse>> ChangeAsync(Guid id, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<Demand, DateTimeOffset, Result> change, CancellationToken ct, Action<Demand, DateTimeOffset>? after = null)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var demand = await Visible(user).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null) return DemandErrors.NotFound;
        if (Error.StaleVersion(demand.Version, version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var result = change(demand, now);
        if (result.IsFailure) return result.Error!;
        after?.Invoke(demand, now);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return DemandResponse.From(demand, user, Staff, now);
    }
}
