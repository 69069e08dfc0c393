using TechTransfer.Patents.Domain;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>R3.15–R3.16: annual-fee reduction during open licensing and late-payment surcharge.</summary>
public sealed class AnnualFeeCalculatorTests
{
    private static readonly OpenLicensingOptions Options = new();
    private static readonly DateOnly Due = new(2026, 5, 10);

    private static AnnualFeeQuote Quote(decimal fee, DateOnly paid, bool active, params FeeReduction[] others) =>
        AnnualFeeCalculator.Quote(new AnnualFeeQuery(fee, Due, paid, active, others), Options).Value;

    [Fact]
    public void Fee_due_while_declaration_is_active_is_reduced_by_fifteen_percent()
    {
        var q = Quote(1_200m, Due, active: true);
        Assert.Equal(1_020m, q.ReducedFeeYuan); // R3.15
        Assert.Equal(AnnualFeeCalculator.OpenLicenceReductionName, q.AppliedReduction);
    }

    [Fact]
    public void Fee_due_without_active_declaration_is_not_reduced()
    {
        Assert.Equal(1_200m, Quote(1_200m, Due, active: false).ReducedFeeYuan);
    }

    [Fact]
    public void Only_the_most_favourable_reduction_applies()
    {
        var q = Quote(1_200m, Due, true, new FeeReduction("fee_relief_85", 0.85m));
        Assert.Equal(180m, q.ReducedFeeYuan); // 1200 × 0.15, not 1200 × 0.15 × 0.85 (R3.15 no stacking)
        Assert.Equal("fee_relief_85", q.AppliedReduction);
    }

    [Fact]
    public void Open_licence_reduction_wins_over_a_smaller_one()
    {
        var q = Quote(1_000m, Due, true, new FeeReduction("local_subsidy", 0.10m));
        Assert.Equal(850m, q.ReducedFeeYuan);
        Assert.Equal(0.15m, q.ReductionRate);
    }

    [Theory]
    [InlineData("2026-05-10", 0)]
    [InlineData("2026-05-11", 1)]
    [InlineData("2026-06-10", 1)]
    [InlineData("2026-06-11", 2)]
    [InlineData("2026-11-10", 6)]
    public void Months_late_count_every_started_month(string paid, int months)
    {
        Assert.Equal(months, AnnualFeeCalculator.MonthsLate(Due, DateOnly.Parse(paid)));
    }

    [Fact]
    public void Late_payment_adds_five_percent_of_the_full_fee_per_month()
    {
        var q = Quote(1_200m, new DateOnly(2026, 7, 20), active: true); // 3 months late
        Assert.Equal(3, q.MonthsLate);
        Assert.Equal(180m, q.SurchargeYuan); // R3.16: 5 % × 1200 × 3, on the full fee, not the reduced one
        Assert.Equal(1_020m + 180m, q.TotalYuan);
    }

    [Fact]
    public void Payment_after_the_six_month_grace_is_refused()
    {
        var result = AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_200m, Due, new DateOnly(2026, 11, 11), true), Options);
        Assert.Equal("annual_fee.grace_expired", result.Error?.Code); // R3.16
        Assert.Contains("2026-11-10", result.Error!.Zh);
    }

    [Fact]
    public void Rates_come_from_configuration()
    {
        var options = new OpenLicensingOptions { AnnualFeeReductionRate = 0.2m, LateSurchargeRatePerMonth = 0.1m, AnnualFeeGraceMonths = 2 };
        var q = AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_000m, Due, new DateOnly(2026, 6, 1), true), options).Value;
        Assert.Equal(800m, q.ReducedFeeYuan);
        Assert.Equal(100m, q.SurchargeYuan);
        Assert.True(AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_000m, Due, new DateOnly(2026, 7, 11), true), options).IsFailure);
    }
}
