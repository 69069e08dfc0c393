using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Contracts.Domain.Calendar;

/// <summary>SLA due dates (R2.10): working or calendar days from the clock start, by rule set. Never approves anything.</summary>
public static class SlaClock
{
    public static DateOnly DueDate(DateOnly clockStart, int days, SlaDayKind kind, HolidayCalendar calendar) =>
        kind == SlaDayKind.WorkingDays ? calendar.AddWorkingDays(clockStart, days) : clockStart.AddDays(days);

    /// <summary>Overdue when today is after the due date.</summary>
    public static bool IsOverdue(DateOnly? dueDate, DateOnly today) => dueDate is { } due && today > due;
}
