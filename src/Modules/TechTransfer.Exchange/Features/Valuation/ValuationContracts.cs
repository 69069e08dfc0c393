using TechTransfer.Exchange.Domain.Valuation;

namespace TechTransfer.Exchange.Features.Valuation;

/// <summary>Cost approach (成本法): replacement cost and the three obsolescence percentages. <c>Version</c> of the workspace, checked when given.</summary>
public sealed record CostValuationRequest(decimal ReplacementCostYuan, decimal PhysicalObsolescencePercent, decimal FunctionalObsolescencePercent,
    decimal EconomicObsolescencePercent, int? Version);

/// <summary>Market approach (市场法): the comparables are read by the platform from registered contracts; the run keeps their snapshot.</summary>
public sealed record MarketValuationRunRequest(int? Version);

/// <summary>
/// Income approach (收益法): yearly revenue forecast (year 1 first), discount and tax rates, and the profit-split inputs
/// (margin, share) or the royalty rate. <c>PatentTermEndsOn</c> is used for an achievement; a patent listing's term is
/// the listed patents' (the latest expiry).
/// </summary>
public sealed record IncomeValuationRequest(IncomeMethod Method, List<decimal> AnnualRevenueYuan, decimal DiscountRatePercent, decimal TaxRatePercent,
    decimal? ProfitMarginPercent, decimal? ProfitSharePercent, decimal? RoyaltyRatePercent, DateOnly? PatentTermEndsOn, int? Version);

/// <summary>The chosen value (选定价值): the approach it rests on, the amount and the rationale.</summary>
public sealed record ValuationChoiceRequest(ValuationApproach Basis, decimal ValueYuan, string? Rationale, int? Version);

/// <summary>A cost run's figures: the value after each obsolescence in turn.</summary>
public sealed record CostRunDetail(CostInputs Inputs, decimal AfterPhysicalYuan, decimal AfterFunctionalYuan, decimal ValueYuan);

/// <summary>A market run's snapshot: the criteria, the window, the comparables as they were, median and quartiles.</summary>
public sealed record MarketRunDetail(string Category, string? TechnicalField, IReadOnlyList<string> IpcCodes, DateOnly From, DateOnly To,
    int MinComparables, IReadOnlyList<ComparableContract> Comparables, decimal MedianYuan, decimal LowerQuartileYuan, decimal UpperQuartileYuan,
    decimal InterquartileRangeYuan);

/// <summary>An income run: the inputs (with the valuation date and the patent term used), the economic life and every year of the DCF.</summary>
public sealed record IncomeRunDetail(IncomeInputs Inputs, decimal LifeYears, IReadOnlyList<IncomeYear> Years, decimal ValueYuan);

/// <summary>One approach performed, with its figures (one of <c>Cost</c>, <c>Market</c>, <c>Income</c>), who and when.</summary>
public sealed record ValuationRunResponse(Guid Id, ValuationApproach Approach, IncomeMethod? Method, string Formula, decimal ResultYuan,
    Guid? ByUserId, string? ByName, DateTimeOffset At, CostRunDetail? Cost, MarketRunDetail? Market, IncomeRunDetail? Income);

/// <summary>
/// A listing's valuation workspace: whether a valuation is required (R6.3), the chosen value with rationale, who and
/// when, the floor it sets, and every run, newest first. <c>Version</c> 0 before the first run. <c>TermFromPatents</c>: the
/// income approach's life is the listed patents' term (else the caller may name one).
/// </summary>
public sealed record ValuationResponse(Guid ListingId, string ListingTitle, decimal ListingPriceYuan, string PricingMethod, bool TermFromPatents,
    bool ValuationRequired,
    decimal? ChosenValueYuan, ValuationApproach? ChosenBasis, string? Rationale, Guid? ChosenByUserId, string? ChosenByName, DateTimeOffset? ChosenAt,
    decimal? RequiredValueYuan, bool PriceBelowRequiredValue, IReadOnlyList<ValuationRunResponse> Runs, int Version)
{
    public string? ListingTitleEn { get; init; }
}
