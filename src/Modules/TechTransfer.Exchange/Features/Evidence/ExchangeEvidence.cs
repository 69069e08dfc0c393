using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Evidence;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Exchange.Features.Evidence;

/// <summary>
/// The evidence records of the exchange's steps (step kinds are stable codes; pages label them from the resx
/// <c>Evidence_Kind_*</c>). Each use case adds one call to <see cref="IEvidenceLog.AppendAsync"/> with one of these, before
/// its save. Personal data stays out of the chain: an objection is kept by its id and the SHA-256 of its text.
/// </summary>
public static class ExchangeEvidence
{
    public const string LotSold = "lot.sold";
    public const string DealOpened = "deal.opened";
    public const string BidLogSequence = "bidLog.lastSequence";
    public const string BidLogSeal = "bidLog.sha256";
    public const string OriginListingCount = "origin.listing.count";
    public const string OriginListingHead = "origin.listing.head";
    public const string OriginLotCount = "origin.lot.count";
    public const string OriginLotHead = "origin.lot.head";

    /// <summary>The step kind of a listing use case (its method name) — listing.approved, listing.withdrawn …</summary>
    public static string ListingStep(string useCase) => useCase switch
    {
        "SubmitAsync" => "listing.submitted",
        "ApproveAsync" => "listing.approved",
        "RectifyAsync" => "listing.returned",
        "RejectAsync" => "listing.rejected",
        "ExtendAsync" => "listing.extended",
        "WithdrawAsync" => "listing.withdrawn",
        "MarkRelatedPartyAsync" => "listing.related_party",
        "DecideObjectionAsync" => "listing.objection_decided",
        _ => "listing.updated",
    };

    /// <summary>A listing's step: its status, terms, listing period and public notice (start and end, R6.2) and every objection's state.</summary>
    public static EvidenceEntry Listing(Listing l, string useCase, Guid? actor, DateTimeOffset now) =>
        new(EvidenceChains.Listing(l.Id), ListingStep(useCase), actor, now, new EvidenceFacts()
            .Add("listingId", l.Id).Add("listingNo", l.ListingNo).Add("status", l.Status.ToString()).Add("version", (long)l.Version)
            .Add("title", l.Title).Add("subjectType", l.SubjectType.ToString()).Add("achievementId", l.AchievementId)
            .Add("patentIds", l.Patents.Select(p => p.PatentId)).Add("dealType", l.DealType.ToString())
            .Add("pricingMethod", l.PricingMethod.ToString()).Add("priceYuan", l.PriceYuan)
            .Add("holderOrganizationId", l.HolderOrganizationId).Add("listerOrganizationId", l.ListerOrganizationId)
            .Add("periodStartsOn", l.PeriodStartsOn).Add("periodEndsOn", l.PeriodEndsOn)
            .Add("noticeStartsOn", l.NoticeStartsOn).Add("noticeEndsOn", l.NoticeEndsOn)
            .Add("relatedParty", l.RelatedParty).Add("relatedPartyApprovalRef", l.RelatedPartyApprovalRef)
            .Add("reviewComment", l.ReviewComment).Add("withdrawalReason", l.WithdrawalReason)
            .Add("objections", l.Objections.OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
                .Select(o => $"{EvidenceFacts.Id(o.Id)}:{o.Status}:{o.Decision?.ToString() ?? "-"}")));

    /// <summary>An objection raised during the notice (R6.2): kept by id, time and the SHA-256 of its text, never the objector's name or contact.</summary>
    public static EvidenceEntry Objection(Listing l, ListingObjection o, Guid? actor, DateTimeOffset now) =>
        new(EvidenceChains.Listing(l.Id), "listing.objection_raised", actor, now, new EvidenceFacts()
            .Add("listingId", l.Id).Add("objectionId", o.Id).Add("submittedAt", o.SubmittedAt)
            .Add("textSha256", EvidenceChain.Hash(o.Text)).Add("noticeEndsOn", l.NoticeEndsOn));

    /// <summary>A lot's step (opened, withdrawn, winner in default).</summary>
    public static EvidenceEntry Lot(AuctionLot lot, string kind, Guid? actor, DateTimeOffset now, string? reason = null) =>
        new(EvidenceChains.Lot(lot.Id), kind, actor, now, LotFacts(lot).Add("reason", reason));

    private static EvidenceFacts LotFacts(AuctionLot lot) => new EvidenceFacts()
        .Add("lotId", lot.Id).Add("listingId", lot.ListingId).Add("title", lot.Title).Add("status", lot.Status.ToString())
        .Add("objectType", lot.ObjectType.ToString()).Add("objectIds", lot.ObjectIdsCsv).Add("consignorOrganizationId", lot.ConsignorOrganizationId)
        .Add("startingPrice", lot.StartingPrice).Add("reserveSet", lot.ReservePrice is not null).Add("increment", lot.Increment)
        .Add("deposit", lot.Deposit).Add("startsAt", lot.StartsAt).Add("endsAt", lot.EndsAt).Add("effectiveCloseAt", lot.EffectiveCloseAt)
        .Add("winnerUserId", lot.WinnerUserId).Add("hammerPrice", lot.HammerPrice).Add("closedAt", lot.ClosedAt);

    /// <summary>
    /// The close of a sold lot (and a sale passed to the next bidder): the result, the effective close after every extension,
    /// and the seal of the whole bid log up to the close — accepted and refused bids — so that a bid changed afterwards is
    /// caught by verification. The bids of the batch being saved are tracked, not yet stored: both are read.
    /// </summary>
    public static async Task<EvidenceEntry> LotSoldAsync(TechTransferDbContext db, Guid lotId, bool afterDefault, DateTimeOffset now, CancellationToken ct)
    {
        var lot = db.ChangeTracker.Entries<AuctionLot>().Select(e => e.Entity).FirstOrDefault(l => l.Id == lotId)
                  ?? await db.Set<AuctionLot>().AsNoTracking().FirstAsync(l => l.Id == lotId, ct);
        var upTo = lot.LastSequence;
        var stored = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == lotId && b.Sequence <= upTo).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<AuctionBid>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(b => b.LotId == lotId && b.Sequence <= upTo);
        var bids = stored.Concat(pending).DistinctBy(b => b.Id).ToList();
        return new EvidenceEntry(EvidenceChains.Lot(lotId), LotSold, null, now, LotFacts(lot)
            .Add("afterDefault", afterDefault).Add("acceptedBids", (long)lot.AcceptedBids).Add("registrations", (long)lot.Registrations)
            .Add(BidLogSequence, upTo).Add(BidLogSeal, BidLog.Seal(bids)));
    }

    /// <summary>
    /// The first record of a deal's chain: the deal's terms, and the heads of the listing's and the lot's chains it came from
    /// (count and last hash, as this unit of work sees them) — sealing how the deal came about (notice, objections, bids).
    /// </summary>
    public static async Task<EvidenceEntry> DealOpenedAsync(TechTransferDbContext db, ExchangeDeal d, Guid? actor, DateTimeOffset now, CancellationToken ct)
    {
        var facts = DealFacts(d);
        if (d.ListingId is { } listingId && await EvidenceLog.HeadAsync(db, EvidenceChains.Listing(listingId), ct) is { } listing)
            facts.Add(OriginListingCount, listing.Count).Add(OriginListingHead, listing.HeadHash);
        if (d.LotId is { } lotId && await EvidenceLog.HeadAsync(db, EvidenceChains.Lot(lotId), ct) is { } lot)
            facts.Add(OriginLotCount, lot.Count).Add(OriginLotHead, lot.HeadHash);
        return new EvidenceEntry(EvidenceChains.Deal(d.Id), DealOpened, actor, now, facts);
    }

    /// <summary>A deal's later step: a signature (with the SHA-256 of the 成交确认书 signed), confirmation, annulment.</summary>
    public static EvidenceEntry Deal(ExchangeDeal d, string kind, Guid? actor, DateTimeOffset now) =>
        new(EvidenceChains.Deal(d.Id), kind, actor, now, DealFacts(d));

    private static EvidenceFacts DealFacts(ExchangeDeal d) => new EvidenceFacts()
        .Add("dealId", d.Id).Add("dealNo", d.DealNo).Add("origin", d.Origin.ToString()).Add("listingId", d.ListingId).Add("lotId", d.LotId)
        .Add("title", d.Title).Add("objectType", d.ObjectType.ToString()).Add("objectIds", d.ObjectIdsCsv).Add("dealType", d.DealType.ToString())
        .Add("sellerOrganizationId", d.SellerOrganizationId).Add("buyerOrganizationId", d.BuyerOrganizationId).Add("buyerUserId", d.BuyerUserId)
        .Add("priceYuan", d.PriceYuan).Add("sellerCommissionPercent", d.SellerCommissionPercent).Add("buyerCommissionPercent", d.BuyerCommissionPercent)
        .Add("sellerCommissionYuan", d.SellerCommissionYuan).Add("buyerCommissionYuan", d.BuyerCommissionYuan)
        .Add("settlement", d.Settlement.ToString()).Add("paymentDueOn", d.PaymentDueOn).Add("dealDate", d.DealDate)
        .Add("instalments", d.Instalments.Select(i => $"{i.DueDate:yyyy-MM-dd}/{EvidenceFacts.Number(i.AmountYuan)}/{i.Milestone}"))
        .Add("status", d.Status.ToString()).Add("version", (long)d.Version)
        .Add("buyerSignedByUserId", d.BuyerSignedByUserId).Add("buyerSignedAt", d.BuyerSignedAt).Add("buyerSignedPdfSha256", d.BuyerSignedPdfSha256)
        .Add("operatorSignedByUserId", d.OperatorSignedByUserId).Add("operatorSignedAt", d.OperatorSignedAt)
        .Add("operatorSignedPdfSha256", d.OperatorSignedPdfSha256).Add("confirmedAt", d.ConfirmedAt)
        .Add("annulledAt", d.AnnulledAt).Add("annulmentReason", d.AnnulmentReason);
}

/// <summary>The seal of a lot's bid log: one canonical line per bid in sequence order (every stored field), hashed by <see cref="EvidenceChain.Seal"/>.</summary>
public static class BidLog
{
    public static string Line(AuctionBid b) => string.Join("|",
        b.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), EvidenceFacts.Id(b.Id), EvidenceFacts.Id(b.BidderUserId),
        b.BidderOrganizationId is { } o ? EvidenceFacts.Id(o) : "", b.PaddleNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EvidenceFacts.Number(b.Amount), EvidenceFacts.Instant(b.At), b.Accepted ? "accepted" : "refused", b.RefusalCode ?? "",
        EvidenceFacts.Instant(b.CloseBefore), EvidenceFacts.Instant(b.CloseAfter));

    public static string Seal(IEnumerable<AuctionBid> bids) => EvidenceChain.Seal(bids.OrderBy(b => b.Sequence).Select(Line));
}
