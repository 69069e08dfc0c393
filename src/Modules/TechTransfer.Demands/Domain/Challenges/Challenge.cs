using TechTransfer.SharedKernel.Fields;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>
/// 揭榜挂帅 / 创新挑战赛: a task posted by an enterprise or a government body; solvers apply in the window, named
/// judges score the proposals with a weighted rubric, and the ranked winners are announced.
/// </summary>
public sealed class Challenge : ISearchIndexed, IAudited
{
    public const int MaxJudges = 15;

    private readonly List<RubricCriterion> _criteria = [];
    private readonly List<ChallengeJudge> _judges = [];
    private readonly List<ChallengeApplication> _applications = [];
    private readonly List<ChallengeAward> _awards = [];

    private Challenge() { }

    public Guid Id { get; private set; }
    public Guid OwnerOrganizationId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public ChallengeKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Requirements { get; private set; } = "";
    public string Field { get; private set; } = "";
    public List<string> IpcCodes { get; private set; } = [];
    public RewardKind RewardKind { get; private set; }
    public decimal RewardYuan { get; private set; }
    public string DivisionCode { get; private set; } = "";
    public DateTimeOffset ApplicationOpensAt { get; private set; }
    public DateTimeOffset ApplicationClosesAt { get; private set; }
    public DateTimeOffset JudgingEndsAt { get; private set; }
    public DateTimeOffset AnnouncementAt { get; private set; }
    public int WinnerCount { get; private set; }
    public ChallengeStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? AnnouncedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<RubricCriterion> Criteria => _criteria;
    public IReadOnlyList<ChallengeJudge> Judges => _judges;
    public IReadOnlyList<ChallengeApplication> Applications => _applications;
    public IReadOnlyList<ChallengeAward> Awards => _awards;

    public string SearchDocumentType => SearchDocumentTypes.Challenge;
    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    /// <summary>Enterprises, government bodies (analysts) and platform admins of an organisation may post (CH.1).</summary>
    public static Result<Challenge> Create(Guid id, ICurrentUser caller, ChallengeDetails details, DateTimeOffset now)
    {
        if (caller.UserId is not { } userId || caller.OrganizationId is not { } org
            || !caller.IsInAnyRole(Roles.Enterprise, Roles.Analyst, Roles.PlatformAdmin))
            return ChallengeErrors.NotAllowedToPost;
        var valid = ChallengeValidation.Validate(details, now);
        if (valid.IsFailure) return valid.Error!;
        var challenge = new Challenge
        {
            Id = id, OwnerOrganizationId = org, CreatedByUserId = userId,
            Status = ChallengeStatus.Draft, CreatedAt = now,
        };
        challenge.Apply(valid.Value, now);
        return challenge;
    }

    /// <summary>Only the owner, only a draft (CH.14).</summary>
    public Result Edit(ICurrentUser caller, ChallengeDetails details, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return ChallengeErrors.NotOwner;
        var valid = ChallengeValidation.Validate(details, now); // the body before the status
        if (valid.IsFailure) return valid.Error!;
        if (Status != ChallengeStatus.Draft) return ChallengeErrors.NotEditable;
        Apply(valid.Value, now);
        return Result.Success();
    }

    /// <summary>Names a judge; the owner may do so until the application window closes (CH.4).</summary>
    public Result AddJudge(ICurrentUser caller, Guid judgeUserId, Guid judgeOrganizationId, string displayName, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return ChallengeErrors.NotOwner;
        if (!CanChangeJudges(now)) return ChallengeErrors.JudgesLocked;
        if (judgeUserId == Guid.Empty || judgeOrganizationId == Guid.Empty || string.IsNullOrWhiteSpace(displayName))
            return ChallengeErrors.JudgeIncomplete;
        if (_judges.Any(j => j.UserId == judgeUserId)) return ChallengeErrors.JudgeAlreadyNamed;
        if (_judges.Count >= MaxJudges) return ChallengeErrors.TooManyJudges;
        _judges.Add(new ChallengeJudge(judgeUserId, judgeOrganizationId, displayName.Trim(), now));
        Touch(now);
        return Result.Success();
    }

    /// <summary>Removes a judge, under the same window as <see cref="AddJudge"/>; a published challenge keeps at least one (CH.4).</summary>
    public Result RemoveJudge(ICurrentUser caller, Guid judgeUserId, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return ChallengeErrors.NotOwner;
        if (!CanChangeJudges(now)) return ChallengeErrors.JudgesLocked;
        var judge = _judges.FirstOrDefault(j => j.UserId == judgeUserId);
        if (judge is null) return ChallengeErrors.NotAJudge;
        if (Status == ChallengeStatus.Published && _judges.Count == 1) return ChallengeErrors.NoJudges;
        _judges.Remove(judge);
        Touch(now);
        return Result.Success();
    }

    /// <summary>Draft → Published: needs at least one judge and a window that has not closed (CH.2, CH.4).</summary>
    public Result Publish(ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return ChallengeErrors.NotOwner;
        if (Status != ChallengeStatus.Draft) return ChallengeErrors.InvalidTransition(PhaseAt(now), ChallengePhase.Upcoming);
        if (_judges.Count == 0) return ChallengeErrors.NoJudges;
        if (ApplicationClosesAt <= now) return ChallengeErrors.WindowAlreadyClosedError;
        Status = ChallengeStatus.Published;
        PublishedAt = now;
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// A solver (institution or researcher) applies with a proposal, only while the window is open
    /// (ApplicationOpensAt ≤ now &lt; ApplicationClosesAt, CH.5); never the owner, once per organisation (CH.6).
    /// </summary>
    public Result<ChallengeApplication> Apply(Guid applicationId, ICurrentUser caller, ProposalDetails proposal, DateTimeOffset now)
    {
        if (caller.UserId is not { } userId || caller.OrganizationId is not { } org || !caller.IsInAnyRole(Roles.InstitutionAdmin, Roles.Researcher))
            return ChallengeErrors.NotASolver;
        if (CheckProposal(proposal) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var phase = PhaseAt(now);
        if (phase == ChallengePhase.Upcoming) return ChallengeErrors.WindowNotOpen;
        if (phase != ChallengePhase.OpenForApplications) return ChallengeErrors.WindowClosed;
        if (org == OwnerOrganizationId) return ChallengeErrors.OwnerCannotApply;
        if (_applications.Any(a => a.ApplicantOrganizationId == org && a.Status == ApplicationStatus.Submitted))
            return ChallengeErrors.AlreadyApplied;
        var application = new ChallengeApplication(applicationId, Id, org, userId, proposal, now);
        _applications.Add(application);
        Touch(now);
        return application;
    }

    /// <summary>The applicant withdraws its proposal while the window is still open (CH.5).</summary>
    public Result WithdrawApplication(ICurrentUser caller, Guid applicationId, DateTimeOffset now)
    {
        var application = _applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null || !caller.BelongsTo(application.ApplicantOrganizationId)) return ChallengeErrors.ApplicationNotFound;
        if (application.Status != ApplicationStatus.Submitted) return ChallengeErrors.ApplicationNotActive;
        if (PhaseAt(now) != ChallengePhase.OpenForApplications) return ChallengeErrors.WindowClosed;
        application.Withdraw(now);
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// A named judge scores an application on every criterion (CH.7, CH.9) while judging is open
    /// (ApplicationClosesAt ≤ now &lt; JudgingEndsAt), never an application of their own organisation (CH.8).
    /// Scoring again replaces the judge's earlier scores.
    /// </summary>
    public Result Score(ICurrentUser caller, Guid applicationId, IReadOnlyDictionary<string, decimal> scores, DateTimeOffset now)
    {
        if (Rubric.ValidateScoreValues(scores) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var judge = caller.UserId is { } userId ? _judges.FirstOrDefault(j => j.UserId == userId) : null;
        if (judge is null) return ChallengeErrors.NotAJudge;
        var errors = Rubric.ValidateScores(_criteria, scores); // the scores before the phase
        if (errors.Count > 0) return Error.Validation(errors);
        var phase = PhaseAt(now);
        if (phase is ChallengePhase.Upcoming or ChallengePhase.OpenForApplications) return ChallengeErrors.JudgingNotStarted;
        if (phase != ChallengePhase.Judging) return ChallengeErrors.JudgingClosed;
        var application = _applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null) return ChallengeErrors.ApplicationNotFound;
        if (application.Status != ApplicationStatus.Submitted) return ChallengeErrors.ApplicationNotActive;
        if (judge.OrganizationId == application.ApplicantOrganizationId || caller.BelongsTo(application.ApplicantOrganizationId))
            return ChallengeErrors.ConflictOfInterest;
        if (new FieldErrors().AddRange(Rubric.ValidateScores(_criteria, scores)).ToError() is { } unknownOrMissing) return unknownOrMissing;
        application.ReplaceScores(judge.UserId, scores, now);
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// The owner announces the result once judging has ended (CH.11): scored applications are ranked by mean weighted
    /// score (ties: more judges, then earlier submission) and the first <see cref="WinnerCount"/> win.
    /// </summary>
    public Result<IReadOnlyList<ChallengeAward>> Announce(ICurrentUser caller, DateTimeOffset now, Func<Guid>? newId = null)
    {
        if (!caller.BelongsTo(OwnerOrganizationId)) return ChallengeErrors.NotOwner;
        var phase = PhaseAt(now);
        if (phase is ChallengePhase.Draft or ChallengePhase.Announced or ChallengePhase.Cancelled)
            return ChallengeErrors.InvalidTransition(phase, ChallengePhase.Announced);
        if (phase != ChallengePhase.AwaitingAnnouncement) return ChallengeErrors.JudgingNotEnded;
        var ranked = Ranking();
        if (ranked.Count == 0) return ChallengeErrors.NoScoredApplications;
        newId ??= Guid.NewGuid;
        for (var i = 0; i < ranked.Count; i++)
        {
            var (application, score) = ranked[i];
            var won = i < WinnerCount;
            application.Conclude(won, score, i + 1);
            if (won) _awards.Add(new ChallengeAward(newId(), Id, application, i + 1, score, now));
        }
        foreach (var unscored in _applications.Where(a => a.Status == ApplicationStatus.Submitted))
            unscored.Conclude(false, null, null);
        Status = ChallengeStatus.Announced;
        AnnouncedAt = now;
        Touch(now);
        return _awards.ToList();
    }

    /// <summary>The current ranking of scored, active applications (CH.10, CH.11).</summary>
    public IReadOnlyList<(ChallengeApplication Application, decimal Score)> Ranking() =>
        _applications
            .Where(a => a.Status == ApplicationStatus.Submitted && a.JudgesWhoScored.Count > 0)
            .Select(a => (Application: a, Score: a.AverageScore(_criteria)!.Value))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Application.JudgesWhoScored.Count)
            .ThenBy(x => x.Application.SubmittedAt)
            .ThenBy(x => x.Application.Id)
            .ToList();

    /// <summary>Records that an award became a technology contract (CH.12): by the owner or the winner, once.</summary>
    public Result LinkContract(ICurrentUser caller, Guid awardId, string? contractReference, DateTimeOffset now)
    {
        var award = _awards.FirstOrDefault(a => a.Id == awardId);
        if (award is null) return ChallengeErrors.AwardNotFound;
        if (!caller.BelongsTo(OwnerOrganizationId) && !caller.BelongsTo(award.OrganizationId)) return ChallengeErrors.NotOwnerOrWinner;
        if (award.ContractReference is not null) return ChallengeErrors.ContractAlreadyLinked;
        var reference = contractReference?.Trim() ?? "";
        if (reference.Length is 0 or > 100) return ChallengeErrors.ContractReferenceInvalid;
        award.LinkContract(reference, caller.UserId, now);
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Records the technology contract the platform drafted for an award (CH.12, prefill in the Contracts module): the
    /// winner is the seller side, so the draft must belong to it. The reference is the contract's id. An award already
    /// linked keeps its link unless that link is one of <paramref name="supersededContractIds"/> (earlier drafts that were
    /// rejected, cancelled or revoked).
    /// </summary>
    public Result LinkDraftedContract(Guid awardId, Guid contractId, Guid sellerOrganizationId, Guid? userId,
        IReadOnlyCollection<Guid> supersededContractIds, DateTimeOffset now)
    {
        var award = _awards.FirstOrDefault(a => a.Id == awardId);
        if (award is null) return ChallengeErrors.AwardNotFound;
        if (award.OrganizationId != sellerOrganizationId) return ChallengeErrors.NotOwnerOrWinner;
        if (award.ContractReference is { } current
            && !(Guid.TryParse(current, out var linked) && supersededContractIds.Contains(linked)))
            return ChallengeErrors.ContractAlreadyLinked;
        award.LinkContract(contractId.ToString(), userId, now);
        Touch(now);
        return Result.Success();
    }

    /// <summary>The owner or platform staff cancel a challenge before its result is announced, with a reason (CH.13).</summary>
    public Result Cancel(ICurrentUser caller, PlatformStaff staff, string? reason, DateTimeOffset now)
    {
        if (!caller.BelongsTo(OwnerOrganizationId) && !staff.Includes(caller)) return ChallengeErrors.NotOwner;
        if (CheckCancellation(reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (Status is ChallengeStatus.Announced or ChallengeStatus.Cancelled) return ChallengeErrors.InvalidTransition(PhaseAt(now), ChallengePhase.Cancelled);
        Status = ChallengeStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason!.Trim();
        Touch(now);
        return Result.Success();
    }

    /// <summary>The phase at <paramref name="now"/>: windows are half-open, [opens, closes) and [closes, judgingEnds) (CH.2).</summary>
    public ChallengePhase PhaseAt(DateTimeOffset now) => Status switch
    {
        ChallengeStatus.Draft => ChallengePhase.Draft,
        ChallengeStatus.Cancelled => ChallengePhase.Cancelled,
        ChallengeStatus.Announced => ChallengePhase.Announced,
        _ when now < ApplicationOpensAt => ChallengePhase.Upcoming,
        _ when now < ApplicationClosesAt => ChallengePhase.OpenForApplications,
        _ when now < JudgingEndsAt => ChallengePhase.Judging,
        _ => ChallengePhase.AwaitingAnnouncement,
    };

    /// <summary>Drafts only to the owner (and platform staff); published challenges to everyone.</summary>
    public bool IsVisibleTo(ICurrentUser caller, PlatformStaff staff) =>
        Status != ChallengeStatus.Draft || caller.BelongsTo(OwnerOrganizationId) || staff.Includes(caller);

    public bool IsPublic => Status != ChallengeStatus.Draft;

    public bool IsJudge(ICurrentUser caller) => caller.UserId is { } userId && _judges.Any(j => j.UserId == userId);

    /// <summary>A proposal is seen by its applicant, the owner, the judges and platform staff — not by other solvers.</summary>
    public bool ApplicationVisibleTo(ChallengeApplication application, ICurrentUser caller, PlatformStaff staff) =>
        caller.BelongsTo(application.ApplicantOrganizationId) || caller.BelongsTo(OwnerOrganizationId)
            || IsJudge(caller) || staff.Includes(caller);

    /// <summary>The body of an application (CH.5, CH.6): summary, approach, team and requested amount, every problem at once.</summary>
    public static IReadOnlyList<FieldError> CheckProposal(ProposalDetails proposal)
    {
        var errors = new FieldErrors();
        DemandValidation.Text(proposal.Summary, "summary", 10, 1000, true, errors);
        DemandValidation.Text(proposal.Approach, "approach", 10, 4000, true, errors);
        DemandValidation.Text(proposal.Team, "team", 0, 2000, false, errors);
        if (proposal.RequestedYuan is { } requested) BudgetRange.ValidateAmount(requested, "requestedYuan", errors);
        return errors.All;
    }

    /// <summary>The body of a cancellation (CH.13): a reason, required, that fits its column.</summary>
    public static IReadOnlyList<FieldError> CheckCancellation(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ChallengeErrors.CancelReasonRequired.FieldErrors;
        var errors = new FieldErrors();
        DemandValidation.Text(reason, "reason", 0, DemandValidation.ReasonMax, false, errors);
        return errors.All;
    }

    /// <summary>The body of a contract link (CH.12): a reference of 1–100 characters.</summary>
    public static IReadOnlyList<FieldError> CheckContractReference(string? contractReference) =>
        (contractReference?.Trim() ?? "").Length is 0 or > 100 ? ChallengeErrors.ContractReferenceInvalid.FieldErrors : [];

    private bool CanChangeJudges(DateTimeOffset now) =>
        Status == ChallengeStatus.Draft || (Status == ChallengeStatus.Published && now < ApplicationClosesAt);

    private void Apply(ValidChallengeDetails valid, DateTimeOffset now)
    {
        var d = valid.Details;
        Kind = d.Kind;
        Title = d.Title;
        Description = d.Description;
        Requirements = d.Requirements;
        Field = TechnicalFields.Normalize(d.Field);
        IpcCodes = [.. valid.IpcCodes];
        RewardKind = d.RewardKind;
        RewardYuan = d.RewardYuan;
        DivisionCode = valid.DivisionCode;
        ApplicationOpensAt = d.ApplicationOpensAt;
        ApplicationClosesAt = d.ApplicationClosesAt;
        JudgingEndsAt = d.JudgingEndsAt;
        AnnouncementAt = d.AnnouncementAt;
        WinnerCount = d.WinnerCount;
        _criteria.Clear();
        _criteria.AddRange(valid.Criteria);
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
