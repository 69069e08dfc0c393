using TechTransfer.Patents.Domain;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>
/// R3.15–R3.16: annual-fee reduction during open licensing and the late-payment surcharge, which counts FULL months of
/// lateness (专利法实施细则第一百一十五条 and the CNIPA bands: within one month after the due date 0 %, over 1 up to 2 months
/// 5 %, …, over 5 up to 6 months 25 % of that year's full fee), a month ending on BusinessTime.EndOfMonths (民法典 202).
/// </summary>
public sealed class AnnualFeeCalculatorTests
{
    private static readonly OpenLicensingOptions Options = new();
    private static readonly DateOnly Due = new(2026, 5, 10);

    private static AnnualFeeQuote Quote(decimal fee, DateOnly paid, bool active, params FeeReduction[] others) =>
        AnnualFeeCalculator.Quote(new AnnualFeeQuery(fee, Due, paid, active, others), Options).Value;

    private static AnnualFeeQuote QuoteDue(DateOnly due, DateOnly paid) =>
        AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_200m, due, paid, false), Options).Value;

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

    /// <summary>Every band boundary after a due date of 2026-05-10: the last day of a band and the first day of the next.</summary>
    [Theory]
    [InlineData("2026-05-09", 0, 0)]   // early
    [InlineData("2026-05-10", 0, 0)]   // on the due date
    [InlineData("2026-05-11", 0, 0)]   // within the first month
    [InlineData("2026-06-10", 0, 0)]   // last day of the first month: still 0 %
    [InlineData("2026-06-11", 1, 60)]  // over 1 month: 5 %
    [InlineData("2026-07-10", 1, 60)]  // up to 2 months
    [InlineData("2026-07-11", 2, 120)] // over 2 months: 10 %
    [InlineData("2026-07-13", 2, 120)] // two months and a few days: 10 %, not 15 %
    [InlineData("2026-08-10", 2, 120)]
    [InlineData("2026-08-11", 3, 180)] // 15 %
    [InlineData("2026-09-10", 3, 180)]
    [InlineData("2026-09-11", 4, 240)] // 20 %
    [InlineData("2026-10-10", 4, 240)]
    [InlineData("2026-10-11", 5, 300)] // 25 %
    [InlineData("2026-11-10", 5, 300)] // last day of the grace period
    public void Surcharge_counts_full_months_of_lateness_at_every_band_boundary(string paid, int months, decimal surcharge)
    {
        var q = Quote(1_200m, DateOnly.Parse(paid), active: false);
        Assert.Equal(months, q.MonthsLate);
        Assert.Equal(surcharge, q.SurchargeYuan); // R3.16: 5 % of the full year's fee per full month
        Assert.Equal(1_200m + surcharge, q.TotalYuan);
        Assert.Equal(new DateOnly(2026, 11, 10), q.GraceEndsOn);
    }

    /// <summary>Month-end due dates: a month after 31 January ends on 28 February (29 in a leap year), 民法典 202.</summary>
    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 0)]
    [InlineData("2026-01-31", "2026-03-01", 1)]
    [InlineData("2026-01-31", "2026-03-31", 1)]
    [InlineData("2026-01-31", "2026-04-01", 2)]
    [InlineData("2026-01-31", "2026-04-30", 2)]
    [InlineData("2026-01-31", "2026-05-01", 3)]
    [InlineData("2026-01-31", "2026-07-31", 5)]
    [InlineData("2024-01-31", "2024-02-29", 0)]
    [InlineData("2024-01-31", "2024-03-01", 1)]
    [InlineData("2026-08-31", "2026-09-30", 0)]
    [InlineData("2026-08-31", "2026-10-01", 1)]
    [InlineData("2026-08-31", "2027-02-28", 5)]
    [InlineData("2026-02-28", "2026-03-28", 0)]
    [InlineData("2026-02-28", "2026-03-29", 1)]
    public void Month_end_due_dates_count_months_as_legal_periods(string due, string paid, int months)
    {
        Assert.Equal(months, AnnualFeeCalculator.FullMonthsLate(DateOnly.Parse(due), DateOnly.Parse(paid)));
        Assert.Equal(months, QuoteDue(DateOnly.Parse(due), DateOnly.Parse(paid)).MonthsLate);
    }

    [Theory]
    [InlineData("2026-05-10", "2026-11-11", "2026-11-10")]
    [InlineData("2026-01-31", "2026-08-01", "2026-07-31")]
    [InlineData("2026-08-31", "2027-03-01", "2027-02-28")]
    public void Payment_after_the_six_month_grace_is_refused_citing_article_115(string due, string paid, string graceEnd)
    {
        var result = AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_200m, DateOnly.Parse(due), DateOnly.Parse(paid), true), Options);
        Assert.Equal("annual_fee.grace_expired", result.Error?.Code);
        Assert.Equal("R3.16", result.Error!.Rule);
        Assert.Contains(graceEnd, result.Error.Zh);
        Assert.Contains("第一百一十五条", result.Error.Zh);
        Assert.DoesNotContain("R3.16", result.Error.Zh + result.Error.En);
    }

    [Fact]
    public void The_surcharge_is_on_the_full_fee_not_the_reduced_one()
    {
        var q = Quote(1_200m, new DateOnly(2026, 8, 20), active: true); // over 3 up to 4 months late
        Assert.Equal(3, q.MonthsLate);
        Assert.Equal(180m, q.SurchargeYuan);
        Assert.Equal(1_020m + 180m, q.TotalYuan);
    }

    [Fact]
    public void Rates_come_from_configuration()
    {
        var options = new OpenLicensingOptions { AnnualFeeReductionRate = 0.2m, LateSurchargeRatePerMonth = 0.1m, AnnualFeeGraceMonths = 2 };
        var q = AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_000m, Due, new DateOnly(2026, 6, 11), true), options).Value;
        Assert.Equal(800m, q.ReducedFeeYuan);
        Assert.Equal(100m, q.SurchargeYuan); // one full month × 10 %
        Assert.True(AnnualFeeCalculator.Quote(new AnnualFeeQuery(1_000m, Due, new DateOnly(2026, 7, 11), true), options).IsFailure);
    }

    [Fact]
    public void The_default_rates_start_and_a_rate_outside_its_range_stops_the_start()
    {
        var validator = new TechTransfer.Patents.OpenLicensingOptionsValidator();
        Assert.True(validator.Validate(null, new OpenLicensingOptions()).Succeeded);
        var bad = validator.Validate(null, new OpenLicensingOptions { AnnualFeeReductionRate = 1.5m, AnnualFeeGraceMonths = -1, LateSurchargeRatePerMonth = -0.1m, FilingDueMonths = 0 });
        Assert.True(bad.Failed);
        Assert.Equal(4, bad.Failures!.Count());
    }

    [Fact]
    public void An_invalid_quote_reports_every_problem_at_once_and_never_throws()
    {
        var result = AnnualFeeCalculator.Quote(new AnnualFeeQuery(-1m, DateOnly.MaxValue, DateOnly.MinValue, false, [null!, new("x", 2m)]), Options);
        Assert.Equal("validation.failed", result.Error?.Code);
        var fields = result.Error!.FieldErrors.Select(f => f.Field).ToList();
        Assert.Equal(["fullFeeYuan", "otherReductions", "dueDate", "paymentDate"], fields);
    }
}
