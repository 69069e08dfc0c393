using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.UnitTests.Exchange;

/// <summary>
/// A seeded property test: random bid streams (bidders, amounts on and off the increment grid, times across the start,
/// the window and the close, equal amounts) are fed to the lot and to a deliberately naive model written from the spec's
/// sentences; after every bid and at the close both must agree, and the invariants of R6.4/R6.5 must hold.
/// </summary>
public class AuctionLotPropertyTests
{
    private sealed class Model(decimal start, decimal? reserve, decimal increment, DateTimeOffset starts, DateTimeOffset close, TimeSpan window)
    {
        public decimal? High;
        public Guid? Leader;
        public DateTimeOffset Close = close;

        public bool Bid(Guid who, decimal amount, DateTimeOffset at)
        {
            if (at < starts || at >= Close) return false;
            bool valid;
            if (High is null) valid = amount >= start;
            else
            {
                // "current high plus a positive whole multiple of the increment", checked by enumeration, not by %.
                valid = false;
                for (var k = 1; k <= 1000 && !valid; k++) valid = High.Value + k * increment == amount;
            }
            if (!valid) return false;
            High = amount;
            Leader = who;
            if (Close - at < window) Close = at + window;
            return true;
        }

        public (AuctionStatus, Guid?) Result() =>
            High is { } h && (reserve is null || h >= reserve) ? (AuctionStatus.Sold, Leader) : (AuctionStatus.NoSale, null);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_lot_agrees_with_the_model_on_random_bid_streams(int seed)
    {
        var random = new Random(seed * 7919);
        for (var round = 0; round < 200; round++)
        {
            var increment = new[] { 0.5m, 1m, 100m, 2500m, 0.01m }[random.Next(5)];
            var start = Math.Round((decimal)random.Next(1, 10_000) * 0.37m, 2);
            decimal? reserve = random.Next(3) == 0 ? null : start + increment * random.Next(0, 40);
            var options = new AuctionOptions { ExtensionWindow = TimeSpan.FromSeconds(random.Next(1, 600)) };
            var terms = AuctionLotTests.Terms(start, reserve, increment);
            var lot = AuctionLot.Open(terms, null, AuctionLotTests.Announced, options).Value;
            var model = new Model(start, reserve, increment, terms.StartsAt, terms.EndsAt, options.ExtensionWindow);
            var bidders = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Guid.NewGuid()).ToArray();
            var span = (terms.EndsAt - terms.StartsAt).TotalSeconds;
            var at = terms.StartsAt.AddSeconds(-random.Next(0, 60));
            var accepted = new List<(decimal Amount, DateTimeOffset At, DateTimeOffset CloseAfter)>();
            for (var i = random.Next(0, 120); i > 0; i--)
            {
                at = at.AddSeconds(random.NextDouble() * span / 40);
                var who = bidders[random.Next(bidders.Length)];
                var basis = lot.HighBid ?? start;
                var amount = random.Next(6) switch
                {
                    0 => basis,                                             // equal to the high (or exactly the start)
                    1 => basis + increment * random.Next(-2, 6),            // on the grid, sometimes below
                    2 => basis + increment * random.Next(1, 4) + 0.01m,     // just off the grid
                    3 => Math.Round(basis + (decimal)random.NextDouble() * increment * 3, 2),
                    _ => lot.MinimumNextBid + increment * random.Next(0, 3), // a valid amount
                };
                var closeBefore = lot.EffectiveCloseAt;
                var decision = lot.PlaceBid(who, null, amount, at, options.ExtensionWindow);
                var expected = model.Bid(who, amount, at);
                Assert.Equal(expected, decision.Accepted);
                Assert.Equal(model.High, lot.HighBid);
                Assert.Equal(model.Leader, lot.HighBidderUserId);
                Assert.Equal(model.Close, lot.EffectiveCloseAt);
                if (!decision.Accepted) Assert.Equal(closeBefore, lot.EffectiveCloseAt); // refused never extends
                else accepted.Add((amount, at, lot.EffectiveCloseAt));
            }
            // Invariants over the accepted sequence.
            for (var i = 1; i < accepted.Count; i++)
            {
                var step = accepted[i].Amount - accepted[i - 1].Amount;
                Assert.True(step > 0 && step % increment == 0);
                Assert.True(accepted[i].At < accepted[i - 1].CloseAfter); // no accepted bid after the effective close
            }
            Assert.False(lot.CloseIfDue(lot.EffectiveCloseAt.AddTicks(-1))); // never before the effective close
            lot.CloseIfDue(lot.EffectiveCloseAt);
            var (status, winner) = model.Result();
            Assert.Equal(status, lot.Status);
            Assert.Equal(winner, lot.WinnerUserId);
            Assert.Equal(status == AuctionStatus.Sold ? accepted.Max(a => a.Amount) : null, lot.HammerPrice);
            Assert.False(lot.CloseIfDue(lot.EffectiveCloseAt.AddDays(1))); // exactly once
        }
    }
}
