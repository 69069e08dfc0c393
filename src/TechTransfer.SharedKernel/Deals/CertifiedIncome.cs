namespace TechTransfer.SharedKernel.Deals;

/// <summary>
/// A technology income certified by the contract registry (技术性收入核定) for a registered contract and period. The
/// Achievements module draws its income distribution (收益分配) on it. <see cref="BenefitsBlocked"/> is true while an amount
/// correction of the contract is pending (R2.3) or the registration was cancelled or revoked: no reward may be planned or
/// paid on it then.
/// </summary>
public sealed record CertifiedIncome(
    Guid Id,
    Guid ContractId,
    Guid RegistrantOrganizationId,
    string RegistrationNo,
    string ProjectName,
    DraftContractCategory Category,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    decimal CertifiedAmount,
    IReadOnlyList<Guid> AchievementIds,
    bool BenefitsBlocked,
    string? BlockedReasonZh,
    string? BlockedReasonEn);

/// <summary>Implemented by the Contracts module: certified technology income, by id or by achievement.</summary>
public interface ICertifiedIncomeSource
{
    Task<CertifiedIncome?> FindAsync(Guid certificationId, CancellationToken ct);

    /// <summary>Certifications whose contract references <paramref name="achievementId"/> and was registered by <paramref name="registrantOrganizationId"/>.</summary>
    Task<IReadOnlyList<CertifiedIncome>> ForAchievementAsync(Guid achievementId, Guid registrantOrganizationId, CancellationToken ct);
}
