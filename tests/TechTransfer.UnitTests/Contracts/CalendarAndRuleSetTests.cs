using TechTransfer.Platform.Calendar;
using TechTransfer.SharedKernel.Time;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Cal = HolidayCalendarFile.Prc;

    [Fact]
    public void Statutory_holiday_on_a_weekday_is_not_a_working_day()
    {
        Assert.False(Cal.IsWorkingDay(new DateOnly(2026, 2, 16))); // Monday, Spring Festival
        Assert.False(Cal.IsWorkingDay(new DateOnly(2024, 10, 1)));
        Assert.False(Cal.IsWorkingDay(new DateOnly(2025, 10, 8)));
    }

    [Fact]
    public void Adjusted_workday_on_a_weekend_is_a_working_day()
    {
        Assert.True(Cal.IsWorkingDay(new DateOnly(2026, 2, 14))); // Saturday 调休上班
        Assert.True(Cal.IsWorkingDay(new DateOnly(2024, 2, 4)));  // Sunday
        Assert.True(Cal.IsWorkingDay(new DateOnly(2025, 9, 28))); // Sunday
    }

    [Fact]
    public void Ordinary_weekend_is_not_a_working_day()
    {
        Assert.False(Cal.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.True(Cal.IsWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Fifteen_working_days_across_the_2026_spring_festival_count_both_adjusted_saturdays()
    {
        // Thu 12 Feb: 13th(1), Sat 14th adjusted(2), 15–23 holiday, 24–27(3–6), Sat 28 adjusted(7), 2–6 Mar(8–12), 9–11 Mar(13–15)
        Assert.Equal(new DateOnly(2026, 3, 11), Cal.AddWorkingDays(new DateOnly(2026, 2, 12), 15));
    }

    [Fact]
    public void Fifteen_working_days_across_the_2026_national_day_and_mid_autumn_holidays()
    {
        // Fri 18 Sep: Sun 20 adjusted(1), 21–24(2–5), 25–27 off, 28–30(6–8), 1–7 Oct off, 8–9(9–10), Sat 10 adjusted(11), 12–15(12–15)
        Assert.Equal(new DateOnly(2026, 10, 15), Cal.AddWorkingDays(new DateOnly(2026, 9, 18), 15));
    }

    [Fact]
    public void Working_days_between_counts_after_the_start_up_to_and_including_the_end()
    {
        Assert.Equal(15, Cal.WorkingDaysBetween(new DateOnly(2026, 2, 12), new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void Calendar_covers_2024_to_2027_and_marks_2027_as_unconfirmed()
    {
        Assert.Equal([2024, 2025, 2026, 2027], Cal.Years.Select(y => y.Year).ToArray());
        Assert.Equal("Unconfirmed", Cal.Years.Single(y => y.Year == 2027).Provenance);
        Assert.All(Cal.Years.Where(y => y.Year < 2027), y => Assert.Equal("Confirmed", y.Provenance));
    }

    [Fact]
    public void Legacy_regime_counts_thirty_calendar_days()
    {
        var rules = Catalog.For(new DateOnly(2025, 1, 10));
        Assert.Equal(SlaDayKind.CalendarDays, rules.SlaDayKind);
        Assert.Equal(new DateOnly(2025, 2, 9), SlaClock.DueDate(new DateOnly(2025, 1, 10), rules.StandardSlaDays, rules.SlaDayKind, Cal));
    }

    [Fact]
    public void Contract_is_overdue_only_after_its_due_date()
    {
        Assert.False(SlaClock.IsOverdue(new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 11)));
        Assert.True(SlaClock.IsOverdue(new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 12)));
        Assert.False(SlaClock.IsOverdue(null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void China_date_is_taken_in_utc_plus_8()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), BusinessTime.DateOf(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero)));
    }
}

public sealed class ContractRuleSetTests
{
    [Fact]
    public void Contract_signed_in_2025_uses_the_2000_regime_and_one_signed_in_2026_the_2026_regime()
    {
        Assert.Equal(ContractRuleSetCatalog.National2000, Catalog.For(new DateOnly(2025, 12, 31)).RuleSetId);
        Assert.Equal(ContractRuleSetCatalog.National2026, Catalog.For(new DateOnly(2026, 1, 1)).RuleSetId);
    }

    [Fact]
    public void Every_default_rule_set_names_its_source()
    {
        Assert.All(Catalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.SourceRef)));
    }

    [Fact]
    public void The_2026_regime_defaults_to_15_and_30_working_days_and_a_5_million_threshold()
    {
        var s = Catalog.For(new DateOnly(2026, 6, 1));
        Assert.Equal((SlaDayKind.WorkingDays, 15, 30, 5_000_000m), (s.SlaDayKind, s.StandardSlaDays, s.LargeOrDisputedSlaDays, s.LargeContractThreshold));
        Assert.Null(s.VatExemptionInForce);
    }

    [Fact]
    public void A_shanghai_rule_set_wins_when_shanghai_is_asked_for()
    {
        var sets = ContractRuleSetCatalog.DefaultSets().Append(new ContractRuleSet
        {
            RuleSetId = ContractRuleSetCatalog.Shanghai2026Practice, Jurisdiction = Jurisdiction.Shanghai,
            EffectiveFrom = new DateOnly(2026, 1, 1), SourceRef = "local practice (R2.10)", StandardSlaDays = 10,
        });
        var catalog = new ContractRuleSetCatalog(sets);
        Assert.Equal(10, catalog.For(new DateOnly(2026, 5, 1), Jurisdiction.Shanghai).StandardSlaDays);
        Assert.Equal(15, catalog.For(new DateOnly(2026, 5, 1)).StandardSlaDays);
    }
}

public sealed class RegistrationNumberTests
{
    [Fact]
    public void Default_layout_gives_year_division_and_six_digit_serial()
    {
        Assert.Equal("2026310000000042", new RegistrationNumberLayout().Format(2026, "310000", 42));
    }

    [Fact]
    public void Layout_that_does_not_give_16_digits_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RegistrationNumberLayout("{YYYY}{DIV6}{SERIAL5}"));
    }

    [Fact]
    public void Configurable_layout_with_province_and_literal_digits()
    {
        Assert.Equal("2631000000000007", new RegistrationNumberLayout("{YY}{PROV2}00000{SERIAL7}").Format(2026, "310104", 7));
    }

    [Fact]
    public void Legacy_14_digit_numbers_are_valid_only_for_history()
    {
        Assert.True(RegistrationNumbers.IsValid("2026310000000042"));
        Assert.False(RegistrationNumbers.IsValid("09310101000123"));
        Assert.True(RegistrationNumbers.IsValid("09310101000123", allowLegacy: true));
        Assert.False(RegistrationNumbers.IsValid("20263100000000AB"));
    }

    [Fact]
    public void Serial_beyond_the_layout_width_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegistrationNumberLayout().Format(2026, "310000", 1_000_000));
    }
}
