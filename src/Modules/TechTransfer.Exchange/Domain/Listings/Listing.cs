using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Exchange.Domain.Listings;

/// <summary>[CFG] listing rules (R6.1, R6.2, R6.8), read from <c>Exchange:Listings</c> and checked at start.</summary>
public sealed record ListingRules(
    int StateFundedListingWorkingDays,
    int ListingWorkingDays,
    int MinExtensionWorkingDays,
    int PublicityDays,
    IReadOnlySet<PricingMethod> OfferedMethods)
{
    public static readonly ListingRules Default = new(20, 20, 5, 15,
        new HashSet<PricingMethod> { PricingMethod.NegotiatedWithPublicity, PricingMethod.ExchangeListing, PricingMethod.Auction });

    public int PeriodWorkingDays(bool stateFunded) => stateFunded ? StateFundedListingWorkingDays : ListingWorkingDays;
}

/// <summary>The offer a lister writes: what, how, at what price, on which conditions.</summary>
public sealed record ListingTerms(
    string Title,
    string Description,
    ListingSubjectType SubjectType,
    Guid? AchievementId,
    IReadOnlyList<Guid> PatentIds,
    ListingDealType DealType,
    PricingMethod PricingMethod,
    decimal PriceYuan,
    string? Conditions,
    string? ConfidentialDetails,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> CompleterNames,
    string? PledgeeConsentRef,
    bool StateFunded,
    string? TitleEn = null);

/// <summary>The patents a listing offers, as they were when it was written (for its pages, its notice and the deal).</summary>
public sealed record ListedPatent(Guid PatentId, string ApplicationNo, string Title);

/// <summary>
/// 挂牌: an achievement, a patent or a patent set offered for transfer, licence or equity. The lister is the rights
/// holder or its custody operator (checked by <see cref="ListingEligibility"/> before this is called). States
/// Draft → InReview → Published | Rectify | Rejected (the exchange operator decides, with reasons); Withdrawn by the
/// lister. Published terms are frozen: a change reopens review, and the next publication restarts the period and the
/// notice (R6.8). The period is counted in working days on the shared holiday calendar (R0.3).
/// </summary>
public sealed class Listing : IAudited, ISearchIndexed
{
    public const int TitleMax = 200, DescriptionMax = 4000, ConditionsMax = 2000, ConfidentialMax = 4000, ReasonMax = 1000,
        RefMax = 100, NameMax = 50, MaxCompleters = 50, MaxPatents = 50, MaxDocuments = 20, DocumentMax = 200;

    private readonly List<ListingObjection> _objections = [];
    private readonly List<ListingNda> _ndas = [];

    private Listing() { }

    public Guid Id { get; private set; }
    public string ListingNo { get; private set; } = "";
    /// <summary>The organisation that listed and manages the listing: the holder, or its custody operator.</summary>
    public Guid ListerOrganizationId { get; private set; }
    /// <summary>The rights holder (所有权人), the seller of the deal.</summary>
    public Guid HolderOrganizationId { get; private set; }
    public Guid? CustodyAgreementId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The English title: the lister's, or composed from the subject's English title and the deal when listed without one.</summary>
    public string? TitleEn { get; private set; }
    public string Description { get; private set; } = "";
    public ListingSubjectType SubjectType { get; private set; }
    public Guid? AchievementId { get; private set; }
    public List<ListedPatent> Patents { get; private set; } = [];
    public string? TechnicalField { get; private set; }
    public List<string> IpcCodes { get; private set; } = [];
    public ListingDealType DealType { get; private set; }
    public PricingMethod PricingMethod { get; private set; }
    public decimal PriceYuan { get; private set; }
    public string? Conditions { get; private set; }
    public string? ConfidentialDetails { get; private set; }
    public List<string> Documents { get; private set; } = [];
    public List<string> CompleterNames { get; private set; } = [];
    public string? PledgeeConsentRef { get; private set; }
    public bool StateFunded { get; private set; }
    public ListingStatus Status { get; private set; }
    public string? ReviewComment { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    /// <summary>First day of the current listing period (the publication's business date).</summary>
    public DateOnly? PeriodStartsOn { get; private set; }
    /// <summary>Last day of the listing period: <see cref="ListingRules.PeriodWorkingDays"/> working days after the start, plus extensions.</summary>
    public DateOnly? PeriodEndsOn { get; private set; }
    public int ExtendedWorkingDays { get; private set; }
    /// <summary>The public notice of a negotiated price (R6.2): first and last day, both inclusive.</summary>
    public DateOnly? NoticeStartsOn { get; private set; }
    public DateOnly? NoticeEndsOn { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }
    /// <summary>关联交易: the deal is between the institution and a company of its own completers (R6.2 notice rules).</summary>
    public bool RelatedParty { get; private set; }
    /// <summary>The reference of the approval a related-party deal needs (e.g. the institution's decision number) before confirmation.</summary>
    public string? RelatedPartyApprovalRef { get; private set; }
    public Guid? RelatedPartyFlaggedByUserId { get; private set; }
    public DateTimeOffset? RelatedPartyFlaggedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ListingObjection> Objections => _objections;
    public IReadOnlyList<ListingNda> Ndas => _ndas;

    Guid? IAudited.AuditOrganizationId => HolderOrganizationId;
    public string SearchDocumentType => SearchDocumentTypes.Listing;

    public bool IsPublic => Status == ListingStatus.Published;
    public bool IsLister(ICurrentUser caller) => caller.OrganizationId == ListerOrganizationId;
    public bool IsListingSide(ICurrentUser caller) =>
        caller.OrganizationId is { } org && (org == ListerOrganizationId || org == HolderOrganizationId);

    public bool NoticeRunningOn(DateOnly today) =>
        Status == ListingStatus.Published && NoticeStartsOn is { } s && NoticeEndsOn is { } e && s <= today && today <= e;

    /// <summary>The body, every problem at once (before any record is loaded).</summary>
    public static IReadOnlyList<FieldError> Check(ListingTerms t, ListingRules rules)
    {
        var errors = new FieldErrors();
        Text(errors, t.Title, "title", TitleMax, required: true);
        Text(errors, t.TitleEn, "titleEn", TitleMax);
        Text(errors, t.Description, "description", DescriptionMax, required: true);
        Text(errors, t.Conditions, "conditions", ConditionsMax);
        Text(errors, t.ConfidentialDetails, "confidentialDetails", ConfidentialMax);
        Text(errors, t.PledgeeConsentRef, "pledgeeConsentRef", RefMax);
        if (t.PriceYuan <= 0 || t.PriceYuan != decimal.Round(t.PriceYuan, 2) || t.PriceYuan > 100_000_000_000m) errors.Add(ListingErrors.PriceInvalid);
        switch (t.SubjectType)
        {
            case ListingSubjectType.Achievement:
                if (t.AchievementId is null || t.AchievementId == Guid.Empty) errors.Add(ListingErrors.AchievementRequired);
                break;
            case ListingSubjectType.Patent:
                if (t.PatentIds.Count != 1 || t.PatentIds[0] == Guid.Empty) errors.Add(ListingErrors.PatentCountInvalid);
                break;
            case ListingSubjectType.PatentSet:
                if (t.PatentIds.Count < 2 || t.PatentIds.Count > MaxPatents || t.PatentIds.Distinct().Count() != t.PatentIds.Count
                    || t.PatentIds.Contains(Guid.Empty)) errors.Add(ListingErrors.PatentCountInvalid);
                break;
        }
        if (t.SubjectType != ListingSubjectType.Achievement && t.PatentIds.Count > MaxPatents) errors.Add(ListingErrors.PatentCountInvalid);
        if (!rules.OfferedMethods.Contains(t.PricingMethod)) errors.Add(ListingErrors.PricingMethodNotOffered(t.PricingMethod.ToString()));
        if (t.CompleterNames.Count > MaxCompleters) errors.Add(ListingErrors.TooLong("completerNames", MaxCompleters));
        if (t.CompleterNames.Any(n => string.IsNullOrWhiteSpace(n))) errors.Add(ListingErrors.Required("completerNames"));
        else if (t.CompleterNames.Any(n => n.Trim().Length > NameMax)) errors.Add(ListingErrors.TooLong("completerNames", NameMax));
        if (t.Documents.Count > MaxDocuments || t.Documents.Any(d => d.Trim().Length > DocumentMax)) errors.Add(ListingErrors.TooLong("documents", DocumentMax));
        if (t.Documents.Any(string.IsNullOrWhiteSpace)) errors.Add(ListingErrors.Required("documents"));
        return errors.All;
    }

    /// <summary>A negotiated price is published with the completers (R6.9): checked once the achievement's completers are known.</summary>
    public static IReadOnlyList<FieldError> CheckNotice(PricingMethod method, IReadOnlyList<string> completers) =>
        method == PricingMethod.NegotiatedWithPublicity && completers.Count == 0 ? [ListingErrors.CompletersRequired] : [];

    public static Listing Create(Guid id, string listingNo, ICurrentUser caller, ListingEligibility.Outcome eligible, ListingTerms t, DateTimeOffset now)
    {
        var l = new Listing
        {
            Id = id,
            ListingNo = listingNo,
            ListerOrganizationId = caller.OrganizationId!.Value,
            CreatedByUserId = caller.UserId ?? Guid.Empty,
            Status = ListingStatus.Draft,
            CreatedAt = now,
        };
        l.Apply(eligible, t, now);
        return l;
    }

    private void Apply(ListingEligibility.Outcome eligible, ListingTerms t, DateTimeOffset now)
    {
        HolderOrganizationId = eligible.HolderOrganizationId;
        CustodyAgreementId = eligible.CustodyAgreementId;
        Title = t.Title.Trim();
        TitleEn = Clean(t.TitleEn);
        Description = t.Description.Trim();
        SubjectType = t.SubjectType;
        AchievementId = eligible.AchievementId;
        Patents = eligible.Patents.ToList();
        TechnicalField = eligible.TechnicalField;
        IpcCodes = eligible.IpcCodes.ToList();
        DealType = t.DealType;
        PricingMethod = t.PricingMethod;
        PriceYuan = t.PriceYuan;
        Conditions = Clean(t.Conditions);
        ConfidentialDetails = Clean(t.ConfidentialDetails);
        Documents = t.Documents.Select(d => d.Trim()).ToList();
        CompleterNames = eligible.CompleterNames.ToList();
        PledgeeConsentRef = Clean(t.PledgeeConsentRef);
        StateFunded = t.StateFunded;
        Touch(now);
    }

    /// <summary>
    /// Changes the terms. A draft or a listing returned for rectification stays as it is; a published listing's terms are
    /// frozen, so the change sends it back to review and the next publication restarts the period and the notice (R6.8).
    /// </summary>
    public Result Edit(ICurrentUser caller, ListingEligibility.Outcome eligible, ListingTerms t, DateTimeOffset now)
    {
        if (!IsLister(caller)) return ListingErrors.NotListersListing;
        if (Status is not (ListingStatus.Draft or ListingStatus.Rectify or ListingStatus.Published)) return ListingErrors.NotEditable;
        if (Status == ListingStatus.Published)
        {
            Status = ListingStatus.InReview;
            SubmittedAt = now;
            ClearPeriod();
        }
        Apply(eligible, t, now);
        return Result.Success();
    }

    public Result Submit(ICurrentUser caller, DateTimeOffset now)
    {
        if (!IsLister(caller)) return ListingErrors.NotListersListing;
        if (Status is not (ListingStatus.Draft or ListingStatus.Rectify)) return ListingErrors.NotSubmittable;
        Status = ListingStatus.InReview;
        SubmittedAt = now;
        Touch(now);
        return Result.Success();
    }

    public static IReadOnlyList<FieldError> CheckReason(string? reason, string field = "reason")
    {
        var errors = new FieldErrors();
        Text(errors, reason, field, ReasonMax, required: true);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> CheckComment(string? comment)
    {
        var errors = new FieldErrors();
        Text(errors, comment, "comment", ReasonMax);
        return errors.All;
    }

    /// <summary>
    /// The operator publishes: the period starts today and ends after the configured working days (R6.8); a negotiated
    /// price opens its public notice of <see cref="ListingRules.PublicityDays"/> calendar days, today included (R6.2).
    /// </summary>
    public Result Approve(ICurrentUser caller, string? comment, ListingRules rules, HolidayCalendar calendar, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.ExchangeOperator)) return ListingErrors.OperatorOnly;
        if (Status != ListingStatus.InReview) return ListingErrors.NotInReview;
        var today = BusinessTime.DateOf(now);
        Status = ListingStatus.Published;
        Decide(caller, comment, now);
        PeriodStartsOn = today;
        ExtendedWorkingDays = 0;
        PeriodEndsOn = calendar.AddWorkingDays(today, rules.PeriodWorkingDays(StateFunded));
        if (PricingMethod == PricingMethod.NegotiatedWithPublicity)
        {
            NoticeStartsOn = today;
            NoticeEndsOn = today.AddDays(rules.PublicityDays - 1);
        }
        return Result.Success();
    }

    public Result SendBack(ICurrentUser caller, string reason, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.ExchangeOperator)) return ListingErrors.OperatorOnly;
        if (Status != ListingStatus.InReview) return ListingErrors.NotInReview;
        Status = ListingStatus.Rectify;
        Decide(caller, reason, now);
        return Result.Success();
    }

    public Result Reject(ICurrentUser caller, string reason, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.ExchangeOperator)) return ListingErrors.OperatorOnly;
        if (Status != ListingStatus.InReview) return ListingErrors.NotInReview;
        Status = ListingStatus.Rejected;
        Decide(caller, reason, now);
        return Result.Success();
    }

    public static IReadOnlyList<FieldError> CheckExtension(int workingDays, ListingRules rules)
    {
        if (workingDays < rules.MinExtensionWorkingDays) return [ListingErrors.ExtensionTooShort(rules.MinExtensionWorkingDays)];
        return workingDays > 60 ? [ListingErrors.ExtensionTooLong] : [];
    }

    /// <summary>Extends the listing period by whole working days (R6.8: each extension ≥ the configured minimum).</summary>
    public Result Extend(ICurrentUser caller, int workingDays, HolidayCalendar calendar, DateTimeOffset now)
    {
        if (!IsLister(caller)) return ListingErrors.NotListersListing;
        if (Status != ListingStatus.Published || PeriodEndsOn is not { } end) return ListingErrors.NotPublished;
        PeriodEndsOn = calendar.AddWorkingDays(end, workingDays);
        ExtendedWorkingDays += workingDays;
        Touch(now);
        return Result.Success();
    }

    public Result Withdraw(ICurrentUser caller, string reason, DateTimeOffset now)
    {
        if (!IsLister(caller)) return ListingErrors.NotListersListing;
        return WithdrawBecause(reason, now);
    }

    private Result WithdrawBecause(string reason, DateTimeOffset now)
    {
        if (Status is ListingStatus.Rejected or ListingStatus.Withdrawn) return ListingErrors.NotWithdrawable;
        Status = ListingStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawalReason = reason.Trim();
        Touch(now);
        return Result.Success();
    }

    public static IReadOnlyList<FieldError> CheckObjection(string? name, string? contact, string? text)
    {
        var errors = new FieldErrors();
        Text(errors, name, "name", NameMax, required: true);
        Text(errors, contact, "contact", RefMax, required: true);
        Text(errors, text, "text", ReasonMax, required: true);
        return errors.All;
    }

    /// <summary>An objection through the notice's channel (R6.2), only while the notice runs.</summary>
    public Result<ListingObjection> Object(ICurrentUser caller, string name, string contact, string text, DateTimeOffset now)
    {
        if (PricingMethod != PricingMethod.NegotiatedWithPublicity) return ListingErrors.NotNegotiated;
        if (!NoticeRunningOn(BusinessTime.DateOf(now))) return ListingErrors.NoticeNotRunning;
        var o = new ListingObjection(Guid.NewGuid(), name.Trim(), contact.Trim(), text.Trim(), caller.UserId, caller.OrganizationId, now);
        _objections.Add(o);
        Touch(now);
        return o;
    }

    /// <summary>
    /// The operator decides an objection with reasons: dismissed; or upheld, and the listing is withdrawn or returned
    /// to the lister to be re-priced (its next publication restarts the notice).
    /// </summary>
    public Result Decide(ICurrentUser caller, Guid objectionId, ObjectionDecision decision, string reason, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.ExchangeOperator)) return ListingErrors.OperatorOnly;
        var o = _objections.SingleOrDefault(x => x.Id == objectionId);
        if (o is null) return ListingErrors.ObjectionNotFound;
        if (o.Status != ObjectionStatus.Open) return ListingErrors.ObjectionNotOpen;
        switch (decision)
        {
            case ObjectionDecision.UpholdAndWithdraw:
                if (WithdrawBecause(reason, now) is { IsFailure: true } failed) return failed;
                break;
            case ObjectionDecision.UpholdAndReprice:
                if (Status != ListingStatus.Published) return ListingErrors.NotPublished;
                Status = ListingStatus.Rectify;
                ReviewComment = reason.Trim();
                ReviewedByUserId = caller.UserId;
                ReviewedAt = now;
                ClearPeriod();
                break;
        }
        o.Decide(decision == ObjectionDecision.Dismiss ? ObjectionStatus.Dismissed : ObjectionStatus.Upheld, decision, reason.Trim(), caller.UserId, now);
        Touch(now);
        return Result.Success();
    }

    public static IReadOnlyList<FieldError> CheckRelatedParty(bool relatedParty, string? approvalRef)
    {
        var errors = new FieldErrors();
        Text(errors, approvalRef, "approvalRef", RefMax);
        if (!relatedParty && !string.IsNullOrWhiteSpace(approvalRef)) errors.Add(ListingErrors.ApprovalRefWithoutFlag);
        return errors.All;
    }

    /// <summary>
    /// Flags (or clears) a deal between the institution and a company of its own completers as related-party and records
    /// its approval reference. The lister declares it and adds the reference; the exchange operator may flag it too, and
    /// only the operator clears a flag. Not a term of the offer: it neither reopens review nor restarts the notice.
    /// </summary>
    public Result MarkRelatedParty(ICurrentUser caller, bool relatedParty, string? approvalRef, DateTimeOffset now)
    {
        var isOperator = caller.IsInRole(Roles.ExchangeOperator);
        if (!IsLister(caller) && !isOperator) return ListingErrors.NotListersListing;
        if (Status is ListingStatus.Rejected or ListingStatus.Withdrawn) return ListingErrors.NotEditable;
        if (!relatedParty && RelatedParty && !isOperator) return ListingErrors.RelatedPartyClearOperatorOnly;
        if (relatedParty && !RelatedParty)
        {
            RelatedPartyFlaggedByUserId = caller.UserId;
            RelatedPartyFlaggedAt = now;
        }
        RelatedParty = relatedParty;
        RelatedPartyApprovalRef = relatedParty ? Clean(approvalRef) : null;
        if (!relatedParty)
        {
            RelatedPartyFlaggedByUserId = null;
            RelatedPartyFlaggedAt = null;
        }
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Whether a negotiated deal may be confirmed today (R6.2): published, a related-party deal with its approval
    /// reference, the notice over (no confirmation before its last day has passed) and every objection decided. Other
    /// pricing methods: published (and the related-party approval).
    /// </summary>
    public Result CanConfirmDeal(DateOnly today)
    {
        if (Status != ListingStatus.Published) return ListingErrors.NotPublished;
        if (RelatedParty && RelatedPartyApprovalRef is null) return ListingErrors.RelatedPartyApprovalRequired;
        if (PricingMethod != PricingMethod.NegotiatedWithPublicity) return Result.Success();
        if (NoticeEndsOn is not { } end || today <= end) return ListingErrors.NoticeNotEnded;
        if (_objections.Any(o => o.Status == ObjectionStatus.Open)) return ListingErrors.ObjectionsOpen;
        return Result.Success();
    }

    /// <summary>Records the caller organisation's acceptance of the non-disclosure terms (before any confidential detail is shown).</summary>
    public Result<ListingNda> SignNda(ICurrentUser caller, DateTimeOffset now)
    {
        if (caller.OrganizationId is not { } org || caller.UserId is not { } userId) return Error.Forbidden;
        if (IsListingSide(caller)) return ListingErrors.OwnSideNoNda;
        if (Status != ListingStatus.Published) return ListingErrors.NotPublished;
        if (_ndas.Any(n => n.OrganizationId == org)) return ListingErrors.NdaAlreadySigned;
        var nda = new ListingNda(Guid.NewGuid(), org, userId, now);
        _ndas.Add(nda);
        Touch(now);
        return nda;
    }

    /// <summary>Who may read the confidential details: the listing side, the exchange operator, or an organisation that signed the NDA.</summary>
    public Result MayReadConfidential(ICurrentUser caller)
    {
        if (IsListingSide(caller) || caller.IsInRole(Roles.ExchangeOperator)) return Result.Success();
        if (caller.OrganizationId is { } org && Status == ListingStatus.Published && _ndas.Any(n => n.OrganizationId == org)) return Result.Success();
        return ListingErrors.NdaRequired;
    }

    private void Decide(ICurrentUser caller, string? comment, DateTimeOffset now)
    {
        ReviewComment = Clean(comment);
        ReviewedByUserId = caller.UserId;
        ReviewedAt = now;
        Touch(now);
    }

    private void ClearPeriod()
    {
        PeriodStartsOn = null;
        PeriodEndsOn = null;
        NoticeStartsOn = null;
        NoticeEndsOn = null;
        ExtendedWorkingDays = 0;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Text(FieldErrors errors, string? value, string field, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(ListingErrors.Required(field));
        }
        else if (value.Trim().Length > max) errors.Add(ListingErrors.TooLong(field, max));
    }
}

/// <summary>异议: raised through the public notice's channel, decided by the exchange operator with reasons.</summary>
public sealed class ListingObjection
{
    private ListingObjection() { }

    internal ListingObjection(Guid id, string name, string contact, string text, Guid? userId, Guid? organizationId, DateTimeOffset now)
    {
        Id = id;
        ObjectorName = name;
        Contact = contact;
        Text = text;
        SubmittedByUserId = userId;
        SubmittedByOrganizationId = organizationId;
        SubmittedAt = now;
        Status = ObjectionStatus.Open;
    }

    public Guid Id { get; private set; }
    public string ObjectorName { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Guid? SubmittedByUserId { get; private set; }
    public Guid? SubmittedByOrganizationId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ObjectionStatus Status { get; private set; }
    public ObjectionDecision? Decision { get; private set; }
    public string? Resolution { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(ObjectionStatus status, ObjectionDecision decision, string resolution, Guid? userId, DateTimeOffset now)
    {
        Status = status;
        Decision = decision;
        Resolution = resolution;
        DecidedByUserId = userId;
        DecidedAt = now;
    }
}

/// <summary>A recorded acceptance of a listing's non-disclosure terms by one organisation (through one of its users).</summary>
public sealed class ListingNda
{
    private ListingNda() { }

    internal ListingNda(Guid id, Guid organizationId, Guid userId, DateTimeOffset now)
    {
        Id = id;
        OrganizationId = organizationId;
        SignedByUserId = userId;
        SignedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid SignedByUserId { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>Every reading of a listing's confidential details (who, which organisation, when) — an append-only log.</summary>
public sealed class ListingConfidentialView
{
    private ListingConfidentialView() { }

    public ListingConfidentialView(Guid listingId, Guid? userId, Guid? organizationId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ListingId = listingId;
        UserId = userId;
        OrganizationId = organizationId;
        ViewedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid? UserId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public DateTimeOffset ViewedAt { get; private set; }
}
