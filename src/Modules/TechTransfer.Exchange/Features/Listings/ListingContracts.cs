using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Listings;

/// <summary>A listing's terms as a client writes them (create, or edit with the <c>version</c> it read).</summary>
public sealed record ListingRequest(
    string? Title,
    string? Description,
    ListingSubjectType SubjectType,
    Guid? AchievementId,
    List<Guid>? PatentIds,
    ListingDealType DealType,
    PricingMethod PricingMethod,
    decimal PriceYuan,
    string? Conditions,
    string? ConfidentialDetails,
    List<string>? Documents,
    List<string>? CompleterNames,
    string? PledgeeConsentRef,
    bool StateFunded,
    int? Version = null,
    string? TitleEn = null)
{
    public ListingTerms ToTerms() => new(Title ?? "", Description ?? "", SubjectType, AchievementId, PatentIds ?? [], DealType, PricingMethod,
        PriceYuan, Conditions, ConfidentialDetails, Documents ?? [], CompleterNames ?? [], PledgeeConsentRef, StateFunded, TitleEn);
}

public sealed record ListingCommentRequest(string? Comment, int? Version = null);
public sealed record ListingReasonRequest(string? Reason, int? Version = null);
public sealed record ListingExtensionRequest(int WorkingDays, int? Version = null);
public sealed record NdaRequest(bool Accept);
/// <summary>关联交易 flag and its approval reference (R6.2), with the <c>version</c> read.</summary>
public sealed record RelatedPartyRequest(bool RelatedParty, string? ApprovalRef, int? Version = null);
public sealed record ObjectionRequest(string? Name, string? Contact, string? Text);
public sealed record ObjectionDecisionRequest(ObjectionDecision Decision, string? Reason, int? Version = null);

/// <summary>Query of GET /api/v1/listings and its export: <c>q</c> searches title, description and number, <c>from</c>/<c>to</c> bound the
/// listing period's last day (both inclusive), <c>organizationId</c> is the lister or holder, <c>sort</c> is a key of
/// <see cref="ListingService.Sorts"/> (updatedAt, listingNo, title, price, periodEndsOn).</summary>
public sealed record ListingListQuery(string? Q, string? Status, bool? Mine, string? DealType, string? PricingMethod, int? Page, int? PageSize,
    Guid? OrganizationId = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool? Desc = null);

public sealed record ListingSummary(Guid Id, string ListingNo, string Title, string SubjectType, string DealType, string PricingMethod,
    decimal PriceYuan, string Status, DateOnly? PeriodEndsOn, DateOnly? NoticeEndsOn, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt)
{
    public string? TitleEn { get; init; }
}

public sealed record ObjectionResponse(Guid Id, string ObjectorName, string? Contact, string Text, DateTimeOffset SubmittedAt, string Status,
    string? Decision, string? Resolution, DateTimeOffset? DecidedAt);

public sealed record ListingResponse(
    Guid Id,
    string ListingNo,
    string Title,
    string Description,
    string SubjectType,
    Guid? AchievementId,
    IReadOnlyList<ListedPatent> Patents,
    string? TechnicalField,
    IReadOnlyList<string> IpcCodes,
    string DealType,
    string PricingMethod,
    decimal PriceYuan,
    string? Conditions,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> CompleterNames,
    string? PledgeeConsentRef,
    bool StateFunded,
    string Status,
    string? ReviewComment,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    DateOnly? PeriodStartsOn,
    DateOnly? PeriodEndsOn,
    int ExtendedWorkingDays,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    bool NoticeRunning,
    int OpenObjections,
    IReadOnlyList<ObjectionResponse> Objections,
    bool HasConfidentialDetails,
    bool NdaSigned,
    bool CanManage,
    bool CanReview,
    bool CanConfirmDeal,
    string? DealBlockedCode,
    Guid ListerOrganizationId,
    Guid HolderOrganizationId,
    Guid? CustodyAgreementId,
    string? WithdrawalReason,
    bool RelatedParty,
    string? RelatedPartyApprovalRef,
    int Version)
{
    public string? TitleEn { get; init; }

    internal static ListingResponse From(Listing l, ICurrentUser caller, DateOnly today) => FromCore(l, caller, today) with { TitleEn = l.TitleEn };

    private static ListingResponse FromCore(Listing l, ICurrentUser caller, DateOnly today)
    {
        var inside = l.IsListingSide(caller) || caller.IsInRole(Roles.ExchangeOperator);
        var deal = l.CanConfirmDeal(today);
        return new ListingResponse(l.Id, l.ListingNo, l.Title, l.Description, l.SubjectType.ToString(), l.AchievementId, l.Patents,
            l.TechnicalField, l.IpcCodes, l.DealType.ToString(), l.PricingMethod.ToString(), l.PriceYuan, l.Conditions, l.Documents,
            l.CompleterNames, inside ? l.PledgeeConsentRef : null, l.StateFunded, l.Status.ToString(), l.ReviewComment, l.SubmittedAt, l.ReviewedAt,
            l.PeriodStartsOn, l.PeriodEndsOn, l.ExtendedWorkingDays, l.NoticeStartsOn, l.NoticeEndsOn, l.NoticeRunningOn(today),
            l.Objections.Count(o => o.Status == ObjectionStatus.Open),
            l.Objections.OrderBy(o => o.SubmittedAt).Select(o => new ObjectionResponse(o.Id, inside ? o.ObjectorName : Mask(o.ObjectorName),
                inside ? o.Contact : null, o.Text, o.SubmittedAt, o.Status.ToString(), o.Decision?.ToString(), o.Resolution, o.DecidedAt)).ToList(),
            l.ConfidentialDetails is not null, caller.OrganizationId is { } org && l.Ndas.Any(n => n.OrganizationId == org),
            l.IsLister(caller), caller.IsInRole(Roles.ExchangeOperator), deal.IsSuccess, deal.Error?.Code,
            l.ListerOrganizationId, l.HolderOrganizationId, l.CustodyAgreementId, l.WithdrawalReason,
            l.RelatedParty, inside ? l.RelatedPartyApprovalRef : null, l.Version);
    }

    /// <summary>The public sees that someone objected, not who: the first character of the name.</summary>
    private static string Mask(string name) => name.Length == 0 ? "" : name[..1] + "**";
}

public sealed record ConfidentialResponse(Guid ListingId, string? ConfidentialDetails, IReadOnlyList<string> Documents, DateTimeOffset ViewedAt);

public sealed record NdaResponse(Guid ListingId, Guid OrganizationId, DateTimeOffset SignedAt);

/// <summary>The market approach for a listing (确价): the comparables found and, with enough of them, median and IQR.</summary>
public sealed record MarketValuationResponse(Guid ListingId, string Category, string? TechnicalField, IReadOnlyList<string> IpcCodes,
    DateOnly From, DateOnly To, int MinComparables, int ComparableCount, bool Shown, decimal? MedianYuan, decimal? LowerQuartileYuan,
    decimal? UpperQuartileYuan, decimal? InterquartileRangeYuan, string Formula, IReadOnlyList<Domain.Valuation.ComparableContract> Comparables);
