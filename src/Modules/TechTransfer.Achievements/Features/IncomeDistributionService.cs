using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Achievements.Features;

/// <summary>Use cases of income distribution (收益分配, R4.1–R4.7).</summary>
public sealed class IncomeDistributionService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options, IEnumerable<ICertifiedIncomeSource> certifiedIncomeSources)
{
    /// <summary>Certified technology income (技术性收入核定) comes from the Contracts module through the shared kernel.</summary>
    private ICertifiedIncomeSource? CertifiedIncome => certifiedIncomeSources.FirstOrDefault();

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
        if (query.Year is { } y)
        {
            if (y is < 1 or > 9999)
                return Error.Validation("year", "income_distribution.year_out_of_range", "年份须在 1–9999 之间", "The year must be between 1 and 9999.");
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(d => d.IncomeDate >= first && d.IncomeDate <= last);
        }
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
        if (request.CertificationId is { } certificationId)
        {
            var certified = await CheckCertifiedIncomeAsync(certificationId, achievement.Id, actor.OrganizationId, ct);
            if (certified.IsFailure) return certified.Error!;
            if (request.GrossIncome > certified.Value.Remaining) return AchievementErrors.CertifiedIncomeExceeded(certified.Value.Remaining);
        }
        var input = new IncomePlanInput(achievement.Id, achievement.Title, request.Mode, request.IncomeDate, request.GrossIncome,
            (request.Deductions ?? []).Select(d => new DeductionInput(d.Kind, d.Description ?? "", d.Amount, d.EvidenceRef ?? "")).ToList(),
            request.OperatingProfit, request.ProfitYear, request.TeamSharePercent, team, request.CertificationId);
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
        if (d.CertificationId is { } certificationId && CertifiedIncome is { } source
            && await source.FindAsync(certificationId, ct) is { BenefitsBlocked: true } blocked)
            return AchievementErrors.CertificationBlocked(blocked.BlockedReasonZh, blocked.BlockedReasonEn); // R2.3: no reward payout while a correction is pending
        var r = d.RecordPayout(request.AllocationId, request.Amount, request.PaidOn, request.Reference ?? "", request.DisclosureRecordRef,
            actor, Options.For(d.OrganizationId), Now);
        if (r.IsFailure) return r.Error!;
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(d, actor, true);
    }

    /// <summary>Certified technology income of the caller's organisation whose contract references the achievement, with what is left to plan.</summary>
    public async Task<Result<IReadOnlyList<CertifiedIncomeDto>>> CertifiedIncomeForAsync(Guid achievementId, CancellationToken ct)
    {
        if (Actor is not { } actor || !actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        if (!await db.Set<Achievement>().AnyAsync(a => a.Id == achievementId && a.OwnerOrganizationId == actor.OrganizationId, ct)) return AchievementErrors.NotFound;
        if (CertifiedIncome is not { } source) return Result<IReadOnlyList<CertifiedIncomeDto>>.Success([]);
        var list = await source.ForAchievementAsync(achievementId, actor.OrganizationId, ct);
        var result = new List<CertifiedIncomeDto>();
        foreach (var c in list) result.Add(await ToDtoAsync(c, ct));
        return result;
    }

    /// <summary>
    /// A plan prefilled from a certified technology income: gross income = what is left of it, income date = end of the
    /// period, mode from the contract category, team share = the floor of the applicable rule set (R4.2/R4.3: never below
    /// it), team = the achievement's completers. The office reviews it, adds the R4.1 deductions, and saves it as usual.
    /// </summary>
    public async Task<Result<IncomePlanRequest>> PrefillFromCertificationAsync(Guid achievementId, Guid certificationId, CancellationToken ct)
    {
        if (Actor is not { } actor || !actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        var achievement = await db.Set<Achievement>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == achievementId && a.OwnerOrganizationId == actor.OrganizationId, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        var certified = await CheckCertifiedIncomeAsync(certificationId, achievementId, actor.OrganizationId, ct);
        if (certified.IsFailure) return certified.Error!;
        var c = certified.Value;
        var mode = c.Category switch { DraftContractCategory.Transfer => ConversionMode.Transfer, DraftContractCategory.Licensing => ConversionMode.License, _ => ConversionMode.Other };
        var org = Options.For(actor.OrganizationId);
        var rules = RuleSetSelector.Select(Options.EffectiveIncomeRuleSets, org.Jurisdiction, c.PeriodTo);
        if (rules.IsFailure) return rules.Error!;
        return new IncomePlanRequest
        {
            AchievementId = achievementId, Mode = mode, IncomeDate = c.PeriodTo, GrossIncome = c.Remaining, TeamSharePercent = rules.Value.FloorFor(mode),
            Team = achievement.Completers.Select(x => new TeamMemberDto(x.Name, x.UserId, x.ContributionPercent, x.HoldsLeadershipPost)).ToList(),
            CertificationId = certificationId,
        };
    }

    private async Task<Result<CertifiedIncomeDto>> CheckCertifiedIncomeAsync(Guid certificationId, Guid achievementId, Guid organizationId, CancellationToken ct)
    {
        var c = CertifiedIncome is { } source ? await source.FindAsync(certificationId, ct) : null;
        if (c is null || c.RegistrantOrganizationId != organizationId) return AchievementErrors.CertificationNotFound;
        if (!c.AchievementIds.Contains(achievementId)) return AchievementErrors.CertificationNotForAchievement;
        if (c.BenefitsBlocked) return AchievementErrors.CertificationBlocked(c.BlockedReasonZh, c.BlockedReasonEn);
        return await ToDtoAsync(c, ct);
    }

    private async Task<CertifiedIncomeDto> ToDtoAsync(CertifiedIncome c, CancellationToken ct)
    {
        // decimal SUM is not translated on SQLite: read the amounts, add them here.
        var planned = (await Plans.AsNoTracking().Where(d => d.CertificationId == c.Id).Select(d => d.GrossIncome).ToListAsync(ct)).Sum();
        return new CertifiedIncomeDto(c.Id, c.ContractId, c.RegistrationNo, c.ProjectName, c.Category, c.PeriodFrom, c.PeriodTo, c.CertifiedAmount, planned,
            Math.Max(0, c.CertifiedAmount - planned), c.BenefitsBlocked, c.BlockedReasonZh, c.BlockedReasonEn);
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
        var today = BusinessTime.DateOf(Now);
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
