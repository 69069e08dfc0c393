using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Exchange.Features.Auctions;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// The deal of a sold lot (R6.6): called inside the transaction that makes the lot Sold, so the deal and its notices commit
/// with the sale or not at all. After a winner's default the sale passes to the runner-up: the earlier deal of the lot is
/// annulled and a new one is opened for the new winner at its own price. The deal type is the linked listing's (transfer
/// when the lot has no listing); the settlement is a lump sum due within the configured payment days (R6.11).
/// </summary>
public sealed class DealSoldHandler(IOptions<DealOptions> options) : IAuctionSoldHandler
{
    public async Task OnSoldAsync(AuctionSold sale, TechTransferDbContext db, CancellationToken ct)
    {
        await Evidence.EvidenceLog.Append(db, await Evidence.ExchangeEvidence.LotSoldAsync(db, sale.LotId, sale.AfterDefault, sale.At, ct), ct);
        await AnnulForLotAsync(db, sale.LotId, "竞得人违约，成交转给下一顺位竞买人 / The winner defaulted; the sale passed to the next bidder", null, sale.At, ct);
        var dealType = ListingDealType.Transfer;
        if (sale.ListingId is { } listingId
            && await db.Set<Listing>().AsNoTracking().Where(l => l.Id == listingId).Select(l => (ListingDealType?)l.DealType).FirstOrDefaultAsync(ct) is { } t)
            dealType = t;
        var terms = new DealTerms(DealOrigin.Auction, sale.ListingId, sale.LotId, sale.Title,
            sale.ObjectType == AuctionObjectType.Achievement ? DealObjectType.Achievement : DealObjectType.Patents, sale.ObjectIds, dealType,
            sale.ConsignorOrganizationId, sale.WinnerOrganizationId, sale.WinnerUserId, sale.HammerPrice, DealSettlement.LumpSum, [], sale.TitleEn);
        var deal = ExchangeDeal.Create(Guid.NewGuid(), terms, options.Value, null, sale.At);
        db.Add(deal);
        DealNotices.Created(db, deal, sale.At);
        await Evidence.EvidenceLog.Append(db, await Evidence.ExchangeEvidence.DealOpenedAsync(db, deal, null, sale.At, ct), ct);
    }

    /// <summary>Annuls every live deal of a lot (the winner defaulted): tracked on <paramref name="db"/>, saved by the caller.</summary>
    public static async Task AnnulForLotAsync(TechTransferDbContext db, Guid lotId, string reason, Guid? byUserId, DateTimeOffset now, CancellationToken ct)
    {
        var live = await db.Set<ExchangeDeal>().Where(d => d.LotId == lotId && d.Status != DealStatus.Annulled).ToListAsync(ct);
        foreach (var d in live)
            if (d.Annul(byUserId, reason, now).IsSuccess)
            {
                DealNotices.Annulled(db, d, now);
                await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Deal(d, "deal.annulled", byUserId, now), ct);
            }
    }
}
