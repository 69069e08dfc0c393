namespace TechTransfer.Exchange.Domain.Auctions;

/// <summary>
/// One line of the append-only bid log (R6.6: kept ≥ 5 years; there is no update or delete path): every bid that reached
/// the lot's sequence while it was open — accepted or refused with its reason — and the effective close before and
/// after it, so an audit can prove that only accepted bids moved the close.
/// </summary>
public sealed class AuctionBid
{
    private AuctionBid() { }

    public Guid Id { get; private set; }
    public Guid LotId { get; private set; }
    public long Sequence { get; private set; }
    public Guid BidderUserId { get; private set; }
    public Guid? BidderOrganizationId { get; private set; }
    /// <summary>The bidder's paddle number (竞买号) on this lot, what other bidders see instead of a name.</summary>
    public int PaddleNumber { get; private set; }
    public decimal Amount { get; private set; }
    public DateTimeOffset At { get; private set; }
    public bool Accepted { get; private set; }
    /// <summary>The refusal's error code (e.g. <c>auction.bid_not_increment</c>); null when accepted.</summary>
    public string? RefusalCode { get; private set; }
    public DateTimeOffset CloseBefore { get; private set; }
    public DateTimeOffset CloseAfter { get; private set; }

    public static AuctionBid Record(AuctionLot lot, AuctionRegistration bidder, decimal amount, DateTimeOffset at, BidDecision decision) => new()
    {
        Id = Guid.NewGuid(),
        LotId = lot.Id,
        Sequence = lot.LastSequence,
        BidderUserId = bidder.UserId,
        BidderOrganizationId = bidder.OrganizationId,
        PaddleNumber = bidder.PaddleNumber,
        Amount = amount,
        At = at,
        Accepted = decision.Accepted,
        RefusalCode = decision.AsError is { } e ? (e.FieldErrors.Count > 0 ? e.FieldErrors[0].Code : e.Code) : null,
        CloseBefore = decision.CloseBefore,
        CloseAfter = decision.CloseAfter,
    };
}

/// <summary>
/// Deposit state (保证金). Registration records it as held; the close releases the deposits of bidders who did not win (the
/// winner's, and the runner-up's while the lot may still be offered to it, stay held); a defaulting winner's is forfeited.
/// The money movements (refund, forfeit, apply to the price) are the settlement issue's.
/// </summary>
public enum DepositStatus { Held = 1, Released = 2, Forfeited = 3 }

/// <summary>A bidder's registration for a lot (竞买登记) with the deposit recorded as held (R6.3).</summary>
public sealed class AuctionRegistration
{
    private AuctionRegistration() { }

    public Guid Id { get; private set; }
    public Guid LotId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public int PaddleNumber { get; private set; }
    public decimal Deposit { get; private set; }
    public DepositStatus DepositStatus { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? LastBidAt { get; private set; }
    public DateTimeOffset? OutbidNotifiedAt { get; private set; }

    public static AuctionRegistration Create(AuctionLot lot, Guid userId, Guid? organizationId, int paddleNumber, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        LotId = lot.Id,
        UserId = userId,
        OrganizationId = organizationId,
        PaddleNumber = paddleNumber,
        Deposit = lot.Deposit,
        DepositStatus = DepositStatus.Held,
        RegisteredAt = now,
    };

    public void BidAt(DateTimeOffset now) => LastBidAt = now;

    /// <summary>The deposit is to be refunded (not the winner, or the lot did not sell). Only a held deposit is released.</summary>
    public void Release()
    {
        if (DepositStatus == DepositStatus.Held) DepositStatus = DepositStatus.Released;
    }

    /// <summary>The winner defaulted: its deposit is forfeited (R6.6 [CFG] winner default).</summary>
    public void Forfeit() => DepositStatus = DepositStatus.Forfeited;

    /// <summary>
    /// Outbid notices are coalesced: one per bidding round of the bidder — true only when the bidder has bid since the
    /// last notice, so a bidder outbid twenty times before bidding again gets one notice.
    /// </summary>
    public bool ShouldNotifyOutbid(DateTimeOffset now)
    {
        if (OutbidNotifiedAt is { } last && (LastBidAt is not { } bid || bid <= last)) return false;
        OutbidNotifiedAt = now;
        return true;
    }
}
