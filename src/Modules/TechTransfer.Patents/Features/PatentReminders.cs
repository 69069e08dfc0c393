using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Patents.Domain;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Features;

/// <summary>
/// Annual-fee reminders (R3.15/R3.16): an in-force patent whose fee falls due within
/// <see cref="PatentWorkbenchOptions.FeeDueWithinDays"/> reminds the owner's transfer office once per due date, and once more
/// when the due date has passed (the grace period, with its surcharge, has begun).
/// </summary>
internal sealed class PatentReminders(TechTransferDbContext db, IOptions<PatentWorkbenchOptions> options) : IReminderSource
{
    public async Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = BusinessTime.DateOf(now);
        var before = today.AddDays(options.Value.FeeDueWithinDays + 1);
        var rows = await db.Set<Patent>().AsNoTracking()
            .Where(p => p.LegalStatus == PatentLegalStatus.InForce && p.AnnualFeePaidUntil != null && p.AnnualFeePaidUntil < before)
            .Select(p => new { p.Id, p.OwnerOrganizationId, p.Title, p.ApplicationNo, p.AnnualFeePaidUntil, p.ExpiryDate }).ToListAsync(ct);
        var list = new List<Notification>();
        foreach (var p in rows.Where(p => p.AnnualFeePaidUntil < p.ExpiryDate))
        {
            var due = p.AnnualFeePaidUntil!.Value;
            var late = due < today;
            var day = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var zh = late ? $"专利“{p.Title}”（{p.ApplicationNo}）年费已于 {day} 到期未缴，请在宽限期内缴纳（需缴滞纳金）"
                : $"专利“{p.Title}”（{p.ApplicationNo}）年费将于 {day} 到期";
            var en = late ? $"The annual fee of patent {p.ApplicationNo} fell due on {day} and is unpaid; pay it within the grace period (with surcharge)"
                : $"The annual fee of patent {p.ApplicationNo} falls due on {day}";
            list.Add(Notification.ToOrganization(p.OwnerOrganizationId, Roles.InstitutionAdmin, zh.Length <= 300 ? zh : zh[..299], en.Length <= 300 ? en : en[..299],
                $"/patents/{p.Id}", now, NotificationKinds.Reminder, $"{(late ? "patent.fee_late" : "patent.fee")}:{p.Id:N}:{day}"));
        }
        return list;
    }
}
