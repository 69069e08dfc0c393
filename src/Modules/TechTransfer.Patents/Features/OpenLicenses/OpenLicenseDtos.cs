using TechTransfer.Patents.Domain;

namespace TechTransfer.Patents.Features.OpenLicenses;

/// <summary>Body of POST /api/v1/open-licenses (draft a declaration) and PUT /{id} (revise a draft).</summary>
public sealed record OpenLicenseRequest
{
    public Guid PatentId { get; init; }
    public PaymentMode PaymentMode { get; init; }
    public decimal? FixedFeeYuan { get; init; }
    public decimal? InitialPaymentYuan { get; init; }
    public decimal? RoyaltyRatePercent { get; init; }
    public RoyaltyBase? RoyaltyBase { get; init; }
    public DateOnly LicenseTermStart { get; init; }
    public DateOnly LicenseTermEnd { get; init; }
    public string? OtherTerms { get; init; }
    public string? OtherTermsEn { get; init; }
    public string? EvaluationReportRef { get; init; }
    public string? PledgeeConsentRef { get; init; }
    /// <summary>Required on PUT: the version of the declaration the client read (stale → 409 <c>concurrency.conflict</c>).</summary>
    public int? Version { get; init; }

    public OpenLicenseTerms ToTerms() => new(PaymentMode, new FeeStandard(FixedFeeYuan, InitialPaymentYuan, RoyaltyRatePercent, RoyaltyBase),
        LicenseTermStart, LicenseTermEnd, OtherTerms, OtherTermsEn, EvaluationReportRef, PledgeeConsentRef);
}

/// <summary>Query of GET /api/v1/open-licenses and its export: the public catalogue, or <c>mine</c> (the patentee's declarations) or
/// <c>licensed</c> (those the caller's organisation holds a licence under); <c>q</c> searches title, patentees, number and terms,
/// <c>from</c>/<c>to</c> bound the announcement date (both inclusive), <c>organizationId</c> the patentee, <c>sort</c> is a key of
/// <see cref="OpenLicenseService.Sorts"/> (announcementDate, patentNo, patentTitle, termEnd).</summary>
public sealed record OpenLicenseListQuery(
    int Page = 1, int PageSize = 20, string? Q = null, OpenLicenseStatus? Status = null, PatentType? PatentType = null,
    PaymentMode? PaymentMode = null, bool Mine = false, bool Licensed = false,
    Guid? OrganizationId = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool Desc = false);

public sealed record OpenLicenseSummary(
    Guid Id, Guid PatentId, string PatentNo, string PatentTitle, PatentType PatentType, string PatenteeNames, PaymentMode PaymentMode,
    decimal? FixedFeeYuan, decimal? InitialPaymentYuan, decimal? RoyaltyRatePercent, RoyaltyBase? RoyaltyBase,
    DateOnly LicenseTermStart, DateOnly LicenseTermEnd, OpenLicenseStatus Status, string? AnnouncementNo, DateOnly? AnnouncementDate,
    string? PatentTitleEn = null);

public sealed record FilingTaskDto(DateOnly DueOn, DateOnly? FiledOn, string? ProofRef, FilingParty? FiledBy, bool Overdue);

public sealed record DisputeDto(Guid Id, DisputeChannel Channel, string Summary, Guid RaisedByOrganizationId, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, string? Outcome);

public sealed record GrantDto(
    Guid Id, Guid LicenseeOrganizationId, string LicenseeName, string WrittenNoticeRef, DateOnly NoticeDate, decimal RequiredPaymentYuan,
    decimal? PaidAmountYuan, string? PaymentRef, DateOnly? PaidOn, DateOnly? EffectiveOn, DateOnly? ValidUntil, OpenLicenseGrantStatus Status,
    bool ValidToday, FilingTaskDto? Filing, IReadOnlyList<DisputeDto> Disputes)
{
    public static GrantDto From(OpenLicenseGrant g, DateOnly today) => new(
        g.Id, g.LicenseeOrganizationId, g.LicenseeName, g.WrittenNoticeRef, g.NoticeDate, g.RequiredPaymentYuan, g.PaidAmountYuan, g.PaymentRef,
        g.PaidOn, g.EffectiveOn, g.ValidUntil, g.Status, g.IsValidOn(today),
        g.Filing is { } f ? new FilingTaskDto(f.DueOn, f.FiledOn, f.ProofRef, f.FiledBy, f.IsOverdue(today)) : null,
        g.Disputes.OrderBy(d => d.OpenedAt).Select(d => new DisputeDto(d.Id, d.Channel, d.Summary, d.RaisedByOrganizationId, d.OpenedAt, d.ResolvedAt, d.Outcome)).ToList());
}

public sealed record OpenLicenseResponse(
    Guid Id, Guid PatentId, Guid PatenteeOrganizationId, string PatentNo, string PatentTitle, PatentType PatentType, string PatenteeNames,
    PaymentMode PaymentMode, decimal? FixedFeeYuan, decimal? InitialPaymentYuan, decimal? RoyaltyRatePercent, RoyaltyBase? RoyaltyBase,
    decimal RequiredInitialPaymentYuan, DateOnly LicenseTermStart, DateOnly LicenseTermEnd, string? OtherTerms, string? OtherTermsEn,
    string? EvaluationReportRef, string? PledgeeConsentRef, OpenLicenseStatus Status, DateTimeOffset? SubmittedAt, string? AnnouncementNo,
    DateOnly? AnnouncementDate, string? WithdrawalAnnouncementNo, DateOnly? WithdrawalAnnouncementDate, DateOnly? LapsedOn,
    OpenLicenseLapseReason? LapseReason, bool CanManage, IReadOnlyList<GrantDto> Grants, IReadOnlyList<OpenLicenseWarning> Warnings, int Version)
{
    /// <summary>The patent's English title, where it has one (English pages show it instead of the Chinese copy).</summary>
    public string? PatentTitleEn { get; init; }

    public static OpenLicenseResponse From(OpenLicenseDeclaration d, bool canManage, Guid? viewerOrg, DateOnly today, IReadOnlyList<OpenLicenseWarning> warnings) => new(
        d.Id, d.PatentId, d.PatenteeOrganizationId, d.PatentNo, d.PatentTitle, d.PatentType, d.PatenteeNames, d.PaymentMode, d.FixedFeeYuan,
        d.InitialPaymentYuan, d.RoyaltyRatePercent, d.RoyaltyBase, d.RequiredInitialPayment, d.LicenseTermStart, d.LicenseTermEnd, d.OtherTerms,
        d.OtherTermsEn, canManage ? d.EvaluationReportRef : null, canManage ? d.PledgeeConsentRef : null, d.Status, d.SubmittedAt, d.AnnouncementNo,
        d.AnnouncementDate, d.WithdrawalAnnouncementNo, d.WithdrawalAnnouncementDate, d.LapsedOn, d.LapseReason, canManage,
        d.Grants.Where(g => canManage || (viewerOrg is { } v && g.LicenseeOrganizationId == v)).OrderBy(g => g.NoticeDate)
            .Select(g => GrantDto.From(g, today)).ToList(),
        warnings, d.Version);
}

/// <summary>Bodies of the declaration and grant actions; <c>version</c> is the version of the declaration the client read (stale → 409).</summary>
public sealed record AnnouncementRequest(string AnnouncementNo, DateOnly AnnouncementDate, int? Version = null);
public sealed record LapseRequest(OpenLicenseLapseReason Reason, DateOnly On, int? Version = null);
public sealed record TakeLicenceRequest(string LicenseeName, string WrittenNoticeRef, DateOnly NoticeDate, int? Version = null);
public sealed record PaymentRequest(decimal AmountYuan, string PaymentRef, DateOnly PaidOn, int? Version = null);
public sealed record FilingRequest(string ProofRef, DateOnly FiledOn, int? Version = null);
public sealed record DisputeRequest(DisputeChannel Channel, string Summary, int? Version = null);
public sealed record DisputeResolutionRequest(string Outcome, int? Version = null);

/// <summary>One 备案 task (R3.13) of a grant the caller's organisation is party to.</summary>
public sealed record FilingTaskItem(
    Guid DeclarationId, Guid GrantId, string PatentNo, string PatentTitle, string LicenseeName, bool AsPatentee,
    DateOnly? EffectiveOn, DateOnly DueOn, DateOnly? FiledOn, bool Overdue);

/// <summary>
/// One patent of the declaration form's picker: eligible or not for open licensing today, with the obstacles
/// (<see cref="OpenLicenceEligibility"/>): blocking ones make it ineligible, conditions (pledgee consent, evaluation
/// report) must be met by the declaration.
/// </summary>
public sealed record PatentChoice(
    Guid Id, string ApplicationNo, string Title, string? TitleEn, PatentType Type, PatentLegalStatus LegalStatus, bool Eligible,
    IReadOnlyList<OpenLicenceObstacle> Obstacles)
{
    public static PatentChoice From(Patent p, OpenLicenceEligibility e) =>
        new(p.Id, p.ApplicationNo, p.Title, p.TitleEn, p.Type, p.LegalStatus, e.IsEligible, e.Obstacles);
}
