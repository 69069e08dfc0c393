using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// The auctions' workbench items for the exchange operator: lots bidding now (with the nearest effective close) and lots
/// announced, each linking to the auction list's phase tab with exactly the lots counted (the list's phase filter, on the
/// (status, effective close) and start indexes).
/// </summary>
internal sealed class AuctionWorkbench(TechTransferDbContext db, TimeProvider clock) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.ExchangeOperator)) return [];
        var now = clock.GetUtcNow();
        var lots = db.Set<AuctionLot>().AsNoTracking().Where(l => l.Status == AuctionStatus.Published);
        var bidding = lots.Where(l => l.StartsAt <= now && l.EffectiveCloseAt > now);
        var biddingCount = await bidding.CountAsync(ct);
        var nextClose = biddingCount == 0 ? null : await bidding.MinAsync(l => (DateTimeOffset?)l.EffectiveCloseAt, ct);
        var announced = await lots.CountAsync(l => l.StartsAt > now, ct);
        return
        [
            new("auctions.bidding", "竞价中的标的", "Lots bidding now", biddingCount, "/exchange/auctions?phase=Bidding", WorkbenchSection.Status, 60,
                nextClose is { } c ? BusinessTime.DateOf(c) : null, Urgent: biddingCount > 0),
            new("auctions.announced", "已公告待开始的标的", "Lots announced, not started", announced, "/exchange/auctions?phase=Announced",
                WorkbenchSection.Status, 61),
        ];
    }
}
