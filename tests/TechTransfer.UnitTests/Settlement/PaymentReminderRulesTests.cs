using TechTransfer.Settlement.Domain;

namespace TechTransfer.UnitTests.Settlement;

/// <summary>Payment reminders: which one a scheduled payment calls for, and keys that name the payment and its due date.</summary>
public sealed class PaymentReminderRulesTests
{
    private static readonly DateOnly Due = new(2026, 12, 20);

    [Theory]
    [InlineData("2026-12-12", false, PaymentReminderKind.None)]     // 8 days ahead, lead 7
    [InlineData("2026-12-13", false, PaymentReminderKind.DueSoon)]  // 7 days ahead
    [InlineData("2026-12-20", false, PaymentReminderKind.DueSoon)]  // the due date itself
    [InlineData("2026-12-21", false, PaymentReminderKind.Overdue)]
    [InlineData("2026-12-21", true, PaymentReminderKind.None)]      // settled: no one is reminded
    [InlineData("2026-12-15", true, PaymentReminderKind.None)]
    public void A_payment_reminds_within_the_lead_days_and_after_its_due_date_unless_settled(string today, bool settled, PaymentReminderKind expected) =>
        Assert.Equal(expected, PaymentReminderRules.Due(Due, settled, DateOnly.Parse(today), 7));

    [Fact]
    public void Keys_differ_by_kind_payment_and_due_date()
    {
        var deal = Guid.NewGuid();
        var keys = new[]
        {
            PaymentReminderRules.Key(PaymentReminderKind.DueSoon, deal, 1, Due), PaymentReminderRules.Key(PaymentReminderKind.Overdue, deal, 1, Due),
            PaymentReminderRules.Key(PaymentReminderKind.DueSoon, deal, 2, Due), PaymentReminderRules.Key(PaymentReminderKind.DueSoon, deal, 1, Due.AddDays(1)),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(PaymentReminderRules.Key(PaymentReminderKind.DueSoon, deal, 1, Due), keys[0]);
    }
}
