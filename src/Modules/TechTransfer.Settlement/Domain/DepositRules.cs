using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Settlement.Domain;

/// <summary>Where a bidder's deposit stands in the ledger (the lot's book).</summary>
public enum DepositLedgerState
{
    /// <summary>未到账: the registration has no deposit recorded by the exchange yet</summary>
    NotRecorded = 1,
    /// <summary>冻结中: recorded as a pending (held) transfer</summary>
    Held = 2,
    /// <summary>已退还: the hold voided (the money goes back to the bidder)</summary>
    Released = 3,
    /// <summary>已抵作价款: posted and moved to the deal's escrow</summary>
    Applied = 4,
    /// <summary>已没收: posted and moved to the forfeited deposits (winner default)</summary>
    Forfeited = 5,
}

/// <summary>What the deposit job does with one held deposit.</summary>
public enum DepositAction { None = 0, Release = 1, Apply = 2, Forfeit = 3 }

/// <summary>[CFG] <c>Settlement:Deposits</c>: the deposit job's pace and the release deadline.</summary>
public sealed class DepositOptions
{
    public const string Section = "Settlement:Deposits";

    /// <summary>Losers' deposits are released within this many working days after the close (R6.3; default 5).</summary>
    public int ReleaseWorkingDays { get; set; } = 5;

    /// <summary>How often the deposit job looks for deposits to release, apply or forfeit.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False in test hosts, which run the job themselves.</summary>
    public bool RunJob { get; set; } = true;
}

/// <summary>
/// 保证金规则 (R6.3, R6.6; plain C#). A bidder's deposit is held in the lot's book from when the exchange records it; the
/// Exchange module's auction rules decide its fate (<see cref="BidderDepositState"/>) at the close, a withdrawal or a
/// winner's default, and the ledger follows: released (the hold voided) within [CFG] working days of the close; the
/// winner's applied to the price once its deal is confirmed (posted, moved to the deal's escrow); a defaulting winner's
/// forfeited (posted, moved to the forfeited deposits). The runner-up's stays held while the lot may still pass to it.
/// </summary>
public static class DepositRules
{
    public static DepositAction Decide(BidderDepositState state, bool isWinner, Guid? liveDealId, bool dealConfirmed) => state switch
    {
        BidderDepositState.Released => DepositAction.Release,
        BidderDepositState.Forfeited => DepositAction.Forfeit,
        BidderDepositState.Held when isWinner && liveDealId is not null && dealConfirmed => DepositAction.Apply,
        _ => DepositAction.None,
    };

    /// <summary>The last day a loser's deposit may be released: the close's business date plus [CFG] working days.</summary>
    public static DateOnly ReleaseDueOn(DateTimeOffset closedAt, int workingDays, HolidayCalendar calendar) =>
        calendar.AddWorkingDays(BusinessTime.DateOf(closedAt), workingDays);

    /// <summary>The held deposit of a registration in the lot's book: a pending transfer external → deposit held (the registration).</summary>
    public static TransferDraft Hold(LedgerBook book, Guid lotId, Guid registrationId, decimal amount, Guid transferId, string? reference, Guid? userId, DateTimeOffset now) =>
        new(transferId, lotId, TransferKind.DepositReceived,
            [(book.Account(lotId, LedgerAccountKind.ExternalBank, Guid.Empty, now).Id, -amount),
             (book.Account(lotId, LedgerAccountKind.BidderDepositHeld, registrationId, now).Id, amount)],
            Pending: true, Reference: reference, UserId: userId);

    /// <summary>A posted deposit forfeited by a defaulting winner: deposit held → forfeited deposits (the lot's book).</summary>
    public static TransferDraft Forfeit(LedgerBook book, Guid lotId, Guid registrationId, decimal amount, Guid transferId, string? note, DateTimeOffset now) =>
        new(transferId, lotId, TransferKind.DepositForfeit,
            [(book.Account(lotId, LedgerAccountKind.BidderDepositHeld, registrationId, now).Id, -amount),
             (book.Account(lotId, LedgerAccountKind.ForfeitedDeposits, Guid.Empty, now).Id, amount)],
            Note: note);

    /// <summary>
    /// The winner's posted deposit leaves the lot's book toward its deal (deposit held → the bank account the exchange holds
    /// it in). Saved in one transaction with <see cref="ApplyIn"/>, which brings it into the deal's escrow: each book balances alone.
    /// </summary>
    public static TransferDraft ApplyOut(LedgerBook book, Guid lotId, Guid registrationId, decimal amount, Guid transferId, Guid dealId, DateTimeOffset now) =>
        new(transferId, lotId, TransferKind.DepositApplication,
            [(book.Account(lotId, LedgerAccountKind.BidderDepositHeld, registrationId, now).Id, -amount),
             (book.Account(lotId, LedgerAccountKind.ExternalBank, Guid.Empty, now).Id, amount)],
            Note: null);

    /// <summary>The winner's deposit counted toward the deal's price: external → the deal's escrow (the deal's book).</summary>
    public static TransferDraft ApplyIn(LedgerBook book, Guid dealId, decimal amount, Guid transferId, Guid lotId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.DepositApplication,
            [(book.Account(dealId, LedgerAccountKind.ExternalBank, Guid.Empty, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.ExchangeEscrow, Guid.Empty, now).Id, amount)],
            Note: null);

    /// <summary>The ledger state of each registration's deposit, from the lot's transfers (the pending hold and what resolved it).</summary>
    public static DepositLedgerState StateOf(LedgerTransfer? hold, IEnumerable<LedgerTransfer> lotTransfers)
    {
        if (hold is null) return DepositLedgerState.NotRecorded;
        var list = lotTransfers.ToList();
        var resolution = list.FirstOrDefault(t => t.PendingId == hold.Id);
        if (resolution is null) return DepositLedgerState.Held;
        if (resolution.Phase == TransferPhase.Void) return DepositLedgerState.Released;
        var account = hold.Legs.First(l => l.Amount > 0).AccountId;
        return list.Any(t => t.Kind == TransferKind.DepositForfeit && t.Legs.Any(l => l.AccountId == account)) ? DepositLedgerState.Forfeited
            : list.Any(t => t.Kind == TransferKind.DepositApplication && t.Legs.Any(l => l.AccountId == account)) ? DepositLedgerState.Applied
            : DepositLedgerState.Held;
    }
}
