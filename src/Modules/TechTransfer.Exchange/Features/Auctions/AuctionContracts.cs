using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>Body of <c>POST /api/v1/auctions</c> (exchange operator): the lot's terms (R6.3).</summary>
/// <param name="ReservePrice">The hidden reserve; null together with <paramref name="NoReserve"/> = true for a "no reserve" lot.</param>
public sealed record CreateAuctionRequest(
    string Title, string? Description, AuctionObjectType ObjectType, Guid? AchievementId, List<Guid>? PatentIds,
    Guid ConsignorOrganizationId, Guid? ListingId, decimal StartingPrice, decimal? ReservePrice, bool NoReserve,
    decimal Increment, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? TitleEn = null);

/// <summary>Body of <c>POST /api/v1/auctions/{id}/registrations</c>: the bidder accepts the terms and the deposit.</summary>
public sealed record AuctionRegistrationRequest(bool AcceptTerms);

/// <summary>Body of <c>POST /api/v1/auctions/{id}/bids</c>: the amount in yuan (at most two decimals).</summary>
public sealed record BidRequest(decimal Amount);

/// <summary>Body of <c>POST /api/v1/auctions/{id}/withdraw</c>.</summary>
public sealed record WithdrawAuctionRequest(string Reason, int? Version);

/// <summary>Body of <c>POST /api/v1/auctions/{id}/winner-default</c>: why the winner is in default (did not sign or pay).</summary>
public sealed record WinnerDefaultRequest(string Reason, int? Version);

/// <summary>Query of <c>GET /api/v1/auctions</c>.</summary>
/// <remarks><c>Registered=true</c> keeps the lots the caller is registered for (bidder roles; any other role is 403).</remarks>
/// <summary>Query of GET /api/v1/auctions and its export: <c>q</c> searches the title, <c>from</c>/<c>to</c> bound the start day (Shanghai,
/// both inclusive), <c>sort</c> is a key of <see cref="AuctionService.Sorts"/> (startsAt, title, startingPrice).</summary>
public sealed record AuctionListQuery(AuctionPhase? Phase = null, int Page = 1, int PageSize = 20, bool? Registered = null,
    string? Q = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool? Desc = null);

/// <summary>Query of <c>GET /api/v1/auctions/{id}/bids</c>.</summary>
public sealed record BidLogQuery(int Page = 1, int PageSize = 50);

public sealed record AuctionSummary(Guid Id, string Title, AuctionPhase Phase, decimal StartingPrice, bool NoReserve,
    decimal? HighBid, int AcceptedBids, DateTimeOffset StartsAt, DateTimeOffset EffectiveCloseAt, decimal? HammerPrice)
{
    public string? TitleEn { get; init; }
}

/// <summary>One line of the bid history as a bidder sees it: paddle number, never a name.</summary>
public sealed record BidLine(long Sequence, int PaddleNumber, decimal Amount, DateTimeOffset At, bool Accepted, string? RefusalCode,
    DateTimeOffset CloseBefore, DateTimeOffset CloseAfter, Guid? BidderUserId);

/// <summary>The caller's own standing on the lot.</summary>
public sealed record MyAuctionStatus(bool Registered, int? PaddleNumber, decimal? Deposit, DepositStatus? DepositStatus, bool IsHighBidder, decimal? MyHighestBid,
    bool CanRegister, bool Won);

/// <summary>
/// <c>GET /api/v1/auctions/{id}</c>: every figure from the lot at one instant, with the effective close. The reserve is shown
/// to the exchange operator only (R6.3); others see <c>noReserve</c>.
/// </summary>
public sealed record AuctionResponse(
    Guid Id, string Title, string? Description, AuctionObjectType ObjectType, IReadOnlyList<Guid> ObjectIds, Guid ConsignorOrganizationId,
    Guid? ListingId, AuctionPhase Phase, decimal StartingPrice, bool NoReserve, decimal? ReservePrice, decimal Increment, decimal Deposit,
    DateTimeOffset AnnouncedAt, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset EffectiveCloseAt, DateTimeOffset ServerTime,
    decimal? HighBid, int? HighBidPaddle, int AcceptedBids, int Registrations, IReadOnlyList<decimal> NextValidAmounts,
    DateTimeOffset? ClosedAt, decimal? HammerPrice, int? WinnerPaddle, Guid? WinnerOrganizationId, string? WithdrawalReason,
    IReadOnlyList<BidLine> RecentBids, MyAuctionStatus Me, int Version)
{
    public string? TitleEn { get; init; }
}

public sealed record RegistrationResponse(Guid Id, Guid LotId, int PaddleNumber, decimal Deposit, DepositStatus DepositStatus, DateTimeOffset RegisteredAt);

/// <summary>An accepted bid: its sequence, the new high and the effective close after it.</summary>
public sealed record BidResponse(long Sequence, decimal Amount, DateTimeOffset At, DateTimeOffset EffectiveCloseAt, bool Extended,
    IReadOnlyList<decimal> NextValidAmounts);
