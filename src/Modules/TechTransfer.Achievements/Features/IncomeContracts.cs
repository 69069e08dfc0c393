using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Features;

public sealed record DeductionDto(DeductionKind Kind, string Description, decimal Amount, string EvidenceRef);

public sealed record TeamMemberDto(string Name, Guid? UserId, decimal ContributionPercent, bool HoldsLeadershipPost = false);

public sealed record ProfitYearDto(int Year, decimal OperatingProfit);

/// <summary>
/// Draft a distribution plan (收益分配方案). An empty team means "the achievement's completers by contribution".
/// Transfer, licence and other income: <see cref="TeamSharePercent"/> of net income, or a fixed <see cref="TeamAmount"/>.
/// Equity investment (作价投资): <see cref="InvesteeCompany"/>, <see cref="SharesFormed"/> and <see cref="TeamShares"/>.
/// Self or cooperative implementation: <see cref="TeamSharePercent"/> of yearly operating profit,
/// <see cref="FirstProfitableYear"/> and the <see cref="ProfitYears"/> known so far (more are recorded later).
/// </summary>
public sealed record IncomePlanRequest
{
    public Guid AchievementId { get; init; }
    public ConversionMode Mode { get; init; } = ConversionMode.License;
    public DateOnly IncomeDate { get; init; }
    public decimal GrossIncome { get; init; }
    public List<DeductionDto> Deductions { get; init; } = [];
    public decimal? TeamSharePercent { get; init; }
    public decimal? TeamAmount { get; init; }
    public string? InvesteeCompany { get; init; }
    public long? SharesFormed { get; init; }
    public long? TeamShares { get; init; }
    public int? FirstProfitableYear { get; init; }
    public List<ProfitYearDto> ProfitYears { get; init; } = [];
    public List<TeamMemberDto> Team { get; init; } = [];
    /// <summary>The certified technology income (技术性收入核定) this plan distributes; the gross income then comes from it.</summary>
    public Guid? CertificationId { get; init; }

    /// <summary>Shapes no request may have: empty (null) items in its lists.</summary>
    public FieldErrors ShapeErrors()
    {
        var errors = new FieldErrors();
        Nulls(errors, "deductions", Deductions);
        Nulls(errors, "profitYears", ProfitYears);
        Nulls(errors, "team", Team);
        return errors;
    }

    /// <summary>Platform users the request names (team members with an account), with the field each sits in.</summary>
    public IEnumerable<(string Field, Guid UserId)> UserReferences() =>
        (Team ?? []).Select((t, i) => (t, i)).Where(x => x.t?.UserId is not null).Select(x => ($"team[{x.i}].userId", x.t.UserId!.Value));

    public IncomePlanInput ToInput(string achievementTitle, IReadOnlyList<TeamMemberInput> team) => new(
        AchievementId, achievementTitle, Mode, IncomeDate, GrossIncome,
        (Deductions ?? []).Where(d => d is not null).Select(d => new DeductionInput(d.Kind, d.Description ?? "", d.Amount, d.EvidenceRef ?? "")).ToList(),
        TeamSharePercent, team, TeamAmount,
        Mode == ConversionMode.EquityInvestment ? new EquityInput(InvesteeCompany ?? "", SharesFormed ?? 0, TeamShares ?? 0) : null,
        FirstProfitableYear,
        (ProfitYears ?? []).Where(y => y is not null).Select(y => new ProfitYearInput(y.Year, y.OperatingProfit)).ToList(),
        CertificationId);

    public IReadOnlyList<TeamMemberInput> TeamInput() =>
        (Team ?? []).Where(t => t is not null).Select(t => new TeamMemberInput(t.Name ?? "", t.UserId, t.ContributionPercent, t.HoldsLeadershipPost)).ToList();

    private static void Nulls<T>(FieldErrors errors, string field, List<T>? items)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
            if (items![i] is null) errors.Add(AchievementErrors.NullItem($"{field}[{i}]"));
    }
}

/// <summary>Record one year's operating profit of a self or cooperative implementation plan.</summary>
public sealed record ProfitYearRequest(int Year, decimal OperatingProfit, int? Version = null);

/// <summary>A certified technology income (Contracts module) an achievement's distribution can draw on, with what is left of it.</summary>
public sealed record CertifiedIncomeDto(Guid Id, Guid ContractId, string RegistrationNo, string ProjectName, TechTransfer.SharedKernel.Deals.DraftContractCategory Category, DateOnly PeriodFrom, DateOnly PeriodTo,
    decimal CertifiedAmount, decimal AlreadyPlanned, decimal Remaining, bool BenefitsBlocked, string? BlockedReasonZh, string? BlockedReasonEn);

public sealed record PayoutRequest(Guid AllocationId, decimal Amount, DateOnly PaidOn, string? Reference, string? DisclosureRecordRef, int? Version = null);

/// <summary>Query of GET /api/v1/income-distributions and its export: <c>q</c> searches the achievement's title, <c>from</c>/<c>to</c>
/// bound the income date (both inclusive), <c>organizationId</c> narrows a platform admin's list to one organisation, <c>sort</c> is a
/// key of <see cref="IncomeDistributionService.Sorts"/> (incomeDate, achievementTitle, grossIncome, teamAmount).</summary>
public sealed record IncomeListQuery(
    Guid? AchievementId = null, IncomeDistributionStatus? Status = null, ConversionMode? Mode = null, int? Year = null, int Page = 1, int PageSize = 20,
    string? Q = null, Guid? OrganizationId = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool Desc = false);

public sealed record IncomeSummary(Guid Id, Guid AchievementId, string AchievementTitle, ConversionMode Mode, DateOnly IncomeDate,
    decimal GrossIncome, decimal NetIncome, decimal TeamSharePercent, decimal TeamAmount, IncomeDistributionStatus Status, string? AchievementTitleEn = null);

public sealed record AllocationDto(Guid Id, string Name, Guid? UserId, decimal ContributionPercent, decimal Amount, long Shares, int? Year,
    bool HoldsLeadershipPost, decimal Paid);

public sealed record PayoutDto(Guid Id, Guid AllocationId, decimal Amount, DateOnly PaidOn, string Reference, string? DisclosureRecordRef, bool OutsidePerformancePayCap);

public sealed record ProfitYearResponse(int Year, decimal OperatingProfit, decimal TeamAmount);

public sealed record IncomeResponse(
    Guid Id, Guid OrganizationId, Guid AchievementId, string AchievementTitle, ConversionMode Mode, Jurisdiction Jurisdiction, TeamRewardBasis Basis,
    DateOnly IncomeDate, decimal GrossIncome, IReadOnlyList<DeductionDto> Deductions, decimal NetIncome, decimal DistributableBase,
    decimal TeamSharePercent, decimal TeamAmount, decimal OfficeSharePercent, decimal OfficeAmount, decimal UnitAmount,
    string? InvesteeCompany, long? SharesFormed, long? TeamShares, int? FirstProfitableYear, int? ProfitYearsCovered,
    IReadOnlyList<ProfitYearResponse> ProfitYears,
    string RuleSetId, string RuleSourceRef, decimal FloorPercent, IReadOnlyList<AllocationDto> Allocations, IReadOnlyList<PayoutDto> Payouts,
    IncomeDistributionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, int Version, bool CanManage, Guid? CertificationId = null)
{
    /// <summary>The achievement's English title, where it has one (English pages show it instead of the Chinese copy).</summary>
    public string? AchievementTitleEn { get; init; }

    public static IncomeResponse From(IncomeDistribution d, ICurrentUser viewer, bool fullView) => new(
        d.Id, d.OrganizationId, d.AchievementId, d.AchievementTitle, d.Mode, d.Jurisdiction, d.Basis, d.IncomeDate, d.GrossIncome,
        d.Deductions.Select(x => new DeductionDto(x.Kind, x.Description, x.Amount, x.EvidenceRef)).ToList(), d.NetIncome,
        d.DistributableBase, d.TeamSharePercent, d.TeamAmount, d.OfficeSharePercent, d.OfficeAmount, d.UnitAmount,
        d.InvesteeCompany, d.SharesFormed, d.TeamShares, d.FirstProfitableYear, d.ProfitYearsCovered,
        d.ProfitYears.Select(y => new ProfitYearResponse(y.Year, y.OperatingProfit, y.TeamAmount)).ToList(),
        d.RuleSetId, d.RuleSourceRef, d.FloorPercent,
        d.Allocations.Where(a => fullView || (a.UserId is not null && a.UserId == viewer.UserId))
            .Select(a => new AllocationDto(a.Id, a.Name, a.UserId, a.ContributionPercent, a.Amount, a.Shares, a.Year, a.HoldsLeadershipPost, a.Paid)).ToList(),
        d.Payouts.Where(p => fullView || d.Allocations.Any(a => a.Id == p.AllocationId && a.UserId is not null && a.UserId == viewer.UserId))
            .Select(p => new PayoutDto(p.Id, p.AllocationId, p.Amount, p.PaidOn, p.Reference, p.DisclosureRecordRef, p.OutsidePerformancePayCap)).ToList(),
        d.Status, d.CreatedAt, d.ApprovedAt, d.Version, viewer.IsOfficeOf(d.OrganizationId), d.CertificationId);
}

public sealed record AnnualReportResponse(AnnualConversionReport Report, bool Overdue, DateTimeOffset? SubmittedAt, bool SubmittedLate);

public sealed record RuleSetDto(string RuleSetId, Jurisdiction Jurisdiction, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string SourceRef,
    decimal TransferLicenseFloorPercent, decimal EquityFloorPercent, decimal OperatingProfitFloorPercent, int OperatingProfitYears, decimal TtoSharePercent);

/// <summary>The organisation's transfer-office share (R4.4) and the version to send back when changing it (0: never set, the default applies).</summary>
public sealed record IncomeSettingsResponse(Guid OrganizationId, decimal TtoSharePercent, bool IsDefault, int Version);

public sealed record IncomeSettingsRequest(decimal TtoSharePercent, int? Version);
