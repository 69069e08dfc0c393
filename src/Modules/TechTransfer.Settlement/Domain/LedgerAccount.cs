using TechTransfer.SharedKernel;

namespace TechTransfer.Settlement.Domain;

/// <summary>
/// 账户类别. Every account but <see cref="ExternalBank"/> belongs to one deal; the party-held kinds also to one
/// organisation (the bidder, the buyer, the seller). The buyer's outstanding amount is not an account: a receivable would
/// have to go negative, which only the external account may; it is the payment schedule minus what was received.
/// </summary>
public enum LedgerAccountKind
{
    /// <summary>外部银行账户 (the one account outside the platform; negative = money held on the platform)</summary>
    ExternalBank = 1,
    /// <summary>竞买保证金（冻结）: a bidder's deposit for a lot; in a lot's book (book id = the lot id) the party is the registration</summary>
    BidderDepositHeld = 2,
    /// <summary>交易所监管账户: the buyer's money held in escrow for the deal</summary>
    ExchangeEscrow = 3,
    /// <summary>应付卖方款: the seller's proceeds released from escrow, awaiting payout to its bank</summary>
    SellerPayable = 4,
    /// <summary>交易所佣金收入: both sides' commission (R6.6)</summary>
    ExchangeFees = 5,
    /// <summary>经纪人佣金: the technology managers' share of the commission</summary>
    BrokerCommission = 6,
    /// <summary>应退款: deposits released and payments refunded, awaiting payout to the party's bank</summary>
    Refunds = 7,
    /// <summary>没收保证金: a defaulting winner's deposit (R6.6 winner default), kept by the exchange for the consignor's claim</summary>
    ForfeitedDeposits = 8,
}

/// <summary>
/// 账户: a balance in yuan kept by posted transfers only. <see cref="PendingDebits"/> is what pending transfers have
/// reserved on the account (debits not yet posted or voided); <see cref="Available"/> = balance − pending debits. Rule:
/// neither the balance nor the available amount of any account but the external one may go below zero.
/// </summary>
public sealed class LedgerAccount
{
    private LedgerAccount() { }

    public LedgerAccount(Guid id, Guid dealId, LedgerAccountKind kind, Guid partyId, DateTimeOffset now)
    {
        Id = id;
        DealId = kind == LedgerAccountKind.ExternalBank ? Guid.Empty : dealId;
        Kind = kind;
        PartyId = partyId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The id of the one external bank account (the same on every installation).</summary>
    public static readonly Guid ExternalId = new("5e771e00-0000-4000-8000-000000000001");

    /// <summary>
    /// The external bank account. It has no stored row: its balance is derived (minus everything the platform holds, or,
    /// within one deal, the sum of its legs in the deal's transfers), so postings on different deals share no hot row.
    /// </summary>
    public static LedgerAccount External(DateTimeOffset now, decimal derivedBalance = 0m) =>
        new(ExternalId, Guid.Empty, LedgerAccountKind.ExternalBank, Guid.Empty, now) { Balance = derivedBalance };

    public Guid Id { get; private set; }
    /// <summary>The deal (Exchange module id); <see cref="Guid.Empty"/> for the external account.</summary>
    public Guid DealId { get; private set; }
    public LedgerAccountKind Kind { get; private set; }
    /// <summary>The organisation the money is held for (bidder, buyer, seller); <see cref="Guid.Empty"/> when the account is the deal's or the exchange's.</summary>
    public Guid PartyId { get; private set; }
    public decimal Balance { get; private set; }
    public decimal PendingDebits { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool MayGoNegative => Kind == LedgerAccountKind.ExternalBank;
    public decimal Available => Balance - PendingDebits;

    /// <summary>Whether the account can take <paramref name="balanceChange"/> and <paramref name="pendingChange"/> without breaking the no-negative rule.</summary>
    internal bool Allows(decimal balanceChange, decimal pendingChange) =>
        MayGoNegative || (Balance + balanceChange >= 0 && Balance + balanceChange - (PendingDebits + pendingChange) >= 0);

    internal void Apply(decimal balanceChange, decimal pendingChange, DateTimeOffset now)
    {
        if (!Allows(balanceChange, pendingChange))
            throw new InvalidOperationException($"Account {Id} ({Kind}) would go negative; the ledger checks before it applies.");
        Balance += balanceChange;
        PendingDebits += pendingChange;
        UpdatedAt = now;
        Version++;
    }
}
