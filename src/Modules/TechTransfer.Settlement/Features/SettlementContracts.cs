using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Settlement.Features;

/// <summary>收款: money from the buyer received by the exchange's bank into the deal's escrow.</summary>
public sealed record PaymentRequest(decimal? Amount, string? Reference = null, string? Note = null);

/// <summary>结算: release <see cref="Amount"/> yuan of the price from escrow to the seller, less the seller's commission, both sides' commission to the exchange (R6.6).</summary>
public sealed record PayoutRequest(decimal? Amount, decimal? BrokerCommission = null, string? Note = null);

/// <summary>退款: money in escrow owed back to the buyer.</summary>
public sealed record RefundRequest(decimal? Amount, string? Note = null);

/// <summary>冲正: the correction of a posted transfer by its opposite, with the reason.</summary>
public sealed record ReverseRequest(string? Reason);

public sealed record AccountView(Guid Id, LedgerAccountKind Kind, Guid? PartyId, decimal Balance, decimal PendingDebits, decimal Available);

public sealed record LegView(Guid AccountId, LedgerAccountKind AccountKind, Guid? PartyId, decimal Amount);

public sealed record TransferView(
    Guid Id, long Sequence, TransferKind Kind, TransferPhase Phase, decimal Amount, Guid? PendingId, Guid? ReversesId, Guid? ReversedById,
    string? Reference, string? Note, Guid? CreatedByUserId, DateTimeOffset CreatedAt, IReadOnlyList<LegView> Legs);

/// <summary>The response of a money command (stored with its idempotency key and replayed as it was): the transfer and the deal's balances after it.</summary>
public sealed record TransferResponse(Guid DealId, TransferView Transfer, IReadOnlyList<AccountView> Balances);

/// <summary>One payment of the deal's schedule, with how much of it the money received so far covers (applied in order of due date).</summary>
public sealed record ScheduleItemView(int Number, DateOnly DueDate, decimal Amount, string? Milestone, decimal Covered, bool Settled, bool Overdue);

/// <summary>
/// A deal's money: the terms (price, commission), what the buyer owes (price + buyer's commission), has paid and still owes,
/// each account's balance, the journal of transfers, the payment schedule, and whether the journal reconciles.
/// </summary>
public sealed record SettlementView(
    Guid DealId, string DealNo, string Title, string? TitleEn, Guid SellerOrganizationId, Guid? BuyerOrganizationId,
    decimal PriceYuan, decimal SellerCommissionPercent, decimal BuyerCommissionPercent, decimal SellerCommissionYuan, decimal BuyerCommissionYuan,
    decimal AmountDue, decimal Received, decimal Outstanding, decimal PaidOut, decimal HeldInEscrow, decimal ExternalNet, bool IsLive,
    IReadOnlyList<AccountView> Accounts, IReadOnlyList<TransferView> Transfers, IReadOnlyList<ScheduleItemView> Schedule, bool Reconciled)
{
    /// <summary>The deposits of the deal's auction lot the caller may see (the operator all, a party its own organisation's).</summary>
    public IReadOnlyList<DepositRowView> Deposits { get; init; } = [];
}

/// <summary>The outcome of a money command: the response and whether it is the replay of an earlier request with the same key.</summary>
public sealed record CommandOutcome(TransferResponse Response, bool Replayed);

/// <summary>保证金到账: the exchange's bank received a registered bidder's deposit (the amount is the lot's, R6.3); it is held.</summary>
public sealed record RecordDepositRequest(Guid? RegistrationId, string? Reference = null);

/// <summary>
/// One bidder's deposit on a lot: what the auction rules say (<see cref="AuctionState"/>), where the ledger has it
/// (<see cref="LedgerState"/>), when it was recorded and resolved, and — for a deposit to be released — the last day
/// (<see cref="ReleaseDueOn"/>, [CFG] working days after the close) and whether that day has passed.
/// </summary>
public sealed record DepositRowView(
    Guid RegistrationId, int PaddleNumber, Guid? BidderOrganizationId, decimal Amount, BidderDepositState AuctionState, DepositLedgerState LedgerState,
    bool IsWinner, Guid? HoldTransferId, string? Reference, DateTimeOffset? RecordedAt, DateTimeOffset? ResolvedAt, DateOnly? ReleaseDueOn, bool ReleaseOverdue);

/// <summary>A lot's deposits: every row for the exchange operator, a bidder's own row(s) for a bidder.</summary>
public sealed record LotDepositsView(Guid LotId, string Title, string? TitleEn, DateTimeOffset? ClosedAt, Guid? DealId, IReadOnlyList<DepositRowView> Deposits);

/// <summary>What one run of the deposit job did.</summary>
public sealed record DepositRunResult(int Released, int Applied, int Forfeited);
