using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Patents.Domain;

/// <summary>开放许可声明状态 (spec §3.3)</summary>
public enum OpenLicenseStatus
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>已提交国家知识产权局</summary>
    Submitted,
    /// <summary>已公告，实施中</summary>
    Active,
    /// <summary>已提交撤回</summary>
    WithdrawalSubmitted,
    /// <summary>撤回已公告</summary>
    Withdrawn,
    /// <summary>失效（专利终止、无效或期限届满）</summary>
    Lapsed,
    /// <summary>撤回申报: a draft or a submission the patentee withdrew before any announcement (never public).</summary>
    Retracted,
}

/// <summary>Why a declaration lapsed.</summary>
public enum OpenLicenseLapseReason
{
    PatentTerminated,
    PatentInvalidated,
    TermEnded,
}

/// <summary>许可使用费标准 — amounts in yuan, royalty rate in percent of the base.</summary>
public sealed record FeeStandard(
    decimal? FixedFeeYuan = null,
    decimal? InitialPaymentYuan = null,
    decimal? RoyaltyRatePercent = null,
    RoyaltyBase? RoyaltyBase = null);

/// <summary>The terms an office puts into a declaration (spec §3.1).</summary>
public sealed record OpenLicenseTerms(
    PaymentMode PaymentMode,
    FeeStandard Fee,
    DateOnly LicenseTermStart,
    DateOnly LicenseTermEnd,
    string? OtherTerms,
    string? OtherTermsEn,
    string? EvaluationReportRef,
    string? PledgeeConsentRef);

/// <summary>A soft warning (R3.9): shown, never blocking; <see cref="Rule"/> names the spec rule.</summary>
public sealed record OpenLicenseWarning(string Code, string Zh, string En, string? Rule = null);

/// <summary>专利开放许可声明 (spec §3, 专利法 50–52).</summary>
public sealed class OpenLicenseDeclaration : IAudited, ISearchIndexed
{
    private readonly List<OpenLicenseGrant> _grants = [];

    private OpenLicenseDeclaration() { }

    public Guid Id { get; private set; }
    public Guid PatentId { get; private set; }
    /// <summary>The patentee's organisation: only its office declares, submits and withdraws.</summary>
    public Guid PatenteeOrganizationId { get; private set; }
    /// <summary>专利号 (application number at declaration time)</summary>
    public string PatentNo { get; private set; } = "";
    public string PatentTitle { get; private set; } = "";
    public PatentType PatentType { get; private set; }
    public string PatenteeNames { get; private set; } = "";
    public PaymentMode PaymentMode { get; private set; }
    public decimal? FixedFeeYuan { get; private set; }
    public decimal? InitialPaymentYuan { get; private set; }
    public decimal? RoyaltyRatePercent { get; private set; }
    public RoyaltyBase? RoyaltyBase { get; private set; }
    public DateOnly LicenseTermStart { get; private set; }
    public DateOnly LicenseTermEnd { get; private set; }
    public string? OtherTerms { get; private set; }
    public string? OtherTermsEn { get; private set; }
    /// <summary>专利权评价报告 reference (R3.2)</summary>
    public string? EvaluationReportRef { get; private set; }
    /// <summary>质权人同意书 reference (R3.6)</summary>
    public string? PledgeeConsentRef { get; private set; }
    public OpenLicenseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? AnnouncementNo { get; private set; }
    public DateOnly? AnnouncementDate { get; private set; }
    public DateTimeOffset? WithdrawalSubmittedAt { get; private set; }
    public string? WithdrawalAnnouncementNo { get; private set; }
    public DateOnly? WithdrawalAnnouncementDate { get; private set; }
    public DateOnly? LapsedOn { get; private set; }
    public OpenLicenseLapseReason? LapseReason { get; private set; }
    /// <summary>Concurrency token: incremented by every change, grants included (lost updates are refused with 409).</summary>
    public int Version { get; private set; }
    public IReadOnlyList<OpenLicenseGrant> Grants => _grants;

    public string SearchDocumentType => SearchDocumentTypes.OpenLicense;
    Guid? IAudited.AuditOrganizationId => PatenteeOrganizationId;

    /// <summary>In force for R3.10: announced and not yet withdrawn (a withdrawal takes effect when announced).</summary>
    public bool IsInForce => Status is OpenLicenseStatus.Active or OpenLicenseStatus.WithdrawalSubmitted;

    public FeeStandard Fee => new(FixedFeeYuan, InitialPaymentYuan, RoyaltyRatePercent, RoyaltyBase);

    /// <summary>Creates a draft. Only the patentee's organisation may declare.</summary>
    public static Result<OpenLicenseDeclaration> Draft(Patent patent, Guid declaringOrganizationId, OpenLicenseTerms terms, DateTimeOffset now)
    {
        if (patent.OwnerOrganizationId != declaringOrganizationId) return OpenLicenseErrors.NotPatentee;
        var formErrors = ValidateForm(terms);
        if (formErrors.Count > 0) return Error.Validation(formErrors);
        var d = new OpenLicenseDeclaration
        {
            Id = Guid.NewGuid(),
            PatentId = patent.Id,
            PatenteeOrganizationId = patent.OwnerOrganizationId,
            Status = OpenLicenseStatus.Draft,
            CreatedAt = now,
        };
        d.CopyPatent(patent);
        d.ApplyTerms(terms);
        return d;
    }

    public Result Revise(Patent patent, Guid callerOrganizationId, OpenLicenseTerms terms)
    {
        if (callerOrganizationId != PatenteeOrganizationId) return OpenLicenseErrors.NotPatentee;
        var formErrors = ValidateForm(terms); // the body before the status
        if (formErrors.Count > 0) return Error.Validation(formErrors);
        if (Status != OpenLicenseStatus.Draft) return OpenLicenseErrors.InvalidTransition(Status, "revise");
        CopyPatent(patent);
        ApplyTerms(terms);
        Touch();
        return Result.Success();
    }

    private void Touch() => Version++;

    /// <summary>
    /// Draft → Submitted. Runs every check of spec §3.2 (R3.1–R3.8) against the patent as it is today and blocks
    /// unless all pass; the error lists each failing check with its rule id. Returns R3.9 soft warnings on success.
    /// </summary>
    public Result<IReadOnlyList<OpenLicenseWarning>> Submit(Patent patent, Guid callerOrganizationId, OpenLicensingOptions options, DateTimeOffset now)
    {
        if (callerOrganizationId != PatenteeOrganizationId) return OpenLicenseErrors.NotPatentee;
        if (patent.Id != PatentId) return OpenLicenseErrors.WrongPatent;
        if (Status != OpenLicenseStatus.Draft) return OpenLicenseErrors.InvalidTransition(Status, "submit");
        var failures = CheckSubmission(patent, options, BusinessTime.DateOf(now));
        if (failures.Count > 0) return OpenLicenseErrors.DeclarationInvalid(failures);
        CopyPatent(patent);
        Status = OpenLicenseStatus.Submitted;
        SubmittedAt = now;
        Touch();
        return Result<IReadOnlyList<OpenLicenseWarning>>.Success(Warnings(options));
    }

    /// <summary>
    /// The §3.2 checks (R3.1–R3.8), one <c>if</c> per rule citing its article; an empty list means the declaration may be
    /// submitted. Each failure carries its rule id as <see cref="FieldError.Rule"/>.
    /// </summary>
    public IReadOnlyList<FieldError> CheckSubmission(Patent patent, OpenLicensingOptions options, DateOnly today)
    {
        var f = new FieldErrors();
        f.AddRange(ValidateForm(Terms));
        var eligibility = OpenLicenceEligibility.Of(patent, alreadyDeclared: false, today);
        if (eligibility.Has(OpenLicenceObstacle.NotGranted) || eligibility.Has(OpenLicenceObstacle.Terminated)
            || eligibility.Has(OpenLicenceObstacle.Expired) || eligibility.Has(OpenLicenceObstacle.Invalidated))
            f.Add(OpenLicenseErrors.PatentNotGranted);
        if (eligibility.Has(OpenLicenceObstacle.EvaluationReportNeeded) && string.IsNullOrWhiteSpace(EvaluationReportRef))
            f.Add(OpenLicenseErrors.EvaluationReportRequired);
        if (eligibility.Has(OpenLicenceObstacle.ExclusiveLicence))
            f.Add(OpenLicenseErrors.ExclusiveLicenceExists);
        if (eligibility.Has(OpenLicenceObstacle.Suspended))
            f.Add(OpenLicenseErrors.PatentSuspended);
        if (eligibility.Has(OpenLicenceObstacle.AnnualFeeUnpaid))
            f.Add(OpenLicenseErrors.AnnualFeeUnpaid);
        if (eligibility.Has(OpenLicenceObstacle.PledgeeConsentNeeded) && string.IsNullOrWhiteSpace(PledgeeConsentRef))
            f.Add(OpenLicenseErrors.PledgeeConsentRequired);
        var promo = FindPromotionalTerms(options);
        if (promo.Count > 0)
            f.Add(OpenLicenseErrors.PromotionalLanguage(promo));
        if (LicenseTermEnd > patent.ExpiryDate)
            f.Add(OpenLicenseErrors.TermBeyondPatentExpiry(patent.ExpiryDate));
        return f.All;
    }

    /// <summary>R3.9: soft warnings for unusually high fees ([CFG], low confidence).</summary>
    public IReadOnlyList<OpenLicenseWarning> Warnings(OpenLicensingOptions options)
    {
        var w = new List<OpenLicenseWarning>();
        if (FixedFeeYuan is { } fee && fee > options.FixedFeeWarningYuan)
            w.Add(new("open_license.fixed_fee_high", $"提示：固定许可费超过 {Yuan.Display(options.FixedFeeWarningYuan, false)}，请确认是否合理",
                $"Note: the fixed fee is above {Yuan.Display(options.FixedFeeWarningYuan, true)}; please check it is reasonable.", "R3.9"));
        if (RoyaltyRatePercent is { } rate)
        {
            if (RoyaltyBase == Domain.RoyaltyBase.Profit && rate > options.RoyaltyOnProfitWarningPercent)
                w.Add(new("open_license.royalty_high", $"提示：提成比例超过利润的 {options.RoyaltyOnProfitWarningPercent}%",
                    $"Note: the royalty is above {options.RoyaltyOnProfitWarningPercent}% of profit.", "R3.9"));
            else if (RoyaltyBase != Domain.RoyaltyBase.Profit && rate > options.RoyaltyOnSalesWarningPercent)
                w.Add(new("open_license.royalty_high", $"提示：提成比例超过净销售额的 {options.RoyaltyOnSalesWarningPercent}%",
                    $"Note: the royalty is above {options.RoyaltyOnSalesWarningPercent}% of net sales.", "R3.9"));
        }
        return w;
    }

    /// <summary>The body of an announcement (of the declaration or of its withdrawal): number and date.</summary>
    public static IReadOnlyList<FieldError> CheckAnnouncement(string? announcementNo, DateOnly announcementDate)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, announcementNo, "announcementNo", 100, OpenLicenseErrors.AnnouncementNoRequired.AsFieldError());
        PatentChecks.Date(errors, announcementDate, "announcementDate");
        return errors.All;
    }

    /// <summary>Submitted → Active when CNIPA announces the declaration.</summary>
    public Result Announce(string announcementNo, DateOnly announcementDate)
    {
        if (CheckAnnouncement(announcementNo, announcementDate) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (Status != OpenLicenseStatus.Submitted) return OpenLicenseErrors.InvalidTransition(Status, "announce");
        if (SubmittedAt is { } s && announcementDate < BusinessTime.DateOf(s)) return OpenLicenseErrors.AnnouncementBeforeSubmission;
        AnnouncementNo = announcementNo.Trim();
        AnnouncementDate = announcementDate;
        Status = OpenLicenseStatus.Active;
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// Withdrawal by the patentee's organisation. Active → WithdrawalSubmitted (it takes effect when CNIPA announces it,
    /// 专利法第五十条); a draft, or a declaration submitted but not yet announced, was never public → Retracted at once.
    /// </summary>
    public Result RequestWithdrawal(Guid callerOrganizationId, DateTimeOffset now)
    {
        if (callerOrganizationId != PatenteeOrganizationId) return OpenLicenseErrors.NotPatentee;
        switch (Status)
        {
            case OpenLicenseStatus.Active:
                Status = OpenLicenseStatus.WithdrawalSubmitted;
                break;
            case OpenLicenseStatus.Draft or OpenLicenseStatus.Submitted:
                Status = OpenLicenseStatus.Retracted;
                break;
            default:
                return OpenLicenseErrors.InvalidTransition(Status, "withdraw");
        }
        WithdrawalSubmittedAt = now;
        Touch();
        return Result.Success();
    }

    /// <summary>Only a draft may be deleted, by the patentee's organisation (anything submitted keeps its record).</summary>
    public Result CanDelete(Guid callerOrganizationId)
    {
        if (callerOrganizationId != PatenteeOrganizationId) return OpenLicenseErrors.NotPatentee;
        if (Status != OpenLicenseStatus.Draft) return OpenLicenseErrors.InvalidTransition(Status, "delete");
        return Result.Success();
    }

    /// <summary>The states in which a declaration still holds its patent (a new declaration of the patent is refused meanwhile).</summary>
    public static readonly OpenLicenseStatus[] HoldingStatuses =
        [OpenLicenseStatus.Draft, OpenLicenseStatus.Submitted, OpenLicenseStatus.Active, OpenLicenseStatus.WithdrawalSubmitted];

    /// <summary>WithdrawalSubmitted → Withdrawn when the withdrawal is announced. Earlier grants stay valid (R3.11).</summary>
    public Result AnnounceWithdrawal(string announcementNo, DateOnly announcementDate)
    {
        if (CheckAnnouncement(announcementNo, announcementDate) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (Status != OpenLicenseStatus.WithdrawalSubmitted) return OpenLicenseErrors.InvalidTransition(Status, "announce_withdrawal");
        if (AnnouncementDate is { } a && announcementDate < a) return OpenLicenseErrors.AnnouncementBeforeSubmission;
        WithdrawalAnnouncementNo = announcementNo.Trim();
        WithdrawalAnnouncementDate = announcementDate;
        Status = OpenLicenseStatus.Withdrawn;
        Touch();
        return Result.Success();
    }

    /// <summary>Why a declaration on a patent in this legal status lapses (spec §3.3), or null while the patent is alive.</summary>
    public static OpenLicenseLapseReason? LapseReasonFor(PatentLegalStatus patentStatus) => patentStatus switch
    {
        PatentLegalStatus.Lapsed or PatentLegalStatus.Abandoned => OpenLicenseLapseReason.PatentTerminated,
        PatentLegalStatus.Invalidated => OpenLicenseLapseReason.PatentInvalidated,
        PatentLegalStatus.Expired => OpenLicenseLapseReason.TermEnded,
        _ => null,
    };

    /// <summary>
    /// By the clock (spec §3.3 Active → Lapsed): an in-force declaration lapses on <paramref name="today"/> when its patent
    /// ended, or when the announced licence term is over. Returns whether it changed, so a repeated run changes nothing.
    /// </summary>
    public bool LapseIfEnded(PatentLegalStatus patentStatus, DateOnly today)
    {
        if (!IsInForce) return false;
        var reason = LapseReasonFor(patentStatus) ?? (today > LicenseTermEnd ? OpenLicenseLapseReason.TermEnded : null);
        if (reason is null) return false;
        Status = OpenLicenseStatus.Lapsed;
        LapseReason = reason;
        LapsedOn = today;
        Touch();
        return true;
    }

    /// <summary>The body of a recorded lapse: a known reason and a plausible date.</summary>
    public static IReadOnlyList<FieldError> CheckLapse(OpenLicenseLapseReason reason, DateOnly on)
    {
        var errors = new FieldErrors();
        errors.When(!Enum.IsDefined(reason), OpenLicenseErrors.LapseReasonInvalid);
        PatentChecks.Date(errors, on, "on");
        return errors.All;
    }

    /// <summary>Active → Lapsed: the patent terminated, was invalidated or the term ended.</summary>
    public Result Lapse(OpenLicenseLapseReason reason, DateOnly on)
    {
        if (CheckLapse(reason, on) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (!IsInForce) return OpenLicenseErrors.InvalidTransition(Status, "lapse");
        Status = OpenLicenseStatus.Lapsed;
        LapseReason = reason;
        LapsedOn = on;
        Touch();
        return Result.Success();
    }

    /// <summary>The body of a licence taken (R3.12): licensee name, written notice and its date (not after today).</summary>
    public static IReadOnlyList<FieldError> CheckTakeLicence(string? licenseeName, string? writtenNoticeRef, DateOnly noticeDate, DateOnly today)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, licenseeName, "licenseeName", 200, OpenLicenseErrors.LicenseeNameRequired.AsFieldError());
        PatentChecks.RequiredText(errors, writtenNoticeRef, "writtenNoticeRef", 200, OpenLicenseErrors.WrittenNoticeRequired.AsFieldError());
        PatentChecks.Date(errors, noticeDate, "noticeDate");
        errors.When(noticeDate > today, OpenLicenseErrors.DateInFuture("noticeDate").AsFieldError());
        return errors.All;
    }

    /// <summary>
    /// An enterprise takes the licence: records its written notice (书面通知) to the patentee. The grant is pending
    /// until the payment due under the announced terms is recorded too (R3.12).
    /// </summary>
    public Result<OpenLicenseGrant> TakeLicence(Guid licenseeOrganizationId, string licenseeName, string writtenNoticeRef, DateOnly noticeDate, DateTimeOffset now)
    {
        var today = BusinessTime.DateOf(now);
        if (CheckTakeLicence(licenseeName, writtenNoticeRef, noticeDate, today) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (Status != OpenLicenseStatus.Active) return OpenLicenseErrors.NotActive;
        if (licenseeOrganizationId == PatenteeOrganizationId) return OpenLicenseErrors.PatenteeCannotTakeOwnLicence;
        if (noticeDate > LicenseTermEnd) return OpenLicenseErrors.TermOver;
        if (_grants.Any(g => g.LicenseeOrganizationId == licenseeOrganizationId && (g.Status == OpenLicenseGrantStatus.Pending || g.IsValidOn(today))))
            return OpenLicenseErrors.AlreadyLicensed;
        var grant = new OpenLicenseGrant(Guid.NewGuid(), Id, licenseeOrganizationId, licenseeName.Trim(), writtenNoticeRef.Trim(), noticeDate, RequiredInitialPayment, now);
        _grants.Add(grant);
        Touch();
        return grant;
    }

    /// <summary>The payment that must be recorded before a grant becomes effective (R3.12).</summary>
    public decimal RequiredInitialPayment => PaymentMode switch
    {
        PaymentMode.LumpSumOnce => FixedFeeYuan ?? 0m,
        PaymentMode.LumpSumInstallments => InitialPaymentYuan ?? 0m,
        PaymentMode.Royalty => InitialPaymentYuan ?? 0m,
        PaymentMode.EntryFeePlusRoyalty => InitialPaymentYuan ?? 0m,
        _ => 0m,
    };

    /// <summary>The body of a payment record (R3.12): amount, reference and date (not after today).</summary>
    public static IReadOnlyList<FieldError> CheckPayment(decimal amountYuan, string? paymentRef, DateOnly paidOn, DateOnly today)
    {
        var errors = new FieldErrors();
        PatentChecks.Amount(errors, amountYuan, "amountYuan");
        PatentChecks.RequiredText(errors, paymentRef, "paymentRef", 200, OpenLicenseErrors.PaymentRefRequired.AsFieldError());
        PatentChecks.Date(errors, paidOn, "paidOn");
        errors.When(paidOn > today, OpenLicenseErrors.DateInFuture("paidOn").AsFieldError());
        return errors.All;
    }

    /// <summary>
    /// Records the licensee's payment. When notice and payment are both recorded the grant becomes effective
    /// (R3.12) and a filing task (备案) due within the configured months is created (R3.13).
    /// A grant cannot become effective on or after the withdrawal announcement (R3.11) or after a lapse.
    /// </summary>
    public Result<OpenLicenseGrant> RecordPayment(Guid grantId, Guid callerOrganizationId, decimal amountYuan, string paymentRef, DateOnly paidOn, OpenLicensingOptions options, DateTimeOffset now)
    {
        if (CheckPayment(amountYuan, paymentRef, paidOn, BusinessTime.DateOf(now)) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (GrantOf(grantId, callerOrganizationId) is not { } grant) return OpenLicenseErrors.GrantNotFound;
        if (grant.Status != OpenLicenseGrantStatus.Pending) return OpenLicenseErrors.GrantNotPending;
        var effectiveOn = paidOn > grant.NoticeDate ? paidOn : grant.NoticeDate;
        switch (Status)
        {
            case OpenLicenseStatus.Active or OpenLicenseStatus.WithdrawalSubmitted:
                break;
            case OpenLicenseStatus.Withdrawn when WithdrawalAnnouncementDate is { } w && effectiveOn < w:
                break;
            case OpenLicenseStatus.Withdrawn:
                return OpenLicenseErrors.WithdrawnBeforeEffective; // R3.11
            default:
                return OpenLicenseErrors.NotActive;
        }
        if (Yuan.Round(amountYuan) < RequiredInitialPayment) return OpenLicenseErrors.PaymentTooLow(RequiredInitialPayment);
        grant.MarkPaid(Yuan.Round(amountYuan), paymentRef.Trim(), paidOn, effectiveOn,
            BusinessTime.EndOfMonths(effectiveOn, options.FilingDueMonths), LicenseTermEnd);
        Touch();
        return grant;
    }

    /// <summary>The body of a filing record (R3.13): written proof and the filing date (not after today).</summary>
    public static IReadOnlyList<FieldError> CheckFiling(string? proofRef, DateOnly filedOn, DateOnly today)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, proofRef, "proofRef", 200, OpenLicenseErrors.FilingProofRequired.AsFieldError());
        PatentChecks.Date(errors, filedOn, "filedOn");
        errors.When(filedOn > today, OpenLicenseErrors.DateInFuture("filedOn").AsFieldError());
        return errors.All;
    }

    /// <summary>R3.13: the patentee or the licensee records the filing (备案) with written proof.</summary>
    public Result RecordFiling(Guid grantId, Guid callerOrganizationId, string proofRef, DateOnly filedOn, DateTimeOffset now)
    {
        if (CheckFiling(proofRef, filedOn, BusinessTime.DateOf(now)) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (GrantOf(grantId, callerOrganizationId) is not { } grant) return OpenLicenseErrors.GrantNotFound;
        if (grant.Status != OpenLicenseGrantStatus.Effective || grant.Filing is null) return OpenLicenseErrors.GrantNotEffective;
        if (grant.Filing.FiledOn is not null) return OpenLicenseErrors.AlreadyFiled;
        if (filedOn < grant.EffectiveOn) return OpenLicenseErrors.FiledBeforeEffective;
        grant.Filing.MarkFiled(filedOn, proofRef.Trim(), callerOrganizationId == PatenteeOrganizationId ? FilingParty.Patentee : FilingParty.Licensee);
        Touch();
        return Result.Success();
    }

    /// <summary>The body of a dispute (R3.14): a channel of 专利法 52 and a summary.</summary>
    public static IReadOnlyList<FieldError> CheckDispute(DisputeChannel channel, string? summary)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(channel)) errors.AddFrom(OpenLicenseErrors.DisputeChannelInvalid);
        PatentChecks.RequiredText(errors, summary, "summary", 2000, OpenLicenseErrors.DisputeSummaryRequired.AsFieldError());
        return errors.All;
    }

    /// <summary>The body of a dispute's resolution: the outcome.</summary>
    public static IReadOnlyList<FieldError> CheckResolution(string? outcome)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, outcome, "outcome", 2000, OpenLicenseErrors.DisputeOutcomeRequired.AsFieldError());
        return errors.All;
    }

    /// <summary>R3.14: opens a dispute on a grant through one of the channels of 专利法 52.</summary>
    public Result<OpenLicenseDispute> OpenDispute(Guid grantId, Guid callerOrganizationId, DisputeChannel channel, string summary, DateTimeOffset now)
    {
        if (CheckDispute(channel, summary) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (GrantOf(grantId, callerOrganizationId) is not { } grant) return OpenLicenseErrors.GrantNotFound;
        var dispute = grant.AddDispute(channel, summary.Trim(), callerOrganizationId, now);
        Touch();
        return dispute;
    }

    public Result ResolveDispute(Guid grantId, Guid disputeId, Guid callerOrganizationId, string outcome, DateTimeOffset now)
    {
        if (CheckResolution(outcome) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (GrantOf(grantId, callerOrganizationId) is not { } grant) return OpenLicenseErrors.GrantNotFound;
        var dispute = grant.Disputes.FirstOrDefault(d => d.Id == disputeId);
        if (dispute is null) return Error.NotFound("dispute", "纠纷记录");
        if (dispute.ResolvedAt is not null) return OpenLicenseErrors.DisputeAlreadyResolved;
        dispute.Resolve(outcome.Trim(), now);
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// A grant as its parties see it: the patentee's organisation and the grant's licensee. Anyone else gets no grant, as
    /// for an id that does not exist (404: another licensee's grant is not revealed).
    /// </summary>
    private OpenLicenseGrant? GrantOf(Guid grantId, Guid callerOrganizationId) =>
        _grants.FirstOrDefault(g => g.Id == grantId && (callerOrganizationId == PatenteeOrganizationId || callerOrganizationId == g.LicenseeOrganizationId));

    private OpenLicenseTerms Terms => new(PaymentMode, Fee, LicenseTermStart, LicenseTermEnd, OtherTerms, OtherTermsEn, EvaluationReportRef, PledgeeConsentRef);

    private List<string> FindPromotionalTerms(OpenLicensingOptions options)
    {
        var text = string.Join("\n", OtherTerms, OtherTermsEn);
        return options.PromotionalTerms.Where(t => !string.IsNullOrWhiteSpace(t) && text.Contains(t, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Form checks that need no patent facts, every problem at once: term order and dates, a fee standard matching the
    /// payment mode, amounts and texts that fit their columns.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateForm(OpenLicenseTerms t)
    {
        var f = new FieldErrors();
        if (!Enum.IsDefined(t.PaymentMode))
            f.Add(OpenLicenseErrors.PaymentModeInvalid);
        if (t.Fee.RoyaltyBase is { } rb && !Enum.IsDefined(rb))
            f.Add(OpenLicenseErrors.RoyaltyBaseInvalid);
        PatentChecks.Date(f, t.LicenseTermStart, "licenseTermStart");
        PatentChecks.Date(f, t.LicenseTermEnd, "licenseTermEnd");
        if (t.LicenseTermEnd < t.LicenseTermStart)
            f.Add(OpenLicenseErrors.TermEndBeforeStart);
        var fee = t.Fee;
        if (fee.FixedFeeYuan < 0 || fee.InitialPaymentYuan < 0 || fee.RoyaltyRatePercent < 0 || fee.RoyaltyRatePercent > 100)
            f.Add(OpenLicenseErrors.FeeOutOfRange);
        else
        {
            PatentChecks.Amount(f, fee.FixedFeeYuan, "fixedFeeYuan");
            PatentChecks.Amount(f, fee.InitialPaymentYuan, "initialPaymentYuan");
        }
        switch (t.PaymentMode)
        {
            case PaymentMode.LumpSumOnce or PaymentMode.LumpSumInstallments when fee.FixedFeeYuan is null:
                f.Add(OpenLicenseErrors.FixedFeeRequired);
                break;
            case PaymentMode.LumpSumInstallments when fee.InitialPaymentYuan is null:
                f.Add(OpenLicenseErrors.FirstInstalmentRequired);
                break;
            case PaymentMode.Royalty or PaymentMode.EntryFeePlusRoyalty when fee.RoyaltyRatePercent is null || fee.RoyaltyBase is null:
                f.Add(OpenLicenseErrors.RoyaltyRequired);
                break;
        }
        if (t.PaymentMode == PaymentMode.EntryFeePlusRoyalty && fee.InitialPaymentYuan is null)
            f.Add(OpenLicenseErrors.EntryFeeRequired);
        if (t.PaymentMode == PaymentMode.LumpSumInstallments && fee is { InitialPaymentYuan: { } first, FixedFeeYuan: { } total } && first > total)
            f.Add(OpenLicenseErrors.FirstInstalmentAboveTotal);
        PatentChecks.Text(f, t.OtherTerms, "otherTerms", 4000);
        PatentChecks.Text(f, t.OtherTermsEn, "otherTermsEn", 4000);
        PatentChecks.Text(f, t.EvaluationReportRef, "evaluationReportRef", 200);
        PatentChecks.Text(f, t.PledgeeConsentRef, "pledgeeConsentRef", 200);
        return f.All;
    }

    private void CopyPatent(Patent p)
    {
        PatentNo = p.ApplicationNo;
        PatentTitle = p.Title;
        PatentType = p.Type;
        PatenteeNames = p.PatenteeNames;
    }

    private void ApplyTerms(OpenLicenseTerms t)
    {
        PaymentMode = t.PaymentMode;
        FixedFeeYuan = t.Fee.FixedFeeYuan is { } a ? Yuan.Round(a) : null;
        InitialPaymentYuan = t.Fee.InitialPaymentYuan is { } b ? Yuan.Round(b) : null;
        RoyaltyRatePercent = t.Fee.RoyaltyRatePercent;
        RoyaltyBase = t.Fee.RoyaltyBase;
        LicenseTermStart = t.LicenseTermStart;
        LicenseTermEnd = t.LicenseTermEnd;
        OtherTerms = string.IsNullOrWhiteSpace(t.OtherTerms) ? null : t.OtherTerms.Trim();
        OtherTermsEn = string.IsNullOrWhiteSpace(t.OtherTermsEn) ? null : t.OtherTermsEn.Trim();
        EvaluationReportRef = string.IsNullOrWhiteSpace(t.EvaluationReportRef) ? null : t.EvaluationReportRef.Trim();
        PledgeeConsentRef = string.IsNullOrWhiteSpace(t.PledgeeConsentRef) ? null : t.PledgeeConsentRef.Trim();
    }
}
