using TechTransfer.Patents.Domain;

namespace TechTransfer.Patents.Features.Custody;

/// <summary>Body of POST /api/v1/custody-agreements.</summary>
public sealed record CustodyAgreementRequest
{
    public string AgreementNo { get; init; } = "";
    public CustodySubjectType SubjectType { get; init; } = CustodySubjectType.Patent;
    public Guid SubjectId { get; init; }
    /// <summary>Title of the subject; for a patent, taken from the patent record when empty.</summary>
    public string? SubjectTitle { get; init; }
    public Guid OperatorOrganizationId { get; init; }
    public string OperatorName { get; init; } = "";
    public List<CustodyDealType>? AllowedDealTypes { get; init; } = [];
    public decimal PriceFloorYuan { get; init; }
    public DateOnly TermStart { get; init; }
    public DateOnly TermEnd { get; init; }
    public List<CustodyBeneficiary>? Beneficiaries { get; init; } = [];
}

/// <summary>Query of GET /api/v1/custody-agreements and its export: <c>role</c> owner/operator (the caller's side), <c>q</c> searches the
/// subject, the agreement number and the operator, <c>from</c>/<c>to</c> bound the mandate's end (both inclusive), <c>organizationId</c>
/// narrows a platform admin's list to one party, <c>sort</c> is a key of <see cref="CustodyService.Sorts"/> (termEnd, agreementNo,
/// subjectTitle, priceFloor).</summary>
public sealed record CustodyListQuery(
    int Page = 1, int PageSize = 20, CustodyStatus? Status = null, string? Role = null, string? Q = null,
    Guid? OrganizationId = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool Desc = false);

public sealed record CustodySummary(
    Guid Id, string AgreementNo, Guid OwnerOrganizationId, Guid OperatorOrganizationId, string OperatorName, CustodySubjectType SubjectType,
    Guid SubjectId, string SubjectTitle, decimal PriceFloorYuan, DateOnly TermStart, DateOnly TermEnd, CustodyStatus Status, string DisplayStatus)
{
    /// <summary>The subject's English title, when it has one (the agreement keeps a copy of the Chinese one).</summary>
    public string? SubjectTitleEn { get; init; }
}

public sealed record CustodyOperationDto(Guid Id, CustodyDealType DealType, string Counterparty, decimal PriceYuan, DateOnly? DealTermEnd, DateTimeOffset At);
public sealed record CustodyRenewalDto(DateOnly PreviousTermEnd, DateOnly NewTermEnd, DateTimeOffset At);

public sealed record CustodyAgreementResponse(
    Guid Id, string AgreementNo, Guid OwnerOrganizationId, Guid OperatorOrganizationId, string OperatorName, CustodySubjectType SubjectType,
    Guid SubjectId, string SubjectTitle, IReadOnlyList<CustodyDealType> AllowedDealTypes, decimal PriceFloorYuan, DateOnly TermStart,
    DateOnly TermEnd, CustodyStatus Status, string DisplayStatus, DateTimeOffset? ActivatedAt, DateTimeOffset? TerminatedAt, string? TerminationReason,
    IReadOnlyList<CustodyBeneficiary> Beneficiaries, IReadOnlyList<CustodyOperationDto> Operations, IReadOnlyList<CustodyRenewalDto> Renewals,
    bool IsOwner, bool IsOperator, int Version)
{
    /// <summary>The subject's English title, when it has one (the agreement keeps a copy of the Chinese one).</summary>
    public string? SubjectTitleEn { get; init; }

    public static CustodyAgreementResponse From(CustodyAgreement a, DateOnly today, Guid? viewer) => new(
        a.Id, a.AgreementNo, a.OwnerOrganizationId, a.OperatorOrganizationId, a.OperatorName, a.SubjectType, a.SubjectId, a.SubjectTitle,
        a.AllowedDealTypes, a.PriceFloorYuan, a.TermStart, a.TermEnd, a.Status, a.DisplayStatus(today), a.ActivatedAt, a.TerminatedAt,
        a.TerminationReason,
        a.Beneficiaries.Select(b => new CustodyBeneficiary(b.Name, b.OrganizationId, b.SharePercent)).ToList(),
        a.Operations.OrderBy(o => o.At).Select(o => new CustodyOperationDto(o.Id, o.DealType, o.Counterparty, o.PriceYuan, o.DealTermEnd, o.At)).ToList(),
        a.Renewals.OrderBy(r => r.At).Select(r => new CustodyRenewalDto(r.PreviousTermEnd, r.NewTermEnd, r.At)).ToList(),
        viewer == a.OwnerOrganizationId, viewer == a.OperatorOrganizationId, a.Version);
}

/// <summary>Bodies of the agreement actions; <c>version</c> is the version of the agreement the client read (stale → 409).</summary>
public sealed record RenewalRequest(DateOnly NewTermEnd, int? Version = null);
public sealed record TerminationRequest(string Reason, int? Version = null);

/// <summary>Body of POST /api/v1/custody-agreements/{id}/operations.</summary>
public sealed record CustodyOperationBody(CustodyDealType DealType, string? Counterparty, decimal PriceYuan, DateOnly? DealTermEnd, int? Version = null)
{
    public CustodyOperationRequest ToRequest() => new(DealType, Counterparty ?? "", PriceYuan, DealTermEnd);
}
public sealed record RevenueSplitRequest(decimal AmountYuan);
