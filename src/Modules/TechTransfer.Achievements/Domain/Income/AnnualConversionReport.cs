using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>Conversions of one mode in the report year.</summary>
public sealed record ConversionModeLine(ConversionMode Mode, int Count, decimal GrossIncome, decimal NetIncome, decimal TeamAmount);

/// <summary>
/// 年度科技成果转化情况报告 (R4.7): per institution, covering the prior calendar year (achievements, conversions,
/// distribution), due to the supervisor by 30 March; the supervisor forwards it by 30 April (dates from the rule set).
/// </summary>
public sealed record AnnualConversionReport(
    Guid OrganizationId,
    int Year,
    DateOnly DueDate,
    DateOnly ForwardDueDate,
    int Disclosures,
    int Registrations,
    int RegisteredAtYearEnd,
    int ConversionsCompleted,
    IReadOnlyList<ConversionModeLine> ByMode,
    decimal GrossIncome,
    decimal NetIncome,
    decimal TeamAmount,
    decimal OfficeAmount,
    decimal PaidOut,
    int LeaderPayoutsWithDisclosure,
    int IdleAchievements,
    string RuleSetId)
{
    /// <summary>Builds the report from the records. Only a year that has ended can be reported.</summary>
    public static Result<AnnualConversionReport> Generate(Guid organizationId, int year, IEnumerable<Achievement> achievements,
        IEnumerable<IncomeDistribution> distributions, IncomeRuleSet rules, DateTimeOffset now)
    {
        if (year >= BusinessTime.DateOf(now).Year) return AchievementErrors.ReportYearInvalid;
        bool InYear(DateTimeOffset? t) => t is { } v && BusinessTime.DateOf(v).Year == year;
        var yearEnd = new DateOnly(year, 12, 31);
        var mine = achievements.Where(a => a.OwnerOrganizationId == organizationId).ToList();
        var plans = distributions
            .Where(d => d.OrganizationId == organizationId && d.Status == IncomeDistributionStatus.Approved && d.IncomeDate.Year == year)
            .ToList();
        var converted = mine.Count(a => a.ConversionStatus == ConversionStatus.Converted && InYear(a.ConversionUpdatedAt));
        var byMode = plans.GroupBy(p => p.Mode).OrderBy(g => g.Key)
            .Select(g => new ConversionModeLine(g.Key, g.Count(), g.Sum(p => p.GrossIncome), g.Sum(p => p.NetIncome), g.Sum(p => p.TeamAmount)))
            .ToList();
        var leaderIds = plans.SelectMany(p => p.Allocations.Where(a => a.HoldsLeadershipPost).Select(a => a.Id)).ToHashSet();
        return new AnnualConversionReport(
            organizationId, year, rules.ReportDueDate(year), rules.ReportForwardDate(year),
            Disclosures: mine.Count(a => InYear(a.DisclosedAt)),
            Registrations: mine.Count(a => InYear(a.UnitRegisteredAt)),
            RegisteredAtYearEnd: mine.Count(a => a.UnitRegisteredAt is { } r && BusinessTime.DateOf(r) <= yearEnd),
            ConversionsCompleted: converted,
            ByMode: byMode,
            GrossIncome: plans.Sum(p => p.GrossIncome),
            NetIncome: plans.Sum(p => p.NetIncome),
            TeamAmount: plans.Sum(p => p.TeamAmount),
            OfficeAmount: plans.Sum(p => p.OfficeAmount),
            PaidOut: plans.Sum(p => p.TotalPaid),
            LeaderPayoutsWithDisclosure: plans.SelectMany(p => p.Payouts).Count(p => leaderIds.Contains(p.AllocationId) && p.DisclosureRecordRef is not null),
            IdleAchievements: mine.Count(a => a.EligibleForCompleterLedConversion),
            RuleSetId: rules.RuleSetId);
    }

    /// <summary>Overdue when not submitted and today (business date) is after the due date.</summary>
    public bool IsOverdue(DateOnly today, DateTimeOffset? submittedAt) => submittedAt is null && today > DueDate;
}

/// <summary>The institution's submission of its annual conversion report to the supervisor (R4.7).</summary>
public sealed class ConversionReportSubmission : IAudited
{
    private ConversionReportSubmission() { }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Year { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid SubmittedByUserId { get; private set; }
    public DateOnly DueDate { get; private set; }
    /// <summary>Submitted after the due date (30 March).</summary>
    public bool Late { get; private set; }

    Guid? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<ConversionReportSubmission> Submit(AnnualConversionReport report, ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.IsOfficeOf(report.OrganizationId) || caller.UserId is not { } userId) return AchievementErrors.DistributionRoleNotAllowed;
        return new ConversionReportSubmission
        {
            Id = Guid.NewGuid(),
            OrganizationId = report.OrganizationId,
            Year = report.Year,
            SubmittedAt = now,
            SubmittedByUserId = userId,
            DueDate = report.DueDate,
            Late = BusinessTime.DateOf(now) > report.DueDate,
        };
    }
}
