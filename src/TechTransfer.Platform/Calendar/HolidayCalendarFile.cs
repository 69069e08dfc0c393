using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Platform.Calendar;

/// <summary>
/// Reads the holiday calendar (R0.3) from its JSON file: years with their source and provenance, each with its holidays
/// and adjusted workdays. The calendar itself (<see cref="HolidayCalendar"/>) is plain domain code.
/// </summary>
public static class HolidayCalendarFile
{
    /// <summary>The calendar shipped with the platform, <c>prc-holidays.json</c> (2024–2027; 2027 is provisional until the State Council notice is loaded).</summary>
    public static HolidayCalendar Prc => PrcLazy.Value;

    private static readonly Lazy<HolidayCalendar> PrcLazy = new(ReadEmbedded);

    private static HolidayCalendar ReadEmbedded()
    {
        using var s = typeof(HolidayCalendarFile).Assembly.GetManifestResourceStream("TechTransfer.Platform.prc-holidays.json")
                      ?? throw new InvalidOperationException("The embedded holiday calendar is missing.");
        return Read(s);
    }

    public static HolidayCalendar Read(Stream json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonOptions)
                   ?? throw new InvalidOperationException("The holiday calendar file is empty.");
        var days = file.Years.SelectMany(y => y.Days.Select(d => new CalendarDay(DateOnly.Parse(d.Date, CultureInfo.InvariantCulture), d.Kind, d.Zh, d.En)));
        return new HolidayCalendar(days, file.Years.Select(y => new CalendarYear(y.Year, y.Source, y.Provenance)));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CalendarFile(List<YearEntry> Years);
    private sealed record YearEntry(int Year, string Source, string Provenance, List<DayEntry> Days);
    private sealed record DayEntry(string Date, CalendarDayKind Kind, string Zh, string En);
}
