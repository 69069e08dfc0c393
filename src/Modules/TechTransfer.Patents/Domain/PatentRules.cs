namespace TechTransfer.Patents.Domain;

/// <summary>
/// 专利保护期限 rule set (spec R3.8, 专利法 42): term in years by patent type, chosen by filing date (R0.2).
/// The 2020 amendment (effective 2021-06-01) raised the design term from 10 to 15 years.
/// </summary>
public sealed record PatentTermRuleSet(
    string RuleSetId, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    int InventionYears, int UtilityModelYears, int DesignYears, string SourceRef)
{
    public int YearsFor(PatentType type) => type switch
    {
        PatentType.Invention => InventionYears,
        PatentType.UtilityModel => UtilityModelYears,
        PatentType.Design => DesignYears,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

/// <summary>The versioned term rule sets; configuration may replace them (bound as <c>Patents:TermRuleSets</c>).</summary>
public sealed class PatentTermRules
{
    public List<PatentTermRuleSet> RuleSets { get; init; } =
    [
        new("patent-term-2008", new DateOnly(1985, 4, 1), new DateOnly(2021, 5, 31), 20, 10, 10, "专利法(2008) 第42条"),
        new("patent-term-2021", new DateOnly(2021, 6, 1), null, 20, 10, 15, "专利法(2020修正) 第42条"),
    ];

    public static PatentTermRules Default { get; } = new();

    public PatentTermRuleSet For(DateOnly filingDate) =>
        RuleSets.Where(r => r.EffectiveFrom <= filingDate && (r.EffectiveTo is null || filingDate <= r.EffectiveTo))
            .OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
        ?? RuleSets.OrderBy(r => r.EffectiveFrom).First();

    /// <summary>
    /// R3.8: the last day of protection = filing date + term years − 1 day, extended by any term compensation
    /// (专利权期限补偿, invention patents only). [INF: CNIPA counts the term from the filing date.]
    /// </summary>
    public DateOnly ExpiryDate(PatentType type, DateOnly filingDate, int termCompensationDays) =>
        filingDate.AddYears(For(filingDate).YearsFor(type)).AddDays(-1 + Math.Max(0, termCompensationDays));
}

/// <summary>
/// Configuration of open licensing and annual fees (spec §3, [CFG]); bound from <c>OpenLicensing</c> and checked at
/// start by <c>OpenLicensingOptionsValidator</c> (the ranges below).
/// </summary>
public sealed class OpenLicensingOptions
{
    public const string Section = "OpenLicensing";

    /// <summary>R3.15: annual-fee reduction while a declaration is active (财税〔2024〕23号: 15 %).</summary>
    public decimal AnnualFeeReductionRate { get; set; } = 0.15m;
    /// <summary>R3.16: grace period for late annual fees, in months (细则 115).</summary>
    public int AnnualFeeGraceMonths { get; set; } = 6;
    /// <summary>
    /// R3.16: surcharge per FULL month late, as a share of that year's full fee (细则 115 and the CNIPA bands: within one
    /// month after the due date 0 %, over 1 up to 2 months 5 %, …, over 5 up to 6 months 25 %).
    /// </summary>
    public decimal LateSurchargeRatePerMonth { get; set; } = 0.05m;
    /// <summary>R3.13: months after a grant becomes effective within which the licence filing (备案) is due.</summary>
    public int FilingDueMonths { get; set; } = 3;
    /// <summary>R3.9 soft warning: fixed fee above this amount (yuan).</summary>
    public decimal FixedFeeWarningYuan { get; set; } = 20_000_000m;
    /// <summary>R3.9 soft warning: royalty above this percentage of net sales.</summary>
    public decimal RoyaltyOnSalesWarningPercent { get; set; } = 20m;
    /// <summary>R3.9 soft warning: royalty above this percentage of profit.</summary>
    public decimal RoyaltyOnProfitWarningPercent { get; set; } = 40m;
    /// <summary>R3.7: words that mark promotional language (广告用语) in free-text fields.</summary>
    public List<string> PromotionalTerms { get; set; } =
    [
        "最佳", "最好", "最先进", "最优", "国内第一", "全国第一", "世界第一", "行业第一", "排名第一", "第一品牌", "顶级", "顶尖",
        "极品", "国家级", "全球领先", "世界领先", "国际领先", "绝对领先", "独一无二", "保证收益", "稳赚", "包赚", "零风险",
        "best", "world-leading", "world class", "world-class", "number one", "no.1", "guaranteed", "risk-free", "unbeatable",
    ];
}
