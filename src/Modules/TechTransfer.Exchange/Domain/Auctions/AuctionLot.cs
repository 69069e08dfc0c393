using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Auctions;

/// <summary>What a lot offers: one achievement, or one or more patents (a patent set).</summary>
public enum AuctionObjectType { Achievement = 1, Patents = 2 }

/// <summary>
/// Stored state of a lot (spec §6 state machine). "Bidding" is not stored: a <see cref="Published"/> lot is bidding
/// between its start and its effective close (<see cref="AuctionLot.PhaseAt"/>), so no job has to flip it on time.
/// </summary>
public enum AuctionStatus { Published = 1, Sold = 2, NoSale = 3, Withdrawn = 4, Defaulted = 5 }

/// <summary>[CFG] What follows a winner's default (R6.6 analogue; 拍卖法 39): the deposit is forfeited either way.</summary>
public enum WinnerDefaultRemedy
{
    /// <summary>The lot is offered once to the next bidder at that bidder's own highest accepted bid (if it meets the reserve).</summary>
    OfferToNextBidder = 1,
    /// <summary>The lot ends as Defaulted; the operator re-auctions it as a new lot.</summary>
    Reauction = 2,
}

/// <summary>What a reader sees at an instant: every reader (page, API, close job) asks the lot, with the effective close.</summary>
public enum AuctionPhase { Announced = 1, Bidding = 2, AwaitingClose = 3, Sold = 4, NoSale = 5, Withdrawn = 6, Defaulted = 7 }

/// <summary>The terms the exchange operator opens a lot with (R6.3).</summary>
public sealed record AuctionTerms(
    string Title, string? Description, AuctionObjectType ObjectType, IReadOnlyList<Guid> ObjectIds, Guid ConsignorOrganizationId,
    Guid? ListingId, decimal StartingPrice, decimal? ReservePrice, decimal Increment, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? TitleEn = null);

/// <summary>The lot's answer to one bid: accepted (the new high) or refused with the reason, and the close before and after.</summary>
public sealed record BidDecision(bool Accepted, FieldError? Refusal, Error? StateRefusal, DateTimeOffset CloseBefore, DateTimeOffset CloseAfter, Guid? OutbidUserId)
{
    public Error? AsError => StateRefusal ?? (Refusal is { } f ? Error.Validation([f]) : null);
}

/// <summary>
/// An auction lot (竞价标的, spec R6.3–R6.6). Plain C#: every rule of the lot is a method here, given <c>now</c>.
/// Bids reach <see cref="PlaceBid"/> one at a time in sequence order (the lot's writer sequences them); the lot keeps
/// the current high, the effective close (moved only by an accepted bid inside the anti-sniping window) and, at close,
/// the winner and hammer price.
/// </summary>
public sealed class AuctionLot
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int MaxPatents = 50;
    public static readonly decimal MaxAmount = 100_000_000_000m;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    private AuctionLot() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The lot's English title, when it has one.</summary>
    public string? TitleEn { get; private set; }
    public string? Description { get; private set; }
    public AuctionObjectType ObjectType { get; private set; }
    /// <summary>The achievement id or the patent ids, comma-separated (checked through IReferenceCheck when opened).</summary>
    public string ObjectIdsCsv { get; private set; } = "";
    public Guid ConsignorOrganizationId { get; private set; }
    /// <summary>The published listing (pricing method "auction") this lot sells, linked by the integrator; null until then.</summary>
    public Guid? ListingId { get; private set; }
    public Guid? OpenedByUserId { get; private set; }

    public decimal StartingPrice { get; private set; }
    /// <summary>Hidden from bidders (R6.3); null = the lot is labelled "no reserve" (R6.4, 拍卖法 50).</summary>
    public decimal? ReservePrice { get; private set; }
    public bool NoReserve => ReservePrice is null;
    public decimal Increment { get; private set; }
    public decimal Deposit { get; private set; }

    public DateTimeOffset AnnouncedAt { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    /// <summary>The close every reader uses: <see cref="EndsAt"/> moved by accepted bids inside the window (R6.5).</summary>
    public DateTimeOffset EffectiveCloseAt { get; private set; }

    public AuctionStatus Status { get; private set; }
    public decimal? HighBid { get; private set; }
    public Guid? HighBidderUserId { get; private set; }
    public Guid? HighBidderOrganizationId { get; private set; }
    public long? HighBidSequence { get; private set; }
    public int AcceptedBids { get; private set; }
    /// <summary>The last sequence number given to a bid of this lot (accepted or refused).</summary>
    public long LastSequence { get; private set; }
    public int Registrations { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? WinnerUserId { get; private set; }
    public Guid? WinnerOrganizationId { get; private set; }
    public decimal? HammerPrice { get; private set; }
    public DateTimeOffset? ClosingSoonNotifiedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Concurrency token: the database guard that two writers can never both apply a bid (SQLite; PostgreSQL adds a row lock).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Guid> ObjectIds =>
        ObjectIdsCsv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    private static bool IsAmount(decimal value) => value > 0 && value <= MaxAmount && decimal.Round(value, 2) == value;

    /// <summary>Every field error of the terms at once (R6.3, R6.4), given the announcement instant <paramref name="now"/>.</summary>
    public static IReadOnlyList<FieldError> Check(AuctionTerms t, DateTimeOffset now, AuctionOptions options)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(t.Title)) errors.Add(AuctionErrors.Required("title"));
        else if (t.Title.Trim().Length > TitleMax) errors.Add(AuctionErrors.TooLong("title", TitleMax));
        if (t.TitleEn is { } en && en.Trim().Length > TitleMax) errors.Add(AuctionErrors.TooLong("titleEn", TitleMax));
        if (t.Description is { Length: > DescriptionMax }) errors.Add(AuctionErrors.TooLong("description", DescriptionMax));
        if (t.ObjectIds.Count == 0) errors.Add(AuctionErrors.ObjectRequired);
        else if (t.ObjectType == AuctionObjectType.Patents && (t.ObjectIds.Count > MaxPatents || t.ObjectIds.Distinct().Count() != t.ObjectIds.Count))
            errors.Add(AuctionErrors.TooManyPatents);
        if (t.ConsignorOrganizationId == Guid.Empty) errors.Add(AuctionErrors.Required("consignorOrganizationId"));
        if (!IsAmount(t.StartingPrice)) errors.Add(AuctionErrors.AmountOutOfRange("startingPrice"));
        if (!IsAmount(t.Increment)) errors.Add(AuctionErrors.AmountOutOfRange("increment"));
        if (t.ReservePrice is { } reserve && !IsAmount(reserve)) errors.Add(AuctionErrors.AmountOutOfRange("reservePrice"));
        if (t.StartsAt == default) errors.Add(AuctionErrors.Required("startsAt"));
        if (t.EndsAt == default) errors.Add(AuctionErrors.Required("endsAt"));
        if (t.StartsAt != default && t.EndsAt != default)
        {
            if (t.EndsAt <= t.StartsAt) errors.Add(AuctionErrors.EndBeforeStart);
            else if (t.EndsAt - t.StartsAt > MaxDuration) errors.Add(AuctionErrors.DurationTooLong);
        }
        // 拍卖法 45: announced at least N days before the auction day, counted in Shanghai business dates.
        if (t.StartsAt != default && BusinessTime.DateOf(t.StartsAt).DayNumber - BusinessTime.DateOf(now).DayNumber < options.MinimumAnnouncementDays)
            errors.Add(AuctionErrors.AnnouncementTooLate(options.MinimumAnnouncementDays));
        return errors.All;
    }

    /// <summary>Opens (announces) a lot; the terms must pass <see cref="Check"/>.</summary>
    public static Result<AuctionLot> Open(AuctionTerms t, Guid? operatorUserId, DateTimeOffset now, AuctionOptions options)
    {
        var errors = Check(t, now, options);
        if (errors.Count > 0) return Error.Validation(errors);
        return new AuctionLot
        {
            Id = Guid.NewGuid(),
            Title = t.Title.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(t.TitleEn) ? null : t.TitleEn.Trim(),
            Description = string.IsNullOrWhiteSpace(t.Description) ? null : t.Description.Trim(),
            ObjectType = t.ObjectType,
            ObjectIdsCsv = string.Join(',', t.ObjectIds.Select(i => i.ToString("D"))),
            ConsignorOrganizationId = t.ConsignorOrganizationId,
            ListingId = t.ListingId,
            OpenedByUserId = operatorUserId,
            StartingPrice = t.StartingPrice,
            ReservePrice = t.ReservePrice,
            Increment = t.Increment,
            Deposit = options.DepositFor(t.StartingPrice),
            AnnouncedAt = now,
            StartsAt = t.StartsAt,
            EndsAt = t.EndsAt,
            EffectiveCloseAt = t.EndsAt,
            Status = AuctionStatus.Published,
            Version = 1,
        };
    }

    public AuctionPhase PhaseAt(DateTimeOffset now) => Status switch
    {
        AuctionStatus.Sold => AuctionPhase.Sold,
        AuctionStatus.NoSale => AuctionPhase.NoSale,
        AuctionStatus.Withdrawn => AuctionPhase.Withdrawn,
        AuctionStatus.Defaulted => AuctionPhase.Defaulted,
        _ when now < StartsAt => AuctionPhase.Announced,
        _ when now < EffectiveCloseAt => AuctionPhase.Bidding,
        _ => AuctionPhase.AwaitingClose,
    };

    /// <summary>The lowest valid bid now: the starting price, or the high plus one increment.</summary>
    public decimal MinimumNextBid => HighBid is { } high ? high + Increment : StartingPrice;

    /// <summary>The next <paramref name="count"/> valid amounts (what the bid form offers).</summary>
    public IReadOnlyList<decimal> NextValidAmounts(int count) =>
        Enumerable.Range(0, count).Select(k => MinimumNextBid + k * Increment).ToList();

    /// <summary>Whether <paramref name="amount"/> is a valid bid against the current high (R6.4), ignoring time and bidder.</summary>
    public FieldError? CheckAmount(decimal amount)
    {
        if (HighBid is not { } high)
            return amount >= StartingPrice ? null : AuctionErrors.BelowStartingPrice(StartingPrice);
        var step = amount - high;
        return step > 0 && step % Increment == 0m ? null : AuctionErrors.NotIncrementMultiple(high, Increment);
    }

    /// <summary>
    /// The next bid in sequence (R6.4, R6.5), from a registered bidder, at acceptance time <paramref name="now"/>. Refused
    /// before the start and from the effective close on; a refused bid changes nothing but the sequence. An accepted bid
    /// inside the window moves the effective close to <paramref name="now"/> + window; equal amounts lose to the first.
    /// </summary>
    public BidDecision PlaceBid(Guid bidderUserId, Guid? bidderOrganizationId, decimal amount, DateTimeOffset now, TimeSpan window)
    {
        LastSequence++;
        Version++; // every sequenced bid changes the lot: the token guards the sequence as well as the high bid
        var before = EffectiveCloseAt;
        var phase = PhaseAt(now);
        Error? state = phase switch
        {
            AuctionPhase.Announced => AuctionErrors.NotStarted,
            AuctionPhase.Bidding => null,
            _ => AuctionErrors.Closed,
        };
        if (state is not null) return new BidDecision(false, null, state, before, before, null);
        if (CheckAmount(amount) is { } refusal) return new BidDecision(false, refusal, null, before, before, null);

        var outbid = HighBidderUserId is { } previous && previous != bidderUserId ? previous : (Guid?)null;
        HighBid = amount;
        HighBidderUserId = bidderUserId;
        HighBidderOrganizationId = bidderOrganizationId;
        HighBidSequence = LastSequence;
        AcceptedBids++;
        if (EffectiveCloseAt - now < window) EffectiveCloseAt = now + window;
        return new BidDecision(true, null, null, before, EffectiveCloseAt, outbid);
    }

    /// <summary>A bidder registered (the count shown to everyone; the paddle number is the count at registration).</summary>
    public Result<int> Register(DateTimeOffset now)
    {
        if (Status != AuctionStatus.Published) return AuctionErrors.NotOpen;
        if (now >= EffectiveCloseAt) return AuctionErrors.RegistrationClosed;
        Registrations++;
        Version++;
        return Registrations;
    }

    /// <summary>Withdrawal only before the start (拍卖法 29).</summary>
    public Result Withdraw(string reason, DateTimeOffset now)
    {
        if (Status != AuctionStatus.Published) return AuctionErrors.NotOpen;
        if (now >= StartsAt) return AuctionErrors.WithdrawAfterStart;
        Status = AuctionStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawalReason = reason.Trim();
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// The close (R6.4): from the effective close on, exactly once — below the hidden reserve or without a bid → NoSale,
    /// else Sold to the highest (first sequenced) bid. False when there is nothing to do (idempotent).
    /// </summary>
    public bool CloseIfDue(DateTimeOffset now)
    {
        if (Status != AuctionStatus.Published || now < EffectiveCloseAt) return false;
        ClosedAt = now;
        if (HighBid is { } high && (ReservePrice is not { } reserve || high >= reserve))
        {
            Status = AuctionStatus.Sold;
            WinnerUserId = HighBidderUserId;
            WinnerOrganizationId = HighBidderOrganizationId;
            HammerPrice = high;
        }
        else Status = AuctionStatus.NoSale;
        Version++;
        return true;
    }

    /// <summary>True once, when the effective close comes within <paramref name="lead"/> during bidding.</summary>
    public bool MarkClosingSoonIfDue(DateTimeOffset now, TimeSpan lead)
    {
        if (PhaseAt(now) != AuctionPhase.Bidding || ClosingSoonNotifiedAt is not null || EffectiveCloseAt - now > lead) return false;
        ClosingSoonNotifiedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// The winner defaulted (did not sign or pay; declared by the operator). The caller forfeits the winner's deposit. With
    /// <see cref="WinnerDefaultRemedy.OfferToNextBidder"/> and a <paramref name="runnerUp"/> (the highest accepted bid of
    /// another bidder, not offered before) that meets the hidden reserve, that bidder becomes the winner at its own bid
    /// (the lot stays Sold; returns true); otherwise the lot ends Defaulted, to be re-auctioned as a new lot (false).
    /// </summary>
    public Result<bool> DeclareWinnerDefault(DateTimeOffset now, WinnerDefaultRemedy remedy, AuctionBid? runnerUp)
    {
        if (Status != AuctionStatus.Sold) return AuctionErrors.NotSold;
        Version++;
        if (remedy == WinnerDefaultRemedy.OfferToNextBidder && runnerUp is { Accepted: true } next && next.LotId == Id
            && next.BidderUserId != WinnerUserId && (ReservePrice is not { } reserve || next.Amount >= reserve))
        {
            WinnerUserId = next.BidderUserId;
            WinnerOrganizationId = next.BidderOrganizationId;
            HammerPrice = next.Amount;
            return true;
        }
        Status = AuctionStatus.Defaulted;
        WinnerUserId = null;
        WinnerOrganizationId = null;
        HammerPrice = null;
        return false;
    }

    /// <summary>The integrator links the lot to its published listing (pricing method "auction").</summary>
    public void LinkListing(Guid listingId) => ListingId = listingId;
}
