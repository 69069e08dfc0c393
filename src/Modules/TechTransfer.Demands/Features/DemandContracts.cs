using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

/// <summary>Body of POST/PUT /api/v1/demands. Cooperation modes by name: Transfer, Licence, JointDevelopment, CommissionedDevelopment, Consulting.</summary>
public sealed record DemandRequest
{
    public string? Title { get; init; }
    public string? Need { get; init; }
    public string? Goal { get; init; }
    public string? ExistingBasis { get; init; }
    public string? Field { get; init; }
    public IReadOnlyList<string>? IpcCodes { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public decimal? BudgetMinYuan { get; init; }
    public decimal? BudgetMaxYuan { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public IReadOnlyList<string>? CooperationModes { get; init; }
    public string? DivisionCode { get; init; }
    public string? ContactVisibility { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    /// <summary>Required on PUT: the version being changed (optimistic concurrency).</summary>
    public int? Version { get; init; }

    internal DemandDetails ToDetails() => new()
    {
        Title = Title ?? "", Need = Need ?? "", Goal = Goal ?? "", ExistingBasis = ExistingBasis, Field = Field ?? "",
        IpcCodes = IpcCodes ?? [], Keywords = Keywords ?? [], BudgetMinYuan = BudgetMinYuan, BudgetMaxYuan = BudgetMaxYuan,
        Deadline = Deadline ?? default, CooperationModes = ParseModes(CooperationModes), DivisionCode = DivisionCode ?? "",
        ContactVisibility = Enum.TryParse<ContactVisibility>(ContactVisibility ?? nameof(Domain.Demands.ContactVisibility.Public), true, out var v) && Enum.IsDefined(v) ? v : (ContactVisibility)(-1),
        ContactName = ContactName ?? "", ContactPhone = ContactPhone, ContactEmail = ContactEmail,
    };

    internal static CooperationModes ParseModes(IEnumerable<string>? names)
    {
        var modes = Domain.Demands.CooperationModes.None;
        foreach (var name in names ?? [])
        {
            if (Enum.TryParse<CooperationModes>(name, true, out var m) && DemandLabels.AllModes.Contains(m)) modes |= m;
            else return (CooperationModes)1024; // unknown name: refused by DM.2
        }
        return modes;
    }
}

/// <summary>Bodies of the demand and challenge actions; <c>version</c> is the version of the record the client read (stale → 409).</summary>
public sealed record ReviewRequest(string? Comment, int? Version = null);
public sealed record ReasonRequest(string? Reason, int? Version = null);
public sealed record MatchRequest(Guid? OrganizationId, int? Version = null);

/// <summary>Query of GET /api/v1/demands.</summary>
public sealed record DemandListQuery
{
    public string? Q { get; init; }
    /// <summary>Draft, UnderReview, Published, Matched, Closed, Expired (effective status at the time of the query).</summary>
    public string? Status { get; init; }
    public string? Field { get; init; }
    /// <summary>IPC prefix, e.g. "H01M" or "G06F 17".</summary>
    public string? Ipc { get; init; }
    /// <summary>GB/T 2260 code: a province (310000) or prefecture (320500) matches everything inside it.</summary>
    public string? Division { get; init; }
    public string? Mode { get; init; }
    /// <summary>Demands whose budget range overlaps [budgetMin, budgetMax].</summary>
    public decimal? BudgetMin { get; init; }
    public decimal? BudgetMax { get; init; }
    /// <summary>Only my organisation's demands.</summary>
    public bool? Mine { get; init; }
    /// <summary>publishedAt (default), deadline, updatedAt, title.</summary>
    public string? Sort { get; init; }
    public bool? Desc { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record DemandSummary(
    Guid Id, string Title, string Field, IReadOnlyList<string> IpcCodes, decimal? BudgetMinYuan, decimal? BudgetMaxYuan,
    DateTimeOffset Deadline, IReadOnlyList<string> CooperationModes, string DivisionCode, string Status, Guid OwnerOrganizationId,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);

public sealed record DemandContact(string Name, string? Phone, string? Email);

public sealed record DemandResponse(
    Guid Id, Guid OwnerOrganizationId, string Title, string Need, string Goal, string? ExistingBasis, string Field,
    IReadOnlyList<string> IpcCodes, IReadOnlyList<string> Keywords, decimal? BudgetMinYuan, decimal? BudgetMaxYuan,
    DateTimeOffset Deadline, IReadOnlyList<string> CooperationModes, string DivisionCode, string ContactVisibility,
    DemandContact? Contact, string Status, string StoredStatus, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt, DateTimeOffset? PublishedAt, string? ReviewComment, Guid? MatchedOrganizationId,
    DateTimeOffset? MatchedAt, DateTimeOffset? ClosedAt, string? CloseReason, int Version, DemandPermissions Can)
{
    internal static DemandResponse From(Demand d, ICurrentUser caller, PlatformStaff staff, DateTimeOffset now) => new(
        d.Id, d.OwnerOrganizationId, d.Title, d.Need, d.Goal, d.ExistingBasis, d.Field, d.IpcCodes, d.Keywords,
        d.BudgetMinYuan, d.BudgetMaxYuan, d.Deadline, Modes(d.CooperationModes), d.DivisionCode, d.ContactVisibility.ToString(),
        d.ContactVisibleTo(caller, staff) ? new DemandContact(d.ContactName, d.ContactPhone, d.ContactEmail) : null,
        d.StatusAt(now).ToString(), d.Status.ToString(), d.CreatedAt, d.UpdatedAt, d.SubmittedAt, d.PublishedAt,
        caller.BelongsTo(d.OwnerOrganizationId) || staff.Includes(caller) ? d.ReviewComment : null,
        d.MatchedOrganizationId, d.MatchedAt, d.ClosedAt, d.CloseReason, d.Version, DemandPermissions.For(d, caller, staff, now));

    internal static IReadOnlyList<string> Modes(CooperationModes modes) => DemandLabels.Split(modes).Select(m => m.ToString()).ToList();
}

/// <summary>What the caller may do next, so pages and clients show only possible actions.</summary>
public sealed record DemandPermissions(bool Edit, bool Submit, bool Withdraw, bool Review, bool MarkMatched, bool Close)
{
    internal static DemandPermissions For(Demand d, ICurrentUser caller, PlatformStaff staff, DateTimeOffset now)
    {
        if (!caller.IsAuthenticated) return new(false, false, false, false, false, false);
        var owner = caller.BelongsTo(d.OwnerOrganizationId);
        var isStaff = staff.Includes(caller);
        var status = d.StatusAt(now);
        return new(
            owner && status == DemandStatus.Draft,
            owner && status == DemandStatus.Draft,
            owner && status == DemandStatus.UnderReview,
            isStaff && !owner && status == DemandStatus.UnderReview,
            owner && status == DemandStatus.Published,
            (owner || isStaff) && status is DemandStatus.Draft or DemandStatus.UnderReview or DemandStatus.Published);
    }
}
