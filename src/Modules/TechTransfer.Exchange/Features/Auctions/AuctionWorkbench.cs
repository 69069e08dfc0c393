using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// The auctions' workbench items. The exchange operator: lots bidding now (with the nearest effective close) and lots
/// announced, each linking to the auction list's phase tab. A registered bidder (a bidder role with at least one
/// registration): my lots bidding now — deadline the nearest effective close, urgent within the closing-soon lead — and my
/// lots announced, each linking to the list filtered to the caller's registrations. Every count is the list's own filter
/// (<see cref="AuctionService.InPhase"/>, <see cref="AuctionService.RegisteredBy"/>) on the (status, effective close),
/// start and registrations' (user, lot) indexes.
/// </summary>
internal sealed class AuctionWorkbench(TechTransferDbContext db, TimeProvider clock, IOptions<AuctionOptions> options) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lots = db.Set<AuctionLot>().AsNoTracking();
        var items = new List<WorkbenchItem>();
        if (caller.IsInRole(Roles.ExchangeOperator))
        {
            var (count, nextClose) = await BiddingAsync(AuctionService.InPhase(lots, AuctionPhase.Bidding, now), ct);
            var announced = await AuctionService.InPhase(lots, AuctionPhase.Announced, now).CountAsync(ct);
            items.Add(new("auctions.bidding", "竞价中的标的", "Lots bidding now", count, "/exchange/auctions?phase=Bidding", WorkbenchSection.Status, 60,
                nextClose is { } c ? BusinessTime.DateOf(c) : null, Urgent: count > 0));
            items.Add(new("auctions.announced", "已公告待开始的标的", "Lots announced, not started", announced, "/exchange/auctions?phase=Announced",
                WorkbenchSection.Status, 61));
        }
        if (caller.IsInAnyRole([.. AuctionService.BidderRoles]) && caller.UserId is { } me
            && await db.Set<AuctionRegistration>().AnyAsync(r => r.UserId == me, ct))
        {
            var mine = AuctionService.RegisteredBy(db, lots, me);
            var (count, nextClose) = await BiddingAsync(AuctionService.InPhase(mine, AuctionPhase.Bidding, now), ct);
            var announced = await AuctionService.InPhase(mine, AuctionPhase.Announced, now).CountAsync(ct);
            items.Add(new("auctions.my_bidding", "我报名的竞价中标的", "My auctions bidding now", count,
                "/exchange/auctions?phase=Bidding&registered=true", WorkbenchSection.ToDo, 60,
                nextClose is { } c ? BusinessTime.DateOf(c) : null, Urgent: nextClose is { } soon && soon - now <= options.Value.ClosingSoonLead));
            items.Add(new("auctions.my_announced", "我报名的待开始标的", "My auctions announced, not started", announced,
                "/exchange/auctions?phase=Announced&registered=true", WorkbenchSection.Status, 62));
        }
        return items;
    }

    private static async Task<(int Count, DateTimeOffset? NextClose)> BiddingAsync(IQueryable<AuctionLot> bidding, CancellationToken ct)
    {
        var count = await bidding.CountAsync(ct);
        return (count, count == 0 ? null : await bidding.MinAsync(l => (DateTimeOffset?)l.EffectiveCloseAt, ct));
    }
}
