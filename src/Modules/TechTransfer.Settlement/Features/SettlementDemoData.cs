using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Platform;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// Demo deposits: every demo lot with registrations gets each bidder's deposit recorded as held an hour after the
/// registration (as the operator would on the bank's advice), then the deposit job's rules run once — the sold lot's
/// losers' deposits released, the winner's applied to its confirmed deal. Idempotent: a lot whose book exists is skipped.
/// Runs after the deals' demo data.
/// </summary>
public sealed class SettlementDemoData(TechTransferDbContext db, IAuctionDepositFacts lots, DepositSettler settler) : IDemoDataSeeder
{
    public int Order => 62;

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        context.Users.TryGetValue("exchange.operator", out var op);
        foreach (var lotId in await lots.LotsWithRegistrationsAsync(ct))
        {
            if (await db.Set<LedgerAccount>().AnyAsync(a => a.DealId == lotId, ct) || await lots.FindAsync(lotId, ct) is not { } lot) continue;
            var book = new LedgerBook([LedgerAccount.External(context.Now)]);
            foreach (var r in lot.Registrations.OrderBy(r => r.RegisteredAt))
            {
                var at = r.RegisteredAt.AddHours(1);
                var hold = book.Post(DepositRules.Hold(book, lotId, r.RegistrationId, r.DepositYuan, Guid.NewGuid(), $"DEMO-DEP-{r.PaddleNumber:000}",
                    op == Guid.Empty ? null : op, at), at);
                if (hold.IsFailure) throw new InvalidOperationException($"Demo deposit refused: {hold.Error!.Code}");
            }
            foreach (var a in book.Accounts.Where(a => a.Kind != LedgerAccountKind.ExternalBank)) db.Add(a);
            foreach (var t in book.Transfers) db.Add(t);
            await db.SaveChangesAsync(ct);
        }
        await settler.RunAsync(ct);
    }
}
