using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Features;

public sealed record GrantShareDto(string CompleterName, Guid? UserId, decimal SharePercent);

/// <summary>
/// Request a rights grant (赋权) for a registered achievement (R5.2). A long-term use right names its first and last day,
/// both inclusive (<see cref="TermStart"/>, <see cref="TermEnd"/>): ten years from 2026-03-02 end on 2036-03-01.
/// </summary>
public sealed record RightsGrantRequest
{
    public Guid AchievementId { get; init; }
    public GrantType GrantType { get; init; }
    public decimal UnitSharePercent { get; init; }
    public List<GrantShareDto> CompleterShares { get; init; } = [];
    public DateOnly? TermStart { get; init; }
    public DateOnly? TermEnd { get; init; }
    public decimal UnitIncomePercent { get; init; }
    public decimal CompleterIncomePercent { get; init; }
    public string IncomeSplitAgreement { get; init; } = "";
    public string DecisionMechanism { get; init; } = "";
    public string CostSharing { get; init; } = "";
    public FeeBearer IpMaintenanceFeeBearer { get; init; } = FeeBearer.Unit;

    /// <summary>Platform users the request names (completers receiving the right), with the field each sits in.</summary>
    public IEnumerable<(string Field, Guid UserId)> UserReferences() =>
        (CompleterShares ?? []).Select((s, i) => (s, i)).Where(x => x.s?.UserId is not null).Select(x => ($"completerShares[{x.i}].userId", x.s.UserId!.Value));

    public RightsGrantTerms ToTerms() => new(GrantType, UnitSharePercent,
        (CompleterShares ?? []).Select(s => s is null ? null! : new GrantShareInput(s.CompleterName ?? "", s.UserId, s.SharePercent)).ToList(),
        TermStart, TermEnd, UnitIncomePercent, CompleterIncomePercent, IncomeSplitAgreement ?? "", DecisionMechanism ?? "", CostSharing ?? "", IpMaintenanceFeeBearer);
}

public sealed record OwnershipChangeRequest(DateOnly FiledOn, int? Version = null);

/// <summary>Query of GET /api/v1/rights-grants and its export; <c>q</c> searches the achievement's title and the certificate number,
/// <c>sort</c> is a key of <see cref="RightsGrantService.Sorts"/> (requestedAt, achievementTitle).</summary>
public sealed record RightsGrantListQuery(
    Guid? AchievementId = null, RightsGrantStatus? Status = null, GrantType? GrantType = null, int Page = 1, int PageSize = 20,
    bool Mine = false, string? Q = null, string? Sort = null, bool Desc = false);

public sealed record RightsGrantSummary(Guid Id, Guid AchievementId, string AchievementTitle, GrantType GrantType, RightsGrantStatus Status,
    bool RequestedByCompleter, DateTimeOffset RequestedAt, string? CertificateNo, string? AchievementTitleEn = null);

public sealed record RightsGrantResponse(
    Guid Id, Guid OrganizationId, Guid AchievementId, string AchievementTitle, GrantType GrantType, decimal UnitSharePercent,
    IReadOnlyList<GrantShareDto> CompleterShares, DateOnly? TermStart, DateOnly? TermEnd, decimal UnitIncomePercent, decimal CompleterIncomePercent,
    string IncomeSplitAgreement, string DecisionMechanism, string CostSharing, FeeBearer IpMaintenanceFeeBearer,
    RightsGrantStatus Status, Guid RequestedByUserId, bool RequestedByCompleter, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, string? DecisionReason, string? CertificateNo,
    DateOnly? OwnershipChangeFiledOn, int Version, bool CanDecide)
{
    /// <summary>The achievement's English title, where it has one (English pages show it instead of the Chinese copy).</summary>
    public string? AchievementTitleEn { get; init; }

    public static RightsGrantResponse From(RightsGrant g, ICurrentUser viewer) => new(
        g.Id, g.OrganizationId, g.AchievementId, g.AchievementTitle, g.GrantType, g.UnitSharePercent,
        g.CompleterShares.Select(s => new GrantShareDto(s.CompleterName, s.UserId, s.SharePercent)).ToList(), g.TermStartsOn, g.TermEndsOn,
        g.UnitIncomePercent, g.CompleterIncomePercent, g.IncomeSplitAgreement, g.DecisionMechanism, g.CostSharing, g.IpMaintenanceFeeBearer,
        g.Status, g.RequestedByUserId, g.RequestedByCompleter, g.RequestedAt, g.DecidedAt, g.DecisionReason, g.CertificateNo,
        g.OwnershipChangeFiledOn, g.Version,
        viewer.IsOfficeOf(g.OrganizationId) && g.Status == RightsGrantStatus.Submitted);
}

public sealed record CertificateLineDto(string Zh, string En);

public sealed record RightsGrantCertificateResponse(string Number, IReadOnlyList<CertificateLineDto> Lines);
