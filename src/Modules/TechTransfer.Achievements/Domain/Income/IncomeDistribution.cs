using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>扣除项类别 (R4.1)</summary>
public enum DeductionKind
{
    /// <summary>相关税费</summary>
    RelatedTaxes,
    /// <summary>单位为该成果支付的维护费用</summary>
    MaintenanceCosts,
    /// <summary>交易直接费用（评估、鉴定等）</summary>
    DirectTransactionCosts,
}

/// <summary>收益分配方案状态</summary>
public enum IncomeDistributionStatus { Draft, Approved }

/// <summary>A documented deduction from gross income (R4.1).</summary>
public sealed class IncomeDeduction
{
    private IncomeDeduction() { Description = ""; EvidenceRef = ""; }

    public IncomeDeduction(DeductionKind kind, string description, decimal amount, string evidenceRef)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Description = description.Trim();
        Amount = Yuan.Round(amount);
        EvidenceRef = evidenceRef.Trim();
    }

    public Guid Id { get; private set; }
    public DeductionKind Kind { get; private set; }
    public string Description { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>凭证 (invoice, valuation report, …)</summary>
    public string EvidenceRef { get; private set; }
}

/// <summary>One team member's allocation, by contribution.</summary>
public sealed class TeamAllocation
{
    private TeamAllocation() { Name = ""; }

    public TeamAllocation(string name, Guid? userId, decimal contributionPercent, decimal amount, bool holdsLeadershipPost)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        UserId = userId;
        ContributionPercent = contributionPercent;
        Amount = amount;
        HoldsLeadershipPost = holdsLeadershipPost;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid? UserId { get; private set; }
    public decimal ContributionPercent { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>担任领导职务 (R4.5)</summary>
    public bool HoldsLeadershipPost { get; private set; }
    public decimal Paid { get; private set; }

    internal void AddPaid(decimal amount) => Paid += amount;
}

/// <summary>A recorded payout (R4.6 flag, R4.5 disclosure record for leaders).</summary>
public sealed class IncomePayout
{
    private IncomePayout() { Reference = ""; }

    public IncomePayout(Guid allocationId, decimal amount, DateOnly paidOn, string reference, string? disclosureRecordRef, bool outsidePerformancePayCap, Guid recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        AllocationId = allocationId;
        Amount = amount;
        PaidOn = paidOn;
        Reference = reference;
        DisclosureRecordRef = disclosureRecordRef;
        OutsidePerformancePayCap = outsidePerformancePayCap;
        RecordedByUserId = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid AllocationId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string Reference { get; private set; }
    /// <summary>公示记录 — required for recipients in leadership posts (R4.5).</summary>
    public string? DisclosureRecordRef { get; private set; }
    /// <summary>不受绩效工资总量限制 (R4.6): recorded as a flag only.</summary>
    public bool OutsidePerformancePayCap { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed record DeductionInput(DeductionKind Kind, string Description, decimal Amount, string EvidenceRef);

public sealed record TeamMemberInput(string Name, Guid? UserId, decimal ContributionPercent, bool HoldsLeadershipPost = false);

public sealed record IncomePlanInput(
    Guid AchievementId,
    string AchievementTitle,
    ConversionMode Mode,
    DateOnly IncomeDate,
    decimal GrossIncome,
    IReadOnlyList<DeductionInput> Deductions,
    decimal? OperatingProfit,
    int? ProfitYear,
    decimal TeamSharePercent,
    IReadOnlyList<TeamMemberInput> Team,
    Guid? CertificationId = null);

/// <summary>
/// 收益分配方案 (R4.1–R4.6): net income from gross and documented deductions; the team share checked against the
/// floor of the organisation's jurisdiction (naming it and its source); the transfer office's share of the
/// remainder per organisation; the team share split by contribution; payouts recorded.
/// </summary>
public sealed class IncomeDistribution : IAudited
{
    private readonly List<IncomeDeduction> _deductions = [];
    private readonly List<TeamAllocation> _allocations = [];
    private readonly List<IncomePayout> _payouts = [];

    private IncomeDistribution() { AchievementTitle = ""; RuleSetId = ""; RuleSourceRef = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AchievementId { get; private set; }
    public string AchievementTitle { get; private set; }
    public ConversionMode Mode { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public DateOnly IncomeDate { get; private set; }
    /// <summary>转化收入总额</summary>
    public decimal GrossIncome { get; private set; }
    public IReadOnlyList<IncomeDeduction> Deductions => _deductions;
    /// <summary>净收入 (R4.1)</summary>
    public decimal NetIncome { get; private set; }
    /// <summary>营业利润 (self/cooperative implementation)</summary>
    public decimal? OperatingProfit { get; private set; }
    public int? ProfitYear { get; private set; }
    /// <summary>The amount the percentages apply to: net income, or operating profit for self/cooperative implementation.</summary>
    public decimal DistributableBase { get; private set; }
    public decimal TeamSharePercent { get; private set; }
    public decimal TeamAmount { get; private set; }
    public decimal OfficeSharePercent { get; private set; }
    /// <summary>技术转移机构份额 (R4.4)</summary>
    public decimal OfficeAmount { get; private set; }
    /// <summary>单位留存 (R&amp;D and conversion work)</summary>
    public decimal UnitAmount { get; private set; }
    public string RuleSetId { get; private set; }
    public string RuleSourceRef { get; private set; }
    public decimal FloorPercent { get; private set; }
    public IReadOnlyList<TeamAllocation> Allocations => _allocations;
    /// <summary>Platform users among the team (for queries: members see their own line).</summary>
    public List<Guid> TeamUserIds { get; private set; } = [];
    public IReadOnlyList<IncomePayout> Payouts => _payouts;
    public IncomeDistributionStatus Status { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public int Version { get; private set; }
    /// <summary>The certified technology income (技术性收入核定, Contracts module) the gross income comes from, if any.</summary>
    public Guid? CertificationId { get; private set; }

    Guid? IAudited.AuditOrganizationId => OrganizationId;

    /// <summary>R4.1: NetIncome = Gross − taxes − maintenance costs − direct transaction costs, each with evidence.</summary>
    public static Result<decimal> ComputeNetIncome(decimal gross, IReadOnlyList<DeductionInput> deductions)
    {
        var errors = new List<FieldError>();
        if (gross < 0) errors.Add(AchievementErrors.GrossIncomeNegative);
        if (deductions.Any(d => d.Amount <= 0)) errors.Add(AchievementErrors.DeductionAmountInvalid);
        if (deductions.Any(d => string.IsNullOrWhiteSpace(d.EvidenceRef))) errors.Add(AchievementErrors.DeductionEvidenceRequired);
        var total = deductions.Sum(d => Yuan.Round(d.Amount));
        if (errors.Count == 0 && total > gross) errors.Add(AchievementErrors.DeductionsExceedGross(gross, total));
        if (errors.Count > 0) return Error.Validation(errors);
        return Yuan.Round(gross) - total;
    }

    /// <summary>R4.2/R4.3: the team share must reach the floor of the applicable rule set; the error names floor and source.</summary>
    public static FieldError? CheckFloor(ConversionMode mode, decimal teamSharePercent, IncomeRuleSet rules)
    {
        var floor = rules.FloorFor(mode);
        return teamSharePercent < floor
            ? AchievementErrors.TeamShareBelowFloor(teamSharePercent, floor, rules.SourceRef, IncomeRuleSet.IsOperatingProfitMode(mode))
            : null;
    }

    /// <summary>Splits an amount by contribution percentages; rounding difference goes to the largest contributor so the parts sum exactly.</summary>
    public static IReadOnlyList<decimal> SplitByContribution(decimal amount, IReadOnlyList<decimal> contributions)
    {
        var parts = contributions.Select(c => Yuan.Round(amount * c / 100m)).ToArray();
        if (parts.Length == 0) return parts;
        var diff = amount - parts.Sum();
        if (diff != 0)
        {
            var largest = Array.IndexOf(contributions.ToArray(), contributions.Max());
            parts[largest] += diff;
        }
        return parts;
    }

    /// <summary>The owning office drafts a plan; every R4 rule is checked here.</summary>
    public static Result<IncomeDistribution> Plan(IncomePlanInput input, Actor actor, IncomeRuleSet rules, OrganizationIncomeSettings org, DateTimeOffset now)
    {
        if (!actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        var errors = new List<FieldError>();
        var net = ComputeNetIncome(input.GrossIncome, input.Deductions);
        if (net.IsFailure) errors.AddRange(net.Error!.FieldErrors);

        var profitMode = IncomeRuleSet.IsOperatingProfitMode(input.Mode);
        if (profitMode)
        {
            if (input.OperatingProfit is null or < 0) errors.Add(AchievementErrors.OperatingProfitRequired);
            if (input.ProfitYear is not { } y || y < 1 || y > rules.OperatingProfitYears)
                errors.Add(AchievementErrors.ProfitYearOutOfRange(rules.OperatingProfitYears));
        }
        if (input.TeamSharePercent is < 0 or > 100) errors.Add(AchievementErrors.TeamShareOutOfRange);
        else if (CheckFloor(input.Mode, input.TeamSharePercent, rules) is { } floorError) errors.Add(floorError);

        if (input.Team.Count == 0) errors.Add(AchievementErrors.TeamMembersRequired);
        else
        {
            var sum = input.Team.Sum(t => t.ContributionPercent);
            if (sum != 100m || input.Team.Any(t => t.ContributionPercent <= 0)) errors.Add(AchievementErrors.TeamContributionsMustSum100(sum));
        }
        if (errors.Count > 0) return Error.Validation(errors);

        var distributable = profitMode ? Yuan.Round(input.OperatingProfit!.Value) : net.Value;
        var team = Yuan.Round(distributable * input.TeamSharePercent / 100m);
        var remainder = distributable - team;
        var office = Yuan.Round(remainder * org.TtoSharePercent / 100m);
        var plan = new IncomeDistribution
        {
            Id = Guid.NewGuid(),
            OrganizationId = actor.OrganizationId,
            AchievementId = input.AchievementId,
            AchievementTitle = input.AchievementTitle,
            Mode = input.Mode,
            Jurisdiction = rules.Jurisdiction,
            IncomeDate = input.IncomeDate,
            GrossIncome = Yuan.Round(input.GrossIncome),
            NetIncome = net.Value,
            OperatingProfit = profitMode ? Yuan.Round(input.OperatingProfit!.Value) : null,
            ProfitYear = profitMode ? input.ProfitYear : null,
            DistributableBase = distributable,
            TeamSharePercent = input.TeamSharePercent,
            TeamAmount = team,
            OfficeSharePercent = org.TtoSharePercent,
            OfficeAmount = office,
            UnitAmount = remainder - office,
            RuleSetId = rules.RuleSetId,
            RuleSourceRef = rules.SourceRef,
            FloorPercent = rules.FloorFor(input.Mode),
            Status = IncomeDistributionStatus.Draft,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            CertificationId = input.CertificationId,
        };
        plan._deductions.AddRange(input.Deductions.Select(d => new IncomeDeduction(d.Kind, d.Description, d.Amount, d.EvidenceRef)));
        var amounts = SplitByContribution(team, input.Team.Select(t => t.ContributionPercent).ToList());
        for (var i = 0; i < input.Team.Count; i++)
        {
            var m = input.Team[i];
            plan._allocations.Add(new TeamAllocation(m.Name, m.UserId, m.ContributionPercent, amounts[i], m.HoldsLeadershipPost));
        }
        plan.TeamUserIds = plan._allocations.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).Distinct().ToList();
        return plan;
    }

    /// <summary>Draft → Approved by the owning office.</summary>
    public Result Approve(Actor actor, DateTimeOffset now)
    {
        var auth = Authorize(actor);
        if (auth.IsFailure) return auth;
        if (Status != IncomeDistributionStatus.Draft) return AchievementErrors.DistributionInvalidTransition(Status, "approved");
        Status = IncomeDistributionStatus.Approved;
        ApprovedAt = now;
        ApprovedByUserId = actor.UserId;
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// Records a payout to a team member of an approved plan: never above what remains of the allocation; a member in
    /// a leadership post needs a public-disclosure record (R4.5); institutions flag it outside the pay cap (R4.6).
    /// </summary>
    public Result<IncomePayout> RecordPayout(Guid allocationId, decimal amount, DateOnly paidOn, string reference, string? disclosureRecordRef,
        Actor actor, OrganizationIncomeSettings org, DateTimeOffset now)
    {
        var auth = Authorize(actor);
        if (auth.IsFailure) return auth.Error!;
        amount = Yuan.Round(amount);
        if (amount <= 0) return AchievementErrors.PayoutAmountInvalid; // the body before the status
        if (Status != IncomeDistributionStatus.Approved) return AchievementErrors.DistributionInvalidTransition(Status, "paid out");
        var allocation = _allocations.FirstOrDefault(a => a.Id == allocationId);
        if (allocation is null) return AchievementErrors.AllocationNotFound;
        var remaining = allocation.Amount - allocation.Paid;
        if (amount > remaining) return AchievementErrors.PayoutExceedsAllocation(remaining);
        if (allocation.HoldsLeadershipPost && string.IsNullOrWhiteSpace(disclosureRecordRef)) return AchievementErrors.LeaderDisclosureRequired;
        var payout = new IncomePayout(allocation.Id, amount, paidOn, reference.Trim(),
            string.IsNullOrWhiteSpace(disclosureRecordRef) ? null : disclosureRecordRef.Trim(), org.IsPublicInstitution, actor.UserId, now);
        allocation.AddPaid(amount);
        _payouts.Add(payout);
        Version++;
        return payout;
    }

    public decimal TotalPaid => _payouts.Sum(p => p.Amount);

    public bool CanBeSeenBy(Viewer viewer) =>
        viewer.OrganizationId == OrganizationId || viewer.IsPlatformAdmin
        || (viewer.UserId is { } uid && _allocations.Any(a => a.UserId == uid));

    private Result Authorize(Actor actor)
    {
        if (actor.OrganizationId != OrganizationId) return AchievementErrors.DistributionNotFound;
        if (!actor.Has(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        return Result.Success();
    }
}
