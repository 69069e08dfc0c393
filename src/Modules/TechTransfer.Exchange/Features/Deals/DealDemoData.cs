using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// Demo deals: the closed, sold demo auction gets the deal the sold hook opens, and the winner and the exchange operator sign
/// its 成交确认书 (a day and two days after the close), so the demo shows a confirmed deal whose seller can prepare the
/// contract draft. Runs after the auctions' demo data.
/// </summary>
public sealed class DealDemoData(TechTransferDbContext db, IOptions<DealOptions> options, IOrganizationFactsLookup organizations) : IDemoDataSeeder
{
    public int Order => 61;

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        if (!context.Users.TryGetValue("exchange.operator", out var op)) return;
        var dealt = await db.Set<ExchangeDeal>().Where(d => d.LotId != null).Select(d => d.LotId).ToListAsync(ct);
        var sold = await db.Set<AuctionLot>().Where(l => l.Status == AuctionStatus.Sold && !dealt.Contains(l.Id)).ToListAsync(ct);
        var handler = new DealSoldHandler(options);
        foreach (var lot in sold)
        {
            var closedAt = lot.ClosedAt ?? lot.EffectiveCloseAt;
            await handler.OnSoldAsync(AuctionSold.Of(lot, closedAt, afterDefault: false), db, ct);
            var deal = db.Set<ExchangeDeal>().Local.Single(d => d.LotId == lot.Id);
            var seller = (await organizations.FindAsync(deal.SellerOrganizationId, ct))?.NameZh ?? "—";
            var buyer = deal.BuyerOrganizationId is { } b ? (await organizations.FindAsync(b, ct))?.NameZh ?? "—" : "—";
            string Hash() => Convert.ToHexStringLower(SHA256.HashData(DealConfirmationPdf.Render(deal, seller, buyer, [])));
            deal.Sign(Caller.Of(lot.WinnerUserId!.Value, lot.WinnerOrganizationId, Roles.Enterprise), Hash(), closedAt.AddDays(1));
            await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Deal(deal, "deal.signed", lot.WinnerUserId, closedAt.AddDays(1)), ct);
            deal.Sign(Caller.Of(op, context.Organizations.GetValueOrDefault("exchange"), Roles.ExchangeOperator), Hash(), closedAt.AddDays(2));
            // as DealService.SignAsync does on confirmation: the sale is final, the other bidders' deposits are to be released
            foreach (var r in await db.Set<AuctionRegistration>().Where(x => x.LotId == lot.Id && x.UserId != lot.WinnerUserId).ToListAsync(ct)) r.Release();
            await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Deal(deal, "deal.signed", op, closedAt.AddDays(2)), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
