namespace TechTransfer.SharedKernel.Time;

public enum CalendarDayKind
{
    /// <summary>放假 (a day off, even if it is a weekday)</summary>
    Holiday = 1,
    /// <summary>调休上班 (a working day, even if it is a weekend)</summary>
    AdjustedWorkday = 2,
}

/// <summary>One row of the holiday calendar table (R0.3).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Zh, string En);

/// <summary>The provenance of one year of the calendar (R0.4 style): Confirmed from the State Council notice, or Unconfirmed.</summary>
public sealed record CalendarYear(int Year, string Source, string Provenance);

/// <summary>
/// 节假日日历 (R0.3): PRC statutory holidays and adjusted workdays as data. Weekends are days off unless listed as
/// adjusted workdays; weekdays are working days unless listed as holidays. The calendar shipped with the module is read
/// from its file by <c>Platform/Calendar/HolidayCalendarFile</c>
/// and registered once for every module (Contracts' registration SLA, the Exchange's listing periods).
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public HolidayCalendar(IEnumerable<CalendarDay> days, IEnumerable<CalendarYear>? years = null)
    {
        _days = days.ToDictionary(d => d.Date);
        Years = (years ?? []).ToList();
    }

    public IReadOnlyList<CalendarYear> Years { get; }
    public IEnumerable<CalendarDay> Days => _days.Values.OrderBy(d => d.Date);

    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var d)) return d.Kind == CalendarDayKind.AdjustedWorkday;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself is not counted).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var d = start;
        var left = workingDays;
        while (left > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>Working days in (from, to]: how many working days have passed after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }

}
