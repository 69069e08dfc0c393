using TechTransfer.Achievements.Domain;

namespace TechTransfer.Achievements.Features;

public sealed record GrantShareDto(string CompleterName, Guid? UserId, decimal SharePercent);

/// <summary>Request a rights grant (赋权) for a registered achievement (R5.2).</summary>
public sealed record RightsGrantRequest
{
    public Guid AchievementId { get; init; }
    public GrantType GrantType { get; init; }
    public decimal UnitSharePercent { get; init; }
    public List<GrantShareDto> CompleterShares { get; init; } = [];
    public int? TermYears { get; init; }
    public decimal UnitIncomePercent { get; init; }
    public decimal CompleterIncomePercent { get; init; }
    public string IncomeSplitAgreement { get; init; } = "";
    public string DecisionMechanism { get; init; } = "";
    public string CostSharing { get; init; } = "";
    public FeeBearer IpMaintenanceFeeBearer { get; init; } = FeeBearer.Unit;

    public RightsGrantTerms ToTerms() => new(GrantType, UnitSharePercent,
        (CompleterShares ?? []).Select(s => new GrantShareInput(s.CompleterName ?? "", s.UserId, s.SharePercent)).ToList(),
        TermYears, UnitIncomePercent, CompleterIncomePercent, IncomeSplitAgreement ?? "", DecisionMechanism ?? "", CostSharing ?? "", IpMaintenanceFeeBearer);
}

public sealed record OwnershipChangeRequest(DateOnly FiledOn);

public sealed record RightsGrantListQuery(
    Guid? AchievementId = null, RightsGrantStatus? Status = null, GrantType? GrantType = null, int Page = 1, int PageSize = 20);

public sealed record RightsGrantSummary(Guid Id, Guid AchievementId, string AchievementTitle, GrantType GrantType, RightsGrantStatus Status,
    bool RequestedByCompleter, DateTimeOffset RequestedAt, string? CertificateNo);

public sealed record RightsGrantResponse(
    Guid Id, Guid OrganizationId, Guid AchievementId, string AchievementTitle, GrantType GrantType, decimal UnitSharePercent,
    IReadOnlyList<GrantShareDto> CompleterShares, int? TermYears, decimal UnitIncomePercent, decimal CompleterIncomePercent,
    string IncomeSplitAgreement, string DecisionMechanism, string CostSharing, FeeBearer IpMaintenanceFeeBearer,
    RightsGrantStatus Status, Guid RequestedByUserId, bool RequestedByCompleter, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, string? DecisionReason, string? CertificateNo, DateTimeOffset? TermStart, DateTimeOffset? TermEnd,
    DateOnly? OwnershipChangeFiledOn, int Version, bool CanDecide)
{
    public static RightsGrantResponse From(RightsGrant g, Actor? actor) => new(
        g.Id, g.OrganizationId, g.AchievementId, g.AchievementTitle, g.GrantType, g.UnitSharePercent,
        g.CompleterShares.Select(s => new GrantShareDto(s.CompleterName, s.UserId, s.SharePercent)).ToList(), g.TermYears,
        g.UnitIncomePercent, g.CompleterIncomePercent, g.IncomeSplitAgreement, g.DecisionMechanism, g.CostSharing, g.IpMaintenanceFeeBearer,
        g.Status, g.RequestedByUserId, g.RequestedByCompleter, g.RequestedAt, g.DecidedAt, g.DecisionReason, g.CertificateNo,
        g.TermStart, g.TermEnd, g.OwnershipChangeFiledOn, g.Version,
        actor is not null && actor.IsOfficeOf(g.OrganizationId) && g.Status == RightsGrantStatus.Submitted);
}

public sealed record CertificateLineDto(string Zh, string En);

public sealed record RightsGrantCertificateResponse(string Number, IReadOnlyList<CertificateLineDto> Lines);
