using TechTransfer.Exchange.Domain.Deals;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>The operator confirms a negotiated deal on a listing: the buyer organisation, the agreed price, the settlement, the listing's version.</summary>
public sealed record ConfirmDealRequest(Guid BuyerOrganizationId, decimal PriceYuan, DealSettlement Settlement, List<InstalmentRequest>? Instalments, int? Version);

public sealed record InstalmentRequest(DateOnly DueDate, decimal AmountYuan, string? Milestone);

/// <summary>Recorded acceptance of the 成交确认书 by the caller's side, with the deal's version as read.</summary>
public sealed record SignDealRequest(bool Accept, int? Version);

public sealed record AnnulDealRequest(string? Reason, int? Version);

/// <summary>Query of GET /api/v1/deals and its export: <c>q</c> searches the title and the deal number, <c>from</c>/<c>to</c> bound the deal
/// date (both inclusive), <c>organizationId</c> is the seller or the buyer, <c>sort</c> is a key of <see cref="DealService.Sorts"/>
/// (createdAt, dealNo, price, dealDate).</summary>
public sealed record DealListQuery(string? Status, bool? ToSign, int? Page, int? PageSize,
    string? Q = null, Guid? OrganizationId = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool? Desc = null);

public sealed record DealParty(Guid? OrganizationId, string Name);

public sealed record DealPatent(Guid PatentId, string ApplicationNo, string Title);

public sealed record DealSignature(string Side, Guid UserId, DateTimeOffset SignedAt, string PdfSha256);

public sealed record DealSummary(Guid Id, string DealNo, string Title, string Origin, string DealType, string SellerName, string BuyerName,
    decimal PriceYuan, string Status, DateOnly DealDate, bool BuyerSigned, bool OperatorSigned, DateTimeOffset CreatedAt)
{
    public string? TitleEn { get; init; }
}

public sealed record DealResponse(
    Guid Id,
    string DealNo,
    string Origin,
    string Status,
    Guid? ListingId,
    Guid? LotId,
    string Title,
    string ObjectType,
    Guid? AchievementId,
    IReadOnlyList<DealPatent> Patents,
    string DealType,
    DealParty Seller,
    DealParty Buyer,
    Guid? BuyerUserId,
    decimal PriceYuan,
    decimal SellerCommissionPercent,
    decimal SellerCommissionYuan,
    decimal BuyerCommissionPercent,
    decimal BuyerCommissionYuan,
    string Settlement,
    IReadOnlyList<DealInstalment> Instalments,
    DateOnly DealDate,
    DateOnly PaymentDueOn,
    IReadOnlyList<DealSignature> Signatures,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? AnnulledAt,
    string? AnnulmentReason,
    Guid? ContractId,
    int Version,
    string? MySide,
    bool CanSign,
    bool CanAnnul,
    bool CanPrepareContract)
{
    public string? TitleEn { get; init; }
}
