using TechTransfer.SharedKernel.Fields;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Demands.Domain.Demands;

/// <summary>技术需求: a technology demand posted by an enterprise, reviewed by the platform before it is published.</summary>
public sealed class Demand : ISearchIndexed, IAudited
{
    private Demand() { }

    public Guid Id { get; private set; }
    public Guid OwnerOrganizationId { get; private set; }
    public Guid CreatedByUserId { get; private set; }

    public string Title { get; private set; } = "";
    /// <summary>需求描述</summary>
    public string Need { get; private set; } = "";
    /// <summary>预期目标</summary>
    public string Goal { get; private set; } = "";
    /// <summary>现有基础</summary>
    public string? ExistingBasis { get; private set; }
    /// <summary>技术领域</summary>
    public string Field { get; private set; } = "";
    /// <summary>IPC codes, normalised ("G06F 17/30").</summary>
    public List<string> IpcCodes { get; private set; } = [];
    public List<string> Keywords { get; private set; } = [];
    public decimal? BudgetMinYuan { get; private set; }
    public decimal? BudgetMaxYuan { get; private set; }
    /// <summary>需求截止时间</summary>
    public DateTimeOffset Deadline { get; private set; }
    public CooperationModes CooperationModes { get; private set; }
    /// <summary>GB/T 2260 所在地区</summary>
    public string DivisionCode { get; private set; } = "";
    public ContactVisibility ContactVisibility { get; private set; }
    public string ContactName { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }

    public DemandStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    /// <summary>审核意见: the reviewer's reason when a demand is returned.</summary>
    public string? ReviewComment { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? MatchedAt { get; private set; }
    public Guid? MatchedOrganizationId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CloseReason { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public string SearchDocumentType => SearchDocumentTypes.Demand;
    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    /// <summary>Creates a draft. Only an enterprise user of an organisation may post (DM.11); content per DM.1–DM.7.</summary>
    public static Result<Demand> Create(Guid id, ICurrentUser caller, DemandDetails details, DateTimeOffset now)
    {
        if (caller.UserId is not { } userId || !caller.IsInRole(Roles.Enterprise) || caller.OrganizationId is not { } org)
            return DemandErrors.OnlyEnterprisesPost;
        var valid = DemandValidation.Validate(details, now);
        if (valid.IsFailure) return valid.Error!;
        var demand = new Demand
        {
            Id = id, OwnerOrganizationId = org, CreatedByUserId = userId,
            Status = DemandStatus.Draft, CreatedAt = now,
        };
        demand.Apply(valid.Value, now);
        return demand;
    }

    /// <summary>Edits the content; only the owner, only while a draft (DM.8, DM.11).</summary>
    public Result Edit(ICurrentUser caller, DemandDetails details, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return DemandErrors.NotOwner;
        if (Status != DemandStatus.Draft) return DemandErrors.NotEditable(Status);
        var valid = DemandValidation.Validate(details, now);
        if (valid.IsFailure) return valid.Error!;
        if (Status != DemandStatus.Draft) return DemandErrors.NotEditable(Status);
        Apply(valid.Value, now);
        return Result.Success();
    }

    /// <summary>Sends a draft for review (Draft → UnderReview); the deadline must still be ahead (DM.6).</summary>
    public Result Submit(ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return DemandErrors.NotOwner;
        if (Status != DemandStatus.Draft) return DemandErrors.InvalidTransition(Status, DemandStatus.UnderReview);
        if (Deadline <= now) return DemandErrors.DeadlinePassed;
        Status = DemandStatus.UnderReview;
        SubmittedAt = now;
        Touch(now);
        return Result.Success();
    }

    /// <summary>The owner takes a demand back from review (UnderReview → Draft).</summary>
    public Result Withdraw(ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return DemandErrors.NotOwner;
        if (Status != DemandStatus.UnderReview) return DemandErrors.InvalidTransition(Status, DemandStatus.Draft);
        Status = DemandStatus.Draft;
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Platform staff approve a demand under review (UnderReview → Published), if its deadline is still ahead (DM.6, DM.9);
    /// nobody reviews a demand of their own organisation.
    /// </summary>
    public Result Approve(ICurrentUser reviewer, PlatformStaff staff, string? comment, DateTimeOffset now)
    {
        if (!staff.Includes(reviewer) || reviewer.UserId is null) return DemandErrors.NotReviewer;
        if (CheckReviewComment(comment) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (reviewer.BelongsTo(OwnerOrganizationId)) return DemandErrors.ReviewerIsOwner;
        if (Status != DemandStatus.UnderReview) return DemandErrors.InvalidTransition(Status, DemandStatus.Published);
        if (Deadline <= now) return DemandErrors.DeadlinePassed;
        Status = DemandStatus.Published;
        ReviewedAt = now;
        ReviewedByUserId = reviewer.UserId;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        PublishedAt = now;
        Touch(now);
        return Result.Success();
    }

    /// <summary>Platform staff return a demand to its owner with a reason (UnderReview → Draft) (DM.9).</summary>
    public Result Reject(ICurrentUser reviewer, PlatformStaff staff, string? reason, DateTimeOffset now)
    {
        if (!staff.Includes(reviewer) || reviewer.UserId is null) return DemandErrors.NotReviewer;
        if (CheckRejection(reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (reviewer.BelongsTo(OwnerOrganizationId)) return DemandErrors.ReviewerIsOwner;
        if (Status != DemandStatus.UnderReview) return DemandErrors.InvalidTransition(Status, DemandStatus.Draft);
        Status = DemandStatus.Draft;
        ReviewedAt = now;
        ReviewedByUserId = reviewer.UserId;
        ReviewComment = reason!.Trim();
        Touch(now);
        return Result.Success();
    }

    /// <summary>The owner records that the demand found its partner (Published → Matched); refused once expired (DM.10).</summary>
    public Result MarkMatched(ICurrentUser caller, Guid matchedOrganizationId, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return DemandErrors.NotOwner;
        if (StatusAt(now) != DemandStatus.Published) return DemandErrors.InvalidTransition(StatusAt(now), DemandStatus.Matched);
        if (matchedOrganizationId == Guid.Empty || matchedOrganizationId == OwnerOrganizationId) return DemandErrors.MatchedOrganizationInvalid;
        if (StatusAt(now) != DemandStatus.Published) return DemandErrors.InvalidTransition(StatusAt(now), DemandStatus.Matched);
        Status = DemandStatus.Matched;
        MatchedAt = now;
        MatchedOrganizationId = matchedOrganizationId;
        Touch(now);
        return Result.Success();
    }

    /// <summary>The owner or platform staff close a demand that is not yet matched, closed or expired.</summary>
    public Result Close(ICurrentUser caller, PlatformStaff staff, string? reason, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId) && !staff.Includes(caller)) return DemandErrors.NotOwner;
        if (CheckClosing(reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var status = StatusAt(now);
        if (status is DemandStatus.Matched or DemandStatus.Closed or DemandStatus.Expired)
            return DemandErrors.InvalidTransition(status, DemandStatus.Closed);
        Status = DemandStatus.Closed;
        ClosedAt = now;
        CloseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Touch(now);
        return Result.Success();
    }

    /// <summary>A published demand whose deadline has come becomes Expired (DM.10). Returns true when it changed.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != DemandStatus.Published || Deadline > now) return false;
        Status = DemandStatus.Expired;
        ExpiredAt = Deadline;
        Touch(now);
        return true;
    }

    /// <summary>The status as of <paramref name="now"/>: a published demand past its deadline reads as Expired even before the daily job stores it (DM.10).</summary>
    public DemandStatus StatusAt(DateTimeOffset now) =>
        Status == DemandStatus.Published && Deadline <= now ? DemandStatus.Expired : Status;

    /// <summary>Was published once and is not private: anyone may see it (DM.12, DM.13).</summary>
    public bool IsPublic => PublishedAt is not null && Status is not (DemandStatus.Draft or DemandStatus.UnderReview)
        && ContactVisibility != ContactVisibility.Private;

    /// <summary>Who may see the demand at all (DM.11): the owner always; platform staff once submitted; others only public ones.</summary>
    public bool IsVisibleTo(ICurrentUser caller, PlatformStaff staff)
    {
        if (caller.BelongsTo(OwnerOrganizationId)) return true;
        if (staff.Includes(caller)) return SubmittedAt is not null || IsPublic;
        return IsPublic;
    }

    /// <summary>Who may see the contact person (DM.12).</summary>
    public bool ContactVisibleTo(ICurrentUser caller, PlatformStaff staff)
    {
        if (caller.BelongsTo(OwnerOrganizationId) || staff.Includes(caller)) return true;
        if (!IsVisibleTo(caller, staff)) return false;
        return ContactVisibility switch
        {
            ContactVisibility.Public => true,
            ContactVisibility.AfterMatch => MatchedOrganizationId is { } m && caller.BelongsTo(m),
            _ => false,
        };
    }

    /// <summary>The body of an approval: an optional comment that fits its column (DM.9).</summary>
    public static IReadOnlyList<FieldError> CheckReviewComment(string? comment)
    {
        var errors = new FieldErrors();
        DemandValidation.Text(comment, "comment", 0, DemandValidation.ReasonMax, false, errors);
        return errors.All;
    }

    /// <summary>The body of a return to the owner: a reason, required (DM.9).</summary>
    public static IReadOnlyList<FieldError> CheckRejection(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return DemandErrors.RejectionReasonRequired.FieldErrors;
        var errors = new FieldErrors();
        DemandValidation.Text(reason, "reason", 0, DemandValidation.ReasonMax, false, errors);
        return errors.All;
    }

    /// <summary>The body of a closing: an optional reason that fits its column.</summary>
    public static IReadOnlyList<FieldError> CheckClosing(string? reason)
    {
        var errors = new FieldErrors();
        DemandValidation.Text(reason, "reason", 0, DemandValidation.ReasonMax, false, errors);
        return errors.All;
    }

    private void Apply(ValidDemandDetails valid, DateTimeOffset now)
    {
        var d = valid.Details;
        Title = d.Title;
        Need = d.Need;
        Goal = d.Goal;
        ExistingBasis = d.ExistingBasis;
        Field = TechnicalFields.Normalize(d.Field);
        IpcCodes = [.. valid.IpcCodes];
        Keywords = [.. valid.Keywords];
        BudgetMinYuan = d.BudgetMinYuan;
        BudgetMaxYuan = d.BudgetMaxYuan;
        Deadline = d.Deadline;
        CooperationModes = d.CooperationModes;
        DivisionCode = valid.DivisionCode;
        ContactVisibility = d.ContactVisibility;
        ContactName = d.ContactName;
        ContactPhone = d.ContactPhone;
        ContactEmail = d.ContactEmail;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
