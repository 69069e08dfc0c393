using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Patents.Domain;

/// <summary>The editable facts of a patent record, as entered by the office or read from an import row.</summary>
public sealed record PatentDetails(
    string ApplicationNo,
    string? PublicationNo,
    PatentType Type,
    string Title,
    string? TitleEn,
    string PatenteeNames,
    DateOnly FilingDate,
    DateOnly? GrantAnnouncementDate,
    PatentLegalStatus LegalStatus,
    DateOnly? AnnualFeePaidUntil,
    int TermCompensationDays = 0,
    string? IpcCodes = null,
    Guid? AchievementId = null);

/// <summary>专利 — a patent (or application) held by an organisation.</summary>
public sealed class Patent : IAudited, ISearchIndexed
{
    private readonly List<PatentPledge> _pledges = [];
    private readonly List<PatentLicence> _licences = [];

    private Patent() { }

    public Guid Id { get; private set; }
    /// <summary>The patentee's organisation (专利权人所在单位); its transfer office manages the record.</summary>
    public Guid OwnerOrganizationId { get; private set; }
    /// <summary>申请号, normalised (no "CN", no dots or spaces); unique per owner.</summary>
    public string ApplicationNo { get; private set; } = "";
    /// <summary>公开(公告)号</summary>
    public string? PublicationNo { get; private set; }
    public PatentType Type { get; private set; }
    public string Title { get; private set; } = "";
    public string? TitleEn { get; private set; }
    /// <summary>专利权人 (several separated by ";")</summary>
    public string PatenteeNames { get; private set; } = "";
    public string? IpcCodes { get; private set; }
    /// <summary>申请日</summary>
    public DateOnly FilingDate { get; private set; }
    /// <summary>授权公告日</summary>
    public DateOnly? GrantAnnouncementDate { get; private set; }
    /// <summary>专利权期限补偿 (days), R3.8.</summary>
    public int TermCompensationDays { get; private set; }
    /// <summary>Last day of protection, computed from type, filing date and compensation (R3.8).</summary>
    public DateOnly ExpiryDate { get; private set; }
    public PatentLegalStatus LegalStatus { get; private set; }
    /// <summary>年费缴至</summary>
    public DateOnly? AnnualFeePaidUntil { get; private set; }
    /// <summary>中止程序 (ownership dispute or court preservation), R3.4.</summary>
    public bool IsSuspended { get; private set; }
    public string? SuspensionReason { get; private set; }
    /// <summary>Optional link to a 科技成果 (achievement) of the achievements module.</summary>
    public Guid? AchievementId { get; private set; }
    /// <summary>
    /// 未缴年费终止: for a patent that lapsed because an annual fee was not paid within the grace period, the day that fee
    /// fell due — the patent terminates from then (专利法实施细则第一百一十五条).
    /// </summary>
    public DateOnly? LapsedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: incremented by every change (lost updates are refused with 409).</summary>
    public int Version { get; private set; }
    public IReadOnlyList<PatentPledge> Pledges => _pledges;
    public IReadOnlyList<PatentLicence> Licences => _licences;

    public string SearchDocumentType => SearchDocumentTypes.Patent;
    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    public bool IsGranted(DateOnly today) =>
        GrantAnnouncementDate is { } g && g <= today && LegalStatus == PatentLegalStatus.InForce;

    public bool HasActivePledge(DateOnly today) => _pledges.Any(p => p.IsActiveOn(today));

    public bool HasActiveExclusiveOrSoleLicence(DateOnly today) =>
        _licences.Any(l => l.Scope != LicenseScope.NonExclusive && l.IsActiveOn(today));

    public bool AnnualFeesPaidOn(DateOnly today) => AnnualFeePaidUntil is { } paid && paid >= today;

    /// <summary>
    /// The due date of the next annual fee: the last day of the year already paid (年费缴至), since each year's fee is paid
    /// before the preceding year ends; null when no fee is recorded or none falls due within the term
    /// (专利法实施细则第一百一十五条 [INF: due date = paid-until date]).
    /// </summary>
    public DateOnly? NextAnnualFeeDue => AnnualFeePaidUntil is { } paid && paid < ExpiryDate ? paid : null;

    /// <summary>The last day of the grace period for the next annual fee (R3.16: <paramref name="graceMonths"/> months, 民法典 202).</summary>
    public DateOnly? AnnualFeeGraceEndsOn(int graceMonths) =>
        NextAnnualFeeDue is { } due ? BusinessTime.EndOfMonths(due, graceMonths) : null;

    /// <summary>
    /// By the clock (R3.16, 专利法实施细则第一百一十五条): an in-force patent whose next annual fee is still unpaid after the
    /// grace period of <paramref name="graceMonths"/> months lapses (未缴年费终止), terminated from the fee's due date.
    /// Returns whether it changed, so a repeated run changes nothing.
    /// </summary>
    public bool LapseIfFeesUnpaid(DateOnly today, int graceMonths, DateTimeOffset now)
    {
        if (LegalStatus != PatentLegalStatus.InForce || NextAnnualFeeDue is not { } due) return false;
        if (today <= BusinessTime.EndOfMonths(due, graceMonths)) return false;
        LegalStatus = PatentLegalStatus.Lapsed;
        LapsedOn = due;
        Touch(now);
        return true;
    }

    public static string NormalizeApplicationNo(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var s = new string(raw.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (s.StartsWith("ZL", StringComparison.Ordinal)) s = s[2..];
        if (s.StartsWith("CN", StringComparison.Ordinal)) s = s[2..];
        return s;
    }

    public static Result<Patent> Register(Guid ownerOrganizationId, PatentDetails details, PatentTermRules rules, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count > 0) return Error.Validation(errors);
        var patent = new Patent { Id = Guid.NewGuid(), OwnerOrganizationId = ownerOrganizationId, CreatedAt = now };
        patent.Apply(details, rules, now);
        return patent;
    }

    /// <summary>Updates the record's facts (manual edit or re-import of the same application number).</summary>
    public Result Update(PatentDetails details, PatentTermRules rules, DateTimeOffset now)
    {
        var errors = Validate(details);
        if (errors.Count > 0) return Error.Validation(errors);
        if (NormalizeApplicationNo(details.ApplicationNo) != ApplicationNo) return PatentErrors.ApplicationNoChanged;
        Apply(details, rules, now);
        return Result.Success();
    }

    /// <summary>Every field check of a patent record at once (the one validation path: a <see cref="FieldErrors"/> checklist).</summary>
    public static IReadOnlyList<FieldError> Validate(PatentDetails d)
    {
        var errors = new FieldErrors();
        var appNo = NormalizeApplicationNo(d.ApplicationNo);
        errors.When(appNo.Length is < 8 or > 20, PatentErrors.ApplicationNoInvalid);
        PatentChecks.Text(errors, d.PublicationNo, "publicationNo", 30);
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(PatentErrors.TitleRequired);
        else PatentChecks.Text(errors, d.Title, "title", 300);
        PatentChecks.Text(errors, d.TitleEn, "titleEn", 400);
        if (string.IsNullOrWhiteSpace(d.PatenteeNames)) errors.Add(PatentErrors.PatenteeRequired);
        else PatentChecks.Text(errors, d.PatenteeNames, "patenteeNames", 500);
        PatentChecks.Text(errors, d.IpcCodes, "ipcCodes", 200);
        errors.When(!Enum.IsDefined(d.Type), PatentErrors.TypeInvalid);
        errors.When(!Enum.IsDefined(d.LegalStatus), PatentErrors.LegalStatusInvalid("legalStatus"));
        errors.When(!PatentChecks.IsPlausible(d.FilingDate), PatentErrors.DateOutOfRange("filingDate"));
        errors.When(d.GrantAnnouncementDate is { } ga && !PatentChecks.IsPlausible(ga), PatentErrors.DateOutOfRange("grantAnnouncementDate"));
        errors.When(d.AnnualFeePaidUntil is { } fp && !PatentChecks.IsPlausible(fp), PatentErrors.DateOutOfRange("annualFeePaidUntil"));
        if (d.GrantAnnouncementDate is { } g && g < d.FilingDate)
            errors.Add(PatentErrors.GrantBeforeFiling);
        if (d.TermCompensationDays < 0)
            errors.Add(PatentErrors.TermCompensationNegative);
        else if (d.TermCompensationDays > MaxTermCompensationDays)
            errors.Add(PatentErrors.TermCompensationTooLong(MaxTermCompensationDays));
        if (d.TermCompensationDays > 0 && d.Type != PatentType.Invention)
            errors.Add(PatentErrors.TermCompensationInventionOnly);
        if (d.GrantAnnouncementDate is null && d.LegalStatus == PatentLegalStatus.InForce)
            errors.Add(PatentErrors.InForceWithoutGrant);
        return errors.All;
    }

    /// <summary>Term compensation (专利法第四十二条) is bounded here at ten years, far above any granted compensation.</summary>
    public const int MaxTermCompensationDays = 3650;

    private void Apply(PatentDetails d, PatentTermRules rules, DateTimeOffset now)
    {
        ApplicationNo = NormalizeApplicationNo(d.ApplicationNo);
        PublicationNo = string.IsNullOrWhiteSpace(d.PublicationNo) ? null : d.PublicationNo.Trim();
        Type = d.Type;
        Title = d.Title.Trim();
        TitleEn = string.IsNullOrWhiteSpace(d.TitleEn) ? null : d.TitleEn.Trim();
        PatenteeNames = d.PatenteeNames.Trim();
        IpcCodes = string.IsNullOrWhiteSpace(d.IpcCodes) ? null : d.IpcCodes.Trim();
        FilingDate = d.FilingDate;
        GrantAnnouncementDate = d.GrantAnnouncementDate;
        TermCompensationDays = d.TermCompensationDays;
        ExpiryDate = rules.ExpiryDate(d.Type, d.FilingDate, d.TermCompensationDays);
        LegalStatus = d.LegalStatus;
        AnnualFeePaidUntil = d.AnnualFeePaidUntil;
        AchievementId = d.AchievementId ?? AchievementId;
        if (LegalStatus != PatentLegalStatus.Lapsed) LapsedOn = null;
        Touch(now);
    }

    public void LinkAchievement(Guid? achievementId, DateTimeOffset now)
    {
        AchievementId = achievementId;
        Touch(now);
    }

    /// <summary>Every change: the time and the concurrency token.</summary>
    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The body of a fee-payment record: a plausible paid-until date.</summary>
    public static IReadOnlyList<FieldError> CheckFeePaidUntil(DateOnly paidUntil)
    {
        var errors = new FieldErrors();
        PatentChecks.Date(errors, paidUntil, "paidUntil");
        return errors.All;
    }

    public Result RecordAnnualFeePaidUntil(DateOnly paidUntil, DateTimeOffset now)
    {
        if (CheckFeePaidUntil(paidUntil) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (AnnualFeePaidUntil is { } current && paidUntil < current) return PatentErrors.FeePaidUntilGoesBack;
        AnnualFeePaidUntil = paidUntil;
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// By the clock: an in-force patent whose term (type + filing date + compensation) ended before <paramref name="today"/>
    /// becomes Expired (期限届满). Returns whether it changed, so a repeated run changes nothing.
    /// </summary>
    public bool ExpireIfTermEnded(DateOnly today, DateTimeOffset now)
    {
        if (LegalStatus != PatentLegalStatus.InForce || today <= ExpiryDate) return false;
        LegalStatus = PatentLegalStatus.Expired;
        Touch(now);
        return true;
    }

    public static IReadOnlyList<FieldError> CheckLegalStatus(PatentLegalStatus status) =>
        Enum.IsDefined(status) ? [] : [PatentErrors.LegalStatusInvalid("status")];

    public Result ChangeLegalStatus(PatentLegalStatus status, DateTimeOffset now)
    {
        if (CheckLegalStatus(status) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (status == PatentLegalStatus.InForce && GrantAnnouncementDate is null) return PatentErrors.NotGranted;
        LegalStatus = status;
        if (status != PatentLegalStatus.Lapsed) LapsedOn = null;
        Touch(now);
        return Result.Success();
    }

    /// <summary>The body of a suspension: a reason that fits its column.</summary>
    public static IReadOnlyList<FieldError> CheckSuspension(string? reason)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, reason, "reason", 500, PatentErrors.SuspensionReasonRequired.AsFieldError());
        return errors.All;
    }

    /// <summary>Records a 中止程序 (R3.4): ownership dispute or court preservation.</summary>
    public Result Suspend(string reason, DateTimeOffset now)
    {
        if (CheckSuspension(reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        IsSuspended = true;
        SuspensionReason = reason.Trim();
        Touch(now);
        return Result.Success();
    }

    public void LiftSuspension(DateTimeOffset now)
    {
        IsSuspended = false;
        SuspensionReason = null;
        Touch(now);
    }

    /// <summary>The body of a pledge registration: pledgee, date and amount, every problem at once.</summary>
    public static IReadOnlyList<FieldError> CheckPledge(string? pledgee, DateOnly registeredOn, decimal? securedAmountYuan)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, pledgee, "pledgee", 200, PatentErrors.PledgeeRequired.AsFieldError());
        PatentChecks.Date(errors, registeredOn, "registeredOn");
        PatentChecks.Amount(errors, securedAmountYuan, "securedAmountYuan");
        return errors.All;
    }

    /// <summary>Records a 质押 (pledge) registration.</summary>
    public Result<PatentPledge> AddPledge(string pledgee, DateOnly registeredOn, decimal? securedAmountYuan, DateTimeOffset now)
    {
        if (CheckPledge(pledgee, registeredOn, securedAmountYuan) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var pledge = new PatentPledge(Guid.NewGuid(), pledgee.Trim(), registeredOn, securedAmountYuan is { } a ? Yuan.Round(a) : null);
        _pledges.Add(pledge);
        Touch(now);
        return pledge;
    }

    public static IReadOnlyList<FieldError> CheckPledgeRelease(DateOnly releasedOn)
    {
        var errors = new FieldErrors();
        PatentChecks.Date(errors, releasedOn, "releasedOn");
        return errors.All;
    }

    public Result ReleasePledge(Guid pledgeId, DateOnly releasedOn, DateTimeOffset now)
    {
        if (CheckPledgeRelease(releasedOn) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var pledge = _pledges.FirstOrDefault(p => p.Id == pledgeId);
        if (pledge is null) return Error.NotFound("pledge", "质押记录");
        if (pledge.ReleasedOn is not null) return PatentErrors.PledgeAlreadyReleased;
        if (releasedOn < pledge.RegisteredOn) return PatentErrors.PledgeReleaseBeforeRegistration;
        pledge.Release(releasedOn);
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Records an existing licence (实施许可). R3.10: while an open-licence declaration on this patent is in force,
    /// exclusive and sole licences are refused; ordinary licences are allowed.
    /// </summary>
    public Result<PatentLicence> RecordLicence(
        string licensee, LicenseScope scope, DateOnly startDate, DateOnly? endDate,
        bool openLicenceInForce, DateTimeOffset now, Guid? openLicenseGrantId = null)
    {
        if (CheckLicence(licensee, scope, startDate, endDate) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (endDate is { } end && end > ExpiryDate) return PatentErrors.LicenceBeyondExpiry(ExpiryDate);
        if (openLicenceInForce && scope != LicenseScope.NonExclusive)
            return PatentErrors.ExclusiveLicenceWhileOpenLicence(scope); // R3.10
        var today = BusinessTime.DateOf(now);
        if (scope == LicenseScope.Exclusive && _licences.Any(l => l.IsActiveOn(startDate) || (l.StartDate >= startDate && (endDate is null || l.StartDate <= endDate))))
            return PatentErrors.ExclusiveConflictsWithExisting;
        if (scope != LicenseScope.Exclusive && _licences.Any(l => l.Scope == LicenseScope.Exclusive && l.IsActiveOn(startDate > today ? startDate : today)))
            return PatentErrors.ExistingExclusiveLicence;
        var licence = new PatentLicence(Guid.NewGuid(), licensee.Trim(), scope, startDate, endDate, openLicenseGrantId);
        _licences.Add(licence);
        Touch(now);
        return licence;
    }

    /// <summary>The body of a licence record, every problem at once (the patent's own rules come after, in <see cref="RecordLicence"/>).</summary>
    public static IReadOnlyList<FieldError> CheckLicence(string? licensee, LicenseScope scope, DateOnly startDate, DateOnly? endDate)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, licensee, "licensee", 200, PatentErrors.LicenseeRequired.AsFieldError());
        if (!Enum.IsDefined(scope)) errors.AddFrom(PatentErrors.ScopeInvalid);
        PatentChecks.Date(errors, startDate, "startDate");
        if (endDate is { } end && !PatentChecks.IsPlausible(end)) errors.Add(PatentErrors.DateOutOfRange("endDate"));
        else if (endDate is { } e && e < startDate) errors.AddFrom(PatentErrors.LicenceEndsBeforeStart);
        return errors.All;
    }

    public Result EndLicence(Guid licenceId, DateOnly endedOn, DateTimeOffset now)
    {
        var licence = _licences.FirstOrDefault(l => l.Id == licenceId);
        if (licence is null) return Error.NotFound("licence", "许可记录");
        if (endedOn < licence.StartDate) return PatentErrors.LicenceEndsBeforeStart;
        licence.End(endedOn);
        Touch(now);
        return Result.Success();
    }
}

/// <summary>专利质押</summary>
public sealed class PatentPledge
{
    private PatentPledge() { }

    internal PatentPledge(Guid id, string pledgee, DateOnly registeredOn, decimal? securedAmountYuan)
    {
        Id = id;
        Pledgee = pledgee;
        RegisteredOn = registeredOn;
        SecuredAmountYuan = securedAmountYuan;
    }

    public Guid Id { get; private set; }
    /// <summary>质权人</summary>
    public string Pledgee { get; private set; } = "";
    public DateOnly RegisteredOn { get; private set; }
    public DateOnly? ReleasedOn { get; private set; }
    public decimal? SecuredAmountYuan { get; private set; }

    public bool IsActiveOn(DateOnly date) => RegisteredOn <= date && (ReleasedOn is null || date < ReleasedOn);

    internal void Release(DateOnly on) => ReleasedOn = on;
}

/// <summary>专利实施许可 already granted on the patent (exclusive / sole / ordinary).</summary>
public sealed class PatentLicence
{
    private PatentLicence() { }

    internal PatentLicence(Guid id, string licensee, LicenseScope scope, DateOnly start, DateOnly? end, Guid? openLicenseGrantId)
    {
        Id = id;
        Licensee = licensee;
        Scope = scope;
        StartDate = start;
        EndDate = end;
        OpenLicenseGrantId = openLicenseGrantId;
    }

    public Guid Id { get; private set; }
    public string Licensee { get; private set; } = "";
    public LicenseScope Scope { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    /// <summary>Set when the licence came from an open-licence grant.</summary>
    public Guid? OpenLicenseGrantId { get; private set; }

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    internal void End(DateOnly on) => EndDate = on;
}
