using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

/// <summary>Demand expiry reminders (DM.10): a published demand whose deadline is within <see cref="WithinDays"/> days reminds its owner once per deadline.</summary>
internal sealed class DemandReminders(TechTransferDbContext db) : IReminderSource
{
    public const int WithinDays = 7;

    public async Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(WithinDays);
        var rows = await db.Set<Demand>().AsNoTracking()
            .Where(d => d.Status == DemandStatus.Published && d.Deadline > now && d.Deadline <= horizon)
            .Select(d => new { d.Id, d.OwnerOrganizationId, d.Title, d.Deadline }).ToListAsync(ct);
        return rows.Select(d =>
        {
            var day = BusinessTime.DateOf(d.Deadline).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var zh = $"您的技术需求“{d.Title}”将于 {day} 截止，到期后不再公开";
            var en = $"Your technology demand \"{d.Title}\" closes on {day}; it stops being public then";
            return Notification.ToOrganization(d.OwnerOrganizationId, Roles.Enterprise, zh.Length <= 300 ? zh : zh[..299], en.Length <= 300 ? en : en[..299],
                $"/demands/{d.Id}", now, NotificationKinds.Reminder, $"demand.expiry:{d.Id:N}:{day}");
        }).ToList();
    }
}
