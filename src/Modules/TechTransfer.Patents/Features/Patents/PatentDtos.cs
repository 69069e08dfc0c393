using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Domain.Import;

namespace TechTransfer.Patents.Features.Patents;

/// <summary>Body of POST and PUT /api/v1/patents.</summary>
public sealed record PatentRequest
{
    public string ApplicationNo { get; init; } = "";
    public string? PublicationNo { get; init; }
    public PatentType Type { get; init; }
    public string Title { get; init; } = "";
    public string? TitleEn { get; init; }
    public string PatenteeNames { get; init; } = "";
    public DateOnly FilingDate { get; init; }
    public DateOnly? GrantAnnouncementDate { get; init; }
    public PatentLegalStatus LegalStatus { get; init; } = PatentLegalStatus.Pending;
    public DateOnly? AnnualFeePaidUntil { get; init; }
    public int TermCompensationDays { get; init; }
    public string? IpcCodes { get; init; }
    public Guid? AchievementId { get; init; }
    /// <summary>Required on PUT: the version of the patent the client read (stale → 409 <c>concurrency.conflict</c>).</summary>
    public int? Version { get; init; }

    public PatentDetails ToDetails() => new(ApplicationNo, PublicationNo, Type, Title, TitleEn, PatenteeNames, FilingDate,
        GrantAnnouncementDate, LegalStatus, AnnualFeePaidUntil, TermCompensationDays, IpcCodes, AchievementId);
}

/// <summary>Query of GET /api/v1/patents.</summary>
public sealed record PatentListQuery(
    int Page = 1, int PageSize = 20, string? Q = null, PatentType? Type = null, PatentLegalStatus? Status = null,
    DateOnly? FeeDueBefore = null, Guid? AchievementId = null, string? Sort = null, bool Desc = false);

public sealed record PatentSummary(
    Guid Id, string ApplicationNo, string? PublicationNo, PatentType Type, string Title, string? TitleEn, string PatenteeNames,
    DateOnly FilingDate, DateOnly? GrantAnnouncementDate, DateOnly ExpiryDate, PatentLegalStatus LegalStatus,
    DateOnly? AnnualFeePaidUntil, bool IsSuspended, Guid? AchievementId);

public sealed record PledgeDto(Guid Id, string Pledgee, DateOnly RegisteredOn, DateOnly? ReleasedOn, decimal? SecuredAmountYuan);

public sealed record LicenceDto(Guid Id, string Licensee, LicenseScope Scope, DateOnly StartDate, DateOnly? EndDate, Guid? OpenLicenseGrantId);

public sealed record PatentResponse(
    Guid Id, Guid OwnerOrganizationId, string ApplicationNo, string? PublicationNo, PatentType Type, string Title, string? TitleEn,
    string PatenteeNames, string? IpcCodes, DateOnly FilingDate, DateOnly? GrantAnnouncementDate, int TermCompensationDays,
    DateOnly ExpiryDate, PatentLegalStatus LegalStatus, DateOnly? AnnualFeePaidUntil, bool IsSuspended, string? SuspensionReason,
    Guid? AchievementId, IReadOnlyList<PledgeDto> Pledges, IReadOnlyList<LicenceDto> Licences, bool OpenLicenceInForce,
    DateTimeOffset UpdatedAt, DateOnly? NextAnnualFeeDue, DateOnly? AnnualFeeGraceEndsOn, DateOnly? LapsedOn, int Version,
    bool CanManage = false)
{
    /// <summary>
    /// What another organisation sees of a granted patent: the announced bibliographic data, the legal status and whether an
    /// open licence is in force, and registered pledges without their secured amounts. The owner's fee records, licences
    /// and suspension reasons stay with the owner.
    /// </summary>
    public PatentResponse PublicRecord() => this with
    {
        AnnualFeePaidUntil = null, NextAnnualFeeDue = null, AnnualFeeGraceEndsOn = null, SuspensionReason = null,
        Pledges = Pledges.Select(x => x with { SecuredAmountYuan = null }).ToList(), Licences = [], CanManage = false,
    };

    public static PatentResponse From(Patent p, bool openLicenceInForce, int graceMonths) => new(
        p.Id, p.OwnerOrganizationId, p.ApplicationNo, p.PublicationNo, p.Type, p.Title, p.TitleEn, p.PatenteeNames, p.IpcCodes,
        p.FilingDate, p.GrantAnnouncementDate, p.TermCompensationDays, p.ExpiryDate, p.LegalStatus, p.AnnualFeePaidUntil,
        p.IsSuspended, p.SuspensionReason, p.AchievementId,
        p.Pledges.OrderBy(x => x.RegisteredOn).Select(x => new PledgeDto(x.Id, x.Pledgee, x.RegisteredOn, x.ReleasedOn, x.SecuredAmountYuan)).ToList(),
        p.Licences.OrderBy(x => x.StartDate).Select(x => new LicenceDto(x.Id, x.Licensee, x.Scope, x.StartDate, x.EndDate, x.OpenLicenseGrantId)).ToList(),
        openLicenceInForce, p.UpdatedAt,
        p.LegalStatus == PatentLegalStatus.InForce ? p.NextAnnualFeeDue : null,
        p.LegalStatus == PatentLegalStatus.InForce ? p.AnnualFeeGraceEndsOn(graceMonths) : null,
        p.LapsedOn, p.Version);
}

/// <summary>Bodies of the patent actions; <c>version</c> is the version of the patent the client read (stale → 409).</summary>
public sealed record PledgeRequest(string Pledgee, DateOnly RegisteredOn, decimal? SecuredAmountYuan, int? Version = null);
public sealed record PledgeReleaseRequest(DateOnly ReleasedOn, int? Version = null);
public sealed record SuspensionRequest(string Reason, int? Version = null);
public sealed record LicenceRequest(string Licensee, LicenseScope Scope, DateOnly StartDate, DateOnly? EndDate, int? Version = null);
public sealed record FeePaidRequest(DateOnly PaidUntil, int? Version = null);
public sealed record LegalStatusRequest(PatentLegalStatus Status, int? Version = null);

/// <summary>Body of POST /api/v1/patents/annual-fee-quote (R3.15–R3.16).</summary>
public sealed record AnnualFeeQuoteRequest(
    decimal FullFeeYuan, DateOnly DueDate, DateOnly PaymentDate, Guid? PatentId = null, bool? OpenLicenceActive = null,
    IReadOnlyList<FeeReduction>? OtherReductions = null);

public sealed record PatentImportResponse(int Created, int Updated, int Skipped, int Rows, IReadOnlyList<PatentImportRowError> Errors);
