namespace TechTransfer.Exchange.Domain.Auctions;

/// <summary>
/// [CFG] <c>Exchange:Auctions</c>: the auction rules' numbers (spec R6.3–R6.5) and the close job's pace. Checked at start by
/// <c>AuctionOptionsValidator</c>; no attributes (the domain reads it).
/// </summary>
public sealed class AuctionOptions
{
    public const string Section = "Exchange:Auctions";

    /// <summary>Business days between the announcement and the start (R6.3, 拍卖法 45: at least 7).</summary>
    public int MinimumAnnouncementDays { get; set; } = 7;

    /// <summary>Anti-sniping window (R6.5): an accepted bid this close to the close moves it to acceptance + window.</summary>
    public TimeSpan ExtensionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deposit (保证金) = this percentage of the starting price, at least <see cref="MinimumDepositYuan"/> (R6.3).</summary>
    public decimal DepositPercent { get; set; } = 10m;

    public decimal MinimumDepositYuan { get; set; } = 1000m;

    /// <summary>What follows a winner's default (deposit forfeited either way): offer to the next bidder, or re-auction.</summary>
    public WinnerDefaultRemedy WinnerDefault { get; set; } = WinnerDefaultRemedy.OfferToNextBidder;

    /// <summary>How often the close job looks for lots past their effective close.</summary>
    public TimeSpan CloseJobInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>False in test hosts that drive the close job themselves.</summary>
    public bool RunCloseJob { get; set; } = true;

    /// <summary>Registered bidders are told once when the effective close is this near ("closing soon").</summary>
    public TimeSpan ClosingSoonLead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Bid requests of one lot committed together at most (group commit of the lot's writer).</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>How long a bid request waits for the lot's writer before it is answered "busy" (nothing placed).</summary>
    public TimeSpan BidTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The deposit of a lot with this starting price, in yuan (rounded to the fen).</summary>
    public decimal DepositFor(decimal startingPrice) =>
        Math.Max(MinimumDepositYuan, Math.Round(startingPrice * DepositPercent / 100m, 2, MidpointRounding.ToEven));
}
