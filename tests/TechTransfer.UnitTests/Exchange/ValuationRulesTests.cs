using TechTransfer.SharedKernel;
using TechTransfer.Exchange.Domain.Valuation;

namespace TechTransfer.UnitTests.Exchange;

/// <summary>The valuation workspace's rules (确价): cost, market (comparables, median, IQR, threshold), income (DCF bounded
/// by the remaining patent term, profit split or royalty relief), the chosen value and R6.3's reserve floor.</summary>
public sealed class ValuationRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cost_is_replacement_cost_less_each_obsolescence()
    {
        var c = new CostInputs(1_000_000m, 20m, 10m, 5m);
        Assert.Empty(ValuationCalculator.Check(c));
        Assert.Equal(684_000m, ValuationCalculator.Cost(c)); // 1,000,000 × 0.8 × 0.9 × 0.95
        var bad = ValuationCalculator.Check(new CostInputs(0m, -1m, 101m, 5m));
        Assert.Equal(["replacementCostYuan", "physicalObsolescencePercent", "functionalObsolescencePercent"], bad.Select(e => e.Field));
    }

    private static ComparableContract Contract(decimal amount, DateOnly registered, string category = "Transfer", string? field = "新能源",
        params string[] ipc) => new(Guid.NewGuid(), "C" + amount, registered, category, field, ipc, amount);

    [Fact]
    public void Comparables_are_registered_in_the_last_three_years_of_the_same_category_and_field_or_ipc_subclass()
    {
        var subject = new ComparableCriteria("Transfer", "新能源", ["H01M 10/0562"]);
        var same = Contract(100m, Today.AddDays(-10));
        var byIpc = Contract(200m, Today.AddYears(-2), field: "材料", ipc: "H01M 4/13");
        var old = Contract(300m, Today.AddYears(-3));                        // exactly three years ago: outside
        var future = Contract(400m, Today.AddDays(1));
        var otherCategory = Contract(500m, Today.AddDays(-1), category: "Licensing");
        var unrelated = Contract(600m, Today.AddDays(-1), field: "生物医药", ipc: "A61K 31/00");
        var found = ValuationCalculator.Comparables([same, byIpc, old, future, otherCategory, unrelated], subject, ValuationRules.Default, Today);
        Assert.Equal([same.ContractId, byIpc.ContractId], found.Select(c => c.ContractId));
    }

    [Fact]
    public void Market_shows_median_and_interquartile_range_only_with_enough_comparables()
    {
        var rules = new ValuationRules(MinComparables: 5, ComparableYears: 3);
        var five = new[] { 500m, 100m, 300m, 200m, 400m }.Select(a => Contract(a, Today)).ToList();
        var m = ValuationCalculator.Market(five, rules);
        Assert.True(m.IsSuccess);
        Assert.Equal(300m, m.Value.MedianYuan);
        Assert.Equal(200m, m.Value.LowerQuartileYuan);
        Assert.Equal(400m, m.Value.UpperQuartileYuan);
        Assert.Equal(200m, m.Value.InterquartileRangeYuan);

        Assert.Equal("valuation.not_enough_comparables", ValuationCalculator.Market(five.Take(4).ToList(), rules).Error!.Code);
        Assert.Equal("valuation.not_enough_comparables", ValuationCalculator.Market([], new ValuationRules(0, 3)).Error!.Code);
        // even count: interpolated
        Assert.Equal(2.5m, ValuationCalculator.Quantile([1m, 2m, 3m, 4m], 0.5m));
        Assert.Equal(1.75m, ValuationCalculator.Quantile([1m, 2m, 3m, 4m], 0.25m));
    }

    private static IncomeInputs Income(IncomeMethod method = IncomeMethod.RoyaltyRelief, DateOnly? termEnds = null, decimal[]? revenue = null) =>
        new(method, revenue ?? [1_000_000m, 1_000_000m, 1_000_000m], 10m, 25m, method == IncomeMethod.ProfitSplit ? 20m : null,
            method == IncomeMethod.ProfitSplit ? 25m : null, method == IncomeMethod.RoyaltyRelief ? 4m : null, Today, termEnds);

    [Fact]
    public void Income_discounts_royalty_relief_cash_flows_year_by_year()
    {
        var (value, years, life) = ValuationCalculator.Income(Income());
        // 1,000,000 × 4 % × (1 − 25 %) = 30,000 a year, discounted at 10 %
        Assert.All(years, y => Assert.Equal(30_000m, y.CashFlowYuan));
        Assert.Equal(27_272.73m, years[0].PresentValueYuan);
        Assert.Equal(24_793.39m, years[1].PresentValueYuan);
        Assert.Equal(22_539.44m, years[2].PresentValueYuan);
        Assert.Equal(74_605.56m, value);
        Assert.Equal(3m, life);
    }

    [Fact]
    public void Income_by_profit_split_uses_margin_and_share()
    {
        var (value, years, _) = ValuationCalculator.Income(Income(IncomeMethod.ProfitSplit, revenue: [1_000_000m]));
        // 1,000,000 × 20 % × 25 % × 75 % = 37,500 ÷ 1.1
        Assert.Equal(37_500m, years[0].CashFlowYuan);
        Assert.Equal(34_090.91m, value);
    }

    [Fact]
    public void The_economic_life_is_bounded_by_the_remaining_patent_term()
    {
        var termEnds = Today.AddDays(548); // 1.5 years of 365 days (rounded by the day count)
        var (value, years, life) = ValuationCalculator.Income(Income(termEnds: termEnds));
        Assert.Equal(1m, years[0].LifeFraction);
        Assert.Equal(decimal.Round(548m / 365m - 1m, 10), decimal.Round(years[1].LifeFraction, 10));
        Assert.Equal(0m, years[2].LifeFraction);
        Assert.Equal(0m, years[2].PresentValueYuan);
        Assert.True(value < ValuationCalculator.Income(Income()).ValueYuan);
        Assert.True(life < 2m);

        Assert.Contains(ValuationCalculator.Check(Income(termEnds: Today)), e => e.Code == "valuation.patent_term_ended");
    }

    [Fact]
    public void Income_inputs_are_checked_at_once()
    {
        var bad = new IncomeInputs(IncomeMethod.ProfitSplit, [], 0m, 120m, null, null, null, Today, null);
        Assert.Equal(["valuation.forecast_required", "valuation.discount_rate_invalid", "valuation.percent_out_of_range", "valuation.profit_split_inputs_required"],
            ValuationCalculator.Check(bad).Select(e => e.Code));
        Assert.Contains(ValuationCalculator.Check(Income() with { RoyaltyRatePercent = null }), e => e.Code == "valuation.royalty_rate_required");
        Assert.Empty(ValuationCalculator.Check(Income(IncomeMethod.ProfitSplit)));
    }

    [Fact]
    public void The_chosen_value_rests_on_a_performed_approach_with_a_rationale_and_is_the_reserve_floor_when_required()
    {
        var w = new ListingValuation(Guid.NewGuid(), Guid.NewGuid(), Now);
        var user = Caller.Of(Guid.NewGuid(), Guid.NewGuid(), Roles.InstitutionAdmin);
        Assert.Equal("valuation.approach_not_performed", w.Choose(700_000m, ValuationApproach.Cost, "成本法", user, Now).Error!.Code);
        var e = w.Record(ValuationApproach.Cost, null, "C=1000000; p=20; f=10; e=5", "", ValuationCalculator.CostFormula, 684_000m, user, Now).Value;
        Assert.Equal(user.UserId, e.ByUserId);
        Assert.Equal(Now, e.At);
        Assert.Equal("valuation.rationale_required", w.Choose(684_000m, ValuationApproach.Cost, " ", user, Now).Error!.FieldErrors[0].Code);
        Assert.Equal(["valuation.amount_not_positive", "valuation.basis_invalid", "valuation.rationale_required"],
            ListingValuation.CheckChoice(-1m, (ValuationApproach)9, null).Select(f => f.Code));
        var version = w.Version;
        Assert.True(w.Choose(684_000m, ValuationApproach.Cost, "仅有成本数据可靠", user, Now).IsSuccess);
        Assert.Equal(version + 1, w.Version);
        Assert.Equal(684_000m, w.RequiredValueYuan(valuationRequired: true));
        Assert.Null(w.RequiredValueYuan(valuationRequired: false));

        var refused = ValuationCalculator.CheckReserve(600_000m, w.RequiredValueYuan(true), "reservePrice");
        Assert.Equal("valuation.reserve_below_valuation", refused.Error!.Code);
        Assert.Equal("reservePrice", refused.Error.Field);
        Assert.Equal("R6.3", refused.Error.Rule);
        Assert.True(ValuationCalculator.CheckReserve(684_000m, w.RequiredValueYuan(true)).IsSuccess);
        Assert.True(ValuationCalculator.CheckReserve(1m, w.RequiredValueYuan(false)).IsSuccess);
    }
}
