using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

public sealed record CriterionRequest(string? NameZh, string? NameEn, int Weight);

/// <summary>Body of POST/PUT /api/v1/challenges. Kind: OpenCall (揭榜挂帅) or InnovationContest (创新挑战赛); reward kind: Prize or Budget.</summary>
public sealed record ChallengeRequest
{
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Requirements { get; init; }
    public string? Field { get; init; }
    public IReadOnlyList<string>? IpcCodes { get; init; }
    public string? RewardKind { get; init; }
    public decimal? RewardYuan { get; init; }
    public string? DivisionCode { get; init; }
    public DateTimeOffset? ApplicationOpensAt { get; init; }
    public DateTimeOffset? ApplicationClosesAt { get; init; }
    public DateTimeOffset? JudgingEndsAt { get; init; }
    public DateTimeOffset? AnnouncementAt { get; init; }
    public int? WinnerCount { get; init; }
    public IReadOnlyList<CriterionRequest>? Rubric { get; init; }
    public int? Version { get; init; }

    internal ChallengeDetails ToDetails() => new()
    {
        Kind = Enum.TryParse<ChallengeKind>(Kind ?? nameof(ChallengeKind.OpenCall), true, out var k) && Enum.IsDefined(k) ? k : (ChallengeKind)(-1),
        Title = Title ?? "", Description = Description ?? "", Requirements = Requirements ?? "", Field = Field ?? "",
        IpcCodes = IpcCodes ?? [],
        RewardKind = Enum.TryParse<RewardKind>(RewardKind ?? nameof(Domain.Challenges.RewardKind.Prize), true, out var r) && Enum.IsDefined(r) ? r : (RewardKind)(-1),
        RewardYuan = RewardYuan ?? 0m, DivisionCode = DivisionCode ?? "",
        ApplicationOpensAt = ApplicationOpensAt ?? default, ApplicationClosesAt = ApplicationClosesAt ?? default,
        JudgingEndsAt = JudgingEndsAt ?? default, AnnouncementAt = AnnouncementAt ?? default,
        WinnerCount = WinnerCount ?? 1,
        // A null element (refused by the API's request-shape filter) is never dereferenced: it becomes an empty row.
        Rubric = (Rubric ?? []).Select(c => c is null ? null : new CriterionInput(c.NameZh ?? "", c.NameEn, c.Weight)).ToList(),
    };
}

/// <summary>Bodies of the challenge actions; <c>version</c> is the version of the challenge the client read (stale → 409).</summary>
public sealed record JudgeRequest(string? UserName, int? Version = null);
public sealed record ApplicationRequest(string? Summary, string? Approach, string? Team, decimal? RequestedYuan, int? Version = null);
public sealed record ScoreRequest(IReadOnlyDictionary<string, decimal>? Scores, int? Version = null);
public sealed record ContractLinkRequest(string? ContractReference, int? Version = null);

public sealed record ChallengeListQuery
{
    public string? Q { get; init; }
    /// <summary>Draft, Upcoming, OpenForApplications, Judging, AwaitingAnnouncement, Announced, Cancelled.</summary>
    public string? Phase { get; init; }
    public string? Kind { get; init; }
    public string? Field { get; init; }
    public bool? Mine { get; init; }
    /// <summary>Only challenges I judge.</summary>
    public bool? Judging { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    /// <summary>A key of <see cref="ChallengeService.Sorts"/>: closesAt (default, latest first), opensAt, title.</summary>
    public string? Sort { get; init; }
    public bool? Desc { get; init; }
}

public sealed record CriterionResponse(string Key, string NameZh, string NameEn, int Weight);
public sealed record JudgeResponse(Guid UserId, Guid OrganizationId, string DisplayName);

public sealed record ChallengeSummary(Guid Id, string Kind, string Title, string Field, string RewardKind, decimal RewardYuan,
    DateTimeOffset ApplicationOpensAt, DateTimeOffset ApplicationClosesAt, string Phase, Guid OwnerOrganizationId);

public sealed record ChallengeResponse(
    Guid Id, Guid OwnerOrganizationId, string Kind, string Title, string Description, string Requirements, string Field,
    IReadOnlyList<string> IpcCodes, string RewardKind, decimal RewardYuan, string DivisionCode,
    DateTimeOffset ApplicationOpensAt, DateTimeOffset ApplicationClosesAt, DateTimeOffset JudgingEndsAt, DateTimeOffset AnnouncementAt,
    int WinnerCount, IReadOnlyList<CriterionResponse> Rubric, IReadOnlyList<JudgeResponse> Judges, string Phase, string Status,
    int ApplicationCount, DateTimeOffset? PublishedAt, DateTimeOffset? AnnouncedAt, string? CancelReason, int Version, ChallengePermissions Can)
{
    internal static ChallengeResponse From(Challenge c, ICurrentUser caller, PlatformStaff staff, DateTimeOffset now) => new(
        c.Id, c.OwnerOrganizationId, c.Kind.ToString(), c.Title, c.Description, c.Requirements, c.Field, c.IpcCodes,
        c.RewardKind.ToString(), c.RewardYuan, c.DivisionCode, c.ApplicationOpensAt, c.ApplicationClosesAt, c.JudgingEndsAt,
        c.AnnouncementAt, c.WinnerCount, c.Criteria.Select(x => new CriterionResponse(x.Key, x.NameZh, x.NameEn, x.Weight)).ToList(),
        c.Judges.Select(j => new JudgeResponse(j.UserId, j.OrganizationId, j.DisplayName)).ToList(), c.PhaseAt(now).ToString(),
        c.Status.ToString(), c.Applications.Count(a => a.Status != ApplicationStatus.Withdrawn), c.PublishedAt, c.AnnouncedAt,
        c.CancelReason, c.Version, ChallengePermissions.For(c, caller, staff, now));
}

public sealed record ChallengePermissions(bool Edit, bool Publish, bool ManageJudges, bool Apply, bool Score, bool Announce, bool Cancel)
{
    internal static ChallengePermissions For(Challenge c, ICurrentUser caller, PlatformStaff staff, DateTimeOffset now)
    {
        if (!caller.IsAuthenticated) return new(false, false, false, false, false, false, false);
        var owner = caller.BelongsTo(c.OwnerOrganizationId);
        var phase = c.PhaseAt(now);
        var solver = caller.OrganizationId is not null && !owner && caller.IsInAnyRole(Roles.InstitutionAdmin, Roles.Researcher);
        return new(
            owner && phase == ChallengePhase.Draft,
            owner && phase == ChallengePhase.Draft,
            owner && (phase is ChallengePhase.Draft or ChallengePhase.Upcoming or ChallengePhase.OpenForApplications),
            solver && phase == ChallengePhase.OpenForApplications,
            c.IsJudge(caller) && phase == ChallengePhase.Judging,
            owner && phase == ChallengePhase.AwaitingAnnouncement,
            (owner || staff.Includes(caller)) && phase is not (ChallengePhase.Announced or ChallengePhase.Cancelled));
    }
}

public sealed record ScoreResponse(Guid JudgeUserId, IReadOnlyDictionary<string, decimal> Scores, decimal WeightedScore);

public sealed record ApplicationResponse(
    Guid Id, Guid ChallengeId, Guid ApplicantOrganizationId, Guid ApplicantUserId, string Summary, string Approach, string? Team,
    decimal? RequestedYuan, DateTimeOffset SubmittedAt, string Status, decimal? AverageScore, int JudgesScored, decimal? FinalScore,
    int? Rank, IReadOnlyList<ScoreResponse> Scores, bool CanScore)
{
    /// <summary>Judges see their own scores only; the owner and staff see all; the applicant sees the result after announcement.</summary>
    internal static ApplicationResponse From(Challenge c, ChallengeApplication a, ICurrentUser caller, PlatformStaff staff, DateTimeOffset now)
    {
        var seeAll = caller.BelongsTo(c.OwnerOrganizationId) || staff.Includes(caller);
        var scores = a.JudgesWhoScored
            .Where(j => seeAll || caller.UserId == j)
            .Select(j => new ScoreResponse(j, a.Scores.Where(s => s.JudgeUserId == j).ToDictionary(s => s.CriterionKey, s => s.Value),
                a.WeightedScoreBy(j, c.Criteria)!.Value))
            .ToList();
        var judge = caller.UserId is { } userId ? c.Judges.FirstOrDefault(j => j.UserId == userId) : null;
        var canScore = judge is not null && c.PhaseAt(now) == ChallengePhase.Judging && a.Status == ApplicationStatus.Submitted
            && judge.OrganizationId != a.ApplicantOrganizationId && !caller.BelongsTo(a.ApplicantOrganizationId);
        return new(a.Id, a.ChallengeId, a.ApplicantOrganizationId, a.ApplicantUserId, a.Summary, a.Approach, a.Team, a.RequestedYuan,
            a.SubmittedAt, a.Status.ToString(), seeAll ? a.AverageScore(c.Criteria) : null, a.JudgesWhoScored.Count, a.FinalScore, a.Rank,
            scores, canScore);
    }
}

/// <summary>An award; <see cref="ContractId"/> is the platform contract (GET /api/v1/contracts/{id}) when the reference is one.</summary>
public sealed record AwardResponse(Guid Id, Guid ApplicationId, Guid OrganizationId, int Rank, decimal Score, DateTimeOffset AwardedAt,
    string? ContractReference, DateTimeOffset? ContractLinkedAt, Guid? ContractId);
