using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// Use cases of income distribution (收益分配, R4.1–R4.7). The floors come from the rule set of the organisation's
/// jurisdiction in the registry (<see cref="IOrganizationFactsLookup"/>), in force on the income date; the transfer
/// office's share from the organisation's <see cref="IncomeSettings"/>.
/// </summary>
public sealed class IncomeDistributionService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options,
    IEnumerable<ICertifiedIncomeSource> certifiedIncomeSources, IOrganizationFactsLookup organizations, IReferenceCheck references)
{
    /// <summary>Certified technology income (技术性收入核定) comes from the Contracts module through the shared kernel.</summary>
    private ICertifiedIncomeSource? CertifiedIncome => certifiedIncomeSources.FirstOrDefault();

    private AchievementsOptions Options => options.Value;
    private IQueryable<IncomeDistribution> Plans => db.Set<IncomeDistribution>();
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The owning organisation's office and platform admins see plans; team members see the plans they are in (their own lines only).</summary>
    private Expression<Func<IncomeDistribution, bool>> Visible()
    {
        var org = user.IsInRole(Roles.InstitutionAdmin) ? user.OrganizationId ?? Guid.Empty : Guid.Empty;
        var admin = user.IsPlatformAdmin();
        var uid = user.UserId ?? Guid.Empty;
        return d => d.OrganizationId == org || admin || d.TeamUserIds.Contains(uid);
    }

    private bool FullView(IncomeDistribution d) => user.IsOfficeOf(d.OrganizationId) || user.IsPlatformAdmin();

    /// <summary>The income plan list's sort keys (default: the newest income date first).</summary>
    public static readonly ListSort<IncomeDistribution> Sorts = new ListSort<IncomeDistribution>(d => d.Id, "incomeDate", true)
        .Key("incomeDate", d => d.IncomeDate)
        .Key("achievementTitle", d => d.AchievementTitle)
        .Key("grossIncome", d => d.GrossIncome)
        .Key("teamAmount", d => d.TeamAmount);

    public async Task<Result<PagedResult<IncomeSummary>>> ListAsync(IncomeListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<IncomeSummary>>> ExportAsync(IncomeListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    private IQueryable<IncomeSummary> Summaries(IQueryable<IncomeDistribution> q) =>
        q.Select(d => new IncomeSummary(d.Id, d.AchievementId, d.AchievementTitle, d.Mode, d.IncomeDate, d.GrossIncome, d.NetIncome,
            d.TeamSharePercent, d.TeamAmount, d.Status, db.Set<Achievement>().Where(a => a.Id == d.AchievementId).Select(a => a.TitleEn).FirstOrDefault()));

    /// <summary>The visible plans matching the list's filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<IncomeDistribution> Filtered, IQueryable<IncomeDistribution> Sorted)> Filtered(IncomeListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Plans.AsNoTracking().Where(Visible());
        if (!string.IsNullOrWhiteSpace(query.Q)) { var term = query.Q.Trim(); q = q.Where(d => d.AchievementTitle.Contains(term)); }
        if (query.AchievementId is { } aid) q = q.Where(d => d.AchievementId == aid);
        if (query.OrganizationId is { } org) q = q.Where(d => d.OrganizationId == org);
        if (query.Status is { } s) q = q.Where(d => d.Status == s);
        if (query.Mode is { } m) q = q.Where(d => d.Mode == m);
        if (query.Year is { } y)
        {
            if (y is < 1 or > 9999) return AchievementErrors.DistributionYearOutOfRange;
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(d => d.IncomeDate >= first && d.IncomeDate <= last);
        }
        q = q.Between(d => d.IncomeDate, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<IncomeResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var d = await Plans.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? AchievementErrors.DistributionNotFound
            : IncomeResponse.From(d, user, FullView(d)) with { AchievementTitleEn = await AchievementTitles.EnglishAsync(db, d.AchievementId, ct) };
    }

    /// <summary>The rule set of the organisation's jurisdiction (from the registry) in force on a date, and the facts read.</summary>
    private async Task<Result<(IncomeRuleSet Rules, OrganizationFacts Facts)>> RulesAsync(Guid organizationId, DateOnly date, CancellationToken ct)
    {
        if (await organizations.FindAsync(organizationId, ct) is not { } facts) return AchievementErrors.OrganizationNotRegistered;
        var rules = RuleSetSelector.Select(Options.EffectiveIncomeRuleSets, facts.Jurisdiction, date);
        return rules.IsFailure ? rules.Error! : (rules.Value, facts);
    }

    private async Task<decimal> OfficeShareAsync(Guid organizationId, CancellationToken ct) =>
        await db.Set<IncomeSettings>().AsNoTracking().Where(x => x.OrganizationId == organizationId).Select(x => (decimal?)x.TtoSharePercent)
            .SingleOrDefaultAsync(ct) ?? Options.DefaultTtoSharePercent;

    /// <summary>The rule set and office share that apply to the caller's organisation on a date (for forms).</summary>
    public async Task<Result<RuleSetDto>> RulesForAsync(DateOnly date, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        var found = await RulesAsync(org, date, ct);
        if (found.IsFailure) return found.Error!;
        var r = found.Value.Rules;
        return new RuleSetDto(r.RuleSetId, r.Jurisdiction, r.EffectiveFrom, r.EffectiveTo, r.SourceRef, r.TransferLicenseFloorPercent,
            r.EquityFloorPercent, r.OperatingProfitFloorPercent, r.OperatingProfitYears, await OfficeShareAsync(org, ct));
    }

    /// <summary>
    /// Draft a plan. Checked first, before the achievement is loaded, all errors at once: the request's shape, the terms
    /// against the floors of the caller's jurisdiction (R4.1–R4.3), and every id it names — the achievement (a random id
    /// or another organisation's confidential achievement is the 422 reference.not_found) and the team's accounts.
    /// </summary>
    public async Task<Result<IncomeResponse>> PlanAsync(IncomePlanRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var errors = request.ShapeErrors();
        if (errors.Any) return errors.ToError()!;
        var found = await RulesAsync(org, request.IncomeDate, ct);
        if (found.IsFailure) return found.Error!;
        var rules = found.Value.Rules;
        var team = request.TeamInput();
        errors.AddRange(IncomeDistribution.CheckTerms(request.ToInput("", team), rules).All);
        if (team.Count > 0) errors.AddRange(IncomeDistribution.CheckTeam(team).All);
        if (await references.CheckAsync("achievementId", RecordTypes.Achievement, request.AchievementId, ct) is { } missing) errors.Add(missing);
        errors.AddRange(await references.UsersAsync(request.UserReferences(), ct));
        if (errors.ToError() is { } invalid) return invalid;

        var achievement = await db.Set<Achievement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AchievementId, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        if (achievement.OwnerOrganizationId != org) return AchievementErrors.DistributionRoleNotAllowed;
        if (achievement.Status != AchievementStatus.Registered) return AchievementErrors.InvalidTransition(achievement.Status, "distributed");
        if (team.Count == 0)
            team = achievement.Completers.Select(c => new TeamMemberInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList();
        if (request.CertificationId is { } certificationId)
        {
            var certified = await CheckCertifiedIncomeAsync(certificationId, achievement.Id, org, ct);
            if (certified.IsFailure) return certified.Error!;
            if (request.GrossIncome > certified.Value.Remaining) return AchievementErrors.CertifiedIncomeExceeded(certified.Value.Remaining);
        }
        var plan = IncomeDistribution.Plan(request.ToInput(achievement.Title, team), user, rules, await OfficeShareAsync(org, ct), Now);
        if (plan.IsFailure) return plan.Error!;
        db.Add(plan.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(plan.Value, user, true);
    }

    public Task<Result<IncomeResponse>> ApproveAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, async (d, _) =>
        {
            var r = d.Approve(user, Now);
            if (r.IsSuccess)
            {
                var titleEn = await AchievementTitles.EnglishAsync(db, d.AchievementId, ct) ?? d.AchievementTitle;
                foreach (var uid in d.TeamUserIds.Distinct())
                    db.Add(Notification.ToUser(uid, Cut($"收益分配方案已批准：{d.AchievementTitle}"), Cut($"Income distribution plan approved: {titleEn}"),
                        $"/income-distributions/{d.Id}", Now, NotificationKinds.IncomePlan));
            }
            return r;
        }, ct);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..299] + "…";

    /// <summary>Self or cooperative implementation: records one year's operating profit and splits the team's share of it (R4.2).</summary>
    public Task<Result<IncomeResponse>> RecordProfitYearAsync(Guid id, ProfitYearRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, (d, _) => Task.FromResult(d.RecordProfitYear(request.Year, request.OperatingProfit, user, Now)), ct);

    public Task<Result<IncomeResponse>> RecordPayoutAsync(Guid id, PayoutRequest request, CancellationToken ct)
    {
        if (IncomeDistribution.CheckPayout(request.Amount) is { } invalid) return Task.FromResult<Result<IncomeResponse>>(invalid);
        return ChangeAsync(id, request.Version, async (d, token) =>
        {
            if (d.CertificationId is { } certificationId && CertifiedIncome is { } source
                && await source.FindAsync(certificationId, token) is { BenefitsBlocked: true } blocked)
                return AchievementErrors.CertificationBlocked(blocked.BlockedReasonZh, blocked.BlockedReasonEn); // no reward payout while a correction is pending
            var facts = await organizations.FindAsync(d.OrganizationId, token);
            var r = d.RecordPayout(request.AllocationId, request.Amount, request.PaidOn, request.Reference ?? "", request.DisclosureRecordRef,
                user, facts?.IsPublicInstitution ?? false, Now);
            return r.IsFailure ? r.Error! : Result.Success();
        }, ct);
    }

    /// <summary>The caller's organisation's transfer-office share (R4.4): its own setting, or the configured default.</summary>
    public async Task<Result<IncomeSettingsResponse>> SettingsAsync(CancellationToken ct)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var settings = await db.Set<IncomeSettings>().AsNoTracking().SingleOrDefaultAsync(x => x.OrganizationId == org, ct);
        return settings is null
            ? new IncomeSettingsResponse(org, Options.DefaultTtoSharePercent, true, 0)
            : new IncomeSettingsResponse(org, settings.TtoSharePercent, false, settings.Version);
    }

    /// <summary>The office sets its share; the request names the version it read (0 before the first setting), a stale one is 409.</summary>
    public async Task<Result<IncomeSettingsResponse>> ChangeSettingsAsync(IncomeSettingsRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var errors = new FieldErrors();
        if (IncomeSettings.CheckShare(request.TtoSharePercent) is { } range) errors.AddFrom(range);
        if (request.Version is null) errors.AddFrom(AchievementErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var settings = await db.Set<IncomeSettings>().SingleOrDefaultAsync(x => x.OrganizationId == org, ct);
        if (Error.StaleVersion(settings?.Version ?? 0, request.Version) is { } stale) return stale;
        if (settings is null)
        {
            var created = IncomeSettings.Create(org, request.TtoSharePercent, user, Now);
            if (created.IsFailure) return created.Error!;
            db.Add(settings = created.Value);
        }
        else if (settings.Change(request.TtoSharePercent, user, Now) is { IsFailure: true } refused) return refused.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return new IncomeSettingsResponse(org, settings.TtoSharePercent, false, settings.Version);
    }

    /// <summary>Certified technology income of the caller's organisation whose contract references the achievement, with what is left to plan.</summary>
    public async Task<Result<IReadOnlyList<CertifiedIncomeDto>>> CertifiedIncomeForAsync(Guid achievementId, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        if (!await db.Set<Achievement>().AnyAsync(a => a.Id == achievementId && a.OwnerOrganizationId == org, ct)) return AchievementErrors.NotFound;
        if (CertifiedIncome is not { } source) return Result<IReadOnlyList<CertifiedIncomeDto>>.Success([]);
        var list = await source.ForAchievementAsync(achievementId, org, ct);
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
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var achievement = await db.Set<Achievement>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == achievementId && a.OwnerOrganizationId == org, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        var certified = await CheckCertifiedIncomeAsync(certificationId, achievementId, org, ct);
        if (certified.IsFailure) return certified.Error!;
        var c = certified.Value;
        var mode = c.Category switch { DraftContractCategory.Transfer => ConversionMode.Transfer, DraftContractCategory.Licensing => ConversionMode.License, _ => ConversionMode.Other };
        var rules = await RulesAsync(org, c.PeriodTo, ct);
        if (rules.IsFailure) return rules.Error!;
        return new IncomePlanRequest
        {
            AchievementId = achievementId, Mode = mode, IncomeDate = c.PeriodTo, GrossIncome = c.Remaining, TeamSharePercent = rules.Value.Rules.FloorFor(mode),
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
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var built = await BuildReportAsync(org, year, ct);
        if (built.IsFailure) return built.Error!;
        var submission = await db.Set<ConversionReportSubmission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganizationId == org && s.Year == year, ct);
        return new AnnualReportResponse(built.Value, built.Value.IsOverdue(clock.Today(), submission?.SubmittedAt), submission?.SubmittedAt, submission?.Late ?? false);
    }

    public async Task<Result<AnnualReportResponse>> SubmitAnnualReportAsync(int year, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.DistributionRoleNotAllowed;
        var built = await BuildReportAsync(org, year, ct);
        if (built.IsFailure) return built.Error!;
        if (await db.Set<ConversionReportSubmission>().AnyAsync(s => s.OrganizationId == org && s.Year == year, ct))
            return AchievementErrors.ReportAlreadySubmitted(year);
        var submission = ConversionReportSubmission.Submit(built.Value, user, Now);
        if (submission.IsFailure) return submission.Error!;
        db.Add(submission.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return new AnnualReportResponse(built.Value, false, submission.Value.SubmittedAt, submission.Value.Late);
    }

    private async Task<Result<AnnualConversionReport>> BuildReportAsync(Guid orgId, int year, CancellationToken ct)
    {
        if (year < 2000 || year > 9998) return AchievementErrors.ReportYearInvalid;
        var rules = await RulesAsync(orgId, new DateOnly(year, 12, 31), ct);
        if (rules.IsFailure) return rules.Error!;
        var achievements = await db.Set<Achievement>().AsNoTracking().Where(a => a.OwnerOrganizationId == orgId).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var plans = await Plans.AsNoTracking().Where(d => d.OrganizationId == orgId && d.IncomeDate >= from && d.IncomeDate <= to).ToListAsync(ct);
        return AnnualConversionReport.Generate(orgId, year, achievements, plans, rules.Value.Rules, Now);
    }

    /// <summary>Load (visible only: 404 otherwise), check the version the caller read (409 when stale), change, save.</summary>
    private async Task<Result<IncomeResponse>> ChangeAsync(Guid id, int? version, Func<IncomeDistribution, CancellationToken, Task<Result>> change, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var d = await Plans.Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return AchievementErrors.DistributionNotFound;
        if (Error.StaleVersion(d.Version, version) is { } stale) return stale;
        var result = await change(d, ct);
        if (result.IsFailure) return result.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return IncomeResponse.From(d, user, FullView(d));
    }
}
