using TechTransfer.SharedKernel.Time;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// SLA reminders for registrars (R2.10): a contract whose registration clock runs (accepted or in expert review) and is
/// due within <see cref="DueWithinWorkingDays"/> working days reminds its assigned registrar (every registrar while
/// unassigned) once per due date; once overdue, once more.
/// </summary>
internal sealed class ContractReminders(TechTransferDbContext db, HolidayCalendar calendar) : IReminderSource
{
    public const int DueWithinWorkingDays = 2;

    public async Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = BusinessTime.DateOf(now);
        var horizon = calendar.AddWorkingDays(today, DueWithinWorkingDays);
        var rows = await db.Set<TechnologyContract>().AsNoTracking()
            .Where(c => (c.Status == RegistrationStatus.Accepted || c.Status == RegistrationStatus.ExpertReview) && c.DueDate != null && c.DueDate <= horizon)
            .Select(c => new { c.Id, c.ProjectName, c.DueDate, c.AssignedRegistrarUserId }).ToListAsync(ct);
        var list = new List<Notification>();
        foreach (var c in rows)
        {
            var due = c.DueDate!.Value;
            var overdue = due < today;
            var day = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = $"{(overdue ? "contract.overdue" : "contract.due")}:{c.Id:N}:{day}";
            var zh = overdue ? $"合同登记已超过办结期限（{day}）：{c.ProjectName}" : $"合同登记将于 {day} 到期：{c.ProjectName}";
            var en = overdue ? $"Registration overdue (due {day}): {c.ProjectName}" : $"Registration due on {day}: {c.ProjectName}";
            zh = zh.Length <= 300 ? zh : zh[..299];
            en = en.Length <= 300 ? en : en[..299];
            list.Add(c.AssignedRegistrarUserId is { } registrar
                ? Notification.ToUser(registrar, zh, en, $"/contracts/{c.Id}", now, NotificationKinds.Reminder, key)
                : Notification.ToRole(Roles.Registrar, zh, en, $"/contracts/{c.Id}", now, NotificationKinds.Reminder, key));
        }
        return list;
    }
}
