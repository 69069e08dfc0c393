namespace TechTransfer.Settlement.Domain;

/// <summary>[CFG] <c>Settlement:PaymentReminders</c>: how many calendar days before a payment's due date the buyer is reminded.</summary>
public sealed class PaymentReminderOptions
{
    public const string Section = "Settlement:PaymentReminders";

    public int LeadDays { get; set; } = 7;
}

/// <summary>Which reminder a scheduled payment calls for today.</summary>
public enum PaymentReminderKind { None = 0, DueSoon = 1, Overdue = 2 }

/// <summary>
/// 付款提醒 (plain C#): a scheduled payment not yet covered by the money paid in reminds the buyer once when its due date is
/// [CFG] lead days away or nearer, and once more (buyer and seller) when it is overdue. A settled payment reminds no one.
/// The job writes each reminder once (the key names the deal, the payment and its due date; a moved date is a new key).
/// </summary>
public static class PaymentReminderRules
{
    public static PaymentReminderKind Due(DateOnly dueDate, bool settled, DateOnly today, int leadDays) =>
        settled ? PaymentReminderKind.None
        : today > dueDate ? PaymentReminderKind.Overdue
        : dueDate.DayNumber - today.DayNumber <= leadDays ? PaymentReminderKind.DueSoon
        : PaymentReminderKind.None;

    public static string Key(PaymentReminderKind kind, Guid dealId, int number, DateOnly dueDate) =>
        $"{(kind == PaymentReminderKind.Overdue ? "settlement.overdue" : "settlement.due")}:{dealId:N}:{number}:{dueDate:yyyy-MM-dd}";
}
