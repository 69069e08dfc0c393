using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Patents;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// Use cases of exchange deals (成交), shared by the API and the pages: the operator confirms a negotiated deal; the buyer
/// side and the operator sign the 成交确认书 (recorded acceptance); the operator annuls; parties and the operator read the
/// deal and download its PDF. Order: role (403) → body (422) → the deal as the caller may see it (404) → the caller's part
/// (403) → version (409) → the rule (409) → one save. A deal the caller may not see is 404.
/// </summary>
public sealed class DealService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DealOptions> options, IReferenceCheck references,
    IOrganizationFactsLookup organizations, IPatentFactsLookup patents, IOptions<ExchangeListingOptions> listingOptions)
{
    public ICurrentUser Caller => user;
    public bool IsOperator => user.IsInRole(Roles.ExchangeOperator);

    /// <summary>The one visibility rule: the operator and platform admins see every deal; others the deals of their organisation (seller or buyer).</summary>
    internal static IQueryable<ExchangeDeal> VisibleTo(IQueryable<ExchangeDeal> deals, ICurrentUser caller)
    {
        if (caller.IsInRole(Roles.ExchangeOperator) || caller.IsInRole(Roles.PlatformAdmin)) return deals;
        var org = caller.OrganizationId;
        return org is null ? deals.Where(_ => false) : deals.Where(d => d.SellerOrganizationId == org || d.BuyerOrganizationId == org);
    }

    /// <summary>
    /// 协议定价 / 挂牌成交: the operator confirms the deal of a published listing priced by negotiation (once its notice has
    /// ended and every objection is resolved, R6.2) or by exchange listing, a related-party deal only with its approval
    /// (<see cref="Listing.CanConfirmDeal"/>). Auction listings are sold through their lot (the sold hook opens the deal).
    /// </summary>
    public async Task<Result<DealResponse>> ConfirmNegotiatedAsync(Guid listingId, ConfirmDealRequest? r, CancellationToken ct)
    {
        if (!IsOperator) return DealErrors.OperatorOnly;
        var today = clock.Today();
        var errors = new FieldErrors();
        if (r is null) return Error.Validation([DealErrors.Required("buyerOrganizationId")]);
        var instalments = (r.Instalments ?? []).Select(i => new DealInstalment(i.DueDate, i.AmountYuan, i.Milestone)).ToList();
        if (r.BuyerOrganizationId == Guid.Empty) errors.Add(DealErrors.Required("buyerOrganizationId"));
        else if (await references.CheckAsync("buyerOrganizationId", RecordTypes.Organization, r.BuyerOrganizationId, ct) is { } missing) errors.Add(missing);
        errors.AddRange(ExchangeDeal.CheckSettlement(r.PriceYuan, r.Settlement, instalments, today));
        if (r.Version is null) errors.Add(DealErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;

        var listing = await db.Set<Listing>().Include(l => l.Objections).FirstOrDefaultAsync(l => l.Id == listingId, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (Error.StaleVersion(listing.Version, r.Version) is { } stale) return stale;
        if (listing.PricingMethod is not (PricingMethod.NegotiatedWithPublicity or PricingMethod.ExchangeListing)) return DealErrors.NotConfirmableByOperator;
        if (listing.CanConfirmDeal(today) is { IsFailure: true } notYet) return notYet.Error!;
        if (r.BuyerOrganizationId == listing.HolderOrganizationId || r.BuyerOrganizationId == listing.ListerOrganizationId)
            return Error.Validation([DealErrors.BuyerIsSeller]);
        // R6.3: where a valuation is required, the deal price may not be below the chosen value (nor confirmed without one)
        var floor = await Valuation.ValuationService.CheckFloorAsync(db, listingOptions.Value, listing.Id, listing.StateFunded, r.PriceYuan, "priceYuan", ct,
            requireChosen: true);
        if (floor.IsFailure) return floor.Error!;
        if (await db.Set<ExchangeDeal>().AnyAsync(d => d.ListingId == listingId && d.Status != DealStatus.Annulled, ct)) return DealErrors.LiveDealExists;

        var now = clock.GetUtcNow();
        List<Guid> objectIds = listing.SubjectType == ListingSubjectType.Achievement && listing.AchievementId is { } a
            ? [a] : listing.Patents.Select(p => p.PatentId).ToList();
        var terms = new DealTerms(DealOrigin.NegotiatedListing, listing.Id, null, listing.Title,
            listing.SubjectType == ListingSubjectType.Achievement ? DealObjectType.Achievement : DealObjectType.Patents, objectIds, listing.DealType,
            listing.HolderOrganizationId, r.BuyerOrganizationId, null, r.PriceYuan, r.Settlement, instalments, listing.TitleEn);
        var deal = ExchangeDeal.Create(Guid.NewGuid(), terms, options.Value, user.UserId, now);
        db.Add(deal);
        DealNotices.Created(db, deal, now);
        await Evidence.EvidenceLog.Append(db, await Evidence.ExchangeEvidence.DealOpenedAsync(db, deal, user.UserId, now, ct), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await ResponseAsync(deal, ct);
    }

    /// <summary>The deal list's sort keys (default: the newest first).</summary>
    public static readonly ListSort<ExchangeDeal> Sorts = new ListSort<ExchangeDeal>(d => d.Id, "createdAt", true)
        .Key("createdAt", d => d.CreatedAt)
        .Key("dealNo", d => d.DealNo)
        .Key("price", d => d.PriceYuan)
        .Key("dealDate", d => d.DealDate);

    public async Task<Result<PagedResult<DealSummary>>> ListAsync(DealListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        var page = await Filtered(query, paging.Validate()).PageAsync(paging, (IReadOnlyList<ExchangeDeal> rows) => rows, ct);
        if (page.IsFailure) return page.Error!;
        return new PagedResult<DealSummary>(await SummariesAsync(page.Value.Items, ct), page.Value.Page, page.Value.PageSize, page.Value.Total);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public async Task<Result<IReadOnlyList<DealSummary>>> ExportAsync(DealListQuery query, CancellationToken ct)
    {
        var rows = await Filtered(query, []).ExportAsync((IReadOnlyList<ExchangeDeal> all) => all, ct);
        return rows.IsFailure ? rows.Error! : Result<IReadOnlyList<DealSummary>>.Success(await SummariesAsync(rows.Value, ct));
    }

    /// <summary>The rows with the parties' registry names (read once for the page).</summary>
    private async Task<IReadOnlyList<DealSummary>> SummariesAsync(IReadOnlyList<ExchangeDeal> rows, CancellationToken ct)
    {
        var names = await NamesAsync(rows.SelectMany(d => new[] { (Guid?)d.SellerOrganizationId, d.BuyerOrganizationId }), ct);
        return rows.Select(d => new DealSummary(d.Id, d.DealNo, d.Title, d.Origin.ToString(), d.DealType.ToString(),
            Name(names, d.SellerOrganizationId), Name(names, d.BuyerOrganizationId), d.PriceYuan, d.Status.ToString(), d.DealDate,
            d.BuyerSignedAt is not null, d.OperatorSignedAt is not null, d.CreatedAt) { TitleEn = d.TitleEn }).ToList();
    }

    /// <summary>The deals the caller may see (a party or the operator) matching the filters, and the same in the requested order
    /// (every field error at once).</summary>
    private Result<(IQueryable<ExchangeDeal> Filtered, IQueryable<ExchangeDeal> Sorted)> Filtered(DealListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user);
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (Enum.TryParse<DealStatus>(query.Status, true, out var status) && Enum.IsDefined(status)) q = q.Where(d => d.Status == status);
            else errors.Add(DealErrors.UnknownFilter("status"));
        }
        if (query.ToSign == true) q = ToSign(q, user);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(d => d.Title.Contains(term) || d.DealNo.Contains(term));
        }
        if (query.OrganizationId is { } party) q = q.Where(d => d.SellerOrganizationId == party || d.BuyerOrganizationId == party);
        q = q.Between(d => d.DealDate, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    /// <summary>Deals awaiting the caller's signature: the operator's, or the buyer organisation's (bidder roles).</summary>
    internal static IQueryable<ExchangeDeal> ToSign(IQueryable<ExchangeDeal> q, ICurrentUser caller)
    {
        q = q.Where(d => d.Status == DealStatus.PendingSignatures);
        if (caller.IsInRole(Roles.ExchangeOperator)) return q.Where(d => d.OperatorSignedAt == null);
        var org = caller.OrganizationId;
        if (org is null || !caller.IsInAnyRole(ExchangeDeal.BuyerSignerRoles)) return q.Where(_ => false);
        return q.Where(d => d.BuyerOrganizationId == org && d.BuyerSignedAt == null);
    }

    public async Task<Result<DealResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var deal = await VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user).FirstOrDefaultAsync(d => d.Id == id, ct);
        return deal is null ? DealErrors.NotFound : await ResponseAsync(deal, ct);
    }

    /// <summary>The live (not annulled) deal of a sold lot, if the caller may see it (a party or the operator), for the auction room's link.</summary>
    public async Task<Guid?> LiveDealOfLotAsync(Guid lotId, CancellationToken ct) =>
        await VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user).Where(d => d.LotId == lotId && d.Status != DealStatus.Annulled)
            .OrderByDescending(d => d.CreatedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);

    /// <summary>The deals of a listing the caller may see (for the listing's page).</summary>
    public async Task<IReadOnlyList<DealSummary>> ForListingAsync(Guid listingId, CancellationToken ct)
    {
        var rows = await VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user).Where(d => d.ListingId == listingId)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(d => new[] { (Guid?)d.SellerOrganizationId, d.BuyerOrganizationId }), ct);
        return rows.Select(d => new DealSummary(d.Id, d.DealNo, d.Title, d.Origin.ToString(), d.DealType.ToString(),
            Name(names, d.SellerOrganizationId), Name(names, d.BuyerOrganizationId), d.PriceYuan, d.Status.ToString(), d.DealDate,
            d.BuyerSignedAt is not null, d.OperatorSignedAt is not null, d.CreatedAt) { TitleEn = d.TitleEn }).ToList();
    }

    /// <summary>
    /// Recorded acceptance: the caller signs for its side (buyer or exchange operator) the 成交确认书 as rendered now; the
    /// SHA-256 of that PDF is kept with the signature. Both signatures → Confirmed (the parties are told).
    /// </summary>
    public async Task<Result<DealResponse>> SignAsync(Guid id, SignDealRequest? r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r?.Accept != true) errors.Add(DealErrors.AcceptRequired);
        if (r?.Version is null) errors.Add(DealErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var deal = await VisibleTo(db.Set<ExchangeDeal>(), user).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return DealErrors.NotFound;
        if (deal.SideOf(user) is null) return DealErrors.NotASigner;
        if (Error.StaleVersion(deal.Version, r!.Version) is { } stale) return stale;
        var pdf = await RenderAsync(deal, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var now = clock.GetUtcNow();
        var signed = deal.Sign(user, sha, now);
        if (signed.IsFailure) return signed.Error!;
        if (deal.Status == DealStatus.Confirmed)
        {
            DealNotices.Confirmed(db, deal, now);
            // the sale is final: a runner-up's deposit, kept while the lot might pass to it, is to be released (the ledger's deposit job follows)
            if (deal.LotId is { } lotId)
                foreach (var kept in await db.Set<Domain.Auctions.AuctionRegistration>()
                             .Where(x => x.LotId == lotId && x.UserId != deal.BuyerUserId && x.DepositStatus == Domain.Auctions.DepositStatus.Held).ToListAsync(ct))
                    kept.Release();
        }
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Deal(deal, "deal.signed", user.UserId, now), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await ResponseAsync(deal, ct);
    }

    /// <summary>The operator annuls a deal (the buyer withdrew or defaulted outside an auction), with reasons.</summary>
    public async Task<Result<DealResponse>> AnnulAsync(Guid id, AnnulDealRequest? r, CancellationToken ct)
    {
        if (!IsOperator) return DealErrors.OperatorOnly;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r?.Reason)) errors.Add(DealErrors.Required("reason"));
        else if (r.Reason.Trim().Length > ExchangeDeal.ReasonMax) errors.Add(DealErrors.TooLong("reason", ExchangeDeal.ReasonMax));
        if (r?.Version is null) errors.Add(DealErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var deal = await db.Set<ExchangeDeal>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return DealErrors.NotFound;
        if (Error.StaleVersion(deal.Version, r!.Version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        if (deal.Annul(user.UserId, r.Reason!.Trim(), now) is { IsFailure: true } refused) return refused.Error!;
        DealNotices.Annulled(db, deal, now);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Deal(deal, "deal.annulled", user.UserId, now), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await ResponseAsync(deal, ct);
    }

    /// <summary>The 成交确认书 PDF, for the parties and the operator (others 404).</summary>
    public async Task<Result<(byte[] Pdf, string FileName)>> PdfAsync(Guid id, CancellationToken ct)
    {
        var deal = await VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return DealErrors.NotFound;
        return (await RenderAsync(deal, ct), $"deal-confirmation-{deal.DealNo}.pdf");
    }

    private async Task<byte[]> RenderAsync(ExchangeDeal deal, CancellationToken ct)
    {
        var names = await NamesAsync([deal.SellerOrganizationId, deal.BuyerOrganizationId], ct);
        var objects = await PatentsAsync(deal, ct);
        return DealConfirmationPdf.Render(deal, Name(names, deal.SellerOrganizationId), Name(names, deal.BuyerOrganizationId), objects);
    }

    private async Task<IReadOnlyList<DealPatent>> PatentsAsync(ExchangeDeal deal, CancellationToken ct)
    {
        if (deal.ObjectType != DealObjectType.Patents) return [];
        var facts = await patents.PatentsAsync(deal.ObjectIds, ct);
        return deal.ObjectIds.Where(facts.ContainsKey).Select(id => new DealPatent(id, facts[id].ApplicationNo, facts[id].Title)).ToList();
    }

    internal async Task<DealResponse> ResponseAsync(ExchangeDeal d, CancellationToken ct)
    {
        var names = await NamesAsync([d.SellerOrganizationId, d.BuyerOrganizationId], ct);
        var side = d.SideOf(user);
        var signatures = new List<DealSignature>();
        if (d.BuyerSignedAt is { } b) signatures.Add(new(DealSide.Buyer.ToString(), d.BuyerSignedByUserId!.Value, b, d.BuyerSignedPdfSha256!));
        if (d.OperatorSignedAt is { } o) signatures.Add(new(DealSide.Operator.ToString(), d.OperatorSignedByUserId!.Value, o, d.OperatorSignedPdfSha256!));
        return new DealResponse(d.Id, d.DealNo, d.Origin.ToString(), d.Status.ToString(), d.ListingId, d.LotId, d.Title, d.ObjectType.ToString(),
            d.ObjectType == DealObjectType.Achievement ? d.ObjectIds.FirstOrDefault() : null, await PatentsAsync(d, ct), d.DealType.ToString(),
            new DealParty(d.SellerOrganizationId, Name(names, d.SellerOrganizationId)), new DealParty(d.BuyerOrganizationId, Name(names, d.BuyerOrganizationId)),
            d.BuyerUserId, d.PriceYuan, d.SellerCommissionPercent, d.SellerCommissionYuan, d.BuyerCommissionPercent, d.BuyerCommissionYuan,
            d.Settlement.ToString(), d.Instalments, d.DealDate, d.PaymentDueOn, signatures, d.ConfirmedAt, d.AnnulledAt, d.AnnulmentReason,
            d.ContractId, d.Version, side?.ToString(),
            CanSign: side is { } s && d.Status == DealStatus.PendingSignatures && !d.HasSigned(s),
            CanAnnul: IsOperator && d.Status != DealStatus.Annulled,
            CanPrepareContract: user.OrganizationId == d.SellerOrganizationId && d.Status == DealStatus.Confirmed && d.ContractId is null) { TitleEn = d.TitleEn };
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids.OfType<Guid>().Distinct())
            if (await organizations.FindAsync(id, ct) is { } facts) names[id] = facts.NameZh;
        return names;
    }

    private static string Name(Dictionary<Guid, string> names, Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n : "—";
}
