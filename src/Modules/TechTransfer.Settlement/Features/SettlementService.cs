using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// The escrow ledger's use cases. Reads: a deal's money for whoever may see the deal (its parties, the exchange operator,
/// platform admins — <see cref="IReferenceCheck"/> with the Exchange module's own rule; anyone else 404). Money commands:
/// the exchange operator only (403), body and <c>Idempotency-Key</c> validated first (422), the deal next (404), then the
/// key: the same key and parameters replay the stored response, other parameters 422. Otherwise the command runs on the
/// deal's locked accounts (<see cref="SettlementWriter"/>), and the transfer, the changed balances and the key with its
/// response are saved in one transaction — or nothing is.
/// </summary>
public sealed partial class SettlementService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IReferenceCheck references, IExchangeDealFactsLookup deals, SettlementWriter writer,
    IAuctionDepositFacts lots, HolidayCalendar calendar, IOptions<DepositOptions> depositOptions,
    TechTransfer.Data.Evidence.IEvidenceLog evidence)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ICurrentUser Caller => user;
    public bool IsOperator => user.IsInRole(Roles.ExchangeOperator);

    public async Task<Result<SettlementView>> GetAsync(Guid dealId, CancellationToken ct)
    {
        if (await VisibleDealAsync(dealId, ct) is not { } deal) return SettlementErrors.DealNotFound;
        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.DealId == dealId).ToListAsync(ct);
        var transfers = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Legs).Where(t => t.DealId == dealId)
            .OrderBy(t => t.Sequence).ToListAsync(ct);
        var view = View(deal, accounts, transfers, clock.Today());
        if (deal.LotId is { } lotId && await lots.FindAsync(lotId, ct) is { } lot)
        {
            var rows = await DepositRowsAsync(lot, ct);
            view = view with { Deposits = IsOperator ? rows : rows.Where(r => r.BidderOrganizationId is { } o && o == user.OrganizationId).ToList() };
        }
        return view;
    }

    public Task<Result<CommandOutcome>> RecordPaymentAsync(Guid dealId, string? key, PaymentRequest? r, CancellationToken ct)
    {
        var errors = Check(key, r?.Amount, r?.Note);
        errors.When(r?.Reference?.Trim().Length > LedgerTransfer.ReferenceMax, SettlementErrors.ReferenceTooLong);
        var reference = Clean(r?.Reference);
        var note = Clean(r?.Note);
        return ExecuteAsync("payment", dealId, key, errors, Idempotency.Canonical("payment", dealId, r?.Amount, reference, note), null,
            (book, deal, now) =>
            {
                if (!deal.IsLive) return SettlementErrors.DealNotLive;
                if (deal.BuyerOrganizationId is null) return SettlementErrors.NoBuyer;
                return book.Post(DealLedger.Payment(book, dealId, r!.Amount!.Value, Guid.NewGuid(), reference, note, user.UserId, now), now);
            }, ct);
    }

    public Task<Result<CommandOutcome>> PayOutAsync(Guid dealId, string? key, PayoutRequest? r, CancellationToken ct)
    {
        var errors = Check(key, r?.Amount, r?.Note);
        errors.When(r?.BrokerCommission is { } b && (b < 0 || decimal.Round(b, Yuan.Scale) != b), SettlementErrors.BrokerCommissionInvalid);
        var note = Clean(r?.Note);
        var broker = r?.BrokerCommission ?? 0m;
        return ExecuteAsync("payout", dealId, key, errors, Idempotency.Canonical("payout", dealId, r?.Amount, broker, note), null,
            (book, deal, now) =>
            {
                if (!deal.IsLive) return SettlementErrors.DealNotLive;
                var parties = Parties(deal);
                if (!DealLedger.IsBrokerShare(parties, r!.Amount!.Value, broker))
                    return Error.Validation([SettlementErrors.BrokerCommissionInvalid]);
                return book.Post(DealLedger.Payout(book, parties, r.Amount.Value, broker, Guid.NewGuid(), note, user.UserId, now), now);
            }, ct);
    }

    public Task<Result<CommandOutcome>> RefundAsync(Guid dealId, string? key, RefundRequest? r, CancellationToken ct)
    {
        var errors = Check(key, r?.Amount, r?.Note);
        var note = Clean(r?.Note);
        return ExecuteAsync("refund", dealId, key, errors, Idempotency.Canonical("refund", dealId, r?.Amount, note), null,
            (book, deal, now) => deal.BuyerOrganizationId is not { } buyer
                ? SettlementErrors.NoBuyer
                : book.Post(DealLedger.Refund(book, dealId, buyer, r!.Amount!.Value, Guid.NewGuid(), note, user.UserId, now), now), ct);
    }

    public Task<Result<CommandOutcome>> ReverseAsync(Guid dealId, Guid transferId, string? key, ReverseRequest? r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.When(!Idempotency.IsKey(key), SettlementErrors.IdempotencyKeyRequired);
        errors.When(string.IsNullOrWhiteSpace(r?.Reason), SettlementErrors.ReasonRequired);
        errors.When(r?.Reason?.Trim().Length > LedgerTransfer.NoteMax, SettlementErrors.NoteTooLong with { Field = "reason" });
        var reason = Clean(r?.Reason);
        return ExecuteAsync("reverse", dealId, key, errors, Idempotency.Canonical("reverse", dealId, transferId, reason), transferId,
            (book, _, now) => book.Reverse(transferId, new TransferMeta(Guid.NewGuid(), reason, user.UserId), now), ct);
    }

    private static FieldErrors Check(string? key, decimal? amount, string? note)
    {
        var errors = new FieldErrors();
        errors.When(!Idempotency.IsKey(key), SettlementErrors.IdempotencyKeyRequired);
        if (amount is null) errors.Add(SettlementErrors.AmountRequired);
        else errors.When(!DealLedger.IsAmount(amount.Value), SettlementErrors.AmountInvalid);
        errors.When(note?.Trim().Length > LedgerTransfer.NoteMax, SettlementErrors.NoteTooLong);
        return errors;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Result<CommandOutcome>> ExecuteAsync(
        string operation, Guid dealId, string? key, FieldErrors errors, string canonical, Guid? transferId,
        Func<LedgerBook, ExchangeDealFacts, DateTimeOffset, Result<LedgerTransfer>> decide, CancellationToken ct)
    {
        if (!IsOperator) return SettlementErrors.OperatorOnly;
        if (errors.ToError() is { } invalid) return invalid;
        if (await VisibleDealAsync(dealId, ct) is not { } deal) return SettlementErrors.DealNotFound;
        return await CommitAsync(operation, dealId, key!, canonical, transferId, (book, now) => decide(book, deal, now), ct);
    }

    /// <summary>
    /// The key (replay / 422), then the book's lease, its locked accounts and the transfer the command decides, saved with
    /// the key and its response in one transaction. <paramref name="bookId"/> is a deal's id, or a lot's for its deposits.
    /// </summary>
    private async Task<Result<CommandOutcome>> CommitAsync(
        string operation, Guid bookId, string key, string canonical, Guid? transferId,
        Func<LedgerBook, DateTimeOffset, Result<LedgerTransfer>> decide, CancellationToken ct, Action<TechTransferDbContext>? alsoSave = null,
        string? chain = null)
    {
        var fingerprint = Fingerprint(canonical);
        if (await ReplayAsync(key, fingerprint, ct) is { } earlier) return earlier;

        await using var lease = await writer.BeginAsync(db, bookId, key, ct);
        if (await ReplayAsync(key, fingerprint, ct) is { } raced) return raced; // the same key committed while this one waited
        var now = clock.GetUtcNow();
        var accounts = await SettlementWriter.LockedAccountsAsync(db, bookId, ct);
        var known = new List<LedgerTransfer>();
        if (transferId is { } tid)
        {
            known = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Legs)
                .Where(t => t.DealId == bookId && (t.Id == tid || t.PendingId == tid || t.ReversesId == tid)).ToListAsync(ct);
            if (known.All(t => t.Id != tid)) return SettlementErrors.TransferNotFound;
        }
        var book = new LedgerBook([LedgerAccount.External(now), .. accounts], known, await SettlementWriter.NextSequenceAsync(db, bookId, ct));
        var result = decide(book, now);
        if (result.IsFailure) return result.Error!;
        var transfer = result.Value;

        // the external account has no row (its balance is derived); every other new account is inserted, the loaded ones updated
        foreach (var opened in book.Accounts.Where(a => a.Kind != LedgerAccountKind.ExternalBank && accounts.All(x => x.Id != a.Id)))
            db.Add(opened);
        db.Add(transfer);
        var response = new TransferResponse(bookId, TransferOf(transfer, book.Accounts, reversedBy: null),
            book.Accounts.Where(a => a.Kind != LedgerAccountKind.ExternalBank).OrderBy(a => a.Kind).ThenBy(a => a.PartyId).Select(AccountOf).ToList());
        alsoSave?.Invoke(db);
        db.Add(new IdempotencyRecord(key, operation, bookId, fingerprint, 201, JsonSerializer.Serialize(response, Json), transfer.Id, user.UserId, now));
        await evidence.AppendAsync(db, SettlementEvidence.Transfer(transfer, book.Accounts, user.UserId, now, chain), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        await lease.CommitAsync(ct);
        return new CommandOutcome(response, Replayed: false);
    }

    private static string Fingerprint(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private async Task<Result<CommandOutcome>?> ReplayAsync(string key, string fingerprint, CancellationToken ct)
    {
        var stored = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        return Idempotency.Decide(stored?.Fingerprint, fingerprint) switch
        {
            Idempotency.Decision.Replay => new CommandOutcome(JsonSerializer.Deserialize<TransferResponse>(stored!.ResponseJson, Json)!, Replayed: true),
            Idempotency.Decision.Mismatch => Error.Validation([SettlementErrors.IdempotencyKeyReused]),
            _ => null,
        };
    }

    private async Task<ExchangeDealFacts?> VisibleDealAsync(Guid dealId, CancellationToken ct) =>
        await references.CheckAsync("dealId", RecordTypes.ExchangeDeal, dealId, ct) is null ? await deals.FindAsync(dealId, ct) : null;

    private static DealParties Parties(ExchangeDealFacts d) =>
        new(d.Id, d.SellerOrganizationId, d.BuyerOrganizationId, d.SellerCommissionPercent, d.BuyerCommissionPercent);

    private static AccountView AccountOf(LedgerAccount a) =>
        new(a.Id, a.Kind, a.PartyId == Guid.Empty ? null : a.PartyId, a.Balance, a.PendingDebits, a.Available);

    private static TransferView TransferOf(LedgerTransfer t, IEnumerable<LedgerAccount> accounts, Guid? reversedBy)
    {
        var byId = accounts.ToDictionary(a => a.Id);
        return new(t.Id, t.Sequence, t.Kind, t.Phase, t.Amount, t.PendingId, t.ReversesId, reversedBy, t.Reference, t.Note, t.CreatedByUserId, t.CreatedAt,
            t.Legs.OrderBy(l => l.Index).Select(l =>
            {
                var kind = l.AccountId == LedgerAccount.ExternalId ? LedgerAccountKind.ExternalBank : byId.TryGetValue(l.AccountId, out var a) ? a.Kind : LedgerAccountKind.ExternalBank;
                var party = byId.TryGetValue(l.AccountId, out var p) && p.PartyId != Guid.Empty ? p.PartyId : (Guid?)null;
                return new LegView(l.AccountId, kind, party, l.Amount);
            }).ToList());
    }

    /// <summary>
    /// The deal's money as one view, with the reconciliation of its journal: every transfer balances, each stored balance
    /// equals the sum of its posted legs, each reservation its unresolved pending debits, and the deal's accounts together
    /// hold exactly what came in from the bank less what went back (<see cref="SettlementView.ExternalNet"/>).
    /// </summary>
    internal static SettlementView View(ExchangeDealFacts deal, IReadOnlyList<LedgerAccount> accounts, IReadOnlyList<LedgerTransfer> transfers, DateOnly today)
    {
        var reversedBy = transfers.Where(t => t.ReversesId is not null).ToDictionary(t => t.ReversesId!.Value, t => t.Id);
        // the external account's share of this deal is what its legs in the deal's transfers say; with it the deal's book must balance
        var externalNet = transfers.Where(t => t.MovesBalances).SelectMany(t => t.Legs).Where(l => l.AccountId == LedgerAccount.ExternalId).Sum(l => l.Amount);
        var external = LedgerAccount.External(DateTimeOffset.UnixEpoch, externalNet);
        var reconciled = new LedgerBook([.. accounts, external], transfers).Violations().Count == 0;

        bool Live(LedgerTransfer t) => t.MovesBalances && !reversedBy.ContainsKey(t.Id);
        var received = transfers.Where(t => t.Kind == TransferKind.PaymentReceived && Live(t)).Sum(t => t.Amount);
        var refunded = transfers.Where(t => t.Kind == TransferKind.Refund && Live(t)).Sum(t => t.Amount);
        var appliedDeposits = transfers.Where(t => t.Kind == TransferKind.DepositApplication && Live(t)).Sum(t => t.Amount);
        var paidIn = received - refunded + appliedDeposits;
        var amountDue = deal.PriceYuan + deal.BuyerCommissionYuan;
        var paidOut = accounts.Where(a => a.Kind is LedgerAccountKind.SellerPayable).Sum(a => a.Balance);
        var escrow = accounts.Where(a => a.Kind == LedgerAccountKind.ExchangeEscrow).Sum(a => a.Balance);

        // the money paid in covers the schedule's price parts in order of due date; the buyer's commission is owed on top
        var left = Math.Clamp(paidIn, 0m, deal.PriceYuan);
        var schedule = new List<ScheduleItemView>();
        var n = 0;
        foreach (var item in deal.Schedule.OrderBy(s => s.DueDate))
        {
            var covered = Math.Min(left, item.AmountYuan);
            left -= covered;
            schedule.Add(new ScheduleItemView(++n, item.DueDate, item.AmountYuan, item.Milestone, covered, covered == item.AmountYuan,
                covered < item.AmountYuan && item.DueDate < today));
        }
        var byAccount = accounts.Concat([external]).ToList();
        return new SettlementView(deal.Id, deal.DealNo, deal.Title, deal.TitleEn, deal.SellerOrganizationId, deal.BuyerOrganizationId,
            deal.PriceYuan, deal.SellerCommissionPercent, deal.BuyerCommissionPercent, deal.SellerCommissionYuan, deal.BuyerCommissionYuan,
            amountDue, paidIn, Math.Max(0m, amountDue - paidIn), paidOut, escrow, -externalNet, deal.IsLive,
            accounts.OrderBy(a => a.Kind).ThenBy(a => a.PartyId).Select(AccountOf).ToList(),
            transfers.Select(t => TransferOf(t, byAccount, reversedBy.TryGetValue(t.Id, out var r) ? r : null)).ToList(),
            schedule, reconciled);
    }
}
