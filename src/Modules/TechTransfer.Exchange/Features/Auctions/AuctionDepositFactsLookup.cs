using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>A lot's registrations and deposit states for the Settlement module's ledger (read only).</summary>
internal sealed class AuctionDepositFactsLookup(TechTransferDbContext db) : IAuctionDepositFacts
{
    public async Task<AuctionDepositFacts?> FindAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Set<AuctionLot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null) return null;
        var registrations = await db.Set<AuctionRegistration>().AsNoTracking().Where(r => r.LotId == lotId).OrderBy(r => r.PaddleNumber).ToListAsync(ct);
        var deal = await db.Set<ExchangeDeal>().AsNoTracking().Where(d => d.LotId == lotId && d.Status != DealStatus.Annulled)
            .Select(d => new { d.Id, d.Status }).FirstOrDefaultAsync(ct);
        var sold = lot.Status == AuctionStatus.Sold;
        return new AuctionDepositFacts(lot.Id, lot.Title, lot.TitleEn, lot.ConsignorOrganizationId, lot.ClosedAt ?? lot.WithdrawnAt, deal?.Id, deal?.Status == DealStatus.Confirmed,
            registrations.Select(r => new AuctionRegistrationDeposit(r.Id, r.UserId, r.OrganizationId, r.PaddleNumber, r.Deposit,
                r.DepositStatus switch { DepositStatus.Released => BidderDepositState.Released, DepositStatus.Forfeited => BidderDepositState.Forfeited, _ => BidderDepositState.Held },
                sold && r.UserId == lot.WinnerUserId, r.RegisteredAt)).ToList());
    }

    public async Task<IReadOnlyList<Guid>> LotsWithRegistrationsAsync(CancellationToken ct) =>
        await db.Set<AuctionLot>().AsNoTracking().Where(l => db.Set<AuctionRegistration>().Any(r => r.LotId == l.Id))
            .OrderBy(l => l.StartsAt).Select(l => l.Id).ToListAsync(ct);
}
