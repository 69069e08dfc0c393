using TechTransfer.SharedKernel.Fields;
using TechTransfer.SharedKernel.Time;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

/// <summary>One entry of the status history (§2.3).</summary>
public sealed record StatusChange(RegistrationStatus From, RegistrationStatus To, DateTimeOffset At, Guid? ActorUserId, string Action, string? Note);

/// <summary>A use of a benefit that depends on the registration (R2.3, R2.11).</summary>
public sealed record BenefitUse(BenefitKind Kind, DateTimeOffset At, Guid? ActorUserId);

/// <summary>通知任务: tell tax/finance that a registration whose benefits were used has changed (R2.11).</summary>
public sealed record NotificationTask(Guid Id, string Kind, string Zh, string En, DateTimeOffset CreatedAt, bool Done = false);

/// <summary>A change registration (变更登记): any field left null is unchanged (R2.11).</summary>
public sealed record ContractChange(
    string Reason,
    decimal? TotalAmount = null,
    decimal? AssessedTechTransactionAmount = null,
    IReadOnlyList<PartyInput>? Parties = null,
    DateOnly? ValidTo = null);

/// <summary>Issues registration numbers: the per-year serial of a registry office, formatted by the configured layout.</summary>
public interface IRegistrationNumberIssuer
{
    string Next(int year, string officeDivisionCode);
}

/// <summary>技术合同 (认定登记的对象): the contract, its computed amounts and its registration workflow (spec §2).</summary>
public sealed partial class TechnologyContract : IAudited
{
    public const string NotificationKindTaxFinance = "tax_finance_notification";

    // Value lists are stored as JSON by the data layer; the fields are not readonly so it can materialise them.
    private readonly List<ContractParty> _parties = [];
    private List<NonTechnicalItem> _nonTechnicalItems = [];
    private List<IpReference> _ipRefs = [];
    private List<AttachmentInfo> _attachments = [];
    private List<StatusChange> _history = [];
    private List<BenefitUse> _benefitUses = [];
    private List<NotificationTask> _notifications = [];
    private List<Guid> _achievementIds = [];

    private TechnologyContract() { }

    public Guid Id { get; private set; }
    /// <summary>The organisation that created the record (the registrant side).</summary>
    public Guid OwnerOrganizationId { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    // ---- §2.1 fields ----
    /// <summary>项目名称</summary>
    public string ProjectName { get; private set; } = "";
    public ContractCategory Category { get; private set; }
    public ContractSubType SubType { get; private set; }
    public ContractForm Form { get; private set; }
    /// <summary>签订日期</summary>
    public DateOnly SignedDate { get; private set; }
    /// <summary>合同有效期 起</summary>
    public DateOnly ValidFrom { get; private set; }
    /// <summary>合同有效期 止</summary>
    public DateOnly ValidTo { get; private set; }
    public IReadOnlyList<ContractParty> Parties => _parties;
    /// <summary>技术合同成交额</summary>
    public decimal TotalAmount { get; private set; }
    public IReadOnlyList<NonTechnicalItem> NonTechnicalItems => _nonTechnicalItems;
    public PaymentTerms Payment { get; private set; } = new(PaymentMode.LumpSumOnce);
    public IReadOnlyList<IpReference> IpRefs => _ipRefs;
    public LicenceTerms? Licence { get; private set; }
    public bool IsGovernmentFunded { get; private set; }
    public string? ProjectApprovalDoc { get; private set; }
    public decimal? ExpectedNewInvestment { get; private set; }
    public decimal? ExpectedNewOutput { get; private set; }
    public bool IsMixedContract { get; private set; }
    public decimal? StatedTechnicalPartAmount { get; private set; }
    public bool IsForeignLanguage { get; private set; }
    public bool SignedByInternalUnit { get; private set; }
    public bool LinkedToDevelopmentOrTransfer { get; private set; }
    /// <summary>R2.5: the development or transfer contract this training, consulting or service contract is part of.</summary>
    public Guid? PartOfContractId { get; private set; }
    /// <summary>R2.13: separable consulting, service or training fees inside a transfer or licence (not transfer income).</summary>
    public decimal? SeparableServicesAmount { get; private set; }
    public string? TechnicalField { get; private set; }
    public ContractOrigin Origin { get; private set; }
    public string? OriginRef { get; private set; }
    public IReadOnlyList<AttachmentInfo> Attachments => _attachments;
    /// <summary>The achievements the contract transfers or licenses (科技成果 ids).</summary>
    public IReadOnlyList<Guid> AchievementIds => _achievementIds;

    // ---- amounts ----
    /// <summary>技术交易额 as declared: computed by R2.1 from the contract.</summary>
    public decimal DeclaredTechTransactionAmount { get; private set; }
    /// <summary>技术交易额 as assessed (核定) by the registrar on registration.</summary>
    public decimal? AssessedTechTransactionAmount { get; private set; }
    /// <summary>
    /// 重大合同 (R2.4): shown from the draft on (by the threshold in force that day), fixed on acceptance by the
    /// procedure rule set of the acceptance date.
    /// </summary>
    public bool IsLargeContract { get; private set; }
    /// <summary>有争议</summary>
    public bool IsDisputed { get; private set; }

    // ---- workflow ----
    public RegistrationStatus Status { get; private set; }
    public IReadOnlyList<StatusChange> StatusHistory => _history;
    public string? ContentRuleSetId { get; private set; }
    public string? ProcedureRuleSetId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>The day the SLA clock (re)started: acceptance, or resubmission after supplements.</summary>
    public DateOnly? ClockStartDate { get; private set; }
    public int? SlaDays { get; private set; }
    public SlaDayKind? SlaDayKind { get; private set; }
    /// <summary>The registrar must decide by this date; null while the clock is stopped.</summary>
    public DateOnly? DueDate { get; private set; }
    /// <summary>When the seller last resubmitted after a supplement request (补正后重新提交); the registrar workbench lists these.</summary>
    public DateTimeOffset? ResubmittedAt { get; private set; }
    public string? SupplementRequest { get; private set; }
    public Guid? RegistryOfficeId { get; private set; }
    /// <summary>合同登记编号</summary>
    public string? RegistrationNo { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset? CertificateIssuedAt { get; private set; }
    public RejectionReason? RejectionReason { get; private set; }
    public string? RejectionText { get; private set; }
    public RevocationReason? RevocationReason { get; private set; }
    public string? RevocationText { get; private set; }
    public string? CancellationReason { get; private set; }
    public RegistrationStatus? StatusBeforeObjection { get; private set; }
    public string? ObjectionText { get; private set; }
    public Guid? ObjectionByOrganizationId { get; private set; }
    public ObjectionOutcome? ObjectionOutcome { get; private set; }
    public string? ObjectionResolution { get; private set; }

    // ---- duplicates, corrections, benefits ----
    /// <summary>R2.8 fingerprint of parties + signing date + amount + subject.</summary>
    public string Fingerprint { get; private set; } = "";
    public bool PossibleDuplicate { get; private set; }
    public Guid? DuplicateOfContractId { get; private set; }
    /// <summary>补正 pending (R2.3): benefits are blocked.</summary>
    public bool CorrectionPending { get; private set; }
    public decimal? PendingCorrectionAmount { get; private set; }
    public string? PendingCorrectionNote { get; private set; }
    public IReadOnlyList<BenefitUse> BenefitUses => _benefitUses;
    public IReadOnlyList<NotificationTask> NotificationTasks => _notifications;

    // ---- statistical classification (denormalised for filtering and the plain GROUP BY) ----
    /// <summary>Five-class category (legacy licences count as licensing).</summary>
    public ContractCategory StatCategory { get; private set; }
    public string SellerNatureGroup { get; private set; } = "";
    /// <summary>2-digit province of the first seller, "XX" abroad.</summary>
    public string SellerProvince { get; private set; } = "";
    public string? SellerDivision { get; private set; }
    public string BuyerNatureGroup { get; private set; } = "";
    public string BuyerProvince { get; private set; } = "";
    /// <summary>The registration day in China time (statistics count on it).</summary>
    public DateOnly? RegisteredDate { get; private set; }

    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    public bool IsTechnologyImport =>
        _parties.Any(p => p.Role == PartyRole.Seller && !p.IsDomestic) && _parties.Any(p => p.Role == PartyRole.Buyer && p.IsDomestic);

    /// <summary>
    /// R2.6: the amount that is registered, certified and counted in statistics as the contract's total — the stated
    /// technical part of a mixed contract, else the total.
    /// </summary>
    public decimal RegisterableAmount => IsMixedContract && StatedTechnicalPartAmount is { } t ? t : TotalAmount;

    /// <summary>The registration stands (registered, changed, or under/after an objection to it) and was not cancelled or revoked.</summary>
    public bool IsEffectivelyRegistered => RegistrationNo is not null && Status is RegistrationStatus.Registered
        or RegistrationStatus.ChangeRegistered or RegistrationStatus.ObjectionFiled or RegistrationStatus.ObjectionResolved;

    public bool IsOverdue(DateOnly today) => Status is RegistrationStatus.Accepted or RegistrationStatus.ExpertReview && SlaClock.IsOverdue(DueDate, today);

    public ContractCategory StatisticalCategory => ContractCategories.StatisticalCategory(Category, SubType);

    public ContractDetails ToDetails() => new()
    {
        ProjectName = ProjectName, Category = Category, SubType = SubType, Form = Form, SignedDate = SignedDate,
        ValidFrom = ValidFrom, ValidTo = ValidTo, Parties = _parties.OrderBy(p => p.Order).Select(p => p.ToInput()).ToList(),
        TotalAmount = TotalAmount, NonTechnicalItems = _nonTechnicalItems, Payment = Payment, IpRefs = _ipRefs, Licence = Licence,
        IsGovernmentFunded = IsGovernmentFunded, ProjectApprovalDoc = ProjectApprovalDoc, ExpectedNewInvestment = ExpectedNewInvestment,
        ExpectedNewOutput = ExpectedNewOutput, IsMixedContract = IsMixedContract, StatedTechnicalPartAmount = StatedTechnicalPartAmount,
        IsForeignLanguage = IsForeignLanguage, SignedByInternalUnit = SignedByInternalUnit,
        LinkedToDevelopmentOrTransfer = LinkedToDevelopmentOrTransfer, TechnicalField = TechnicalField, Origin = Origin, OriginRef = OriginRef,
        AchievementIds = _achievementIds, PartOfContractId = PartOfContractId, SeparableServicesAmount = SeparableServicesAmount,
    };

    /// <summary>Starts a draft. Content rules are those in force on the signing date (R0.2).</summary>
    public static Result<TechnologyContract> Draft(ContractDetails details, Guid ownerOrganizationId, Guid? userId, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        var rules = catalog.ContentRules(details.SignedDate);
        var errors = ContractValidation.Validate(details, rules);
        if (errors.Count > 0) return ContractErrors.Invalid(errors);
        var c = new TechnologyContract
        {
            Id = Guid.NewGuid(),
            OwnerOrganizationId = ownerOrganizationId,
            CreatedByUserId = userId,
            CreatedAt = now,
            Status = RegistrationStatus.Draft,
        };
        c.Apply(details, rules, now);
        c.FlagLargeProvisionally(catalog, now);
        c._history.Add(new StatusChange(RegistrationStatus.Draft, RegistrationStatus.Draft, now, userId, "draft", null));
        return c;
    }

    /// <summary>Edits the content while it is a draft or awaiting supplements.</summary>
    public Result UpdateDetails(ContractDetails details, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        if (Status is not (RegistrationStatus.Draft or RegistrationStatus.SupplementRequested)) return ContractErrors.NotEditable;
        var rules = catalog.ContentRules(details.SignedDate);
        var errors = ContractValidation.Validate(details, rules);
        if (errors.Count > 0) return ContractErrors.Invalid(errors);
        if (Status is not (RegistrationStatus.Draft or RegistrationStatus.SupplementRequested)) return ContractErrors.NotEditable;
        Apply(details, rules, now);
        if (Status == RegistrationStatus.Draft) FlagLargeProvisionally(catalog, now);
        else IsLargeContract = DeclaredTechTransactionAmount >= ProcedureRules(catalog).LargeContractThreshold;
        return Result.Success();
    }

    /// <summary>
    /// R2.4 from the draft on: before acceptance the flag uses the threshold of the procedure rules in force today (the
    /// acceptance date is not known yet); acceptance fixes it by the rule set of the acceptance date.
    /// </summary>
    private void FlagLargeProvisionally(ContractRuleSetCatalog catalog, DateTimeOffset now) =>
        IsLargeContract = DeclaredTechTransactionAmount >= catalog.ProcedureRules(BusinessTime.DateOf(now)).LargeContractThreshold;

    private void Apply(ContractDetails d, ContractRuleSet rules, DateTimeOffset now)
    {
        ProjectName = d.ProjectName.Trim();
        Category = d.Category;
        SubType = d.SubType;
        Form = d.Form;
        SignedDate = d.SignedDate;
        ValidFrom = d.ValidFrom;
        ValidTo = d.ValidTo;
        SetParties(d.Parties);
        TotalAmount = Yuan.Round(d.TotalAmount);
        _nonTechnicalItems = d.NonTechnicalItems.ToList();
        Payment = d.Payment;
        _ipRefs = d.IpRefs.ToList();
        Licence = d.Licence;
        IsGovernmentFunded = d.IsGovernmentFunded;
        ProjectApprovalDoc = d.ProjectApprovalDoc;
        ExpectedNewInvestment = d.ExpectedNewInvestment;
        ExpectedNewOutput = d.ExpectedNewOutput;
        IsMixedContract = d.IsMixedContract;
        StatedTechnicalPartAmount = d.StatedTechnicalPartAmount;
        IsForeignLanguage = d.IsForeignLanguage;
        SignedByInternalUnit = d.SignedByInternalUnit;
        LinkedToDevelopmentOrTransfer = d.LinkedToDevelopmentOrTransfer;
        PartOfContractId = d.PartOfContractId;
        SeparableServicesAmount = d.SeparableServicesAmount is { } separable ? Yuan.Round(separable) : null;
        TechnicalField = string.IsNullOrWhiteSpace(d.TechnicalField) ? d.TechnicalField : TechnicalFields.Normalize(d.TechnicalField);
        Origin = d.Origin;
        OriginRef = d.OriginRef;
        _achievementIds = d.AchievementIds.Distinct().ToList();
        ContentRuleSetId = rules.RuleSetId;
        DeclaredTechTransactionAmount = Yuan.Round(
            TechTransactionAmountCalculator.Compute(d.RegisterableAmount, d.NonTechnicalItems, rules.MaxCarrierEquipmentSets).TechTransactionAmount);
        Fingerprint = DuplicateDetection.Fingerprint(this);
        Classify();
        Touch(now);
    }

    private void Classify()
    {
        StatCategory = ContractCategories.StatisticalCategory(Category, SubType);
        var seller = _parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).FirstOrDefault();
        var buyer = _parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).FirstOrDefault();
        SellerNatureGroup = seller is null ? "" : EntityNatures.Group(seller.EntityNature);
        BuyerNatureGroup = buyer is null ? "" : EntityNatures.Group(buyer.EntityNature);
        SellerProvince = ProvinceOf(seller);
        BuyerProvince = ProvinceOf(buyer);
        SellerDivision = seller is { IsDomestic: true } ? seller.DivisionCode : null;
    }

    private static string ProvinceOf(ContractParty? p) =>
        p is null ? "-" : !p.IsDomestic ? "XX" : p.DivisionCode is { Length: 6 } d ? d[..2] : "-";

    private void SetParties(IReadOnlyList<PartyInput> parties)
    {
        _parties.Clear();
        for (var i = 0; i < parties.Count; i++) _parties.Add(ContractParty.From(parties[i], i));
    }

    public TechTransactionAmountResult ComputeTechTransactionAmount(ContractRuleSetCatalog catalog) =>
        TechTransactionAmountCalculator.Compute(RegisterableAmount, _nonTechnicalItems, catalog.ContentRules(SignedDate).MaxCarrierEquipmentSets);

    public void AddAttachment(AttachmentInfo attachment, DateTimeOffset now)
    {
        _attachments.Add(attachment);
        Touch(now);
    }

    public bool HasAttachment(AttachmentKind kind) => _attachments.Any(a => a.Kind == kind);

    /// <summary>An uploaded file (not only metadata) of this kind is stored.</summary>
    public bool HasAttachmentFile(AttachmentKind kind) => _attachments.Any(a => a.Kind == kind && a.HasFile);

    /// <summary>Whether <paramref name="organizationId"/> may submit for this contract (R2.8): the seller side, or the domestic buyer of an import.</summary>
    public Result CheckSubmitter(Guid organizationId)
    {
        if (IsTechnologyImport)
            return _parties.Any(p => p.Role == PartyRole.Buyer && p.IsDomestic && p.OrganizationId == organizationId)
                ? Result.Success() : ContractErrors.ImportSubmittedByDomesticBuyer;
        return _parties.Any(p => p.Role == PartyRole.Seller && p.OrganizationId == organizationId)
            ? Result.Success() : ContractErrors.OnlySellerSideSubmits;
    }

    /// <summary>Whether the organisation is a party or the owner (may see the contract, file objections).</summary>
    public bool Involves(Guid organizationId) => OwnerOrganizationId == organizationId || _parties.Any(p => p.OrganizationId == organizationId);

    /// <summary>
    /// Draft → Submitted (R2.5, R2.7–R2.9, §2.1 attachments). The procedure rules are chosen later, on acceptance (R0.2);
    /// until then the large-contract flag is provisional.
    /// </summary>
    public Result Submit(Guid actorOrganizationId, Guid? userId, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        if (Status != RegistrationStatus.Draft) return ContractErrors.WrongStatus(Status, "提交");
        var check = CheckReadyToSubmit(actorOrganizationId, now, catalog);
        if (check.IsFailure) return check;
        FlagLargeProvisionally(catalog, now); // R2.4
        SubmittedAt = now;
        Move(RegistrationStatus.Submitted, now, userId, "submit", null);
        return Result.Success();
    }

    private Result CheckReadyToSubmit(Guid actorOrganizationId, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        var who = CheckSubmitter(actorOrganizationId); // R2.8
        if (who.IsFailure) return who;
        var content = catalog.ContentRules(SignedDate);
        var errors = ContractValidation.Validate(ToDetails(), content);
        if (errors.Count > 0) return ContractErrors.Invalid(errors);
        if (PartOfContractId is not null) return ContractErrors.NotSeparatelyRegistrable; // R2.5
        var today = BusinessTime.DateOf(now);
        if (content.SubmissionWindowEnforced && (today < ValidFrom || today > ValidTo)) return ContractErrors.OutsideSubmissionWindow; // R2.9
        if (!HasAttachment(AttachmentKind.ContractText)) return ContractErrors.ContractTextMissing;
        if (IsForeignLanguage && !(HasAttachment(AttachmentKind.ChineseTranslation) && HasAttachment(AttachmentKind.ConsistencyUndertaking)))
            return ContractErrors.ChineseTranslationMissing;
        if (SignedByInternalUnit && !HasAttachment(AttachmentKind.AuthorisationLetter)) return ContractErrors.AuthorisationLetterMissing;
        return Result.Success();
    }

    /// <summary>
    /// Submitted → Accepted: the procedure rule set in force on the acceptance date is fixed (R0.2: SLA days and kind, the
    /// large-contract threshold, expert review) and the SLA clock starts (R2.10).
    /// </summary>
    public Result Accept(Guid registryOfficeId, Guid? registrarUserId, DateTimeOffset now, ContractRuleSetCatalog catalog, HolidayCalendar calendar)
    {
        if (Status != RegistrationStatus.Submitted) return ContractErrors.WrongStatus(Status, "受理");
        var acceptance = BusinessTime.DateOf(now);
        var procedure = catalog.ProcedureRules(acceptance);
        RegistryOfficeId = registryOfficeId;
        AcceptedAt = now;
        ProcedureRuleSetId = procedure.RuleSetId;
        IsLargeContract = DeclaredTechTransactionAmount >= procedure.LargeContractThreshold; // R2.4
        StartClock(acceptance, catalog, calendar);
        Move(RegistrationStatus.Accepted, now, registrarUserId, "accept", null);
        return Result.Success();
    }

    private void StartClock(DateOnly start, ContractRuleSetCatalog catalog, HolidayCalendar calendar)
    {
        var rules = ProcedureRules(catalog);
        ClockStartDate = start;
        SlaDayKind = rules.SlaDayKind;
        SlaDays = IsLargeContract || IsDisputed ? rules.LargeOrDisputedSlaDays : rules.StandardSlaDays;
        DueDate = SlaClock.DueDate(start, SlaDays.Value, rules.SlaDayKind, calendar);
    }

    /// <summary>
    /// The procedure rule set fixed on acceptance (R0.2); before acceptance, the one in force today is only provisional and
    /// nothing that depends on it happens before acceptance.
    /// </summary>
    public ContractRuleSet ProcedureRules(ContractRuleSetCatalog catalog) =>
        (ProcedureRuleSetId is { } id ? catalog.ById(id) : null)
        ?? catalog.ProcedureRules(AcceptedAt is { } at ? BusinessTime.DateOf(at) : BusinessTime.DateOf(UpdatedAt));

    private void RecomputeDueDate(ContractRuleSetCatalog catalog, HolidayCalendar calendar)
    {
        if (ClockStartDate is { } start) StartClock(start, catalog, calendar);
    }

    /// <summary>Accepted/ExpertReview → SupplementRequested: the clock stops until the seller resubmits.</summary>
    public Result RequestSupplement(string items, Guid? registrarUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(items)) return ContractErrors.SupplementItemsRequired;
        if (Status is not (RegistrationStatus.Accepted or RegistrationStatus.ExpertReview)) return ContractErrors.WrongStatus(Status, "要求补正");
        SupplementRequest = items.Trim();
        DueDate = null;
        Move(RegistrationStatus.SupplementRequested, now, registrarUserId, "request_supplement", SupplementRequest);
        return Result.Success();
    }

    /// <summary>SupplementRequested → Accepted: the clock restarts on the resubmission day with the full SLA.</summary>
    public Result Resubmit(Guid actorOrganizationId, Guid? userId, DateTimeOffset now, ContractRuleSetCatalog catalog, HolidayCalendar calendar)
    {
        if (Status != RegistrationStatus.SupplementRequested) return ContractErrors.WrongStatus(Status, "重新提交");
        var check = CheckReadyToSubmit(actorOrganizationId, now, catalog);
        if (check.IsFailure) return check;
        IsLargeContract = DeclaredTechTransactionAmount >= ProcedureRules(catalog).LargeContractThreshold; // R2.4, rules of the acceptance date
        StartClock(BusinessTime.DateOf(now), catalog, calendar);
        ResubmittedAt = now;
        Move(RegistrationStatus.Accepted, now, userId, "resubmit", null);
        return Result.Success();
    }

    /// <summary>Marks the contract disputed (有争议): it then needs expert review and the longer SLA (R2.10).</summary>
    public Result MarkDisputed(string note, Guid? registrarUserId, DateTimeOffset now, ContractRuleSetCatalog catalog, HolidayCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(note)) return ContractErrors.ReasonTextRequired;
        if (Status is not (RegistrationStatus.Submitted or RegistrationStatus.Accepted or RegistrationStatus.SupplementRequested))
            return ContractErrors.WrongStatus(Status, "标记争议");
        IsDisputed = true;
        if (Status == RegistrationStatus.Accepted) RecomputeDueDate(catalog, calendar);
        _history.Add(new StatusChange(Status, Status, now, registrarUserId, "mark_disputed", note.Trim()));
        Touch(now);
        return Result.Success();
    }

    /// <summary>Accepted → ExpertReview, only for large or disputed contracts (R2.4).</summary>
    public Result SendToExpertReview(string? note, Guid? registrarUserId, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Accepted) return ContractErrors.WrongStatus(Status, "提交专家评审");
        if (!IsLargeContract && !IsDisputed) return ContractErrors.ExpertReviewNotApplicable;
        Move(RegistrationStatus.ExpertReview, now, registrarUserId, "expert_review", note);
        return Result.Success();
    }

    /// <summary>
    /// Every refusal of <see cref="Register"/> (status, expert review of large/disputed contracts, assessed amount within
    /// 0..registerable amount), without changing anything: the caller checks it before it takes a registration serial, so a
    /// refused registration never holds the serial.
    /// </summary>
    public Result CanRegister(decimal assessedTechTransactionAmount, ContractRuleSetCatalog catalog)
    {
        if (assessedTechTransactionAmount < 0) return ContractErrors.AssessedAmountOutOfRange;
        if (Status is not (RegistrationStatus.Accepted or RegistrationStatus.ExpertReview)) return ContractErrors.WrongStatus(Status, "登记");
        var rules = ProcedureRules(catalog);
        if (Status == RegistrationStatus.Accepted && (IsLargeContract || IsDisputed) && rules.ExpertReviewRequiredForLarge)
            return ContractErrors.ExpertReviewRequired;
        if (assessedTechTransactionAmount < 0 || assessedTechTransactionAmount > RegisterableAmount) return ContractErrors.AssessedAmountOutOfRange;
        return Result.Success();
    }

    /// <summary>
    /// Accepted/ExpertReview → Registered: the registrar assesses (核定) the technology transaction amount and a registration
    /// number is issued. Large/disputed contracts need expert review first. Nothing is ever registered automatically.
    /// </summary>
    public Result Register(decimal assessedTechTransactionAmount, string officeDivisionCode, IRegistrationNumberIssuer issuer,
        Guid? registrarUserId, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        if (CanRegister(assessedTechTransactionAmount, catalog) is { IsFailure: true } refused) return refused;
        var number = issuer.Next(BusinessTime.DateOf(now).Year, officeDivisionCode);
        if (!RegistrationNumbers.IsValid(number)) return ContractErrors.RegistrationNumberInvalid;
        AssessedTechTransactionAmount = Yuan.Round(assessedTechTransactionAmount);
        RegistrationNo = number;
        RegisteredAt = now;
        RegisteredDate = BusinessTime.DateOf(now);
        CertificateIssuedAt = now;
        DueDate = null;
        Move(RegistrationStatus.Registered, now, registrarUserId, "register", number);
        return Result.Success();
    }

    /// <summary>→ Rejected (不予登记) with a reason from the list; <see cref="Domain.RejectionReason.Other"/> needs text.</summary>
    public Result Reject(RejectionReason reason, string? text, Guid? registrarUserId, DateTimeOffset now)
    {
        if (reason == Domain.RejectionReason.Other && string.IsNullOrWhiteSpace(text)) return ContractErrors.RejectionTextRequired;
        if (Status is not (RegistrationStatus.Submitted or RegistrationStatus.Accepted or RegistrationStatus.ExpertReview or RegistrationStatus.SupplementRequested))
            return ContractErrors.WrongStatus(Status, "不予登记");
        RejectionReason = reason;
        RejectionText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        DueDate = null;
        Move(RegistrationStatus.Rejected, now, registrarUserId, "reject", $"{reason}{(RejectionText is null ? "" : ": " + RejectionText)}");
        return Result.Success();
    }

    private bool CanChangeRegistration => RegistrationNo is not null && Status is RegistrationStatus.Registered
        or RegistrationStatus.ChangeRegistered or RegistrationStatus.ObjectionResolved;

    /// <summary>Registered → ChangeRegistered (变更登记, R2.11). Registers a pending correction (R2.3); tells tax/finance if benefits were used.</summary>
    public Result ChangeRegistration(ContractChange change, Guid? registrarUserId, DateTimeOffset now, ContractRuleSetCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(change.Reason)) return ContractErrors.ReasonTextRequired;
        if (change.TotalAmount is null && change.AssessedTechTransactionAmount is null && change.Parties is null && change.ValidTo is null)
            return ContractErrors.NoChanges;
        if (!CanChangeRegistration) return ContractErrors.WrongStatus(Status, "变更登记");
        var details = ToDetails() with
        {
            TotalAmount = change.TotalAmount ?? TotalAmount,
            Parties = change.Parties ?? ToDetails().Parties,
            ValidTo = change.ValidTo ?? ValidTo,
        };
        var rules = catalog.ContentRules(SignedDate);
        var errors = ContractValidation.Validate(details, rules);
        if (errors.Count > 0) return ContractErrors.Invalid(errors);
        var newRegisterable = details.RegisterableAmount;
        var assessed = change.AssessedTechTransactionAmount ?? Math.Min(AssessedTechTransactionAmount ?? 0, newRegisterable);
        if (assessed < 0 || assessed > newRegisterable) return ContractErrors.AssessedAmountOutOfRange;
        Apply(details, rules, now);
        AssessedTechTransactionAmount = Yuan.Round(assessed);
        CorrectionPending = false;
        PendingCorrectionAmount = null;
        PendingCorrectionNote = null;
        NotifyTaxFinanceIfBenefitsUsed("变更登记", "change registration", now);
        Move(RegistrationStatus.ChangeRegistered, now, registrarUserId, "change", change.Reason.Trim());
        return Result.Success();
    }

    /// <summary>The registrant files a correction (补正) of the amount during performance (R2.3); benefits are blocked until it is registered.</summary>
    public Result FileCorrection(Guid actorOrganizationId, decimal newTotalAmount, string note, Guid? userId, DateTimeOffset now)
    {
        var who = CheckSubmitter(actorOrganizationId);
        if (who.IsFailure) return who;
        if (newTotalAmount < 0) return ContractErrors.Invalid([ContractErrors.TotalAmountNegative]);
        if (!IsEffectivelyRegistered) return ContractErrors.NotRegistered;
        if (CorrectionPending) return ContractErrors.CorrectionAlreadyPending;
        CorrectionPending = true;
        PendingCorrectionAmount = Yuan.Round(newTotalAmount);
        PendingCorrectionNote = note;
        _history.Add(new StatusChange(Status, Status, now, userId, "file_correction", $"{newTotalAmount}: {note}"));
        Touch(now);
        return Result.Success();
    }

    /// <summary>Whether a reward payout or tax-relief certificate may be released on this registration (R2.3).</summary>
    public Result CheckBenefitRelease(BenefitKind kind)
    {
        if (!IsEffectivelyRegistered) return ContractErrors.NotRegistered;
        if (CorrectionPending) return ContractErrors.CorrectionPending;
        return Result.Success();
    }

    /// <summary>Records that a benefit was released (R2.3 checked first); later changes then notify tax/finance (R2.11).</summary>
    public Result RecordBenefitUse(BenefitKind kind, Guid? userId, DateTimeOffset now)
    {
        var check = CheckBenefitRelease(kind);
        if (check.IsFailure) return check;
        _benefitUses.Add(new BenefitUse(kind, now, userId));
        Touch(now);
        return Result.Success();
    }

    /// <summary>Registered → Cancelled (注销登记) on rescission or invalidity (R2.11).</summary>
    public Result Cancel(string reason, Guid? registrarUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ContractErrors.ReasonTextRequired;
        if (!CanChangeRegistration) return ContractErrors.WrongStatus(Status, "注销登记");
        CancellationReason = reason.Trim();
        NotifyTaxFinanceIfBenefitsUsed("注销登记", "cancellation", now);
        Move(RegistrationStatus.Cancelled, now, registrarUserId, "cancel", CancellationReason);
        return Result.Success();
    }

    /// <summary>Registered → Revoked (撤销登记) by the registry with a reason from the list; Other needs text.</summary>
    public Result Revoke(RevocationReason reason, string? text, Guid? registrarUserId, DateTimeOffset now)
    {
        if (reason == Domain.RevocationReason.Other && string.IsNullOrWhiteSpace(text)) return ContractErrors.RevocationTextRequired;
        if (!CanChangeRegistration) return ContractErrors.WrongStatus(Status, "撤销登记");
        RevocationReason = reason;
        RevocationText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        NotifyTaxFinanceIfBenefitsUsed("撤销登记", "revocation", now);
        Move(RegistrationStatus.Revoked, now, registrarUserId, "revoke", $"{reason}{(RevocationText is null ? "" : ": " + RevocationText)}");
        return Result.Success();
    }

    /// <summary>Registered/Rejected → ObjectionFiled (异议) by a party to the contract.</summary>
    public Result FileObjection(Guid actorOrganizationId, string text, Guid? userId, DateTimeOffset now)
    {
        if (!Involves(actorOrganizationId)) return ContractErrors.ObjectionOnlyByParty;
        if (string.IsNullOrWhiteSpace(text)) return ContractErrors.ReasonTextRequired;
        if (Status is not (RegistrationStatus.Registered or RegistrationStatus.ChangeRegistered or RegistrationStatus.Rejected))
            return ContractErrors.WrongStatus(Status, "提出异议");
        StatusBeforeObjection = Status;
        ObjectionText = text.Trim();
        ObjectionByOrganizationId = actorOrganizationId;
        ObjectionOutcome = null;
        ObjectionResolution = null;
        Move(RegistrationStatus.ObjectionFiled, now, userId, "file_objection", ObjectionText);
        return Result.Success();
    }

    /// <summary>ObjectionFiled → ObjectionResolved by the registrar. An upheld objection to a registration is followed by a change, cancellation or revocation.</summary>
    public Result ResolveObjection(ObjectionOutcome outcome, string resolution, Guid? registrarUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(resolution)) return ContractErrors.ReasonTextRequired;
        if (Status != RegistrationStatus.ObjectionFiled) return ContractErrors.WrongStatus(Status, "处理异议");
        ObjectionOutcome = outcome;
        ObjectionResolution = resolution.Trim();
        Move(RegistrationStatus.ObjectionResolved, now, registrarUserId, "resolve_objection", $"{outcome}: {ObjectionResolution}");
        return Result.Success();
    }

    /// <summary>R2.8: flag a possible duplicate registration for the registrar (never blocks by itself).</summary>
    public void MarkPossibleDuplicate(Guid otherContractId, DateTimeOffset now)
    {
        PossibleDuplicate = true;
        DuplicateOfContractId = otherContractId;
        _history.Add(new StatusChange(Status, Status, now, null, "possible_duplicate", otherContractId.ToString()));
        Touch(now);
    }

    /// <summary>The registrar confirms the flagged contract is not a duplicate.</summary>
    public void ClearDuplicateFlag(Guid? registrarUserId, DateTimeOffset now)
    {
        if (!PossibleDuplicate) return;
        PossibleDuplicate = false;
        _history.Add(new StatusChange(Status, Status, now, registrarUserId, "not_duplicate", DuplicateOfContractId?.ToString()));
        DuplicateOfContractId = null;
        Touch(now);
    }

    public void CompleteNotification(Guid taskId, DateTimeOffset now)
    {
        var i = _notifications.FindIndex(n => n.Id == taskId);
        if (i < 0) return;
        _notifications[i] = _notifications[i] with { Done = true };
        Touch(now);
    }

    private void NotifyTaxFinanceIfBenefitsUsed(string zh, string en, DateTimeOffset now)
    {
        if (_benefitUses.Count == 0) return;
        var kinds = string.Join(", ", _benefitUses.Select(b => b.Kind).Distinct());
        _notifications.Add(new NotificationTask(Guid.NewGuid(), NotificationKindTaxFinance,
            $"合同已{zh}，此前已享受的优惠（{kinds}）需通知税务/财务部门复核",
            $"The contract had a {en}; benefits already used ({kinds}) must be reported to tax/finance for review.", now));
    }

    private void Move(RegistrationStatus to, DateTimeOffset now, Guid? userId, string action, string? note)
    {
        _history.Add(new StatusChange(Status, to, now, userId, action, note));
        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
