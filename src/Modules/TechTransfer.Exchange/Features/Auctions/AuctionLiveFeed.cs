using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>What the live room receives after each committed batch of a lot (public figures only: paddle numbers, no names, no reserve).</summary>
public sealed record LiveLotState(Guid Id, AuctionPhase Phase, decimal? HighBid, int? HighBidPaddle, int AcceptedBids, int Registrations,
    DateTimeOffset EffectiveCloseAt, DateTimeOffset ServerTime, IReadOnlyList<decimal> NextValidAmounts, decimal? HammerPrice,
    int? WinnerPaddle, IReadOnlyList<LiveBid> NewBids)
{
    public static LiveLotState Of(AuctionLot lot, int? highPaddle, IReadOnlyList<LiveBid> newBids, DateTimeOffset now) => new(
        lot.Id, lot.PhaseAt(now), lot.HighBid, highPaddle, lot.AcceptedBids, lot.Registrations, lot.EffectiveCloseAt, now,
        lot.PhaseAt(now) is AuctionPhase.Announced or AuctionPhase.Bidding ? lot.NextValidAmounts(3) : [],
        lot.HammerPrice, lot.Status == AuctionStatus.Sold ? highPaddle : null, newBids);
}

public sealed record LiveBid(long Sequence, int PaddleNumber, decimal Amount, DateTimeOffset At);

/// <summary>Pushes a lot's new state to the browsers in its live room (SignalR).</summary>
public interface IAuctionLiveFeed
{
    void Publish(LiveLotState state);
}

/// <summary>
/// The live room's hub (<c>/hubs/auctions</c>): a signed-in browser joins the group of one lot and receives <c>lot</c>
/// messages (a <see cref="LiveLotState"/>) after every committed batch. Bids are placed through the API/page form, never
/// through the hub, so there is one bid path.
/// </summary>
[Authorize]
public sealed class AuctionHub : Hub
{
    public static string Group(Guid lotId) => "lot:" + lotId.ToString("N");

    public Task Join(Guid lotId) => Groups.AddToGroupAsync(Context.ConnectionId, Group(lotId));

    public Task Leave(Guid lotId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(lotId));
}

internal sealed class SignalRAuctionLiveFeed(IHubContext<AuctionHub> hub) : IAuctionLiveFeed
{
    public void Publish(LiveLotState state) =>
        _ = hub.Clients.Group(AuctionHub.Group(state.Id)).SendAsync("lot", state);
}
