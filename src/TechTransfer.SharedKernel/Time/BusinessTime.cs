namespace TechTransfer.SharedKernel;

/// <summary>
/// The one business clock (业务日历时钟). Instants are <see cref="DateTimeOffset"/> in UTC and come from the injected
/// <see cref="TimeProvider"/>; every rule that speaks of a day — "today", a deadline, "one year after registration",
/// a payment date — compares <b>business dates in Asia/Shanghai</b>, never instants and never UTC dates.
/// Domain methods receive <c>now</c> (an instant) and derive dates through <see cref="DateOf"/>; services call
/// <c>clock.Today()</c>. Copy this; do not write another "today".
/// </summary>
public static class BusinessTime
{
    /// <summary>China Standard Time. China has had no daylight saving time since 1991, so the offset is always +08:00.</summary>
    public static TimeZoneInfo Zone { get; } = Resolve();

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The business date (Asia/Shanghai) of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today's business date (Asia/Shanghai) by the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The instant a business date starts (00:00 Asia/Shanghai).</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new(date.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The instant shown to people in Shanghai time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The one date format of every page, in both languages: ISO 8601 <c>2026-03-02</c>; "—" for no date.</summary>
    public static string Show(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>The business date of an instant in the page format (<see cref="Show(DateOnly?)"/>).</summary>
    public static string ShowDate(DateTimeOffset? instant) => instant is { } i ? Show(DateOf(i)) : "—";

    /// <summary>An instant as Shanghai time to the minute: <c>2026-03-02 10:00</c>; "—" for none.</summary>
    public static string ShowTime(DateTimeOffset? instant) =>
        instant is { } i ? ToLocal(i).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// "More than N years after" on business dates (R5.3: today − registration date &gt; 1 year): registered on
    /// 2025-03-02, more than one year has passed on 2026-03-03, not on 2026-03-02, whatever the hour.
    /// A 29 February start counts from 28 February in a common year.
    /// </summary>
    public static bool IsMoreThanYearsAfter(DateOnly start, int years, DateOnly today) => today > start.AddYears(years);

    /// <summary>"At least N years after" on business dates: registered on 2025-03-02, true from 2026-03-02.</summary>
    public static bool IsAtLeastYearsAfter(DateOnly start, int years, DateOnly today) => today >= start.AddYears(years);

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months that starts on <paramref name="start"/>
    /// (民法典 202: the corresponding day of the last month, or that month's last day when it has none):
    /// 2026-01-31 + 1 month ends on 2026-02-28.
    /// </summary>
    public static DateOnly EndOfMonths(DateOnly start, int months) => start.AddMonths(months);

    private static TimeZoneInfo Resolve()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
