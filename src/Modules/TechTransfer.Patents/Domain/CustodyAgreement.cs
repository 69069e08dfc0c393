using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

public enum CustodySubjectType
{
    Patent,
    Achievement,
}

/// <summary>Deal types an operator may be mandated to do.</summary>
public enum CustodyDealType
{
    /// <summary>挂牌</summary>
    Listing,
    /// <summary>普通许可</summary>
    NonExclusiveLicence,
    /// <summary>排他许可</summary>
    SoleLicence,
    /// <summary>独占许可</summary>
    ExclusiveLicence,
    /// <summary>转让 (never delegable: ownership stays with the owner)</summary>
    Assignment,
}

public enum CustodyStatus
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>生效</summary>
    Active,
    /// <summary>已终止</summary>
    Terminated,
    /// <summary>已到期 — stored by the rights-expiry job once an active agreement's term is over; a renewal reactivates it.</summary>
    Expired,
}

/// <summary>收益权人 and share (percent).</summary>
public sealed record CustodyBeneficiary(string Name, Guid? OrganizationId, decimal SharePercent);

/// <summary>经营权 mandate: what the operator may do, at what price floor, until when.</summary>
public sealed record CustodyMandate(IReadOnlyList<CustodyDealType> AllowedDealTypes, decimal PriceFloorYuan, DateOnly TermStart, DateOnly TermEnd);

public sealed record CustodyOperationRequest(CustodyDealType DealType, string Counterparty, decimal PriceYuan, DateOnly? DealTermEnd);

public sealed record RevenueAllocation(string Name, Guid? OrganizationId, decimal SharePercent, decimal AmountYuan);

/// <summary>
/// 技术托管协议: ownership (所有权) stays with the owner; the operator (经营权) acts within a mandate;
/// beneficiaries (收益权) share revenue by percentages summing to 100.
/// </summary>
public sealed class CustodyAgreement : IAudited
{
    private readonly List<CustodyBeneficiaryShare> _beneficiaries = [];
    private readonly List<CustodyOperation> _operations = [];
    private readonly List<CustodyRenewal> _renewals = [];

    private CustodyAgreement() { }

    public Guid Id { get; private set; }
    public string AgreementNo { get; private set; } = "";
    /// <summary>所有权人 — keeps ownership throughout.</summary>
    public Guid OwnerOrganizationId { get; private set; }
    /// <summary>经营权人 — transfer institution or office operating within the mandate.</summary>
    public Guid OperatorOrganizationId { get; private set; }
    public string OperatorName { get; private set; } = "";
    public CustodySubjectType SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public string SubjectTitle { get; private set; } = "";
    /// <summary>Stored as a comma-separated list of <see cref="CustodyDealType"/> names.</summary>
    public string AllowedDealTypesCsv { get; private set; } = "";
    public decimal PriceFloorYuan { get; private set; }
    public DateOnly TermStart { get; private set; }
    public DateOnly TermEnd { get; private set; }
    public CustodyStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? TerminatedAt { get; private set; }
    public string? TerminationReason { get; private set; }
    /// <summary>Concurrency token: incremented by every change (lost updates are refused with 409).</summary>
    public int Version { get; private set; }
    public IReadOnlyList<CustodyBeneficiaryShare> Beneficiaries => _beneficiaries;
    public IReadOnlyList<CustodyOperation> Operations => _operations;
    public IReadOnlyList<CustodyRenewal> Renewals => _renewals;

    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    public IReadOnlyList<CustodyDealType> AllowedDealTypes =>
        AllowedDealTypesCsv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CustodyDealType>).ToList();

    /// <summary>Active and today inside the term.</summary>
    public bool IsInForceOn(DateOnly date) => Status == CustodyStatus.Active && TermStart <= date && date <= TermEnd;

    /// <summary>The state as people see it: an active agreement past its end is shown as expired.</summary>
    public string DisplayStatus(DateOnly today) =>
        Status == CustodyStatus.Active && today > TermEnd ? nameof(CustodyStatus.Expired) : Status.ToString();

    /// <summary>
    /// By the clock: an active agreement whose term ended before <paramref name="today"/> becomes Expired. Returns whether
    /// it changed, so a repeated run changes nothing.
    /// </summary>
    public bool ExpireIfTermEnded(DateOnly today)
    {
        if (Status != CustodyStatus.Active || today <= TermEnd) return false;
        Status = CustodyStatus.Expired;
        Touch();
        return true;
    }

    /// <summary>Every problem with a new agreement at once: number, subject, operator, mandate and beneficiaries.</summary>
    public static IReadOnlyList<FieldError> Check(Guid ownerOrganizationId, string? agreementNo, CustodySubjectType subjectType, Guid subjectId,
        string? subjectTitle, Guid operatorOrganizationId, string? operatorName, CustodyMandate mandate, IReadOnlyList<CustodyBeneficiary?>? beneficiaries)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, agreementNo, "agreementNo", 60, CustodyErrors.AgreementNoRequired);
        if (!Enum.IsDefined(subjectType))
            errors.Add(CustodyErrors.SubjectTypeInvalid);
        if (subjectId == Guid.Empty)
            errors.Add(CustodyErrors.SubjectRequired);
        else if (subjectType == CustodySubjectType.Achievement && string.IsNullOrWhiteSpace(subjectTitle))
            errors.Add(CustodyErrors.SubjectTitleRequired);
        PatentChecks.Text(errors, subjectTitle, "subjectTitle", 300);
        if (operatorOrganizationId == Guid.Empty)
            errors.Add(CustodyErrors.OperatorRequired);
        else if (operatorOrganizationId == ownerOrganizationId)
            errors.Add(CustodyErrors.OperatorIsOwner);
        else PatentChecks.RequiredText(errors, operatorName, "operatorName", 200, CustodyErrors.OperatorNameRequired);
        errors.AddRange(ValidateMandate(mandate));
        errors.AddRange(ValidateBeneficiaries(beneficiaries));
        return errors.All;
    }

    public static Result<CustodyAgreement> Create(
        Guid ownerOrganizationId, string agreementNo, CustodySubjectType subjectType, Guid subjectId, string subjectTitle,
        Guid operatorOrganizationId, string operatorName, CustodyMandate mandate, IReadOnlyList<CustodyBeneficiary> beneficiaries,
        DateTimeOffset now)
    {
        var errors = Check(ownerOrganizationId, agreementNo, subjectType, subjectId, subjectTitle, operatorOrganizationId, operatorName, mandate, beneficiaries);
        if (errors.Count > 0) return Error.Validation(errors);
        if (string.IsNullOrWhiteSpace(subjectTitle))
            return Error.Validation([CustodyErrors.SubjectTitleRequired]);

        var a = new CustodyAgreement
        {
            Id = Guid.NewGuid(),
            AgreementNo = agreementNo.Trim(),
            OwnerOrganizationId = ownerOrganizationId,
            OperatorOrganizationId = operatorOrganizationId,
            OperatorName = operatorName.Trim(),
            SubjectType = subjectType,
            SubjectId = subjectId,
            SubjectTitle = subjectTitle.Trim(),
            AllowedDealTypesCsv = string.Join(",", mandate.AllowedDealTypes.Distinct().OrderBy(t => t)),
            PriceFloorYuan = Yuan.Round(mandate.PriceFloorYuan),
            TermStart = mandate.TermStart,
            TermEnd = mandate.TermEnd,
            Status = CustodyStatus.Draft,
            CreatedAt = now,
        };
        a._beneficiaries.AddRange(beneficiaries.Select(b => new CustodyBeneficiaryShare(Guid.NewGuid(), b.Name.Trim(), b.OrganizationId, b.SharePercent)));
        return a;
    }

    public static IReadOnlyList<FieldError> ValidateMandate(CustodyMandate m)
    {
        var errors = new FieldErrors();
        var types = m.AllowedDealTypes ?? [];
        if (types.Count == 0)
            errors.Add(CustodyErrors.NoDealTypes);
        if (types.Any(t => !Enum.IsDefined(t)))
            errors.Add(CustodyErrors.DealTypeInvalid("allowedDealTypes"));
        if (types.Contains(CustodyDealType.Assignment))
            errors.Add(CustodyErrors.AssignmentNotDelegable);
        if (m.PriceFloorYuan < 0)
            errors.Add(CustodyErrors.PriceFloorNegative);
        else PatentChecks.Amount(errors, m.PriceFloorYuan, "priceFloorYuan");
        PatentChecks.Date(errors, m.TermStart, "termStart");
        PatentChecks.Date(errors, m.TermEnd, "termEnd");
        if (m.TermEnd <= m.TermStart)
            errors.Add(CustodyErrors.TermEndBeforeStart);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> ValidateBeneficiaries(IReadOnlyList<CustodyBeneficiary?>? beneficiaries)
    {
        var errors = new FieldErrors();
        var list = beneficiaries ?? [];
        if (list.Count == 0)
        {
            errors.Add(CustodyErrors.BeneficiariesRequired);
            return errors.All;
        }
        if (list.Any(b => b is null || string.IsNullOrWhiteSpace(b.Name)))
            errors.Add(CustodyErrors.BeneficiaryNameRequired);
        if (list.Any(b => b?.Name is { } n && n.Trim().Length > 200)) errors.Add(PatentErrors.TooLong("beneficiaries", 200));
        if (list.Any(b => b is not null && (b.SharePercent <= 0 || b.SharePercent > 100)))
            errors.Add(CustodyErrors.ShareNotPositive);
        else
        {
            var sum = list.Sum(b => b?.SharePercent ?? 0m);
            if (sum != 100m)
                errors.Add(CustodyErrors.SharesNot100(sum));
        }
        return errors.All;
    }

    /// <summary>Draft → Active: the operator accepts the mandate.</summary>
    public Result Activate(Guid callerOrganizationId, DateTimeOffset now)
    {
        if (callerOrganizationId != OperatorOrganizationId) return CustodyErrors.OnlyOperatorAccepts;
        if (Status != CustodyStatus.Draft) return CustodyErrors.InvalidTransition(Status, "activate");
        if (BusinessTime.DateOf(now) > TermEnd) return CustodyErrors.TermAlreadyOver;
        Status = CustodyStatus.Active;
        ActivatedAt = now;
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// The operator lists or licenses the subject. Anything outside the mandate is refused with the reason.
    /// A successful call is recorded as an operation.
    /// </summary>
    /// <summary>The body of an operation, every problem at once (the mandate is checked after, in <see cref="Operate"/>).</summary>
    public static IReadOnlyList<FieldError> CheckOperation(CustodyOperationRequest r)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(r.DealType))
            errors.Add(CustodyErrors.DealTypeInvalid("dealType"));
        if (r.DealType is not (CustodyDealType.Listing or CustodyDealType.Assignment) && string.IsNullOrWhiteSpace(r.Counterparty)) errors.AddFrom(CustodyErrors.CounterpartyRequired);
        else PatentChecks.Text(errors, r.Counterparty, "counterparty", 200);
        if (r.PriceYuan < 0) errors.Add(PatentErrors.AmountOutOfRange("priceYuan"));
        else PatentChecks.Amount(errors, r.PriceYuan, "priceYuan");
        if (r.DealTermEnd is { } end) PatentChecks.Date(errors, end, "dealTermEnd");
        else if (r.DealType is not CustodyDealType.Listing and not CustodyDealType.Assignment) errors.AddFrom(CustodyErrors.DealTermRequired);
        return errors.All;
    }

    public Result<CustodyOperation> Operate(Guid callerOrganizationId, CustodyOperationRequest r, DateTimeOffset now)
    {
        if (CheckOperation(r) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var today = BusinessTime.DateOf(now);
        if (callerOrganizationId != OperatorOrganizationId) return CustodyErrors.NotOperator;
        // the request on its own first, then the agreement's state and mandate
        if (r.DealType == CustodyDealType.Assignment) return CustodyErrors.OwnershipStaysWithOwner;
        if (string.IsNullOrWhiteSpace(r.Counterparty) && r.DealType != CustodyDealType.Listing) return CustodyErrors.CounterpartyRequired;
        if (r.DealType != CustodyDealType.Listing && r.DealTermEnd is null) return CustodyErrors.DealTermRequired;
        if (Status != CustodyStatus.Active) return CustodyErrors.NotActive(Status);
        if (today < TermStart || today > TermEnd) return CustodyErrors.OutsideTerm(TermStart, TermEnd);
        if (!AllowedDealTypes.Contains(r.DealType)) return CustodyErrors.DealTypeOutsideMandate(r.DealType, AllowedDealTypes);
        if (r.PriceYuan < PriceFloorYuan) return CustodyErrors.PriceBelowFloor(r.PriceYuan, PriceFloorYuan);
        if (r.DealType != CustodyDealType.Listing && r.DealTermEnd > TermEnd) return CustodyErrors.DealTermBeyondMandate(TermEnd);
        var op = new CustodyOperation(Guid.NewGuid(), r.DealType, (r.Counterparty ?? "").Trim(), Yuan.Round(r.PriceYuan), r.DealTermEnd, now);
        _operations.Add(op);
        Touch();
        return op;
    }

    public static IReadOnlyList<FieldError> CheckRenewal(DateOnly newTermEnd)
    {
        var errors = new FieldErrors();
        PatentChecks.Date(errors, newTermEnd, "newTermEnd");
        return errors.All;
    }

    /// <summary>Extends the term (owner only), recording the renewal.</summary>
    public Result Renew(Guid callerOrganizationId, DateOnly newTermEnd, DateTimeOffset now)
    {
        if (CheckRenewal(newTermEnd) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (callerOrganizationId != OwnerOrganizationId) return CustodyErrors.OnlyOwner;
        if (Status is not (CustodyStatus.Active or CustodyStatus.Expired)) return CustodyErrors.InvalidTransition(Status, "renew");
        if (newTermEnd <= TermEnd) return CustodyErrors.RenewalMustExtend(TermEnd);
        _renewals.Add(new CustodyRenewal(Guid.NewGuid(), TermEnd, newTermEnd, now));
        TermEnd = newTermEnd;
        if (Status == CustodyStatus.Expired && BusinessTime.DateOf(now) <= newTermEnd) Status = CustodyStatus.Active;
        Touch();
        return Result.Success();
    }

    public static IReadOnlyList<FieldError> CheckTermination(string? reason)
    {
        var errors = new FieldErrors();
        PatentChecks.RequiredText(errors, reason, "reason", 1000, CustodyErrors.TerminationReasonRequired.AsFieldError());
        return errors.All;
    }

    /// <summary>Terminates the agreement (owner or operator), with a reason. Operations done stay on record.</summary>
    public Result Terminate(Guid callerOrganizationId, string reason, DateTimeOffset now)
    {
        if (CheckTermination(reason) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (callerOrganizationId != OwnerOrganizationId && callerOrganizationId != OperatorOrganizationId) return CustodyErrors.NotParty;
        if (Status == CustodyStatus.Terminated) return CustodyErrors.InvalidTransition(Status, "terminate");
        Status = CustodyStatus.Terminated;
        TerminatedAt = now;
        TerminationReason = reason.Trim();
        Touch();
        return Result.Success();
    }

    private void Touch() => Version++;

    /// <summary>
    /// 收益权: splits an amount by the beneficiaries' shares with <see cref="Yuan.Allocate"/> (largest remainder at the fen,
    /// ties to the beneficiary listed first; the parts sum exactly to the amount).
    /// </summary>
    public IReadOnlyList<RevenueAllocation> SplitRevenue(decimal amountYuan)
    {
        if (_beneficiaries.Count == 0) return [];
        var parts = Yuan.Allocate(Yuan.Round(amountYuan), _beneficiaries.Select(b => b.SharePercent).ToList());
        return _beneficiaries.Select((b, i) => new RevenueAllocation(b.Name, b.OrganizationId, b.SharePercent, parts[i])).ToList();
    }
}

public sealed class CustodyBeneficiaryShare
{
    private CustodyBeneficiaryShare() { }

    internal CustodyBeneficiaryShare(Guid id, string name, Guid? organizationId, decimal sharePercent)
    {
        Id = id;
        Name = name;
        OrganizationId = organizationId;
        SharePercent = sharePercent;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public decimal SharePercent { get; private set; }
}

/// <summary>An operation the operator did within the mandate (listing or licence).</summary>
public sealed class CustodyOperation
{
    private CustodyOperation() { }

    internal CustodyOperation(Guid id, CustodyDealType dealType, string counterparty, decimal priceYuan, DateOnly? dealTermEnd, DateTimeOffset at)
    {
        Id = id;
        DealType = dealType;
        Counterparty = counterparty;
        PriceYuan = priceYuan;
        DealTermEnd = dealTermEnd;
        At = at;
    }

    public Guid Id { get; private set; }
    public CustodyDealType DealType { get; private set; }
    public string Counterparty { get; private set; } = "";
    public decimal PriceYuan { get; private set; }
    public DateOnly? DealTermEnd { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public sealed class CustodyRenewal
{
    private CustodyRenewal() { }

    internal CustodyRenewal(Guid id, DateOnly previousEnd, DateOnly newEnd, DateTimeOffset at)
    {
        Id = id;
        PreviousTermEnd = previousEnd;
        NewTermEnd = newEnd;
        At = at;
    }

    public Guid Id { get; private set; }
    public DateOnly PreviousTermEnd { get; private set; }
    public DateOnly NewTermEnd { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public static class CustodyErrors
{
    // ---- the body of an agreement or an operation (422 field errors) ----
    public static readonly FieldError AgreementNoRequired = new("agreementNo", "custody.agreement_no_required", "请填写托管协议编号", "The agreement number is required.");

    public static readonly FieldError SubjectTypeInvalid = new("subjectType", "custody.subject_type_invalid",
        "托管标的须为专利或科技成果", "The subject must be a patent or an achievement.");

    public static readonly FieldError SubjectRequired = new("subjectId", "custody.subject_required", "请选择托管标的", "Choose what is put into custody.");

    public static readonly FieldError SubjectTitleRequired = new("subjectTitle", "custody.subject_title_required",
        "请填写托管标的名称", "Give the title of what is put into custody.");

    public static readonly FieldError OperatorRequired = new("operatorOrganizationId", "custody.operator_required", "请选择经营权人", "Choose the operator.");

    public static readonly FieldError OperatorIsOwner = new("operatorOrganizationId", "custody.operator_is_owner",
        "经营权人须为所有权人以外的转移机构或办公室", "The operator must be a transfer institution or office other than the owner.");

    public static readonly FieldError OperatorNameRequired = new("operatorName", "custody.operator_name_required", "请填写经营权人名称", "The operator's name is required.");

    public static readonly FieldError NoDealTypes = new("allowedDealTypes", "custody.no_deal_types", "请至少授权一种经营方式", "Allow at least one deal type.");

    /// <summary>A deal type outside the enum, in the mandate (<c>allowedDealTypes</c>) or an operation (<c>dealType</c>).</summary>
    public static FieldError DealTypeInvalid(string field) => new(field, "custody.deal_type_invalid",
        "经营方式须为挂牌、普通许可、排他许可或独占许可", "A deal type must be listing, ordinary, sole or exclusive licence.");

    public static readonly FieldError AssignmentNotDelegable = new("allowedDealTypes", "custody.assignment_not_delegable",
        "托管不转移所有权：不能授权经营权人转让标的", "Custody does not move ownership: the operator cannot be mandated to assign the subject.");

    public static readonly Error AmountNegative = Error.Validation("amountYuan", "custody.amount_negative", "金额不能为负数", "The amount cannot be negative.");

    public static readonly FieldError PriceFloorNegative = new("priceFloorYuan", "custody.price_floor_negative", "底价不能为负数", "The price floor cannot be negative.");

    public static readonly FieldError TermEndBeforeStart = new("termEnd", "custody.term_end_before_start",
        "托管期限结束日须晚于开始日", "The custody term must end after it starts.");

    public static readonly FieldError BeneficiariesRequired = new("beneficiaries", "custody.beneficiaries_required",
        "请至少指定一名收益权人", "Name at least one beneficiary.");

    public static readonly FieldError BeneficiaryNameRequired = new("beneficiaries", "custody.beneficiary_name_required",
        "请填写每位收益权人的名称", "Every beneficiary needs a name.");

    public static readonly FieldError ShareNotPositive = new("beneficiaries", "custody.share_not_positive",
        "每位收益权人的份额须大于 0 且不超过 100%", "Every beneficiary's share must be above 0 and at most 100 %.");

    public static FieldError SharesNot100(decimal sum) => new("beneficiaries", "custody.shares_not_100",
        $"收益份额合计须为 100%（当前 {sum}%）", $"Revenue shares must sum to 100 % (now {sum} %).");

    // ---- who may act, the agreement's state and mandate ----
    public static readonly Error NotOperator = new("custody.not_operator",
        "只有协议指定的经营权人可以经营该标的", "Only the operator named in the agreement may operate the subject.", Status: 403);

    public static readonly Error OperatorNotEligible = Error.Validation("operatorOrganizationId", "custody.operator_not_eligible",
        "经营权人须为平台登记的技术转移机构、交易所、服务机构或高校院所医院", "The operator must be an organisation registered on the platform as a transfer institution, exchange, service firm, university, research institute or hospital.");

    public static readonly Error DuplicateAgreementNo = new("custody.duplicate_agreement_no",
        "本单位已有相同编号的托管协议", "Your organisation already has a custody agreement with this number.", "agreementNo");

    public static readonly Error OnlyOperatorAccepts = new("custody.only_operator_accepts",
        "须由经营权人确认接受托管", "The operator must accept the custody agreement.", Status: 403);

    public static readonly Error OnlyOwner = new("custody.only_owner",
        "只有所有权人可以续期", "Only the owner may renew the agreement.", Status: 403);

    public static readonly Error NotParty = new("custody.not_party",
        "只有协议双方可以终止协议", "Only the parties may terminate the agreement.", Status: 403);

    public static Error NotActive(CustodyStatus status) => new("custody.not_active",
        $"托管协议未生效或已终止（{StatusLabel(status).Zh}），不能经营", $"The custody agreement is not active ({StatusLabel(status).En.ToLowerInvariant()}), so nothing can be done under it.");

    public static Error OutsideTerm(DateOnly start, DateOnly end) => new("custody.outside_term",
        $"不在托管期限内（{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}）", $"Outside the custody term ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}).");

    public static readonly Error OwnershipStaysWithOwner = new("custody.ownership_stays_with_owner",
        "托管不转移所有权：经营权人不能转让标的，转让须由所有权人决定", "Custody does not move ownership: the operator cannot assign the subject; only the owner can.", "dealType", 403);

    public static Error DealTypeOutsideMandate(CustodyDealType asked, IReadOnlyList<CustodyDealType> allowed) => new("custody.deal_type_outside_mandate",
        $"经营方式“{Label(asked).Zh}”不在授权范围内（授权：{string.Join("、", allowed.Select(a => Label(a).Zh))}）",
        $"“{Label(asked).En}” is outside the mandate (allowed: {string.Join(", ", allowed.Select(a => Label(a).En))}).", "dealType", 403);

    public static Error PriceBelowFloor(decimal price, decimal floor) => new("custody.price_below_floor",
        $"价格 {Yuan.Display(price, false)} 低于授权底价 {Yuan.Display(floor, false)}",
        $"The price {Yuan.Display(price, true)} is below the mandate's floor of {Yuan.Display(floor, true)}.", "priceYuan", 403);

    public static Error DealTermBeyondMandate(DateOnly end) => new("custody.deal_term_beyond_mandate",
        $"许可期限不能超过托管期限届满日 {end:yyyy-MM-dd}", $"The licence cannot run past the custody term's end on {end:yyyy-MM-dd}.", "dealTermEnd", 403);

    public static readonly Error DealTermRequired = new("custody.deal_term_required",
        "请填写许可期限届满日", "The licence's end date is required.", "dealTermEnd", 422);

    public static readonly Error CounterpartyRequired = new("custody.counterparty_required",
        "请填写交易对方", "The counterparty is required.", "counterparty", 422);

    public static Error InvalidTransition(CustodyStatus from, string action) => new("custody.invalid_transition",
        $"当前状态（{StatusLabel(from).Zh}）不允许此操作", $"This cannot be done while the agreement is {StatusLabel(from).En.ToLowerInvariant()}.");

    public static (string Zh, string En) StatusLabel(CustodyStatus s) => s switch
    {
        CustodyStatus.Draft => ("待经营权人确认", "Awaiting the operator"),
        CustodyStatus.Active => ("生效", "Active"),
        CustodyStatus.Terminated => ("已终止", "Terminated"),
        CustodyStatus.Expired => ("已到期", "Expired"),
        _ => ("未知", "Unknown"),
    };

    public static readonly Error TermAlreadyOver = new("custody.term_already_over",
        "托管期限已届满，不能生效", "The custody term is already over.");

    public static Error RenewalMustExtend(DateOnly end) => new("custody.renewal_must_extend",
        $"续期后的届满日须晚于当前届满日 {end:yyyy-MM-dd}", $"A renewal must end after the current end date {end:yyyy-MM-dd}.", "newTermEnd", 422);

    public static readonly Error TerminationReasonRequired = new("custody.termination_reason_required",
        "请填写终止原因", "Give the reason for terminating.", "reason", 422);

    public static (string Zh, string En) Label(CustodyDealType t) => t switch
    {
        CustodyDealType.Listing => ("挂牌", "Listing"),
        CustodyDealType.NonExclusiveLicence => ("普通许可", "Ordinary licence"),
        CustodyDealType.SoleLicence => ("排他许可", "Sole licence"),
        CustodyDealType.ExclusiveLicence => ("独占许可", "Exclusive licence"),
        CustodyDealType.Assignment => ("转让", "Assignment"),
        _ => (t.ToString(), t.ToString()),
    };
}
