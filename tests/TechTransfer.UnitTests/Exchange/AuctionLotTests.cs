using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Exchange;

public class AuctionLotTests
{
    private static readonly AuctionOptions Options = new();
    private static readonly TimeSpan Window = Options.ExtensionWindow;
    // 2026-03-02 10:00 in Shanghai.
    internal static readonly DateTimeOffset Announced = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset Start = Announced.AddDays(7);
    internal static readonly DateTimeOffset End = Start.AddHours(2);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    internal static AuctionTerms Terms(decimal start = 1000m, decimal? reserve = 1500m, decimal increment = 100m,
        DateTimeOffset? starts = null, DateTimeOffset? ends = null) =>
        new("专利转让竞价", null, AuctionObjectType.Patents, [Guid.NewGuid()], Guid.NewGuid(), null, start, reserve, increment,
            starts ?? Start, ends ?? End);

    internal static AuctionLot NewLot(decimal start = 1000m, decimal? reserve = 1500m, decimal increment = 100m) =>
        AuctionLot.Open(Terms(start, reserve, increment), null, Announced, Options).Value;

    [Fact]
    public void Announcement_must_be_at_least_seven_business_days_before_the_start()
    {
        // Start on the 7th Shanghai date after the announcement: allowed, even at 00:30 local time (16:30 UTC the day before).
        var sevenDaysLocalMidnight = new DateTimeOffset(2026, 3, 8, 16, 30, 0, TimeSpan.Zero); // 2026-03-09 00:30 Shanghai
        Assert.Empty(AuctionLot.Check(Terms(starts: sevenDaysLocalMidnight, ends: sevenDaysLocalMidnight.AddHours(1)), Announced, Options));
        var sixDays = new DateTimeOffset(2026, 3, 8, 15, 30, 0, TimeSpan.Zero); // 2026-03-08 23:30 Shanghai
        var errors = AuctionLot.Check(Terms(starts: sixDays, ends: sixDays.AddHours(1)), Announced, Options);
        var e = Assert.Single(errors);
        Assert.Equal("auction.announcement_too_late", e.Code);
        Assert.Equal("R6.3", e.Rule);
    }

    [Fact]
    public void Terms_are_checked_all_at_once()
    {
        var bad = new AuctionTerms(" ", null, AuctionObjectType.Patents, [], Guid.Empty, null, 0m, -1m, 0.001m, End, Start);
        var codes = AuctionLot.Check(bad, Announced, Options).Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("title", "auction.field_required"), codes);
        Assert.Contains(("achievementId", "auction.object_required"), codes);
        Assert.Contains(("consignorOrganizationId", "auction.field_required"), codes);
        Assert.Contains(("startingPrice", "auction.amount_out_of_range"), codes);
        Assert.Contains(("increment", "auction.amount_out_of_range"), codes);
        Assert.Contains(("reservePrice", "auction.amount_out_of_range"), codes);
        Assert.Contains(("endsAt", "auction.end_before_start"), codes);
    }

    [Fact]
    public void Phase_follows_the_clock_and_the_effective_close()
    {
        var lot = NewLot();
        Assert.Equal(AuctionPhase.Announced, lot.PhaseAt(Start.AddTicks(-1)));
        Assert.Equal(AuctionPhase.Bidding, lot.PhaseAt(Start));
        Assert.Equal(AuctionPhase.AwaitingClose, lot.PhaseAt(End));
        Assert.Equal(Options.DepositFor(1000m), lot.Deposit);
        Assert.Equal(1000m, Options.DepositFor(1000m)); // the minimum deposit
        Assert.Equal(200_000m, Options.DepositFor(2_000_000m)); // 10 %
    }

    [Fact]
    public void First_bid_at_least_the_starting_price_then_high_plus_whole_increments()
    {
        var lot = NewLot();
        var t = Start.AddMinutes(1);
        var low = lot.PlaceBid(A, null, 999.99m, t, Window);
        Assert.False(low.Accepted);
        Assert.Equal("auction.bid_below_start", low.Refusal!.Code);
        Assert.True(lot.PlaceBid(A, null, 1050m, t, Window).Accepted); // ≥ starting price, not a multiple: fine for the first bid
        Assert.Equal("auction.bid_not_increment", lot.PlaceBid(B, null, 1100m, t, Window).Refusal!.Code); // +50
        Assert.Equal("auction.bid_not_increment", lot.PlaceBid(B, null, 1050m, t, Window).Refusal!.Code); // equal: first sequenced keeps it
        Assert.Equal("auction.bid_not_increment", lot.PlaceBid(B, null, 1150.01m, t, Window).Refusal!.Code);
        var ok = lot.PlaceBid(B, null, 1350m, t, Window); // +3 × 100
        Assert.True(ok.Accepted);
        Assert.Equal(A, ok.OutbidUserId);
        Assert.Equal(1350m, lot.HighBid);
        Assert.Equal(B, lot.HighBidderUserId);
        Assert.Equal(6, lot.LastSequence); // refused bids take a sequence number too
        Assert.Equal(2, lot.AcceptedBids);
        Assert.Equal([1450m, 1550m, 1650m], lot.NextValidAmounts(3));
    }

    [Fact]
    public void Bids_before_the_start_and_from_the_effective_close_are_refused()
    {
        var lot = NewLot();
        Assert.Equal("auction.not_started", lot.PlaceBid(A, null, 1000m, Start.AddSeconds(-1), Window).StateRefusal!.Code);
        Assert.Equal("auction.closed", lot.PlaceBid(A, null, 1000m, End, Window).StateRefusal!.Code);
        Assert.Null(lot.HighBid);
    }

    [Fact]
    public void Only_an_accepted_bid_inside_the_window_extends_the_close()
    {
        var lot = NewLot();
        Assert.True(lot.PlaceBid(A, null, 1000m, End.AddMinutes(-30), Window).Accepted);
        Assert.Equal(End, lot.EffectiveCloseAt); // outside the window
        var refused = lot.PlaceBid(B, null, 1001m, End.AddMinutes(-1), Window);
        Assert.False(refused.Accepted);
        Assert.Equal(End, lot.EffectiveCloseAt); // a refused bid never extends
        var late = End.AddSeconds(-10);
        var accepted = lot.PlaceBid(B, null, 1100m, late, Window);
        Assert.Equal(late + Window, lot.EffectiveCloseAt);
        Assert.Equal(End, accepted.CloseBefore);
        Assert.Equal(late + Window, accepted.CloseAfter);
        // After the original end, bidding goes on until the effective close.
        Assert.True(lot.PlaceBid(A, null, 1200m, End.AddMinutes(4), Window).Accepted);
        Assert.Equal(End.AddMinutes(4) + Window, lot.EffectiveCloseAt);
        Assert.Equal(AuctionPhase.Bidding, lot.PhaseAt(End.AddMinutes(8)));
        Assert.Equal("auction.closed", lot.PlaceBid(B, null, 1300m, lot.EffectiveCloseAt, Window).StateRefusal!.Code);
    }

    [Fact]
    public void Close_below_the_reserve_is_no_sale_and_happens_once()
    {
        var lot = NewLot(reserve: 1500m);
        lot.PlaceBid(A, null, 1400m, Start, Window);
        Assert.False(lot.CloseIfDue(End.AddTicks(-1)));
        Assert.True(lot.CloseIfDue(End));
        Assert.Equal(AuctionStatus.NoSale, lot.Status);
        Assert.Null(lot.WinnerUserId);
        Assert.Null(lot.HammerPrice);
        Assert.False(lot.CloseIfDue(End.AddHours(1)));
        Assert.Equal(AuctionPhase.NoSale, lot.PhaseAt(End));
    }

    [Fact]
    public void Close_at_or_above_the_reserve_sells_to_the_high_bidder_and_no_reserve_sells_any_bid()
    {
        var lot = NewLot(reserve: 1500m);
        lot.PlaceBid(A, null, 1400m, Start, Window);
        lot.PlaceBid(B, null, 1500m, Start, Window);
        Assert.True(lot.CloseIfDue(End));
        Assert.Equal((AuctionStatus.Sold, B, 1500m), (lot.Status, lot.WinnerUserId!.Value, lot.HammerPrice!.Value));

        var noReserve = NewLot(reserve: null);
        Assert.True(noReserve.NoReserve);
        noReserve.PlaceBid(A, null, 1000m, Start, Window);
        noReserve.CloseIfDue(End);
        Assert.Equal(AuctionStatus.Sold, noReserve.Status);

        var noBid = NewLot(reserve: null);
        noBid.CloseIfDue(End);
        Assert.Equal(AuctionStatus.NoSale, noBid.Status);
    }

    [Fact]
    public void Withdrawal_only_before_the_start()
    {
        var lot = NewLot();
        Assert.Equal("auction.withdraw_after_start", lot.Withdraw("委托人撤回", Start).Error!.Code);
        Assert.True(lot.Withdraw("委托人撤回", Start.AddSeconds(-1)).IsSuccess);
        Assert.Equal(AuctionPhase.Withdrawn, lot.PhaseAt(Start));
        Assert.Equal("auction.not_open", lot.Withdraw("again", Start.AddDays(-1)).Error!.Code);
        Assert.Equal("auction.closed", lot.PlaceBid(A, null, 1000m, Start.AddMinutes(1), Window).StateRefusal!.Code);
        Assert.False(lot.CloseIfDue(End));
    }

    [Fact]
    public void Outbid_notices_are_coalesced_per_bidding_round()
    {
        var lot = NewLot();
        var r = AuctionRegistration.Create(lot, A, null, lot.Register(Announced).Value, Announced);
        Assert.Equal(1, r.PaddleNumber);
        Assert.Equal(DepositStatus.Held, r.DepositStatus);
        r.BidAt(Start);
        Assert.True(r.ShouldNotifyOutbid(Start.AddSeconds(1)));
        Assert.False(r.ShouldNotifyOutbid(Start.AddSeconds(2))); // outbid again without bidding: no second notice
        r.BidAt(Start.AddSeconds(3));
        Assert.True(r.ShouldNotifyOutbid(Start.AddSeconds(4)));
    }

    [Fact]
    public void Winner_default_passes_the_lot_to_a_runner_up_meeting_the_reserve_else_ends_defaulted()
    {
        var lot = NewLot(reserve: 1100m);
        var ra = AuctionRegistration.Create(lot, A, null, lot.Register(Announced).Value, Announced);
        var rb = AuctionRegistration.Create(lot, B, null, lot.Register(Announced).Value, Announced);
        Assert.Equal(AuctionErrors.NotSold, lot.DeclareWinnerDefault(Start, WinnerDefaultRemedy.OfferToNextBidder, null).Error);
        var bids = new List<AuctionBid>();
        foreach (var (r, amount, minute) in new[] { (ra, 1000m, 1), (rb, 1100m, 2), (ra, 1200m, 3) })
        {
            var d = lot.PlaceBid(r.UserId, null, amount, Start.AddMinutes(minute), Window);
            bids.Add(AuctionBid.Record(lot, r, amount, Start.AddMinutes(minute), d));
        }
        Assert.True(lot.CloseIfDue(End));
        Assert.Equal((A, 1200m), (lot.WinnerUserId!.Value, lot.HammerPrice!.Value));

        // B's 1100 meets the reserve: B wins at its own bid; a second default ends the lot Defaulted
        Assert.True(lot.DeclareWinnerDefault(End, WinnerDefaultRemedy.OfferToNextBidder, bids[1]).Value);
        Assert.Equal((AuctionStatus.Sold, B, 1100m), (lot.Status, lot.WinnerUserId!.Value, lot.HammerPrice!.Value));
        Assert.False(lot.DeclareWinnerDefault(End, WinnerDefaultRemedy.OfferToNextBidder, null).Value);
        Assert.Equal(AuctionPhase.Defaulted, lot.PhaseAt(End));
        Assert.Null(lot.HammerPrice);
        Assert.Null(lot.WinnerUserId);
    }

    [Fact]
    public void Winner_default_below_the_reserve_or_with_reauction_configured_ends_defaulted()
    {
        foreach (var (remedy, reserve) in new[] { (WinnerDefaultRemedy.OfferToNextBidder, 1150m), (WinnerDefaultRemedy.Reauction, 1000m) })
        {
            var lot = NewLot(reserve: reserve);
            var ra = AuctionRegistration.Create(lot, A, null, lot.Register(Announced).Value, Announced);
            var rb = AuctionRegistration.Create(lot, B, null, lot.Register(Announced).Value, Announced);
            var runnerUp = AuctionBid.Record(lot, rb, 1100m, Start, lot.PlaceBid(B, null, 1100m, Start, Window));
            lot.PlaceBid(A, null, 1200m, Start.AddMinutes(1), Window);
            Assert.True(lot.CloseIfDue(End));
            Assert.False(lot.DeclareWinnerDefault(End, remedy, runnerUp).Value);
            Assert.Equal(AuctionStatus.Defaulted, lot.Status);
            Assert.Equal(DepositStatus.Held, ra.DepositStatus);
            ra.Forfeit();
            rb.Release();
            rb.Release();
            Assert.Equal((DepositStatus.Forfeited, DepositStatus.Released), (ra.DepositStatus, rb.DepositStatus));
        }
    }
}
