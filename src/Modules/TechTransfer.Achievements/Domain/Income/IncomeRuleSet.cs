using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// [CFG] Versioned income-distribution rules (R4.2–R4.7), chosen by jurisdiction and income date (R0.2).
/// </summary>
public sealed record IncomeRuleSet : IVersionedRuleSet
{
    public required string RuleSetId { get; init; }
    public required Jurisdiction Jurisdiction { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Named in every floor error (R4.3).</summary>
    public required string SourceRef { get; init; }
    public string SourceRefEn { get; init; } = "";
    /// <summary>Minimum team share of net income for transfer and licence (R4.2).</summary>
    public decimal TransferLicenseFloorPercent { get; init; }
    /// <summary>Minimum team share of the shares formed by equity investment (R4.2).</summary>
    public decimal EquityFloorPercent { get; init; }
    /// <summary>Minimum team share of yearly operating profit for self or cooperative implementation (R4.2).</summary>
    public decimal OperatingProfitFloorPercent { get; init; } = 5m;
    /// <summary>
    /// Number of consecutive years, from the first profitable one, the operating-profit share applies to (Shanghai: 5,
    /// 上海市促进科技成果转化条例第三十四条; national: 3 to 5, 促进科技成果转化法第四十五条 — checked at start-up).
    /// </summary>
    public int OperatingProfitYears { get; init; } = 5;
    /// <summary>Annual conversion report due date (month, day) in the year after the report year (R4.7).</summary>
    public int ReportDueMonth { get; init; } = 3;
    public int ReportDueDay { get; init; } = 30;
    /// <summary>The supervisor forwards the report by this date (R4.7).</summary>
    public int ReportForwardMonth { get; init; } = 4;
    public int ReportForwardDay { get; init; } = 30;

    public static IReadOnlyList<IncomeRuleSet> Defaults { get; } =
    [
        new()
        {
            RuleSetId = "income-shanghai-2015", Jurisdiction = Jurisdiction.Shanghai, EffectiveFrom = new DateOnly(2017, 6, 1),
            SourceRef = "上海市促进科技成果转化条例 第三十四条", SourceRefEn = "Shanghai Regulations on Promoting the Transformation of S&T Achievements, art. 34",
            TransferLicenseFloorPercent = 70m, EquityFloorPercent = 70m, OperatingProfitFloorPercent = 5m, OperatingProfitYears = 5,
        },
        new()
        {
            RuleSetId = "income-national-2015", Jurisdiction = Jurisdiction.National, EffectiveFrom = new DateOnly(2015, 10, 1),
            SourceRef = "中华人民共和国促进科技成果转化法 第四十五条", SourceRefEn = "Law on Promoting the Transformation of S&T Achievements, art. 45",
            TransferLicenseFloorPercent = 50m, EquityFloorPercent = 50m, OperatingProfitFloorPercent = 5m, OperatingProfitYears = 3,
        },
    ];

    public static bool IsOperatingProfitMode(ConversionMode mode) => mode is ConversionMode.SelfImplement or ConversionMode.Cooperation;

    /// <summary>The floor for a mode (Other is treated like transfer/licence, the stricter reading).</summary>
    public decimal FloorFor(ConversionMode mode) => mode switch
    {
        ConversionMode.EquityInvestment => EquityFloorPercent,
        ConversionMode.SelfImplement or ConversionMode.Cooperation => OperatingProfitFloorPercent,
        _ => TransferLicenseFloorPercent,
    };

    /// <summary>What is wrong with this rule set, if anything (options are validated at start-up).</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(RuleSetId)) yield return "an income rule set has no RuleSetId";
        if (TransferLicenseFloorPercent is < 0 or > 100 || EquityFloorPercent is < 0 or > 100 || OperatingProfitFloorPercent is < 0 or > 100)
            yield return $"{RuleSetId}: floors must be between 0 and 100";
        var (min, max) = Jurisdiction == Jurisdiction.National ? (3, 5) : (1, 10);
        if (OperatingProfitYears < min || OperatingProfitYears > max)
            yield return $"{RuleSetId}: OperatingProfitYears must be {min} to {max} for {Jurisdiction}";
        if (EffectiveTo is { } to && to < EffectiveFrom) yield return $"{RuleSetId}: EffectiveTo is before EffectiveFrom";
    }

    public DateOnly ReportDueDate(int reportYear) => new(reportYear + 1, ReportDueMonth, ReportDueDay);
    public DateOnly ReportForwardDate(int reportYear) => new(reportYear + 1, ReportForwardMonth, ReportForwardDay);
}
