using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Use cases of challenges (揭榜挂帅 / 创新挑战赛). A draft is seen by its owner (and platform staff) only; a proposal by
/// its applicant, the owner, the judges and platform staff. Deadlines come from the aggregate and the clock.
/// </summary>
public sealed class ChallengeService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DemandsOptions> options)
{
    public Actor? Actor => Domain.Common.Actor.From(user, options.Value.ReviewerOrganizationId);

    private IQueryable<Challenge> Visible(Actor? actor)
    {
        var q = db.Set<Challenge>().AsQueryable();
        if (actor is { IsPlatformStaff: true }) return q;
        var org = actor?.OrganizationId;
        return q.Where(c => c.Status != ChallengeStatus.Draft || (org != null && c.OwnerOrganizationId == org));
    }

    public async Task<Result<PagedResult<ChallengeSummary>>> ListAsync(ChallengeListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        var errors = paging.Validate().ToList();
        var actor = Actor;
        var now = clock.GetUtcNow();
        var q = Visible(actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(c => c.Title.Contains(term) || c.Description.Contains(term) || c.Requirements.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (Enum.TryParse<ChallengeKind>(query.Kind, true, out var kind) && Enum.IsDefined(kind)) q = q.Where(c => c.Kind == kind);
            else errors.Add(new("kind", "challenge.unknown_kind", "类型须为 OpenCall 或 InnovationContest", "Kind must be OpenCall or InnovationContest."));
        }
        if (!string.IsNullOrWhiteSpace(query.Field)) q = q.Where(c => c.Field == query.Field.Trim());
        if (query.Mine == true)
        {
            if (actor?.OrganizationId is not { } org) return Error.Forbidden;
            q = q.Where(c => c.OwnerOrganizationId == org);
        }
        if (!string.IsNullOrWhiteSpace(query.Phase))
        {
            if (!Enum.TryParse<ChallengePhase>(query.Phase, true, out var phase) || !Enum.IsDefined(phase))
                errors.Add(new("phase", "challenge.unknown_phase", "阶段须为 Draft、Upcoming、OpenForApplications、Judging、AwaitingAnnouncement、Announced 或 Cancelled",
                    "Phase must be Draft, Upcoming, OpenForApplications, Judging, AwaitingAnnouncement, Announced or Cancelled."));
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
        if (errors.Count > 0) return Error.Validation(errors);

        List<Challenge> rows;
        int total;
        if (query.Judging == true)
        {
            // Judges live in a JSON column: filter in memory (a challenge has at most 15 judges, and the list is small).
            if (actor is null) return Error.Forbidden;
            var all = (await q.ToListAsync(ct)).Where(c => c.IsJudge(actor)).OrderBy(c => c.ApplicationClosesAt).ToList();
            total = all.Count;
            rows = all.Skip(paging.Skip).Take(paging.PageSize).ToList();
        }
        else
        {
            total = await q.CountAsync(ct);
            rows = await q.OrderByDescending(c => c.ApplicationClosesAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        }
        var items = rows.Select(c => new ChallengeSummary(c.Id, c.Kind.ToString(), c.Title, c.Field, c.RewardKind.ToString(), c.RewardYuan,
            c.ApplicationOpensAt, c.ApplicationClosesAt, c.PhaseAt(now).ToString(), c.OwnerOrganizationId)).ToList();
        return new PagedResult<ChallengeSummary>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<ChallengeResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: false, ct);
        return challenge is null ? ChallengeErrors.NotFound : ChallengeResponse.From(challenge, actor, clock.GetUtcNow());
    }

    public async Task<Result<ChallengeResponse>> CreateAsync(ChallengeRequest request, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var created = Challenge.Create(Guid.NewGuid(), actor, request.ToDetails(), now);
        if (created.IsFailure) return created.Error!;
        db.Add(created.Value);
        await db.SaveChangesAsync(ct);
        return ChallengeResponse.From(created.Value, actor, now);
    }

    public Task<Result<ChallengeResponse>> UpdateAsync(Guid id, ChallengeRequest request, CancellationToken ct) =>
        ChangeAsync(id, (c, a, now) => request.Version is null
            ? Error.Validation("version", "challenge.version_required", "修改时须提供版本号 version", "Send the version you are changing.")
            : request.Version != c.Version ? Error.ConcurrencyConflict : c.Edit(a, request.ToDetails(), now), ct);

    public Task<Result<ChallengeResponse>> PublishAsync(Guid id, CancellationToken ct) => ChangeAsync(id, (c, a, now) => c.Publish(a, now), ct);
    public Task<Result<ChallengeResponse>> CancelAsync(Guid id, ReasonRequest? r, CancellationToken ct) => ChangeAsync(id, (c, a, now) => c.Cancel(a, r?.Reason, now), ct);
    public Task<Result<ChallengeResponse>> RemoveJudgeAsync(Guid id, Guid judgeUserId, CancellationToken ct) =>
        ChangeAsync(id, (c, a, now) => c.RemoveJudge(a, judgeUserId, now), ct);

    /// <summary>Names a platform user (by user name) as judge; their organisation is taken from their account (CH.4, CH.8).</summary>
    public async Task<Result<ChallengeResponse>> AddJudgeAsync(Guid id, JudgeRequest request, CancellationToken ct)
    {
        var name = request.UserName?.Trim();
        var judge = string.IsNullOrEmpty(name) ? null
            : await db.Set<PlatformUser>().AsNoTracking().Where(u => u.UserName == name)
                .Select(u => new { u.Id, u.OrganizationId, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (judge is null)
            return Error.Validation("userName", "challenge.judge_unknown", "找不到该用户名的平台用户", "No platform user has this user name.");
        if (judge.OrganizationId is null) return ChallengeErrors.JudgeIncomplete;
        return await ChangeAsync(id, (c, a, now) =>
        {
            var added = c.AddJudge(a, judge.Id, judge.OrganizationId.Value, judge.DisplayName.Length > 0 ? judge.DisplayName : name!, now);
            if (added.IsSuccess)
                db.Add(Notification.ToUser(judge.Id, Trim($"您已受邀担任“{c.Title}”的评审专家"), Trim($"You were named a judge of \"{c.Title}\""), $"/challenges/{c.Id}", now));
            return added;
        }, ct);
    }

    public async Task<Result<IReadOnlyList<ApplicationResponse>>> ListApplicationsAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: false, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        var now = clock.GetUtcNow();
        return challenge.Applications.Where(a => challenge.ApplicationVisibleTo(a, actor)).OrderBy(a => a.SubmittedAt)
            .Select(a => ApplicationResponse.From(challenge, a, actor, now)).ToList();
    }

    public async Task<Result<ApplicationResponse>> ApplyAsync(Guid id, ApplicationRequest request, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var applied = challenge.Apply(Guid.NewGuid(), actor,
            new ProposalDetails(request.Summary ?? "", request.Approach ?? "", request.Team, request.RequestedYuan), now);
        if (applied.IsFailure) return applied.Error!;
        db.Add(applied.Value);
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return ApplicationResponse.From(challenge, applied.Value, actor, now);
    }

    public async Task<Result<ApplicationResponse>> WithdrawApplicationAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        await ApplicationChangeAsync(id, applicationId, (c, a, now) => c.WithdrawApplication(a, applicationId, now), ct);

    public async Task<Result<ApplicationResponse>> ScoreAsync(Guid id, Guid applicationId, ScoreRequest request, CancellationToken ct) =>
        await ApplicationChangeAsync(id, applicationId,
            (c, a, now) => c.Score(a, applicationId, request.Scores ?? new Dictionary<string, decimal>(), now), ct);

    public async Task<Result<IReadOnlyList<AwardResponse>>> ListAwardsAsync(Guid id, CancellationToken ct)
    {
        var challenge = await Load(Actor, id, tracking: false, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        return challenge.Awards.OrderBy(a => a.Rank).Select(ToAward).ToList();
    }

    public async Task<Result<IReadOnlyList<AwardResponse>>> AnnounceAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        var announced = challenge.Announce(actor, clock.GetUtcNow());
        if (announced.IsFailure) return announced.Error!;
        foreach (var award in announced.Value) db.Add(award);
        var now = clock.GetUtcNow();
        foreach (var application in challenge.Applications.Where(a => a.Status is ApplicationStatus.Awarded or ApplicationStatus.NotAwarded))
        {
            var won = application.Status == ApplicationStatus.Awarded;
            db.Add(Notification.ToUser(application.ApplicantUserId,
                Trim(won ? $"恭喜！您的申报在“{challenge.Title}”中入选（第 {application.Rank} 名）" : $"“{challenge.Title}”结果已公布，您的申报未入选"),
                Trim(won ? $"Congratulations: your application to \"{challenge.Title}\" won (rank {application.Rank})" : $"The result of \"{challenge.Title}\" is out; your application was not selected"),
                $"/challenges/{challenge.Id}", now));
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return announced.Value.OrderBy(a => a.Rank).Select(ToAward).ToList();
    }

    public async Task<Result<AwardResponse>> LinkContractAsync(Guid id, Guid awardId, ContractLinkRequest request, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        var linked = challenge.LinkContract(actor, awardId, request.ContractReference, clock.GetUtcNow());
        if (linked.IsFailure) return linked.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return ToAward(challenge.Awards.Single(a => a.Id == awardId));
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private static AwardResponse ToAward(ChallengeAward a) =>
        new(a.Id, a.ApplicationId, a.OrganizationId, a.Rank, a.Score, a.AwardedAt, a.ContractReference, a.ContractLinkedAt,
            Guid.TryParse(a.ContractReference, out var contractId) ? contractId : null);

    private async Task<Challenge?> Load(Actor? actor, Guid id, bool tracking, CancellationToken ct)
    {
        var q = Visible(actor).Include(c => c.Applications).Include(c => c.Awards).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    private async Task<Result<ChallengeResponse>> ChangeAsync(Guid id, Func<Challenge, Actor, DateTimeOffset, Result> change, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var result = change(challenge, actor, now);
        if (result.IsFailure) return result.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return ChallengeResponse.From(challenge, actor, now);
    }

    private async Task<Result<ApplicationResponse>> ApplicationChangeAsync(Guid id, Guid applicationId,
        Func<Challenge, Actor, DateTimeOffset, Result> change, CancellationToken ct)
    {
        var actor = Actor;
        var challenge = await Load(actor, id, tracking: true, ct);
        if (challenge is null) return ChallengeErrors.NotFound;
        if (actor is null) return Error.Forbidden;
        var application = challenge.Applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null || !challenge.ApplicationVisibleTo(application, actor)) return ChallengeErrors.ApplicationNotFound;
        var now = clock.GetUtcNow();
        var result = change(challenge, actor, now);
        if (result.IsFailure) return result.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return ApplicationResponse.From(challenge, application, actor, now);
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.ConcurrencyConflict;
        }
    }
}
