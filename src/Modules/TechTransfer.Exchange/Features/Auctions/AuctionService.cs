using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// The auction use cases (R6.3–R6.6) in the Conventions' order: role → body (every field error at once, ids through
/// <see cref="IReferenceCheck"/>) → load (404) → state → rule → save. Lots are public to every signed-in user once
/// announced; bids, registrations and the close go through the lot's one writer (<see cref="AuctionWriter"/>).
/// </summary>
public sealed class AuctionService(TechTransferDbContext db, ICurrentUser user, IReferenceCheck references, TimeProvider clock,
    IOptions<AuctionOptions> options, AuctionWriter writer, IEnumerable<IConsignorProxyLookup> proxyLookups,
    IEnumerable<IAuctionSoldHandler> soldHandlers, IOptions<ExchangeListingOptions> listingOptions)
{
    private const int RecentBids = 20;

    /// <summary>Roles that may bid: the buyers' side. Exchange, registry, analysts and platform staff do not bid.</summary>
    public static readonly IReadOnlyList<string> BidderRoles = [Roles.Enterprise, Roles.InstitutionAdmin, Roles.Researcher, Roles.TechManager];

    public bool IsOperator => user.IsInRole(Roles.ExchangeOperator);

    /// <summary>The caller is in a role that may register and bid (the list's "my registrations" filter is theirs).</summary>
    public bool IsBidder => user.IsInAnyRole([.. BidderRoles]);

    /// <summary>The anti-sniping window [CFG] the room states next to the countdown.</summary>
    public TimeSpan ExtensionWindow => options.Value.ExtensionWindow;

    /// <summary>How many days the announcement must precede the start [CFG] (拍卖法 45), for the operator's form.</summary>
    public int MinimumAnnouncementDays => options.Value.MinimumAnnouncementDays;

    public async Task<Result<AuctionResponse>> CreateAsync(CreateAuctionRequest request, CancellationToken ct)
    {
        if (!IsOperator) return AuctionErrors.OperatorOnly;
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        IReadOnlyList<Guid> objectIds = request.ObjectType switch
        {
            AuctionObjectType.Achievement when request.AchievementId is { } a => [a],
            AuctionObjectType.Patents when request.PatentIds is { Count: > 0 } p => p,
            _ => [],
        };
        if (request.ObjectType == AuctionObjectType.Achievement && request.PatentIds is { Count: > 0 }) errors.Add(AuctionErrors.ObjectAmbiguous);
        if (request.NoReserve == (request.ReservePrice is not null)) errors.Add(AuctionErrors.ReserveChoice);
        var terms = new AuctionTerms(request.Title ?? "", request.Description, request.ObjectType, objectIds, request.ConsignorOrganizationId,
            request.ListingId, request.StartingPrice, request.NoReserve ? null : request.ReservePrice, request.Increment, request.StartsAt, request.EndsAt,
            request.TitleEn);
        errors.AddRange(AuctionLot.Check(terms, now, options.Value));
        if (request.ConsignorOrganizationId != Guid.Empty
            && await references.CheckAsync("consignorOrganizationId", RecordTypes.Organization, request.ConsignorOrganizationId, ct) is { } org)
            errors.Add(org);
        if (request.ObjectType == AuctionObjectType.Achievement && request.AchievementId is { } achievementId
            && await references.CheckAsync("achievementId", RecordTypes.Achievement, achievementId, ct) is { } ach)
            errors.Add(ach);
        if (request.ObjectType == AuctionObjectType.Patents && request.PatentIds is { Count: > 0 and <= AuctionLot.MaxPatents } patents)
            errors.AddRange(await references.CheckAllAsync("patentIds", RecordTypes.Patent, patents, ct));
        if (errors.ToError() is { } invalid) return invalid;
        if (request.ListingId is { } listingId)
        {
            // R6.3 (拍卖法第二十八条): where a valuation is required, the reserve — or the starting price of a lot without
            // reserve, its lowest possible sale — may not be below the listing's chosen valuation
            var (floorPrice, field) = request.NoReserve ? (request.StartingPrice, "startingPrice") : (request.ReservePrice ?? 0m, "reservePrice");
            var floor = await Valuation.ValuationService.CheckFloorAsync(db, listingOptions.Value, listingId, null, floorPrice, field, ct, requireChosen: true);
            if (floor.IsFailure) return floor.Error!;
        }

        var lot = AuctionLot.Open(terms, user.UserId, now, options.Value);
        if (lot.IsFailure) return lot.Error!;
        db.Add(lot.Value);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Lot(lot.Value, "lot.opened", user.UserId, now), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await GetAsync(lot.Value.Id, ct);
    }

    /// <summary>The auction list's sort keys (default: the latest start first).</summary>
    public static readonly ListSort<AuctionLot> Sorts = new ListSort<AuctionLot>(l => l.Id, "startsAt", true)
        .Key("startsAt", l => l.StartsAt)
        .Key("title", l => l.Title)
        .Key("startingPrice", l => l.StartingPrice);

    public async Task<Result<PagedResult<AuctionSummary>>> ListAsync(AuctionListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<AuctionSummary>>> ExportAsync(AuctionListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    /// <summary>The rows with their phase now (the clock): shaped in memory.</summary>
    private IReadOnlyList<AuctionSummary> Summaries(IReadOnlyList<AuctionLot> rows)
    {
        var now = clock.GetUtcNow();
        return rows.Select(l => new AuctionSummary(l.Id, l.Title, l.PhaseAt(now), l.StartingPrice, l.NoReserve,
            l.HighBid, l.AcceptedBids, l.StartsAt, l.EffectiveCloseAt, l.HammerPrice) { TitleEn = l.TitleEn }).ToList();
    }

    /// <summary>The lots matching the filters (phase, the caller's registrations, words, start days), and the same in the requested order.</summary>
    private Result<(IQueryable<AuctionLot> Filtered, IQueryable<AuctionLot> Sorted)> Filtered(AuctionListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var lots = InPhase(db.Set<AuctionLot>().AsNoTracking(), query.Phase, clock.GetUtcNow());
        if (query.Registered == true)
        {
            if (!user.IsInAnyRole([.. BidderRoles]) || user.UserId is not { } me) return Error.Forbidden;
            lots = RegisteredBy(db, lots, me);
        }
        if (!string.IsNullOrWhiteSpace(query.Q)) { var term = query.Q.Trim(); lots = lots.Where(l => l.Title.Contains(term)); }
        lots = lots.Between(l => l.StartsAt, query.From, query.To, errors);
        var sorted = Sorts.Apply(lots, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (lots, sorted.Value!);
    }

    /// <summary>The list's phase filter, asked with the effective close (also the workbench items' predicate).</summary>
    internal static IQueryable<AuctionLot> InPhase(IQueryable<AuctionLot> lots, AuctionPhase? phase, DateTimeOffset now) => phase switch
    {
        null => lots,
        AuctionPhase.Announced => lots.Where(l => l.Status == AuctionStatus.Published && l.StartsAt > now),
        AuctionPhase.Bidding => lots.Where(l => l.Status == AuctionStatus.Published && l.StartsAt <= now && l.EffectiveCloseAt > now),
        AuctionPhase.AwaitingClose => lots.Where(l => l.Status == AuctionStatus.Published && l.EffectiveCloseAt <= now),
        AuctionPhase.Sold => lots.Where(l => l.Status == AuctionStatus.Sold),
        AuctionPhase.NoSale => lots.Where(l => l.Status == AuctionStatus.NoSale),
        AuctionPhase.Defaulted => lots.Where(l => l.Status == AuctionStatus.Defaulted),
        _ => lots.Where(l => l.Status == AuctionStatus.Withdrawn),
    };

    /// <summary>
    /// The lots a user is registered for: driven from the registrations' (user, lot) index, then the lot by its key — one
    /// row per lot, since a user registers once per lot.
    /// </summary>
    internal static IQueryable<AuctionLot> RegisteredBy(TechTransferDbContext db, IQueryable<AuctionLot> lots, Guid userId) =>
        db.Set<AuctionRegistration>().Where(r => r.UserId == userId).Join(lots, r => r.LotId, l => l.Id, (r, l) => l);

    public async Task<Result<AuctionResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var lot = await db.Set<AuctionLot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lot is null) return AuctionErrors.NotFound;
        var now = clock.GetUtcNow();
        var bids = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == id && b.Accepted)
            .OrderByDescending(b => b.Sequence).Take(RecentBids).ToListAsync(ct);
        var mine = user.UserId is { } me
            ? await db.Set<AuctionRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.LotId == id && r.UserId == me, ct) : null;
        decimal? myHighest = mine is null ? null
            : await db.Set<AuctionBid>().Where(b => b.LotId == id && b.BidderUserId == mine.UserId && b.Accepted).MaxAsync(b => (decimal?)b.Amount, ct);
        int? highPaddle = lot.HighBidderUserId is { } h
            ? await db.Set<AuctionRegistration>().Where(r => r.LotId == id && r.UserId == h).Select(r => (int?)r.PaddleNumber).FirstOrDefaultAsync(ct)
            : null;
        int? winnerPaddle = lot.WinnerUserId is { } winner
            ? await db.Set<AuctionRegistration>().Where(r => r.LotId == id && r.UserId == winner).Select(r => (int?)r.PaddleNumber).FirstOrDefaultAsync(ct)
            : null;
        var phase = lot.PhaseAt(now);
        var open = phase is AuctionPhase.Announced or AuctionPhase.Bidding;
        var isHigh = mine is not null && lot.HighBidderUserId == mine.UserId;
        var me2 = new MyAuctionStatus(mine is not null, mine?.PaddleNumber, mine?.Deposit, mine?.DepositStatus, isHigh && open, myHighest,
            mine is null && open && user.IsInAnyRole([.. BidderRoles]) && !user.BelongsTo(lot.ConsignorOrganizationId),
            mine is not null && lot.WinnerUserId == mine.UserId);
        return new AuctionResponse(lot.Id, lot.Title, lot.Description, lot.ObjectType, lot.ObjectIds, lot.ConsignorOrganizationId, lot.ListingId,
            phase, lot.StartingPrice, lot.NoReserve, IsOperator ? lot.ReservePrice : null, lot.Increment, lot.Deposit,
            lot.AnnouncedAt, lot.StartsAt, lot.EndsAt, lot.EffectiveCloseAt, now, lot.HighBid, highPaddle, lot.AcceptedBids, lot.Registrations,
            open ? lot.NextValidAmounts(3) : [], lot.ClosedAt, lot.HammerPrice, lot.Status == AuctionStatus.Sold ? winnerPaddle : null,
            lot.Status == AuctionStatus.Sold ? lot.WinnerOrganizationId : null, lot.WithdrawalReason,
            bids.Select(b => Line(b)).ToList(), me2, lot.Version) { TitleEn = lot.TitleEn };
    }

    private BidLine Line(AuctionBid b) => new(b.Sequence, b.PaddleNumber, b.Amount, b.At, b.Accepted, b.RefusalCode, b.CloseBefore, b.CloseAfter,
        IsOperator ? b.BidderUserId : null);

    /// <summary>The bid log (R6.6): the operator reads every line, accepted and refused, with bidders; others the accepted bids.</summary>
    public async Task<Result<PagedResult<BidLine>>> BidLogAsync(Guid id, BidLogQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } bad) return Error.Validation(bad);
        if (!await db.Set<AuctionLot>().AnyAsync(l => l.Id == id, ct)) return AuctionErrors.NotFound;
        var rows = db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == id && (IsOperator || b.Accepted));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(b => b.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<BidLine>(page.Select(Line).ToList(), paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// Registration with the deposit recorded as held (R6.3). The consignor's users, the operators of custody in force over
    /// the object and the technology managers assigned to it cannot register (R6.4, 拍卖法 30).
    /// </summary>
    public async Task<Result<RegistrationResponse>> RegisterAsync(Guid id, AuctionRegistrationRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole([.. BidderRoles]) || user.UserId is not { } me) return AuctionErrors.RegistrationRoleNotAllowed;
        if (!request.AcceptTerms) return Error.Validation([AuctionErrors.TermsNotAccepted]);
        var lot = await db.Set<AuctionLot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lot is null) return AuctionErrors.NotFound;
        if (await IsConsignorSideAsync(lot, me, ct)) return AuctionErrors.ConsignorCannotRegister;
        return await writer.RegisterAsync(id, me, user.OrganizationId, ct);
    }

    private async Task<bool> IsConsignorSideAsync(AuctionLot lot, Guid me, CancellationToken ct)
    {
        if (user.BelongsTo(lot.ConsignorOrganizationId)) return true;
        var type = lot.ObjectType == AuctionObjectType.Achievement ? RecordTypes.Achievement : RecordTypes.Patent;
        var today = clock.Today();
        foreach (var lookup in proxyLookups)
        {
            var proxies = await lookup.ProxiesOfAsync(type, lot.ObjectIds, today, ct);
            if (proxies.UserIds.Contains(me) || (user.OrganizationId is { } org && proxies.OrganizationIds.Contains(org))) return true;
        }
        return false;
    }

    /// <summary>
    /// A bid (R6.4, R6.5): the amount's shape is checked first (positive, whole fen, within range; 422, nothing logged);
    /// then, by the lot's writer, the lot (404), its withdrawal and its start (409, nothing logged). From the start on every bid of a
    /// registered bidder reaches the lot's sequence and the log, accepted or refused (409 closed, 422 amount).
    /// </summary>
    public Task<Result<BidResponse>> BidAsync(Guid id, BidRequest request, CancellationToken ct) => BidAsync(user, writer, id, request, ct);

    /// <summary>
    /// The same use case with only what it needs, the caller and the lots' writer: the bid endpoint calls this, so a bid
    /// request builds neither this service nor a database context (the writer has its own per batch).
    /// </summary>
    internal static async Task<Result<BidResponse>> BidAsync(ICurrentUser user, AuctionWriter writer, Guid id, BidRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole([.. BidderRoles]) || user.UserId is not { } me) return AuctionErrors.NotRegistered;
        if (request.Amount <= 0 || request.Amount > AuctionLot.MaxAmount || decimal.Round(request.Amount, 2) != request.Amount)
            return Error.Validation([AuctionErrors.AmountOutOfRange("amount")]);
        // the lot (404), its withdrawal and its start are checked by the writer with the lot it has loaded for the batch,
        // before the bid takes a sequence number: no database round trip per request before the queue
        return await writer.BidAsync(id, me, request.Amount, ct);
    }

    /// <summary>Withdrawal by the operator, only before the start (拍卖法 29); registrants are told.</summary>
    public async Task<Result<AuctionResponse>> WithdrawAsync(Guid id, WithdrawAuctionRequest request, CancellationToken ct)
    {
        var loaded = await OperatorActionAsync(id, request.Reason, request.Version, ct);
        if (loaded.IsFailure) return loaded.Error!;
        var lot = loaded.Value;
        var now = clock.GetUtcNow();
        var done = lot.Withdraw(request.Reason, now);
        if (done.IsFailure) return done.Error!;
        var registrants = await db.Set<AuctionRegistration>().Where(r => r.LotId == id).ToListAsync(ct);
        foreach (var r in registrants) r.Release();
        AuctionNotices.Withdrawn(db, lot, registrants.Select(x => x.UserId), now);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Lot(lot, "lot.withdrawn", user.UserId, now, request.Reason), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// The highest accepted bid of a bidder other than the current winner whose deposit is still held (not forfeited, not
    /// released: the lot was not offered to it before), counting bids of the unsaved batch too.
    /// </summary>
    internal static AuctionBid? RunnerUp(TechTransferDbContext db, AuctionLot lot)
    {
        var excluded = db.Set<AuctionRegistration>().Where(r => r.LotId == lot.Id && r.DepositStatus == DepositStatus.Forfeited)
            .Select(r => r.UserId).ToList();
        if (lot.WinnerUserId is { } w) excluded.Add(w);
        var saved = db.Set<AuctionBid>().Where(b => b.LotId == lot.Id && b.Accepted && !excluded.Contains(b.BidderUserId))
            .OrderByDescending(b => b.Sequence).FirstOrDefault();
        var local = db.Set<AuctionBid>().Local.Where(b => b.LotId == lot.Id && b.Accepted && !excluded.Contains(b.BidderUserId))
            .OrderByDescending(b => b.Sequence).FirstOrDefault();
        return local is not null && (saved is null || local.Sequence > saved.Sequence) ? local : saved;
    }

    /// <summary>
    /// The operator declares the winner in default (did not sign or pay): the winner's deposit is forfeited, and by
    /// [CFG] <c>WinnerDefault</c> the lot is offered once to the next bidder at its own highest bid (if that meets the
    /// reserve; the sale hook runs again for the new winner) or ends Defaulted for a re-auction. Everyone concerned is told.
    /// </summary>
    public async Task<Result<AuctionResponse>> DeclareWinnerDefaultAsync(Guid id, WinnerDefaultRequest request, CancellationToken ct)
    {
        var loaded = await OperatorActionAsync(id, request.Reason, request.Version, ct);
        if (loaded.IsFailure) return loaded.Error!;
        var lot = loaded.Value;
        if (lot.Status != AuctionStatus.Sold || lot.WinnerUserId is not { } defaulter) return AuctionErrors.NotSold;
        var registrations = await db.Set<AuctionRegistration>().Where(r => r.LotId == id).ToListAsync(ct);
        // the offer goes once: a runner-up exists only while no winner has defaulted before
        var offered = registrations.Any(r => r.DepositStatus == DepositStatus.Forfeited);
        var runnerUp = options.Value.WinnerDefault == WinnerDefaultRemedy.OfferToNextBidder && !offered ? RunnerUp(db, lot) : null;
        var now = clock.GetUtcNow();
        var outcome = lot.DeclareWinnerDefault(now, options.Value.WinnerDefault, runnerUp);
        if (outcome.IsFailure) return outcome.Error!;
        foreach (var r in registrations)
        {
            if (r.UserId == defaulter) r.Forfeit();
            else if (!outcome.Value || r.UserId != lot.WinnerUserId) r.Release();
        }
        AuctionNotices.WinnerDefaulted(db, lot, defaulter, registrations, now);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Lot(lot, "lot.winner_default", user.UserId, now, request.Reason), ct);
        // the defaulting winner's deal is annulled (when the lot passes to the next bidder, the sold hook opens the new one)
        await Deals.DealSoldHandler.AnnulForLotAsync(db, lot.Id, request.Reason!.Trim(), user.UserId, now, ct);
        if (outcome.Value)
            foreach (var handler in soldHandlers) await handler.OnSoldAsync(AuctionSold.Of(lot, now, afterDefault: true), db, ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await GetAsync(id, ct);
    }

    /// <summary>An operator's action with a reason on a lot: role → reason (required, ≤ 1000) → load (404) → version (409).</summary>
    private async Task<Result<AuctionLot>> OperatorActionAsync(Guid id, string? reason, int? version, CancellationToken ct)
    {
        if (!IsOperator) return AuctionErrors.OperatorOnly;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(AuctionErrors.Required("reason"));
        else if (reason.Length > 1000) errors.Add(AuctionErrors.TooLong("reason", 1000));
        if (errors.ToError() is { } invalid) return invalid;
        var lot = await db.Set<AuctionLot>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lot is null) return AuctionErrors.NotFound;
        if (Error.StaleVersion(lot.Version, version) is { } stale) return stale;
        return lot;
    }
}
