using TechTransfer.SharedKernel.Fields;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Use cases of challenges (揭榜挂帅 / 创新挑战赛). A draft is seen by its owner (and platform staff) only; a proposal by
/// its applicant, the owner, the judges and platform staff. Deadlines come from the aggregate and the clock.
/// </summary>
public sealed class ChallengeService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DemandsOptions> options)
{
    /// <summary>Rule DM.9 as configured: who is platform staff.</summary>
    public PlatformStaff Staff => new(options.Value.ReviewerOrganizationId);

    /// <summary>The caller (the one caller model), for pages that show what it may do.</summary>
    public ICurrentUser Caller => user;

    private IQueryable<Challenge> Visible(ICurrentUser caller)
    {
        var q = db.Set<Challenge>().AsQueryable();
        if (Staff.Includes(caller)) return q;
        var org = caller.OrganizationId;
        return q.Where(c => c.Status != ChallengeStatus.Draft || (org != null && c.OwnerOrganizationId == org));
    }

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>closesAt</c> (the default, latest deadline first), <c>opensAt</c>,
    /// <c>title</c>; <c>desc=true</c> reverses a key.
    /// </summary>
    public static readonly ListSort<Challenge> Sorts = new ListSort<Challenge>(c => c.Id, "closesAt", true)
        .Key("closesAt", c => c.ApplicationClosesAt)
        .Key("opensAt", c => c.ApplicationOpensAt)
        .Key("title", c => c.Title);

    public async Task<Result<PagedResult<ChallengeSummary>>> ListAsync(ChallengeListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        if (query.Judging == true && !user.IsAuthenticated) return Error.Forbidden;
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct, Judging(query));
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public async Task<Result<IReadOnlyList<ChallengeSummary>>> ExportAsync(ChallengeListQuery query, CancellationToken ct)
    {
        if (query.Judging == true && !user.IsAuthenticated) return Error.Forbidden;
        return await Filtered(query, []).ExportAsync(Summaries, ct, Judging(query));
    }

    /// <summary>"I judge": judges live in a JSON column, so this filter runs in memory after the SQL filter and order (a
    /// challenge has at most 15 judges, and the list is small).</summary>
    private Func<Challenge, bool>? Judging(ChallengeListQuery query) => query.Judging == true ? c => c.IsJudge(user) : null;

    private List<ChallengeSummary> Summaries(IReadOnlyList<Challenge> rows)
    {
        var now = clock.GetUtcNow();
        return rows.Select(c => new ChallengeSummary(c.Id, c.Kind.ToString(), c.Title, c.Field, c.RewardKind.ToString(), c.RewardYuan,
            c.ApplicationOpensAt, c.ApplicationClosesAt, c.PhaseAt(now).ToString(), c.OwnerOrganizationId)).ToList();
    }

    /// <summary>The visible challenges matching the list's filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<Challenge> Filtered, IQueryable<Challenge> Sorted)> Filtered(ChallengeListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var now = clock.GetUtcNow();
        var q = Visible(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(c => c.Title.Contains(term) || c.Description.Contains(term) || c.Requirements.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (Enum.TryParse<ChallengeKind>(query.Kind, true, out var kind) && Enum.IsDefined(kind)) q = q.Where(c => c.Kind == kind);
            else errors.Add(ChallengeErrors.UnknownKind);
        }
        if (!string.IsNullOrWhiteSpace(query.Field)) { var field = TechnicalFields.Normalize(query.Field); q = q.Where(c => c.Field == field); }
        if (query.Mine == true)
        {
            if (user.OrganizationId is not { } org) return Error.Forbidden;
            q = q.Where(c => c.OwnerOrganizationId == org);
        }
        if (!string.IsNullOrWhiteSpace(query.Phase))
        {
            if (!Enum.TryParse<ChallengePhase>(query.Phase, true, out var phase) || !Enum.IsDefined(phase))
                errors.Add(ChallengeErrors.UnknownPhase);
            else q = phase switch
            {
                ChallengePhase.Draft => q.Where(c => c.Status == ChallengeStatus.Draft),
                ChallengePhase.Cancelled => q.Where(c => c.Status == ChallengeStatus.Cancelled),
                ChallengePhase.Announced => q.Where(c => c.Status == ChallengeStatus.Announced),
                ChallengePhase.Upcoming => q.Where(c => c.Status == ChallengeStatus.Published && now < c.ApplicationOpensAt),
                ChallengePhase.OpenForApplications => q.Where(c => c.Status == ChallengeStatus.Published && c.ApplicationOpensAt <= now && now < c.ApplicationClosesAt),
                ChallengePhase.Judging => q.Where(c => c.Status == ChallengeStatus.Published && c.ApplicationClosesAt <= now && now < c.JudgingEndsAt),
                _ => q.Where(c => c.Status == ChallengeStatus.Published && c.JudgingEndsAt <= now),
            };
        }
        var sorted = Sorts.Apply(q, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<ChallengeResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var challenge = await Load(id, tracking: false, ct);
        return challenge is null ? ChallengeErrors.NotFound : ChallengeResponse.From(challenge, user, Staff, clock.GetUtcNow());
    }

    public async Task<Result<ChallengeResponse>> CreateAsync(ChallengeRequest request, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var created = Challenge.Create(Guid.NewGuid(), user, request.ToDetails(), now);
        if (created.IsFailure) return created.Error!;
        db.Add(created.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ChallengeResponse.From(created.Value, user, Staff, now);
    }

    /// <summary>Edits a draft (CH.14): the body is checked first (every field error at once, with the version it read), then the record.</summary>
    public Task<Result<ChallengeResponse>> UpdateAsync(Guid id, ChallengeRequest request, CancellationToken ct)
    {
        var details = request.ToDetails();
        var errors = new FieldErrors();
        if (ChallengeValidation.Validate(details, clock.GetUtcNow()) is { IsFailure: true } invalid) errors.AddRange(invalid.Error!.FieldErrors);
        if (request.Version is null) errors.Add(ChallengeErrors.VersionRequired);
        return ChangeAsync(id, request.Version, errors.All, (c, now) => c.Edit(user, details, now), ct);
    }

    public Task<Result<ChallengeResponse>> PublishAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, [], (c, now) => c.Publish(user, now), ct);

    public Task<Result<ChallengeResponse>> CancelAsync(Guid id, ReasonRequest? r, CancellationToken ct) =>
        ChangeAsync(id, r?.Version, Challenge.CheckCancellation(r?.Reason), (c, now) => c.Cancel(user, Staff, r?.Reason, now), ct);

    public Task<Result<ChallengeResponse>> RemoveJudgeAsync(Guid id, Guid judgeUserId, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, [], (c, now) => c.RemoveJudge(user, judgeUserId, now), ct);

    /// <summary>
    /// Names a platform user (by user name) as judge; their organisation is taken from their account (CH.4, CH.8). A user
    /// name that names no account is 422 <c>reference.not_found</c> on <c>userName</c>, checked before the challenge is loaded.
    /// </summary>
    public async Task<Result<ChallengeResponse>> AddJudgeAsync(Guid id, JudgeRequest request, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var name = request.UserName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 256) return Error.Validation([ReferenceErrors.NotFound("userName")]);
        var judge = await db.Set<PlatformUser>().AsNoTracking().Where(u => u.UserName == name)
            .Select(u => new { u.Id, u.OrganizationId, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (judge is null) return Error.Validation([ReferenceErrors.NotFound("userName")]);
        if (judge.OrganizationId is null) return ChallengeErrors.JudgeIncomplete;
        return await ChangeAsync(id, request.Version, [], (c, now) =>
        {
            var added = c.AddJudge(user, judge.Id, judge.OrganizationId.Value, judge.DisplayName.Length > 0 ? judge.DisplayName : name, now);
            if (added.IsSuccess)
                db.Add(Notification.ToUser(judge.Id, Trim($"您已受邀担任“{c.Title}”的评审专家"), Trim($"You were named a judge of \"{c.Title}\""), $"/challenges/{c.Id}", now, NotificationKinds.Challenge));
            return added;
        }, ct);
    }

    public async Task<Result<IReadOnlyList<ApplicationResponse>>> ListApplicationsAsync(Guid id, CancellationToken ct)
    {
        var challenge = await Load(id, tracking: false, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        var now = clock.GetUtcNow();
        var staff = Staff;
        return challenge.Applications.Where(a => challenge.ApplicationVisibleTo(a, user, staff)).OrderBy(a => a.SubmittedAt)
            .Select(a => ApplicationResponse.From(challenge, a, user, staff, now)).ToList();
    }

    /// <summary>A solver applies (CH.5, CH.6): the proposal is checked first, then the challenge and its window.</summary>
    public async Task<Result<ApplicationResponse>> ApplyAsync(Guid id, ApplicationRequest request, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var proposal = new ProposalDetails(request.Summary ?? "", request.Approach ?? "", request.Team, request.RequestedYuan);
        if (Challenge.CheckProposal(proposal) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var challenge = await Load(id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (Error.StaleVersion(challenge.Version, request.Version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var applied = challenge.Apply(Guid.NewGuid(), user, proposal, now);
        if (applied.IsFailure) return applied.Error!;
        db.Add(applied.Value);
        db.Add(Notification.ToOrganization(challenge.OwnerOrganizationId, Roles.Enterprise, Trim($"“{challenge.Title}”收到新的揭榜申请"),
            Trim($"New application to \"{challenge.Title}\""), $"/challenges/{challenge.Id}", now, NotificationKinds.Challenge));
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ApplicationResponse.From(challenge, applied.Value, user, Staff, now);
    }

    public async Task<Result<ApplicationResponse>> WithdrawApplicationAsync(Guid id, Guid applicationId, int? version, CancellationToken ct) =>
        await ApplicationChangeAsync(id, applicationId, version, [], (c, now) => c.WithdrawApplication(user, applicationId, now), ct);

    /// <summary>A judge scores (CH.7–CH.9): the values are checked first; the criteria against the rubric once it is loaded.</summary>
    public async Task<Result<ApplicationResponse>> ScoreAsync(Guid id, Guid applicationId, ScoreRequest request, CancellationToken ct)
    {
        var scores = request.Scores ?? new Dictionary<string, decimal>();
        return await ApplicationChangeAsync(id, applicationId, request.Version, Rubric.ValidateScoreValues(scores),
            (c, now) => c.Score(user, applicationId, scores, now), ct);
    }

    public async Task<Result<IReadOnlyList<AwardResponse>>> ListAwardsAsync(Guid id, CancellationToken ct)
    {
        var challenge = await Load(id, tracking: false, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        return challenge.Awards.OrderBy(a => a.Rank).Select(ToAward).ToList();
    }

    public async Task<Result<IReadOnlyList<AwardResponse>>> AnnounceAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var challenge = await Load(id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (Error.StaleVersion(challenge.Version, version) is { } stale) return stale;
        var announced = challenge.Announce(user, clock.GetUtcNow());
        if (announced.IsFailure) return announced.Error!;
        foreach (var award in announced.Value) db.Add(award);
        var now = clock.GetUtcNow();
        foreach (var application in challenge.Applications.Where(a => a.Status is ApplicationStatus.Awarded or ApplicationStatus.NotAwarded))
        {
            var won = application.Status == ApplicationStatus.Awarded;
            db.Add(Notification.ToUser(application.ApplicantUserId,
                Trim(won ? $"恭喜！您的申报在“{challenge.Title}”中入选（第 {application.Rank} 名）" : $"“{challenge.Title}”结果已公布，您的申报未入选"),
                Trim(won ? $"Congratulations: your application to \"{challenge.Title}\" won (rank {application.Rank})" : $"The result of \"{challenge.Title}\" is out; your application was not selected"),
                $"/challenges/{challenge.Id}", now, NotificationKinds.Challenge));
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return announced.Value.OrderBy(a => a.Rank).Select(ToAward).ToList();
    }

    /// <summary>
    /// Links an award to its technology contract (CH.12) by a reference (contract id, registration number or link), checked
    /// before the challenge is loaded.
    /// </summary>
    public async Task<Result<AwardResponse>> LinkContractAsync(Guid id, Guid awardId, ContractLinkRequest request, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        if (Challenge.CheckContractReference(request.ContractReference) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var challenge = await Load(id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (Error.StaleVersion(challenge.Version, request.Version) is { } stale) return stale;
        var linked = challenge.LinkContract(user, awardId, request.ContractReference, clock.GetUtcNow());
        if (linked.IsFailure) return linked.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ToAward(challenge.Awards.Single(a => a.Id == awardId));
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private static AwardResponse ToAward(ChallengeAward a) =>
        new(a.Id, a.ApplicationId, a.OrganizationId, a.Rank, a.Score, a.AwardedAt, a.ContractReference, a.ContractLinkedAt,
            Guid.TryParse(a.ContractReference, out var contractId) ? contractId : null);

    private async Task<Challenge?> Load(Guid id, bool tracking, CancellationToken ct)
    {
        var q = Visible(user).Include(c => c.Applications).Include(c => c.Awards).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// The one path of a change to a challenge: an authenticated caller, the body (all field errors at once, before the
    /// record is loaded), the record as the caller may see it (404), the version it read (stale → 409), the rule, one save.
    /// </summary>
    private async Task<Result<ChallengeResponse>> ChangeAsync(Guid id, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<Challenge, DateTimeOffset, Result> change, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var challenge = await Load(id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (Error.StaleVersion(challenge.Version, version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var result = change(challenge, now);
        if (result.IsFailure) return result.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ChallengeResponse.From(challenge, user, Staff, now);
    }

    private async Task<Result<ApplicationResponse>> ApplicationChangeAsync(Guid id, Guid applicationId, int? version,
        IReadOnlyList<FieldError> bodyErrors, Func<Challenge, DateTimeOffset, Result> change, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var challenge = await Load(id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        var staff = Staff;
        var application = challenge.Applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null || !challenge.ApplicationVisibleTo(application, user, staff)) return ChallengeErrors.ApplicationNotFound;
        if (Error.StaleVersion(challenge.Version, version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var result = change(challenge, now);
        if (result.IsFailure) return result.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ApplicationResponse.From(challenge, application, user, staff, now);
    }
}
