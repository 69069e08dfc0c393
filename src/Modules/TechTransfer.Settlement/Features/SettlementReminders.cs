using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Jobs;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// Payment reminders through the platform's reminder job (<see cref="IReminderSource"/>): for every live deal, each
/// scheduled payment the money paid in does not yet cover (the settlement view's schedule) reminds the buyer's
/// organisation [CFG] lead days before its due date, and the buyer and the seller once it is overdue (<see cref="PaymentReminderRules"/>).
/// </summary>
internal sealed class SettlementReminders(TechTransferDbContext db, IExchangeDealFactsLookup deals, IOptions<PaymentReminderOptions> options) : IReminderSource
{
    private static readonly ResourceManager Text = new("TechTransfer.Settlement.Resources.SettlementText", typeof(SettlementText).Assembly);

    public async Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = BusinessTime.DateOf(now);
        var list = new List<Notification>();
        foreach (var id in await deals.LiveDealIdsAsync(ct))
        {
            if (await deals.FindAsync(id, ct) is not { } deal || deal.BuyerOrganizationId is not { } buyer) continue;
            if (deal.Schedule.All(s => PaymentReminderRules.Due(s.DueDate, false, today, options.Value.LeadDays) == PaymentReminderKind.None)) continue;
            var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.DealId == id).ToListAsync(ct);
            var transfers = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Legs).Where(t => t.DealId == id).ToListAsync(ct);
            foreach (var s in SettlementService.View(deal, accounts, transfers, today).Schedule)
            {
                var kind = PaymentReminderRules.Due(s.DueDate, s.Settled, today, options.Value.LeadDays);
                if (kind == PaymentReminderKind.None) continue;
                var key = PaymentReminderRules.Key(kind, id, s.Number, s.DueDate);
                var textKey = kind == PaymentReminderKind.Overdue ? "PaymentNotice_Overdue" : "PaymentNotice_DueSoon";
                var (zh, en) = (Format(textKey, CultureInfo.InvariantCulture, deal.Title, deal.DealNo, s),
                    Format(textKey, CultureInfo.GetCultureInfo("en"), deal.TitleEn ?? deal.Title, deal.DealNo, s));
                var link = $"/settlement/deals/{id}";
                list.Add(Notification.ToOrganization(buyer, null, zh, en, link, now, NotificationKinds.Reminder, key));
                if (kind == PaymentReminderKind.Overdue)
                    list.Add(Notification.ToOrganization(deal.SellerOrganizationId, Roles.InstitutionAdmin, zh, en, link, now, NotificationKinds.Reminder, key + ":seller"));
            }
        }
        return list;
    }

    private static string Format(string key, CultureInfo culture, string title, string dealNo, ScheduleItemView s)
    {
        var text = string.Format(CultureInfo.InvariantCulture, Text.GetString(key, culture)!, title, dealNo, s.Number,
            s.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (s.Amount - s.Covered).ToString("0.00", CultureInfo.InvariantCulture));
        return text.Length <= 300 ? text : text[..299];
    }
}
