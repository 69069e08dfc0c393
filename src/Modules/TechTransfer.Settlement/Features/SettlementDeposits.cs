using TechTransfer.SharedKernel.Evidence;
using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// 保证金 (R6.3, R6.6): a lot's deposits in the lot's own book (book id = the lot id; one deposit-held account per
/// registration). The exchange operator records a registered bidder's deposit when the bank receives it (Idempotency-Key;
/// the amount is the lot's): a pending transfer external → deposit held. What happens next is the deposit job's
/// (<see cref="DepositSettler"/>), following the auction rules. Reads: the operator every row, a bidder its own.
/// </summary>
public sealed partial class SettlementService
{
    public async Task<Result<LotDepositsView>> GetLotDepositsAsync(Guid lotId, CancellationToken ct)
    {
        if (await lots.FindAsync(lotId, ct) is not { } lot) return SettlementErrors.LotNotFound;
        var rows = await DepositRowsAsync(lot, ct);
        if (!IsOperator) rows = rows.Where(r => lot.Registrations.Any(g => g.RegistrationId == r.RegistrationId && g.UserId == user.UserId)).ToList();
        if (rows.Count == 0 && !IsOperator) return SettlementErrors.LotNotFound;
        return new LotDepositsView(lot.LotId, lot.Title, lot.TitleEn, lot.ClosedAt, lot.LiveDealId, rows);
    }

    public async Task<Result<CommandOutcome>> RecordDepositAsync(Guid lotId, string? key, RecordDepositRequest? r, CancellationToken ct)
    {
        if (!IsOperator) return SettlementErrors.OperatorOnly;
        var errors = new FieldErrors();
        errors.When(!Idempotency.IsKey(key), SettlementErrors.IdempotencyKeyRequired);
        errors.When(r?.RegistrationId is null || r.RegistrationId == Guid.Empty, SettlementErrors.RegistrationRequired);
        errors.When(r?.Reference?.Trim().Length > LedgerTransfer.ReferenceMax, SettlementErrors.ReferenceTooLong);
        if (errors.ToError() is { } invalid) return invalid;
        if (await lots.FindAsync(lotId, ct) is not { } lot) return SettlementErrors.LotNotFound;
        var reference = Clean(r!.Reference);
        var canonical = Idempotency.Canonical("deposit", lotId, r.RegistrationId, reference);
        if (lot.Registrations.FirstOrDefault(g => g.RegistrationId == r.RegistrationId) is not { } registration)
            return await ReplayAsync(key!, Fingerprint(canonical), ct) ?? Error.Validation([SettlementErrors.RegistrationUnknown]);
        return await CommitAsync("deposit", lotId, key!, canonical, null, (book, now) =>
        {
            if (book.Accounts.Any(a => a.Kind == LedgerAccountKind.BidderDepositHeld && a.PartyId == registration.RegistrationId))
                return SettlementErrors.DepositAlreadyRecorded;
            if (registration.State != BidderDepositState.Held) return SettlementErrors.DepositNotHeld;
            return book.Post(DepositRules.Hold(book, lotId, registration.RegistrationId, registration.DepositYuan, Guid.NewGuid(), reference, user.UserId, now), now);
        }, ct, db => DepositNotices.Add(db, registration.UserId, DepositNotices.Link(lotId), "DepositNotice_Held", lot, registration.DepositYuan, clock.GetUtcNow()), EvidenceChains.Lot(lotId));
    }

    /// <summary>The deposit rows of a lot (every registration), from the facts of the auction and the lot's book.</summary>
    private async Task<List<DepositRowView>> DepositRowsAsync(AuctionDepositFacts lot, CancellationToken ct)
    {
        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.DealId == lot.LotId).ToListAsync(ct);
        var transfers = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Legs).Where(t => t.DealId == lot.LotId).ToListAsync(ct);
        return DepositSettler.Rows(lot, accounts, transfers, depositOptions.Value, calendar, clock.Today());
    }
}

/// <summary>The deposit notices to bidders (both languages from SettlementText.resx), written in the ledger's transaction.</summary>
internal static class DepositNotices
{
    private static readonly ResourceManager Text = new("TechTransfer.Settlement.Resources.SettlementText", typeof(SettlementText).Assembly);

    public static string Link(Guid lotId) => $"/exchange/auctions/{lotId}";

    public static void Add(TechTransferDbContext db, Guid userId, string link, string key, AuctionDepositFacts lot, decimal amount, DateTimeOffset now)
    {
        var amountText = amount.ToString("0.00", CultureInfo.InvariantCulture);
        var zh = string.Format(CultureInfo.InvariantCulture, Text.GetString(key, CultureInfo.InvariantCulture)!, lot.Title, amountText);
        var en = string.Format(CultureInfo.InvariantCulture, Text.GetString(key, CultureInfo.GetCultureInfo("en"))!, lot.TitleEn ?? lot.Title, amountText);
        db.Add(Notification.ToUser(userId, zh, en, link, now));
    }
}

/// <summary>
/// The deposit job's work (one run): every lot with a deposit still held in its book, under the lot's lease, does what
/// the auction rules now say (<see cref="DepositRules.Decide"/>): release (void the hold), apply the winner's to its
/// confirmed deal (post; lot book → deal escrow, both books in one transaction), forfeit a defaulting winner's (post;
/// → forfeited deposits). Each bidder is told. A run that fails changes nothing and the next run tries again.
/// </summary>
public sealed class DepositSettler(TechTransferDbContext db, SettlementWriter writer, IAuctionDepositFacts lots, TimeProvider clock,
    TechTransfer.Data.Evidence.IEvidenceLog evidence)
{
    public async Task<DepositRunResult> RunAsync(CancellationToken ct)
    {
        var open = await db.Set<LedgerTransfer>().AsNoTracking()
            .Where(t => t.Kind == TransferKind.DepositReceived && t.Phase == TransferPhase.Pending && !db.Set<LedgerTransfer>().Any(r => r.PendingId == t.Id))
            .Select(t => t.DealId).Distinct().ToListAsync(ct);
        var total = new DepositRunResult(0, 0, 0);
        foreach (var lotId in open)
        {
            var done = await SettleLotAsync(lotId, ct);
            total = new(total.Released + done.Released, total.Applied + done.Applied, total.Forfeited + done.Forfeited);
        }
        return total;
    }

    private async Task<DepositRunResult> SettleLotAsync(Guid lotId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await lots.FindAsync(lotId, ct) is not { } lot) return new(0, 0, 0);
        await using var lease = await writer.BeginAsync(db, lotId, "deposits:" + lotId.ToString("N"), ct);
        if (lot.LiveDealId is { } lockedDeal) await SettlementWriter.LockBookAsync(db, lockedDeal, ct);
        var now = clock.GetUtcNow();
        var accounts = await SettlementWriter.LockedAccountsAsync(db, lotId, ct);
        var transfers = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Legs).Where(t => t.DealId == lotId).ToListAsync(ct);
        var book = new LedgerBook([LedgerAccount.External(now), .. accounts], transfers, await SettlementWriter.NextSequenceAsync(db, lotId, ct));
        LedgerBook? dealBook = null;
        List<LedgerAccount> dealAccounts = [];
        int released = 0, applied = 0, forfeited = 0;
        foreach (var r in lot.Registrations)
        {
            if (accounts.FirstOrDefault(a => a.Kind == LedgerAccountKind.BidderDepositHeld && a.PartyId == r.RegistrationId) is not { } held) continue;
            if (HoldOf(transfers, held.Id) is not { } hold || book.IsResolved(hold.Id)) continue;
            var amount = hold.Amount;
            switch (DepositRules.Decide(r.State, r.IsWinner, lot.LiveDealId, lot.LiveDealConfirmed))
            {
                case DepositAction.Release:
                    Must(book.VoidPending(hold.Id, new TransferMeta(Guid.NewGuid()), now));
                    DepositNotices.Add(db, r.UserId, DepositNotices.Link(lotId), "DepositNotice_Released", lot, amount, now);
                    released++;
                    break;
                case DepositAction.Forfeit:
                    Must(book.PostPending(hold.Id, new TransferMeta(Guid.NewGuid()), now));
                    Must(book.Post(DepositRules.Forfeit(book, lotId, r.RegistrationId, amount, Guid.NewGuid(), null, now), now));
                    DepositNotices.Add(db, r.UserId, DepositNotices.Link(lotId), "DepositNotice_Forfeited", lot, amount, now);
                    forfeited++;
                    break;
                case DepositAction.Apply:
                    var dealId = lot.LiveDealId!.Value;
                    if (dealBook is null)
                    {
                        dealAccounts = await SettlementWriter.LockedAccountsAsync(db, dealId, ct);
                        dealBook = new LedgerBook([LedgerAccount.External(now), .. dealAccounts], null, await SettlementWriter.NextSequenceAsync(db, dealId, ct));
                    }
                    Must(book.PostPending(hold.Id, new TransferMeta(Guid.NewGuid()), now));
                    Must(book.Post(DepositRules.ApplyOut(book, lotId, r.RegistrationId, amount, Guid.NewGuid(), dealId, now), now));
                    Must(dealBook.Post(DepositRules.ApplyIn(dealBook, dealId, amount, Guid.NewGuid(), lotId, now), now));
                    DepositNotices.Add(db, r.UserId, $"/settlement/deals/{dealId}", "DepositNotice_Applied", lot, amount, now);
                    applied++;
                    break;
            }
        }
        if (released + applied + forfeited == 0) return new(0, 0, 0);
        await StageAsync(book, accounts, transfers, EvidenceChains.Lot(lotId), ct);
        if (dealBook is not null) await StageAsync(dealBook, dealAccounts, [], null, ct);
        if (await db.SaveOrConflictAsync(ct) is not null) return new(0, 0, 0); // another writer moved first: the next run looks again
        await lease.CommitAsync(ct);
        return new(released, applied, forfeited);
    }

    /// <summary>The book's new accounts and transfers, each transfer also a step of the lot's (or deal's) evidence chain.</summary>
    private async Task StageAsync(LedgerBook book, List<LedgerAccount> loaded, List<LedgerTransfer> known, string? chain, CancellationToken ct)
    {
        foreach (var opened in book.Accounts.Where(a => a.Kind != LedgerAccountKind.ExternalBank && loaded.All(x => x.Id != a.Id))) db.Add(opened);
        foreach (var t in book.Transfers.Where(t => known.All(k => k.Id != t.Id)))
        {
            db.Add(t);
            await evidence.AppendAsync(db, SettlementEvidence.Transfer(t, book.Accounts, null, t.CreatedAt, chain), ct);
        }
    }

    private static LedgerTransfer? HoldOf(IEnumerable<LedgerTransfer> transfers, Guid heldAccountId) =>
        transfers.FirstOrDefault(t => t.Kind == TransferKind.DepositReceived && t.Phase == TransferPhase.Pending && t.Legs.Any(l => l.AccountId == heldAccountId));

    private static void Must(Result<LedgerTransfer> result)
    {
        if (result.IsFailure) throw new InvalidOperationException($"The deposit ledger refused a step it had checked: {result.Error!.Code}");
    }

    /// <summary>One row per registration: the auction's verdict, the ledger's state, the release deadline ([CFG] working days after the close).</summary>
    public static List<DepositRowView> Rows(AuctionDepositFacts lot, IReadOnlyList<LedgerAccount> accounts, IReadOnlyList<LedgerTransfer> transfers,
        DepositOptions options, HolidayCalendar calendar, DateOnly today)
    {
        DateOnly? due = lot.ClosedAt is { } closed ? DepositRules.ReleaseDueOn(closed, options.ReleaseWorkingDays, calendar) : null;
        return lot.Registrations.Select(r =>
        {
            var held = accounts.FirstOrDefault(a => a.Kind == LedgerAccountKind.BidderDepositHeld && a.PartyId == r.RegistrationId);
            var hold = held is null ? null : HoldOf(transfers, held.Id);
            var state = DepositRules.StateOf(hold, transfers);
            var resolvedAt = hold is null ? null : transfers.Where(t => t.PendingId == hold.Id).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefault();
            var releaseDue = r.State == BidderDepositState.Released ? due : null;
            return new DepositRowView(r.RegistrationId, r.PaddleNumber, r.OrganizationId, r.DepositYuan, r.State, state, r.IsWinner, hold?.Id, hold?.Reference,
                hold?.CreatedAt, resolvedAt, releaseDue, state == DepositLedgerState.Held && releaseDue is { } d && today > d);
        }).ToList();
    }
}
