using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Features;

/// <summary>Use cases of income distribution (收益分配, R4.1–R4.7).</summary>
public sealed class IncomeDistributionService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options)
{
    private AchievementsOptions Options => options.Value;
    private IQueryable<IncomeDistribution> Plans => db.Set<IncomeDistribution>();
    private DateTimeOffset Now => clock.GetUtcNow();
    private Actor? Actor => Domain.Actor.From(user);

    /// <summary>The owning organisation's office and platform admins see plans; team members see the plans they are in (their own line only).</summary>
    private Expression<Func<IncomeDistribution, bool>> Visible()
    {
        var org = user.IsInRole(Roles.InstitutionAdmin) ? user.OrganizationId ?? Guid.Empty : Guid.Empty;
        var admin = user.IsInRole(Roles.PlatformAdmin);
        var uid = user.UserId ?? Guid.Empty;
        return d => d.OrganizationId == org || admin || d.TeamUserIds.Contains(uid);
    }

    private bool FullView(IncomeDistribution d) =>
        (user.IsInRole(Roles.InstitutionAdmin) && user.OrganizationId == d.OrganizationId) || user.IsInRole(Roles.PlatformAdmin);

    public async Task<Result<PagedResult<IncomeSummary>>> ListAsync(IncomeListQuery query, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pe) return Error.Validation(pe);
        var q = Plans.AsNoTracking().Where(Visible());
        if (query.AchievementId is { } aid) q = q.Where(d => d.AchievementId == aid);
        if (query.Status is { } s) q = q.Where(d => d.Status == s);
        if (query.Mode is { } m) q = q.Where(d => d.Mode == m);
        if (query.Year is { } y) q = q.Where(d => d.IncomeDate >= new DateOnly(y, 1, 1) && d.IncomeDate <= new DateOnly(y, 12, 31));
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(d => d.IncomeDate).ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(d => new IncomeSummary(d.Id, d.AchievementId, d.AchievementTitle, d.Mode, d.IncomeDate, d.GrossIncome, d.NetIncome,
                d.TeamSharePercent, d.TeamAmount, d.Status))
            .ToListAsync(ct);
        return new PagedResult<IncomeSummary>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<IncomeResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var d = await Plans.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? AchievementErrors.DistributionNotFound : IncomeResponse.From(d, Actor, FullView(d));
    }

    /// <summary>The rule set and office share that apply to the caller's organisation on a date (for forms).</summary>
    public Result<RuleSetDto> RulesFor(DateOnly date)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var org = Options.For(actor.OrganizationId);
        var rules = RuleSetSelector.Select(Options.EffectiveIncomeRuleSets, org.Jurisdiction, date);
        if (rules.IsFailure) return rules.Error!;
        var r = rules.Value;
        return new RuleSetDto(r.RuleSetId, r.Jurisdiction, r.EffectiveFrom, r.EffectiveTo, r.SourceRef, r.TransferLicenseFloorPercent,
            r.EquityFloorPercent, r.OperatingProfitFloorPercent, r.OperatingProfitYears, org.TtoSharePercent);
    }

    public async Task<Result<IncomeResponse>> PlanAsync(IncomePlanRequest request, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        if (!actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        var achievement = await db.Set<Achievement>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == request.AchievementId && a.OwnerOrganizationId == actor.OrganizationId, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        if (achievement.Status != AchievementStatus.Registered) return AchievementErrors.InvalidTransition(achievement.Status, "distributed");
        var org = Options.For(actor.OrganizationId);
        var rules = RuleSetSelector.Select(Options.EffectiveIncomeRuleSets, org.Jurisdiction, request.IncomeDate);
        if (rules.IsFailure) return rules.Error!;
        var team = request.Team is { Count: > 0 }
            ? request.Team.Select(t => new TeamMemberInput(t.Name ?? "", t.UserId, t.ContributionPercent, t.HoldsLeadershipPost)).ToList()
            : achievement.Completers.Select(c => new TeamMemberInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList();
        var input = new IncomePlanInput(achievement.Id, achievement.Title, request.Mode, request.IncomeDate, request.GrossIncome,
            (request.Deductions ?? []).Select(d => new DeductionInput(d.Kind, d.Description ?? "", d.Amount, d.EvidenceRef ?? "")).ToList(),
            request.OperatingProfit, request.ProfitYear, request.TeamSharePercent, team);
        var plan = IncomeDistribution.Plan(input, actor, rules.Value, org, Now);
        if (plan.IsFailure) return plan.Error!;
        db.Add(plan.Value);
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(plan.Value, actor, true);
    }

    public async Task<Result<IncomeResponse>> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var d = await Plans.Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return AchievementErrors.DistributionNotFound;
        var r = d.Approve(actor, Now);
        if (r.IsFailure) return r.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(d, actor, true);
    }

    public async Task<Result<IncomeResponse>> RecordPayoutAsync(Guid id, PayoutRequest request, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var d = await Plans.Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return AchievementErrors.DistributionNotFound;
        var r = d.RecordPayout(request.AllocationId, request.Amount, request.PaidOn, request.Reference ?? "", request.DisclosureRecordRef,
            actor, Options.For(d.OrganizationId), Now);
        if (r.IsFailure) return r.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(d, actor, true);
    }

    /// <summary>The annual conversion report of the caller's institution for a year (R4.7).</summary>
    public async Task<Result<AnnualReportResponse>> AnnualReportAsync(int year, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        if (!actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        var built = await BuildReportAsync(actor.OrganizationId, year, ct);
        if (built.IsFailure) return built.Error!;
        var submission = await db.Set<ConversionReportSubmission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganizationId == actor.OrganizationId && s.Year == year, ct);
        var today = DateOnly.FromDateTime(Now.ToOffset(Options.LocalUtcOffset).DateTime);
        return new AnnualReportResponse(built.Value, built.Value.IsOverdue(today, submission?.SubmittedAt), submission?.SubmittedAt, submission?.Late ?? false);
    }

    public async Task<Result<AnnualReportResponse>> SubmitAnnualReportAsync(int year, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        if (!actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        var built = await BuildReportAsync(actor.OrganizationId, year, ct);
        if (built.IsFailure) return built.Error!;
        if (await db.Set<ConversionReportSubmission>().AnyAsync(s => s.OrganizationId == actor.OrganizationId && s.Year == year, ct))
            return new Error("conversion_report.already_submitted", $"{year} 年度报告已提交（R4.7）", $"The {year} report was already submitted (R4.7).", Status: 409);
        var submission = ConversionReportSubmission.Submit(built.Value, actor, Now, Options.LocalUtcOffset);
        if (submission.IsFailure) return submission.Error!;
        db.Add(submission.Value);
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return new AnnualReportResponse(built.Value, false, submission.Value.SubmittedAt, submission.Value.Late);
    }

    private async Task<Result<AnnualConversionReport>> BuildReportAsync(Guid orgId, int year, CancellationToken ct)
    {
        var org = Options.For(orgId);
        if (year < 2000 || year > 9998) return AchievementErrors.ReportYearInvalid;
        var rules = RuleSetSelector.Select(Options.EffectiveIncomeRuleSets, org.Jurisdiction, new DateOnly(year, 12, 31));
        if (rules.IsFailure) return rules.Error!;
        var achievements = await db.Set<Achievement>().AsNoTracking().Where(a => a.OwnerOrganizationId == orgId).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var plans = await Plans.AsNoTracking().Where(d => d.OrganizationId == orgId && d.IncomeDate >= from && d.IncomeDate <= to).ToListAsync(ct);
        return AnnualConversionReport.Generate(orgId, year, achievements, plans, rules.Value, Now, Options.LocalUtcOffset);
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
