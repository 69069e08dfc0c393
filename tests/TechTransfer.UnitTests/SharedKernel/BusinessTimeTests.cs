using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

public sealed class BusinessTimeTests
{
    [Fact]
    public void An_instant_late_in_the_UTC_day_is_the_next_business_date_in_Shanghai()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), BusinessTime.DateOf(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 2), BusinessTime.DateOf(new DateTimeOffset(2026, 3, 2, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_reads_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new DateOnly(2026, 12, 31), clock.Today());
    }

    [Fact]
    public void A_business_date_starts_at_midnight_Shanghai_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), BusinessTime.StartOf(new DateOnly(2026, 3, 2)).ToUniversalTime());
    }

    [Fact]
    public void More_than_a_year_after_is_decided_on_dates_not_hours()
    {
        var registered = new DateOnly(2025, 3, 2);
        Assert.False(BusinessTime.IsMoreThanYearsAfter(registered, 1, new DateOnly(2026, 3, 2)));
        Assert.True(BusinessTime.IsMoreThanYearsAfter(registered, 1, new DateOnly(2026, 3, 3)));
        Assert.True(BusinessTime.IsAtLeastYearsAfter(registered, 1, new DateOnly(2026, 3, 2)));
        Assert.False(BusinessTime.IsAtLeastYearsAfter(registered, 1, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void A_month_period_without_a_corresponding_day_ends_on_the_last_day_of_the_month()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), BusinessTime.EndOfMonths(new DateOnly(2026, 1, 31), 1));
        Assert.Equal(new DateOnly(2026, 3, 31), BusinessTime.EndOfMonths(new DateOnly(2026, 1, 31), 2));
    }
}
