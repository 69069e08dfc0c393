using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.Achievements;
using TechTransfer.SharedKernel.Patents;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Exchange.Features.Listings;

/// <summary>
/// Use cases of listings (挂牌), their review, public notice and objections, NDA and confidential details — shared by
/// the API and the pages. Order: role (403) → body, every field error at once (422) → the record as the caller may see it
/// (404) → the caller's part in it (403) → version (409) → the rule → one save. Reads are filtered in the query: a
/// listing the caller may not see is 404.
/// </summary>
public sealed class ListingService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ExchangeListingOptions> options, HolidayCalendar calendar,
    IPatentFactsLookup patents, IAchievementFactsLookup achievements)
{
    private static readonly string[] ListerRoles = [Roles.InstitutionAdmin, Roles.Enterprise, Roles.TechManager];

    public ListingRules Rules => options.Value.ToRules();
    public ICurrentUser Caller => user;
    public bool MayList => user.OrganizationId is not null && user.IsInAnyRole(ListerRoles);
    public bool IsOperator => user.IsInRole(Roles.ExchangeOperator);

    /// <summary>The one visibility rule: published listings for everyone; the lister's and holder's own; the operator (and platform admins) from submission on.</summary>
    internal static IQueryable<Listing> VisibleTo(IQueryable<Listing> listings, ICurrentUser caller)
    {
        var org = caller.OrganizationId;
        if (caller.IsInRole(Roles.ExchangeOperator) || caller.IsInRole(Roles.PlatformAdmin))
            return listings.Where(l => l.Status != ListingStatus.Draft || l.ListerOrganizationId == org || l.HolderOrganizationId == org);
        return listings.Where(l => l.Status == ListingStatus.Published
                                   || (org != null && (l.ListerOrganizationId == org || l.HolderOrganizationId == org)));
    }

    /// <summary>The listing list's sort keys (default: the latest change first).</summary>
    public static readonly ListSort<Listing> Sorts = new ListSort<Listing>(l => l.Id, "updatedAt", true)
        .Key("updatedAt", l => l.UpdatedAt)
        .Key("listingNo", l => l.ListingNo)
        .Key("title", l => l.Title)
        .Key("price", l => l.PriceYuan)
        .Key("periodEndsOn", l => l.PeriodEndsOn);

    public async Task<Result<PagedResult<ListingSummary>>> ListAsync(ListingListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page ?? 1, query.PageSize ?? 20);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<ListingSummary>>> ExportAsync(ListingListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    private static IReadOnlyList<ListingSummary> Summaries(IReadOnlyList<Listing> rows) => rows.Select(Summary).ToList();

    /// <summary>The listings the caller may see (<see cref="VisibleTo"/>) matching the filters, and the same in the requested order
    /// (every field error at once).</summary>
    private Result<(IQueryable<Listing> Filtered, IQueryable<Listing> Sorted)> Filtered(ListingListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = VisibleTo(db.Set<Listing>().AsNoTracking(), user);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(l => l.Title.Contains(term) || l.Description.Contains(term) || l.ListingNo.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (Enum.TryParse<ListingStatus>(query.Status, true, out var status) && Enum.IsDefined(status)) q = q.Where(l => l.Status == status);
            else errors.Add(ListingErrors.UnknownFilter("status"));
        }
        if (!string.IsNullOrWhiteSpace(query.DealType))
        {
            if (Enum.TryParse<ListingDealType>(query.DealType, true, out var deal) && Enum.IsDefined(deal)) q = q.Where(l => l.DealType == deal);
            else errors.Add(ListingErrors.UnknownFilter("dealType"));
        }
        if (!string.IsNullOrWhiteSpace(query.PricingMethod))
        {
            if (Enum.TryParse<PricingMethod>(query.PricingMethod, true, out var m) && Enum.IsDefined(m)) q = q.Where(l => l.PricingMethod == m);
            else errors.Add(ListingErrors.UnknownFilter("pricingMethod"));
        }
        if (query.Mine == true)
        {
            if (user.OrganizationId is not { } org) return Error.Forbidden;
            q = q.Where(l => l.ListerOrganizationId == org || l.HolderOrganizationId == org);
        }
        if (query.OrganizationId is { } side) q = q.Where(l => l.ListerOrganizationId == side || l.HolderOrganizationId == side);
        q = q.Between(l => l.PeriodEndsOn, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc ?? false);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    internal static ListingSummary Summary(Listing l) => new(l.Id, l.ListingNo, l.Title, l.SubjectType.ToString(), l.DealType.ToString(),
        l.PricingMethod.ToString(), l.PriceYuan, l.Status.ToString(), l.PeriodEndsOn, l.NoticeEndsOn, l.SubmittedAt, l.UpdatedAt) { TitleEn = l.TitleEn };

    public async Task<Result<ListingResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var l = await VisibleTo(db.Set<Listing>().AsNoTracking(), user).SingleOrDefaultAsync(x => x.Id == id, ct);
        return l is null ? ListingErrors.NotFound : ListingResponse.From(l, user, clock.Today());
    }

    /// <summary>The listing as the caller may see it, for pages that show it with its own layout.</summary>
    public Task<Listing?> FindAsync(Guid id, CancellationToken ct) =>
        VisibleTo(db.Set<Listing>().AsNoTracking(), user).SingleOrDefaultAsync(x => x.Id == id, ct);

    public async Task<Result<ListingResponse>> CreateAsync(ListingRequest request, CancellationToken ct)
    {
        if (!MayList) return ListingErrors.RoleNotAllowed;
        var terms = request.ToTerms();
        if (Listing.Check(terms, Rules) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var eligible = await EligibilityAsync(terms, ct);
        if (eligible.IsFailure) return eligible.Error!;
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var listing = Listing.Create(id, NumberFor(id, now), user, eligible.Value, WithTitleEn(terms, eligible.Value), now);
        db.Add(listing);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ListingResponse.From(listing, user, BusinessTime.DateOf(now));
    }

    public async Task<Result<ListingResponse>> UpdateAsync(Guid id, ListingRequest request, CancellationToken ct)
    {
        if (!MayList) return ListingErrors.RoleNotAllowed;
        var terms = request.ToTerms();
        var errors = new FieldErrors().AddRange(Listing.Check(terms, Rules));
        if (request.Version is null) errors.Add(ListingErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsLister(user)) return ListingErrors.NotListersListing;
        if (Error.StaleVersion(listing.Version, request.Version) is { } stale) return stale;
        var eligible = await EligibilityAsync(terms, ct);
        if (eligible.IsFailure) return eligible.Error!;
        var wasPublished = listing.Status == ListingStatus.Published;
        return await SaveAsync(listing, (l, now) => l.Edit(user, eligible.Value, WithTitleEn(terms, eligible.Value), now), ct,
            gate: l => PriceFloorAsync(l.Id, l.PricingMethod, l.StateFunded, l.PriceYuan, ct, requireChosen: wasPublished),
            after: wasPublished ? l => NotifyLister(l, $"挂牌项目“{l.Title}”的条件已变更，已重新提交审核，挂牌期和公示期将重新起算",
                $"The terms of listing \"{l.Title}\" changed; it is back in review and its period and notice will restart", clock.GetUtcNow()) : null);
    }

    /// <summary>Re-checks eligibility at submission (a patent may have lapsed, been pledged or open-licensed since the draft).</summary>
    public async Task<Result<ListingResponse>> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!MayList) return ListingErrors.RoleNotAllowed;
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsLister(user)) return ListingErrors.NotListersListing;
        if (Error.StaleVersion(listing.Version, version) is { } stale) return stale;
        if (listing.Status is ListingStatus.Draft or ListingStatus.Rectify)
        {
            var eligible = await EligibilityAsync(TermsOf(listing), ct);
            if (eligible.IsFailure) return eligible.Error!;
        }
        return await SaveAsync(listing, (l, now) => l.Submit(user, now), ct);
    }

    public Task<Result<ListingResponse>> ApproveAsync(Guid id, ListingCommentRequest? r, CancellationToken ct) =>
        ReviewAsync(id, r?.Version, Listing.CheckComment(r?.Comment), (l, now) => l.Approve(user, r?.Comment, Rules, calendar, now),
            l => ($"挂牌项目“{l.Title}”已审核通过并挂牌，挂牌期至 {l.PeriodEndsOn:yyyy-MM-dd}",
                $"Listing \"{l.Title}\" was approved and published until {l.PeriodEndsOn:yyyy-MM-dd}"), ct,
            gate: l => PriceFloorAsync(l.Id, l.PricingMethod, l.StateFunded, l.PriceYuan, ct, requireChosen: true));

    /// <summary>
    /// R6.3: where a valuation is required, a listing's or negotiated price may not be below the chosen valuation, and the
    /// operator does not publish the listing before a value is chosen (<paramref name="requireChosen"/>). An edit of a
    /// published listing (which reopens review and restarts the notice) is held to the same rule as the approval it goes
    /// back to; an edit of a draft or a listing under rectification only checks the floor (it is valued before review). An auction's price is its lot's reserve (or starting price without reserve), checked when the
    /// lot is opened.
    /// </summary>
    private Task<Result> PriceFloorAsync(Guid id, PricingMethod method, bool stateFunded, decimal price, CancellationToken ct, bool requireChosen = false) =>
        method == PricingMethod.Auction && !requireChosen ? Task.FromResult(Result.Success())
            : Valuation.ValuationService.CheckFloorAsync(db, options.Value, id, stateFunded, method == PricingMethod.Auction ? null : price, "priceYuan", ct,
                requireChosen);

    public Task<Result<ListingResponse>> RectifyAsync(Guid id, ListingReasonRequest? r, CancellationToken ct) =>
        ReviewAsync(id, r?.Version, Listing.CheckReason(r?.Reason), (l, now) => l.SendBack(user, r!.Reason!, now),
            l => ($"挂牌项目“{l.Title}”被退回整改：{l.ReviewComment}", $"Listing \"{l.Title}\" was returned for rectification: {l.ReviewComment}"), ct);

    public Task<Result<ListingResponse>> RejectAsync(Guid id, ListingReasonRequest? r, CancellationToken ct) =>
        ReviewAsync(id, r?.Version, Listing.CheckReason(r?.Reason), (l, now) => l.Reject(user, r!.Reason!, now),
            l => ($"挂牌项目“{l.Title}”不予挂牌：{l.ReviewComment}", $"Listing \"{l.Title}\" was rejected: {l.ReviewComment}"), ct);

    public async Task<Result<ListingResponse>> ExtendAsync(Guid id, ListingExtensionRequest? r, CancellationToken ct)
    {
        if (!MayList) return ListingErrors.RoleNotAllowed;
        if (Listing.CheckExtension(r?.WorkingDays ?? 0, Rules) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsLister(user)) return ListingErrors.NotListersListing;
        if (Error.StaleVersion(listing.Version, r!.Version) is { } stale) return stale;
        return await SaveAsync(listing, (l, now) => l.Extend(user, r.WorkingDays, calendar, now), ct);
    }

    public async Task<Result<ListingResponse>> WithdrawAsync(Guid id, ListingReasonRequest? r, CancellationToken ct)
    {
        if (!MayList) return ListingErrors.RoleNotAllowed;
        if (Listing.CheckReason(r?.Reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsLister(user)) return ListingErrors.NotListersListing;
        if (Error.StaleVersion(listing.Version, r!.Version) is { } stale) return stale;
        return await SaveAsync(listing, (l, now) => l.Withdraw(user, r.Reason!, now), ct);
    }

    /// <summary>
    /// 关联交易 (R6.2): the lister declares that the buyer is a company of the institution's own completers and records
    /// the approval reference; the exchange operator may flag it too and alone clears it. A deal is not confirmed while
    /// the flag has no approval reference.
    /// </summary>
    public async Task<Result<ListingResponse>> MarkRelatedPartyAsync(Guid id, RelatedPartyRequest? r, CancellationToken ct)
    {
        if (!MayList && !IsOperator) return ListingErrors.RoleNotAllowed;
        var errors = new FieldErrors().AddRange(Listing.CheckRelatedParty(r?.RelatedParty ?? false, r?.ApprovalRef));
        if (r?.Version is null) errors.Add(ListingErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsLister(user) && !IsOperator) return ListingErrors.NotListersListing;
        if (Error.StaleVersion(listing.Version, r!.Version) is { } stale) return stale;
        return await SaveAsync(listing, (l, now) => l.MarkRelatedParty(user, r.RelatedParty, r.ApprovalRef, now), ct,
            after: IsOperator ? l => NotifyLister(l, l.RelatedParty
                    ? $"挂牌项目“{l.Title}”被标记为关联交易，确认成交前须登记审批文号"
                    : $"挂牌项目“{l.Title}”的关联交易标记已撤销",
                l.RelatedParty
                    ? $"Listing \"{l.Title}\" was flagged as a related-party deal; record its approval reference before the deal is confirmed"
                    : $"The related-party flag of listing \"{l.Title}\" was cleared", clock.GetUtcNow()) : null);
    }

    /// <summary>An objection through the public notice (R6.2): anyone, signed in or not, while the notice runs.</summary>
    public async Task<Result<ObjectionResponse>> ObjectAsync(Guid id, ObjectionRequest? r, CancellationToken ct)
    {
        if (Listing.CheckObjection(r?.Name, r?.Contact, r?.Text) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var now = clock.GetUtcNow();
        var added = listing.Object(user, r!.Name!, r.Contact!, r.Text!, now);
        if (added.IsFailure) return added.Error!;
        NotifyLister(listing, $"挂牌项目“{listing.Title}”公示期间收到异议", $"An objection was raised against the notice of listing \"{listing.Title}\"", now);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Objection(listing, added.Value, user.UserId, now), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        var o = added.Value;
        return new ObjectionResponse(o.Id, o.ObjectorName, o.Contact, o.Text, o.SubmittedAt, o.Status.ToString(), null, null, null);
    }

    public async Task<Result<ListingResponse>> DecideObjectionAsync(Guid id, Guid objectionId, ObjectionDecisionRequest? r, CancellationToken ct)
    {
        if (!IsOperator) return ListingErrors.OperatorOnly;
        var errors = new FieldErrors().AddRange(Listing.CheckReason(r?.Reason));
        if (r is not null && !Enum.IsDefined(r.Decision)) errors.Add(ListingErrors.DecisionInvalid);
        if (errors.ToError() is { } invalid) return invalid;
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (Error.StaleVersion(listing.Version, r!.Version) is { } stale) return stale;
        return await SaveAsync(listing, (l, now) => l.Decide(user, objectionId, r.Decision, r.Reason!, now), ct,
            after: l => NotifyLister(l, $"挂牌项目“{l.Title}”的公示异议已处理：{r.Reason!.Trim()}",
                $"An objection to listing \"{l.Title}\" was decided: {r.Reason!.Trim()}", clock.GetUtcNow()));
    }

    public async Task<Result<NdaResponse>> SignNdaAsync(Guid id, NdaRequest? r, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.OrganizationId is null) return Error.Forbidden;
        if (r?.Accept != true) return Error.Validation([ListingErrors.NdaNotAccepted]);
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var signed = listing.SignNda(user, clock.GetUtcNow());
        if (signed.IsFailure) return signed.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return new NdaResponse(listing.Id, signed.Value.OrganizationId, signed.Value.SignedAt);
    }

    /// <summary>The confidential details, for the listing side, the operator and organisations that signed the NDA; every reading is logged.</summary>
    public async Task<Result<ConfidentialResponse>> ReadConfidentialAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var listing = await VisibleTo(db.Set<Listing>(), user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (listing.MayReadConfidential(user) is { IsFailure: true } denied) return denied.Error!;
        var now = clock.GetUtcNow();
        db.Add(new ListingConfidentialView(listing.Id, user.UserId, user.OrganizationId, now));
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return new ConfidentialResponse(listing.Id, listing.ConfidentialDetails, listing.Documents, now);
    }

    /// <summary>The log of readings of the confidential details, for the listing side and the operator.</summary>
    public async Task<Result<IReadOnlyList<ListingConfidentialView>>> ConfidentialViewsAsync(Guid id, CancellationToken ct)
    {
        var listing = await FindAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (!listing.IsListingSide(user) && !IsOperator) return ListingErrors.NotListersListing;
        return await db.Set<ListingConfidentialView>().AsNoTracking().Where(v => v.ListingId == id)
            .OrderByDescending(v => v.ViewedAt).Take(500).ToListAsync(ct);
    }

    private async Task<Result<ListingResponse>> ReviewAsync(Guid id, int? version, IReadOnlyList<FieldError> body,
        Func<Listing, DateTimeOffset, Result> change, Func<Listing, (string Zh, string En)> notice, CancellationToken ct,
        Func<Listing, Task<Result>>? gate = null, [System.Runtime.CompilerServices.CallerMemberName] string step = "")
    {
        if (!IsOperator) return ListingErrors.OperatorOnly;
        if (body.Count > 0) return Error.Validation(body);
        var listing = await LoadAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (Error.StaleVersion(listing.Version, version) is { } stale) return stale;
        return await SaveAsync(listing, change, ct, step: step, gate: gate, after: l =>
        {
            var (zh, en) = notice(l);
            NotifyLister(l, zh, en, clock.GetUtcNow());
        });
    }

    private async Task<Result<ListingResponse>> SaveAsync(Listing listing, Func<Listing, DateTimeOffset, Result> change, CancellationToken ct,
        Action<Listing>? after = null, Func<Listing, Task<Result>>? gate = null, [System.Runtime.CompilerServices.CallerMemberName] string step = "")
    {
        var now = clock.GetUtcNow();
        var result = change(listing, now);
        if (result.IsFailure) return result.Error!;
        if (gate is not null && await gate(listing) is { IsFailure: true } refused) return refused.Error!;
        after?.Invoke(listing);
        await Evidence.EvidenceLog.Append(db, Evidence.ExchangeEvidence.Listing(listing, step, user.UserId, now), ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return ListingResponse.From(listing, user, BusinessTime.DateOf(now));
    }

    private Task<Listing?> LoadAsync(Guid id, CancellationToken ct) =>
        VisibleTo(db.Set<Listing>(), user).SingleOrDefaultAsync(x => x.Id == id, ct);

    private async Task<Result<ListingEligibility.Outcome>> EligibilityAsync(ListingTerms terms, CancellationToken ct)
    {
        var org = user.OrganizationId!.Value;
        AchievementFacts? achievement = null;
        IReadOnlyDictionary<Guid, PatentFacts> facts = new Dictionary<Guid, PatentFacts>();
        var mandates = new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>>();
        if (terms.SubjectType == ListingSubjectType.Achievement)
        {
            achievement = await achievements.FindAsync(terms.AchievementId!.Value, ct);
            // An achievement another organisation owns is "not found" unless it is registered (then the answer is 403 below).
            if (achievement is { Registered: false } && achievement.OwnerOrganizationId != org) achievement = null;
            if (achievement is not null && achievement.OwnerOrganizationId != org)
                mandates[achievement.AchievementId] = await patents.MandatesAsync(achievement.AchievementId, org, ct);
        }
        else
        {
            facts = await patents.PatentsAsync(terms.PatentIds, ct);
            foreach (var p in facts.Values.Where(p => p.OwnerOrganizationId != org))
                mandates[p.PatentId] = await patents.MandatesAsync(p.PatentId, org, ct);
        }
        return ListingEligibility.Check(org, terms, achievement, facts, mandates, clock.Today());
    }

    /// <summary>
    /// The terms with an English title: the lister's, or, when none is given, composed in English from the subject's English
    /// title and the deal as the Chinese one is (<c>{title} (transfer)</c>); none when the subject has no English title.
    /// </summary>
    internal static ListingTerms WithTitleEn(ListingTerms terms, ListingEligibility.Outcome eligible) =>
        !string.IsNullOrWhiteSpace(terms.TitleEn) || string.IsNullOrWhiteSpace(eligible.SubjectTitleEn) ? terms
            : terms with { TitleEn = ComposeTitleEn(eligible.SubjectTitleEn, terms.DealType) };

    internal static string ComposeTitleEn(string subjectTitleEn, ListingDealType deal) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            Pages.Listings.ListingText.In("Listing_ComposedTitle_" + deal, System.Globalization.CultureInfo.GetCultureInfo("en")), subjectTitleEn.Trim());

    private static ListingTerms TermsOf(Listing l) => new(l.Title, l.Description, l.SubjectType, l.AchievementId,
        l.Patents.Select(p => p.PatentId).ToList(), l.DealType, l.PricingMethod, l.PriceYuan, l.Conditions, l.ConfidentialDetails, l.Documents,
        l.CompleterNames, l.PledgeeConsentRef, l.StateFunded, l.TitleEn);

    private static string NumberFor(Guid id, DateTimeOffset now) =>
        $"GP{BusinessTime.DateOf(now):yyyyMMdd}{id.ToString("N")[..6].ToUpperInvariant()}";

    /// <summary>站内通知 to the lister's users (and the holder's, when a custody operator listed), in the same transaction as the change.</summary>
    private void NotifyLister(Listing l, string zh, string en, DateTimeOffset now)
    {
        db.Add(Notification.ToOrganization(l.ListerOrganizationId, null, Trim(zh), Trim(en), $"/exchange/listings/{l.Id}", now));
        if (l.HolderOrganizationId != l.ListerOrganizationId)
            db.Add(Notification.ToOrganization(l.HolderOrganizationId, null, Trim(zh), Trim(en), $"/exchange/listings/{l.Id}", now));
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";
}
