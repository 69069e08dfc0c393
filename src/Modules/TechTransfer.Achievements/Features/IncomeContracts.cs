using TechTransfer.Achievements.Domain;

namespace TechTransfer.Achievements.Features;

public sealed record DeductionDto(DeductionKind Kind, string Description, decimal Amount, string EvidenceRef);

public sealed record TeamMemberDto(string Name, Guid? UserId, decimal ContributionPercent, bool HoldsLeadershipPost = false);

/// <summary>Draft a distribution plan (收益分配方案). An empty team means "the achievement's completers by contribution".</summary>
public sealed record IncomePlanRequest
{
    public Guid AchievementId { get; init; }
    public ConversionMode Mode { get; init; } = ConversionMode.License;
    public DateOnly IncomeDate { get; init; }
    public decimal GrossIncome { get; init; }
    public List<DeductionDto> Deductions { get; init; } = [];
    public decimal? OperatingProfit { get; init; }
    public int? ProfitYear { get; init; }
    public decimal TeamSharePercent { get; init; }
    public List<TeamMemberDto> Team { get; init; } = [];
    /// <summary>The certified technology income (技术性收入核定) this plan distributes; the gross income then comes from it.</summary>
    public Guid? CertificationId { get; init; }
}

/// <summary>A certified technology income (Contracts module) an achievement's distribution can draw on, with what is left of it.</summary>
public sealed record CertifiedIncomeDto(Guid Id, Guid ContractId, string RegistrationNo, string ProjectName, TechTransfer.SharedKernel.Deals.DraftContractCategory Category, DateOnly PeriodFrom, DateOnly PeriodTo,
    decimal CertifiedAmount, decimal AlreadyPlanned, decimal Remaining, bool BenefitsBlocked, string? BlockedReasonZh, string? BlockedReasonEn);

public sealed record PayoutRequest(Guid AllocationId, decimal Amount, DateOnly PaidOn, string? Reference, string? DisclosureRecordRef);

public sealed record IncomeListQuery(
    Guid? AchievementId = null, IncomeDistributionStatus? Status = null, ConversionMode? Mode = null, int? Year = null, int Page = 1, int PageSize = 20);

public sealed record IncomeSummary(Guid Id, Guid AchievementId, string AchievementTitle, ConversionMode Mode, DateOnly IncomeDate,
    decimal GrossIncome, decimal NetIncome, decimal TeamSharePercent, decimal TeamAmount, IncomeDistributionStatus Status);

public sealed record AllocationDto(Guid Id, string Name, Guid? UserId, decimal ContributionPercent, decimal Amount, bool HoldsLeadershipPost, decimal Paid);

public sealed record PayoutDto(Guid Id, Guid AllocationId, decimal Amount, DateOnly PaidOn, string Reference, string? DisclosureRecordRef, bool OutsidePerformancePayCap);

public sealed record IncomeResponse(
    Guid Id, Guid OrganizationId, Guid AchievementId, string AchievementTitle, ConversionMode Mode, Jurisdiction Jurisdiction, DateOnly IncomeDate,
    decimal GrossIncome, IReadOnlyList<DeductionDto> Deductions, decimal NetIncome, decimal? OperatingProfit, int? ProfitYear, decimal DistributableBase,
    decimal TeamSharePercent, decimal TeamAmount, decimal OfficeSharePercent, decimal OfficeAmount, decimal UnitAmount,
    string RuleSetId, string RuleSourceRef, decimal FloorPercent, IReadOnlyList<AllocationDto> Allocations, IReadOnlyList<PayoutDto> Payouts,
    IncomeDistributionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, int Version, bool CanManage, Guid? CertificationId = null)
{
    public static IncomeResponse From(IncomeDistribution d, Actor? actor, bool fullView) => new(
        d.Id, d.OrganizationId, d.AchievementId, d.AchievementTitle, d.Mode, d.Jurisdiction, d.IncomeDate, d.GrossIncome,
        d.Deductions.Select(x => new DeductionDto(x.Kind, x.Description, x.Amount, x.EvidenceRef)).ToList(), d.NetIncome, d.OperatingProfit, d.ProfitYear,
        d.DistributableBase, d.TeamSharePercent, d.TeamAmount, d.OfficeSharePercent, d.OfficeAmount, d.UnitAmount, d.RuleSetId, d.RuleSourceRef, d.FloorPercent,
        d.Allocations.Where(a => fullView || a.UserId == actor?.UserId)
            .Select(a => new AllocationDto(a.Id, a.Name, a.UserId, a.ContributionPercent, a.Amount, a.HoldsLeadershipPost, a.Paid)).ToList(),
        d.Payouts.Where(p => fullView || d.Allocations.Any(a => a.Id == p.AllocationId && a.UserId == actor?.UserId))
            .Select(p => new PayoutDto(p.Id, p.AllocationId, p.Amount, p.PaidOn, p.Reference, p.DisclosureRecordRef, p.OutsidePerformancePayCap)).ToList(),
        d.Status, d.CreatedAt, d.ApprovedAt, d.Version, actor is not null && actor.IsOfficeOf(d.OrganizationId), d.CertificationId);
}

public sealed record AnnualReportResponse(AnnualConversionReport Report, bool Overdue, DateTimeOffset? SubmittedAt, bool SubmittedLate);

public sealed record RuleSetDto(string RuleSetId, Jurisdiction Jurisdiction, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string SourceRef,
    decimal TransferLicenseFloorPercent, decimal EquityFloorPercent, decimal OperatingProfitFloorPercent, int OperatingProfitYears, decimal TtoSharePercent);
