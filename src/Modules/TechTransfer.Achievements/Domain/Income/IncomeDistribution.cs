using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

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

/// <summary>How the team's reward is set (R4.2): a share of net income, a fixed amount, shares of an equity investment, or a yearly share of operating profit.</summary>
public enum TeamRewardBasis
{
    /// <summary>净收入的比例（转让、许可）</summary>
    Percentage,
    /// <summary>固定金额（转让、许可）</summary>
    FixedAmount,
    /// <summary>作价投资形成的股份</summary>
    Shares,
    /// <summary>自行或合作实施：连续年度营业利润的比例</summary>
    OperatingProfit,
}

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

/// <summary>A member of the team the reward is split among (the achievement's completers by default).</summary>
public sealed class PlanTeamMember
{
    private PlanTeamMember() { Name = ""; }

    public PlanTeamMember(string name, Guid? userId, decimal contributionPercent, bool holdsLeadershipPost)
    {
        Name = name.Trim();
        UserId = userId;
        ContributionPercent = contributionPercent;
        HoldsLeadershipPost = holdsLeadershipPost;
    }

    public string Name { get; private set; }
    public Guid? UserId { get; private set; }
    public decimal ContributionPercent { get; private set; }
    /// <summary>担任领导职务 (R4.5)</summary>
    public bool HoldsLeadershipPost { get; private set; }
}

/// <summary>One team member's allocation: an amount in yuan (for one profit year of an implementation plan), or shares of an equity investment.</summary>
public sealed class TeamAllocation
{
    private TeamAllocation() { Name = ""; }

    public TeamAllocation(PlanTeamMember member, decimal amount, long shares = 0, int? year = null)
    {
        Id = Guid.NewGuid();
        Name = member.Name;
        UserId = member.UserId;
        ContributionPercent = member.ContributionPercent;
        Amount = amount;
        Shares = shares;
        Year = year;
        HoldsLeadershipPost = member.HoldsLeadershipPost;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid? UserId { get; private set; }
    public decimal ContributionPercent { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>Shares of the invested company (equity plans only).</summary>
    public long Shares { get; private set; }
    /// <summary>The profit year this allocation is for (implementation plans only).</summary>
    public int? Year { get; private set; }
    /// <summary>担任领导职务 (R4.5)</summary>
    public bool HoldsLeadershipPost { get; private set; }
    public decimal Paid { get; private set; }

    internal void AddPaid(decimal amount) => Paid += amount;
}

/// <summary>One year's operating profit of a self or cooperative implementation, and the team's share of it (R4.2).</summary>
public sealed class ProfitYear
{
    private ProfitYear() { }

    public ProfitYear(int year, decimal operatingProfit, decimal teamAmount, Guid? recordedBy, DateTimeOffset recordedAt)
    {
        Year = year;
        OperatingProfit = operatingProfit;
        TeamAmount = teamAmount;
        RecordedByUserId = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Year { get; private set; }
    /// <summary>营业利润 (a loss is recorded as a negative amount; the team's share of a loss is 0).</summary>
    public decimal OperatingProfit { get; private set; }
    public decimal TeamAmount { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A recorded payout (R4.6 flag, R4.5 disclosure record for leaders).</summary>
public sealed class IncomePayout
{
    private IncomePayout() { Reference = ""; }

    public IncomePayout(Guid allocationId, decimal amount, DateOnly paidOn, string reference, string? disclosureRecordRef, bool outsidePerformancePayCap, Guid? recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        AllocationId = allocationId;
        Amount = amount;
        PaidOn = paidOn;
        Reference = reference;
        DisclosureRecordRef = disclosureRecordRef;
        OutsidePerformancePayCap = outsidePerformancePayCap;
        RecordedByUserId = recordedBy ?? Guid.Empty;
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

/// <summary>作价投资: the company invested in, the shares the achievement's valuation formed, and the team's shares of them.</summary>
public sealed record EquityInput(string InvesteeCompany, long SharesFormed, long TeamShares);

public sealed record ProfitYearInput(int Year, decimal OperatingProfit);

/// <summary>
/// A plan as proposed. Transfer, licence and other income: <see cref="TeamSharePercent"/> or a fixed
/// <see cref="TeamAmount"/>. Equity investment: <see cref="Equity"/>. Self or cooperative implementation:
/// <see cref="TeamSharePercent"/> of operating profit, <see cref="FirstProfitableYear"/> and the years known so far.
/// </summary>
public sealed record IncomePlanInput(
    Guid AchievementId,
    string AchievementTitle,
    ConversionMode Mode,
    DateOnly IncomeDate,
    decimal GrossIncome,
    IReadOnlyList<DeductionInput> Deductions,
    decimal? TeamSharePercent,
    IReadOnlyList<TeamMemberInput> Team,
    decimal? TeamAmount = null,
    EquityInput? Equity = null,
    int? FirstProfitableYear = null,
    IReadOnlyList<ProfitYearInput>? ProfitYears = null,
    Guid? CertificationId = null);

/// <summary>
/// 收益分配方案 (R4.1–R4.6): net income from gross and documented deductions; the team's reward — a percentage or a fixed
/// amount of net income, shares of an equity investment (作价投资), or a yearly share of operating profit over the
/// consecutive years from the first profitable one (自行/合作实施, one plan covering the years) — checked against the
/// floor of the organisation's jurisdiction (naming it and its source); the transfer office's share of the remainder
/// (R4.4); the team's amounts and shares split among its members with <see cref="Yuan.Allocate"/> (largest remainder,
/// ties to the member listed first, parts sum exactly); payouts recorded.
/// </summary>
public sealed class IncomeDistribution : IAudited
{
    private readonly List<IncomeDeduction> _deductions = [];
    private readonly List<PlanTeamMember> _team = [];
    private readonly List<TeamAllocation> _allocations = [];
    private readonly List<ProfitYear> _profitYears = [];
    private readonly List<IncomePayout> _payouts = [];

    private IncomeDistribution() { AchievementTitle = ""; RuleSetId = ""; RuleSourceRef = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AchievementId { get; private set; }
    public string AchievementTitle { get; private set; }
    public ConversionMode Mode { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public TeamRewardBasis Basis { get; private set; }
    public DateOnly IncomeDate { get; private set; }
    /// <summary>转化收入总额 (for an equity investment: the valuation, 作价金额)</summary>
    public decimal GrossIncome { get; private set; }
    public IReadOnlyList<IncomeDeduction> Deductions => _deductions;
    /// <summary>净收入 (R4.1)</summary>
    public decimal NetIncome { get; private set; }
    /// <summary>The amount the team's percentage applies to: net income, or the operating profit of the years recorded.</summary>
    public decimal DistributableBase { get; private set; }
    /// <summary>The team's percentage: as given, or what a fixed amount or a number of shares comes to (2 decimals).</summary>
    public decimal TeamSharePercent { get; private set; }
    public decimal TeamAmount { get; private set; }
    public decimal OfficeSharePercent { get; private set; }
    /// <summary>技术转移机构份额 (R4.4)</summary>
    public decimal OfficeAmount { get; private set; }
    /// <summary>单位留存 (R&amp;D and conversion work)</summary>
    public decimal UnitAmount { get; private set; }
    /// <summary>被投资企业 (equity)</summary>
    public string? InvesteeCompany { get; private set; }
    /// <summary>作价投资形成的股份数 (equity)</summary>
    public long? SharesFormed { get; private set; }
    /// <summary>The team's shares (equity); the unit holds the rest.</summary>
    public long? TeamShares { get; private set; }
    /// <summary>首个盈利年度 (implementation)</summary>
    public int? FirstProfitableYear { get; private set; }
    /// <summary>How many consecutive years from the first profitable one the plan covers (rule set: Shanghai 5, national 3–5).</summary>
    public int? ProfitYearsCovered { get; private set; }
    public IReadOnlyList<ProfitYear> ProfitYears => _profitYears;
    public string RuleSetId { get; private set; }
    public string RuleSourceRef { get; private set; }
    public decimal FloorPercent { get; private set; }
    public IReadOnlyList<PlanTeamMember> Team => _team;
    public IReadOnlyList<TeamAllocation> Allocations => _allocations;
    /// <summary>Platform users among the team (for queries: members see their own lines).</summary>
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

    public bool IsEquity => Basis == TeamRewardBasis.Shares;
    public bool IsImplementation => Basis == TeamRewardBasis.OperatingProfit;

    /// <summary>The years an implementation plan covers, first to last.</summary>
    public (int First, int Last)? CoveredYears =>
        FirstProfitableYear is { } f && ProfitYearsCovered is { } n ? (f, f + n - 1) : null;

    public static TeamRewardBasis BasisOf(ConversionMode mode, decimal? teamAmount) => mode switch
    {
        ConversionMode.EquityInvestment => TeamRewardBasis.Shares,
        ConversionMode.SelfImplement or ConversionMode.Cooperation => TeamRewardBasis.OperatingProfit,
        _ => teamAmount is null ? TeamRewardBasis.Percentage : TeamRewardBasis.FixedAmount,
    };

    // ------------------------------------------------------------------ the rules, as a checklist

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

    /// <summary>R4.2/R4.3: a percentage must reach the floor of the applicable rule set; the error names floor and source.</summary>
    public static FieldError? CheckFloor(ConversionMode mode, decimal teamSharePercent, IncomeRuleSet rules)
    {
        var floor = rules.FloorFor(mode);
        return teamSharePercent < floor
            ? AchievementErrors.TeamShareBelowFloor(teamSharePercent, floor, rules.SourceRef, IncomeRuleSet.IsOperatingProfitMode(mode))
            : null;
    }

    /// <summary>R4.3: a fixed amount must reach the floor's share of the net income (compared exactly, never after rounding).</summary>
    public static FieldError? CheckAmountFloor(ConversionMode mode, decimal teamAmount, decimal netIncome, IncomeRuleSet rules)
    {
        var floor = rules.FloorFor(mode);
        return teamAmount * 100m < netIncome * floor
            ? AchievementErrors.TeamAmountBelowFloor(teamAmount, netIncome, floor, decimal.Ceiling(netIncome * floor) / 100m, rules.SourceRef)
            : null;
    }

    /// <summary>R4.3: equity — the team's shares must reach the floor's share of the shares formed.</summary>
    public static FieldError? CheckSharesFloor(long teamShares, long sharesFormed, IncomeRuleSet rules)
    {
        var floor = rules.FloorFor(ConversionMode.EquityInvestment);
        return teamShares * 100m < sharesFormed * floor
            ? AchievementErrors.TeamSharesBelowFloor(teamShares, sharesFormed, floor, (long)decimal.Ceiling(sharesFormed * floor / 100m), rules.SourceRef)
            : null;
    }

    /// <summary>
    /// Every rule a plan's terms must satisfy (all failures at once), before anything is loaded: net income (R4.1), the
    /// reward's basis and the floors (R4.2/R4.3), the profit years of an implementation plan. The team is checked by
    /// <see cref="CheckTeam"/> once it is known.
    /// </summary>
    public static FieldErrors CheckTerms(IncomePlanInput input, IncomeRuleSet rules)
    {
        var errors = new FieldErrors();
        var net = ComputeNetIncome(input.GrossIncome, input.Deductions);
        if (net.IsFailure) errors.AddRange(net.Error!.FieldErrors);
        var years = input.ProfitYears ?? [];
        switch (BasisOf(input.Mode, input.TeamAmount))
        {
            case TeamRewardBasis.Percentage:
                if (input.TeamSharePercent is not { } pct) errors.Add(AchievementErrors.TeamShareOrAmountRequired);
                else if (pct is < 0 or > 100) errors.Add(AchievementErrors.TeamShareOutOfRange);
                else if (CheckFloor(input.Mode, pct, rules) is { } below) errors.Add(below);
                if (years.Count > 0) errors.Add(AchievementErrors.ProfitYearsOnlyForImplementation);
                break;
            case TeamRewardBasis.FixedAmount:
                if (input.TeamSharePercent is not null) errors.Add(AchievementErrors.TeamShareAndAmountBoth);
                else if (input.TeamAmount is < 0 || (net.IsSuccess && input.TeamAmount > net.Value)) errors.Add(AchievementErrors.TeamAmountOutOfRange);
                else if (net.IsSuccess && CheckAmountFloor(input.Mode, input.TeamAmount!.Value, net.Value, rules) is { } below) errors.Add(below);
                if (years.Count > 0) errors.Add(AchievementErrors.ProfitYearsOnlyForImplementation);
                break;
            case TeamRewardBasis.Shares:
                if (input.TeamAmount is not null) errors.Add(AchievementErrors.FixedAmountOnlyForIncome);
                if (input.Equity is not { } e)
                {
                    errors.Add(AchievementErrors.InvesteeRequired).Add(AchievementErrors.SharesFormedInvalid);
                    break;
                }
                if (string.IsNullOrWhiteSpace(e.InvesteeCompany)) errors.Add(AchievementErrors.InvesteeRequired);
                if (e.SharesFormed <= 0) errors.Add(AchievementErrors.SharesFormedInvalid);
                else if (e.TeamShares < 0 || e.TeamShares > e.SharesFormed) errors.Add(AchievementErrors.TeamSharesInvalid);
                else if (CheckSharesFloor(e.TeamShares, e.SharesFormed, rules) is { } below) errors.Add(below);
                if (years.Count > 0) errors.Add(AchievementErrors.ProfitYearsOnlyForImplementation);
                break;
            case TeamRewardBasis.OperatingProfit:
                if (input.TeamAmount is not null) errors.Add(AchievementErrors.FixedAmountOnlyForIncome);
                if (input.TeamSharePercent is not { } share) errors.Add(AchievementErrors.TeamShareOrAmountRequired);
                else if (share is < 0 or > 100) errors.Add(AchievementErrors.TeamShareOutOfRange);
                else if (CheckFloor(input.Mode, share, rules) is { } below) errors.Add(below);
                if (input.FirstProfitableYear is not ({ } first and >= 1900 and <= 9999)) errors.Add(AchievementErrors.FirstProfitableYearRequired);
                else
                {
                    var seen = new HashSet<int>();
                    foreach (var y in years)
                        if (CheckProfitYear(y.Year, y.OperatingProfit, first, rules.OperatingProfitYears, seen) is { } bad) errors.Add(bad);
                        else seen.Add(y.Year);
                }
                break;
        }
        return errors;
    }

    /// <summary>The team the reward is split among: at least one member, contributions above 0 and summing to 100.</summary>
    public static FieldErrors CheckTeam(IReadOnlyList<TeamMemberInput> team)
    {
        var errors = new FieldErrors();
        if (team.Count == 0) return errors.Add(AchievementErrors.TeamMembersRequired);
        var sum = team.Sum(t => t.ContributionPercent);
        if (sum != 100m || team.Any(t => t.ContributionPercent <= 0)) errors.Add(AchievementErrors.TeamContributionsMustSum100(sum));
        return errors;
    }

    private static FieldError? CheckProfitYear(int year, decimal profit, int first, int covered, IReadOnlySet<int> recorded)
    {
        if (year < first || year > first + covered - 1) return AchievementErrors.ProfitYearOutOfRange(first, covered);
        if (recorded.Contains(year)) return AchievementErrors.ProfitYearDuplicate(year);
        if (year == first && profit <= 0) return AchievementErrors.FirstYearNotProfitable(year);
        return null;
    }

    // ------------------------------------------------------------------ planning

    /// <summary>The owning office drafts a plan; every R4 rule is checked here (again, after the use case's early check).</summary>
    public static Result<IncomeDistribution> Plan(IncomePlanInput input, ICurrentUser caller, IncomeRuleSet rules, decimal officeSharePercent, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.InstitutionAdmin) || caller.UserId is not { } userId || caller.OrganizationId is not { } organizationId)
            return AchievementErrors.DistributionRoleNotAllowed;
        var errors = CheckTerms(input, rules).AddRange(CheckTeam(input.Team).All);
        if (errors.ToError() is { } invalid) return invalid;

        var net = ComputeNetIncome(input.GrossIncome, input.Deductions).Value;
        var plan = new IncomeDistribution
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            AchievementId = input.AchievementId,
            AchievementTitle = input.AchievementTitle,
            Mode = input.Mode,
            Jurisdiction = rules.Jurisdiction,
            Basis = BasisOf(input.Mode, input.TeamAmount),
            IncomeDate = input.IncomeDate,
            GrossIncome = Yuan.Round(input.GrossIncome),
            NetIncome = net,
            RuleSetId = rules.RuleSetId,
            RuleSourceRef = rules.SourceRef,
            FloorPercent = rules.FloorFor(input.Mode),
            Status = IncomeDistributionStatus.Draft,
            CreatedByUserId = userId,
            CreatedAt = now,
            CertificationId = input.CertificationId,
            OfficeSharePercent = officeSharePercent,
        };
        plan._deductions.AddRange(input.Deductions.Select(d => new IncomeDeduction(d.Kind, d.Description, d.Amount, d.EvidenceRef)));
        plan._team.AddRange(input.Team.Select(m => new PlanTeamMember(m.Name, m.UserId, m.ContributionPercent, m.HoldsLeadershipPost)));
        plan.TeamUserIds = plan._team.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Distinct().ToList();
        var weights = plan._team.Select(m => m.ContributionPercent).ToList();

        switch (plan.Basis)
        {
            case TeamRewardBasis.Percentage or TeamRewardBasis.FixedAmount:
                plan.DistributableBase = net;
                plan.TeamAmount = plan.Basis == TeamRewardBasis.FixedAmount ? Yuan.Round(input.TeamAmount!.Value) : Yuan.Round(net * input.TeamSharePercent!.Value / 100m);
                plan.TeamSharePercent = plan.Basis == TeamRewardBasis.FixedAmount
                    ? (net == 0 ? 0 : Math.Round(plan.TeamAmount * 100m / net, 2, MidpointRounding.ToEven))
                    : input.TeamSharePercent!.Value;
                var remainder = net - plan.TeamAmount;
                plan.OfficeAmount = Yuan.Round(remainder * officeSharePercent / 100m);
                plan.UnitAmount = remainder - plan.OfficeAmount;
                var amounts = Yuan.Allocate(plan.TeamAmount, weights);
                for (var i = 0; i < plan._team.Count; i++) plan._allocations.Add(new TeamAllocation(plan._team[i], amounts[i]));
                break;
            case TeamRewardBasis.Shares:
                var equity = input.Equity!;
                plan.DistributableBase = net;
                plan.InvesteeCompany = equity.InvesteeCompany.Trim();
                plan.SharesFormed = equity.SharesFormed;
                plan.TeamShares = equity.TeamShares;
                plan.TeamSharePercent = Math.Round(equity.TeamShares * 100m / equity.SharesFormed, 2, MidpointRounding.ToEven);
                var shares = SplitShares(equity.TeamShares, weights);
                for (var i = 0; i < plan._team.Count; i++) plan._allocations.Add(new TeamAllocation(plan._team[i], 0m, shares[i]));
                break;
            case TeamRewardBasis.OperatingProfit:
                plan.TeamSharePercent = input.TeamSharePercent!.Value;
                plan.FirstProfitableYear = input.FirstProfitableYear;
                plan.ProfitYearsCovered = rules.OperatingProfitYears;
                foreach (var y in (input.ProfitYears ?? []).OrderBy(y => y.Year)) plan.AddProfitYear(y.Year, y.OperatingProfit, userId, now);
                break;
        }
        plan.Version = 1;
        return plan;
    }

    /// <summary>
    /// Whole shares split by contribution with the same largest-remainder rule as money (<see cref="Yuan.Allocate"/>: one
    /// share counted as one fen), so the parts sum exactly to the team's shares and ties go to the member listed first.
    /// </summary>
    public static IReadOnlyList<long> SplitShares(long shares, IReadOnlyList<decimal> weights) =>
        Yuan.Allocate(shares / 100m, weights).Select(p => (long)(p * 100m)).ToList();

    /// <summary>
    /// Self or cooperative implementation: records one year's operating profit within the years the plan covers; the
    /// team's share of it (a loss gives 0) is split among the team for that year. Draft or approved plans.
    /// </summary>
    public Result RecordProfitYear(int year, decimal operatingProfit, ICurrentUser caller, DateTimeOffset now)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (!IsImplementation || FirstProfitableYear is not { } first || ProfitYearsCovered is not { } covered) return AchievementErrors.NotAnImplementationPlan;
        if (CheckProfitYear(year, operatingProfit, first, covered, _profitYears.Select(y => y.Year).ToHashSet()) is { } bad)
            return Error.Validation([bad]);
        AddProfitYear(year, operatingProfit, caller.UserId, now);
        Version++;
        return Result.Success();
    }

    private void AddProfitYear(int year, decimal operatingProfit, Guid? by, DateTimeOffset now)
    {
        var profit = Yuan.Round(operatingProfit);
        var team = Yuan.Round(Math.Max(profit, 0m) * TeamSharePercent / 100m);
        _profitYears.Add(new ProfitYear(year, profit, team, by, now));
        _profitYears.Sort((a, b) => a.Year.CompareTo(b.Year));
        var amounts = Yuan.Allocate(team, _team.Select(m => m.ContributionPercent).ToList());
        for (var i = 0; i < _team.Count; i++) _allocations.Add(new TeamAllocation(_team[i], amounts[i], year: year));
        DistributableBase += Math.Max(profit, 0m);
        TeamAmount += team;
    }

    /// <summary>Draft → Approved by the owning office.</summary>
    public Result Approve(ICurrentUser caller, DateTimeOffset now)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (Status != IncomeDistributionStatus.Draft) return AchievementErrors.DistributionInvalidTransition(Status, "approved");
        Status = IncomeDistributionStatus.Approved;
        ApprovedAt = now;
        ApprovedByUserId = caller.UserId;
        Version++;
        return Result.Success();
    }

    /// <summary>The body of a payout, checked before the plan is loaded (and again when it is recorded).</summary>
    public static Error? CheckPayout(decimal amount) => Yuan.Round(amount) <= 0 ? AchievementErrors.PayoutAmountInvalid : null;

    /// <summary>
    /// Records a payout to a team member of an approved plan: never above what remains of the allocation; a member in
    /// a leadership post needs a public-disclosure record (R4.5); public institutions flag it outside the pay cap (R4.6).
    /// </summary>
    public Result<IncomePayout> RecordPayout(Guid allocationId, decimal amount, DateOnly paidOn, string reference, string? disclosureRecordRef,
        ICurrentUser caller, bool isPublicInstitution, DateTimeOffset now)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (CheckPayout(amount) is { } invalid) return invalid;
        if (IsEquity) return AchievementErrors.EquityHasNoCashPayout;
        if (Status != IncomeDistributionStatus.Approved) return AchievementErrors.DistributionInvalidTransition(Status, "paid out");
        var allocation = _allocations.FirstOrDefault(a => a.Id == allocationId);
        if (allocation is null) return AchievementErrors.AllocationNotFound;
        amount = Yuan.Round(amount);
        var remaining = allocation.Amount - allocation.Paid;
        if (amount > remaining) return AchievementErrors.PayoutExceedsAllocation(remaining);
        if (allocation.HoldsLeadershipPost && string.IsNullOrWhiteSpace(disclosureRecordRef)) return AchievementErrors.LeaderDisclosureRequired;
        var payout = new IncomePayout(allocation.Id, amount, paidOn, reference.Trim(),
            string.IsNullOrWhiteSpace(disclosureRecordRef) ? null : disclosureRecordRef.Trim(), isPublicInstitution, caller.UserId, now);
        allocation.AddPaid(amount);
        _payouts.Add(payout);
        Version++;
        return payout;
    }

    public decimal TotalPaid => _payouts.Sum(p => p.Amount);

    public bool CanBeSeenBy(ICurrentUser viewer) =>
        viewer.OrganizationId == OrganizationId || viewer.IsPlatformAdmin()
        || (viewer.UserId is { } uid && _team.Any(m => m.UserId == uid));

    private Error? Authorize(ICurrentUser caller)
    {
        if (caller.OrganizationId != OrganizationId) return AchievementErrors.DistributionNotFound;
        if (!caller.IsInRole(Roles.InstitutionAdmin)) return AchievementErrors.DistributionRoleNotAllowed;
        return null;
    }
}

/// <summary>
/// 技术转移机构份额 (R4.4): the share of the remainder (after the team's share) an organisation gives its transfer office,
/// a value each unit sets for itself (上海市促进科技成果转化条例第三十五条: "一定比例", no legal minimum). Kept per
/// organisation in the Achievements module (table <c>ach_income_settings</c>), edited by the organisation's transfer
/// office; an organisation without a row uses <c>Achievements:DefaultTtoSharePercent</c>.
/// </summary>
public sealed class IncomeSettings : IAudited
{
    private IncomeSettings() { }

    public Guid OrganizationId { get; private set; }
    public decimal TtoSharePercent { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }
    public int Version { get; private set; }

    Guid? IAudited.AuditOrganizationId => OrganizationId;

    public static Error? CheckShare(decimal percent) => percent is < 0 or > 100 ? AchievementErrors.TtoShareOutOfRange : null;

    public static Result<IncomeSettings> Create(Guid organizationId, decimal ttoSharePercent, ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.IsOfficeOf(organizationId)) return AchievementErrors.DistributionRoleNotAllowed;
        if (CheckShare(ttoSharePercent) is { } invalid) return invalid;
        return new IncomeSettings { OrganizationId = organizationId, TtoSharePercent = ttoSharePercent, UpdatedAt = now, UpdatedByUserId = caller.UserId, Version = 1 };
    }

    public Result Change(decimal ttoSharePercent, ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.IsOfficeOf(OrganizationId)) return AchievementErrors.DistributionRoleNotAllowed;
        if (CheckShare(ttoSharePercent) is { } invalid) return invalid;
        TtoSharePercent = ttoSharePercent;
        UpdatedAt = now;
        UpdatedByUserId = caller.UserId;
        Version++;
        return Result.Success();
    }
}
