using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Settlement;

/// <summary>Each rule of the escrow ledger, by name (LG.1–LG.6, R6.6).</summary>
public sealed class LedgerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Deal = Guid.NewGuid(), Seller = Guid.NewGuid(), Buyer = Guid.NewGuid(), Bidder = Guid.NewGuid();
    private static readonly DealParties Parties = new(Deal, Seller, Buyer, 1.5m, 2m);

    private static (LedgerBook Book, LedgerAccount External, LedgerAccount Escrow) Book()
    {
        var book = new LedgerBook([]);
        return (book, book.Account(Deal, LedgerAccountKind.ExternalBank, Guid.Empty, Now), book.Account(Deal, LedgerAccountKind.ExchangeEscrow, Guid.Empty, Now));
    }

    private static LedgerTransfer Pay(LedgerBook book, decimal amount) =>
        book.Post(DealLedger.Payment(book, Deal, amount, Guid.NewGuid(), "B1", null, null, Now), Now).Value;

    [Fact]
    public void LG1_legs_must_sum_to_zero()
    {
        var (book, ext, escrow) = Book();
        var r = book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(ext.Id, -100m), (escrow.Id, 99.99m)]), Now);
        Assert.Equal(SettlementErrors.Unbalanced, r.Error);
        Assert.Equal(0m, escrow.Balance);
        Assert.Empty(book.Transfers);
    }

    [Fact]
    public void LG1_a_transfer_has_at_least_two_legs_each_on_a_different_account()
    {
        var (book, ext, escrow) = Book();
        Assert.Equal(SettlementErrors.TooFewLegs, book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(escrow.Id, 0.01m)]), Now).Error);
        Assert.Equal(SettlementErrors.DuplicateAccount,
            book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(ext.Id, -1m), (escrow.Id, 2m), (escrow.Id, -1m)]), Now).Error);
    }

    [Fact]
    public void LG1_a_multi_leg_transfer_is_atomic_and_balanced()
    {
        var (book, _, escrow) = Book();
        Pay(book, 10_200m);
        var payout = book.Post(DealLedger.Payout(book, Parties, 10_000m, 50m, Guid.NewGuid(), null, null, Now), Now).Value;
        Assert.Equal(4, payout.Legs.Count);
        Assert.Equal(0m, payout.Legs.Sum(l => l.Amount));
        Assert.Equal(0m, escrow.Balance); // 10,000 + buyer's 2 % = 10,200
        Assert.Equal(9_850m, book.Account(Deal, LedgerAccountKind.SellerPayable, Seller, Now).Balance); // less the seller's 1.5 %
        Assert.Equal(300m, book.Account(Deal, LedgerAccountKind.ExchangeFees, Guid.Empty, Now).Balance); // 150 + 200 − 50
        Assert.Equal(50m, book.Account(Deal, LedgerAccountKind.BrokerCommission, Guid.Empty, Now).Balance);
        Assert.Empty(book.Violations());
    }

    [Fact]
    public void LG2_amounts_are_yuan_with_at_most_two_decimals_and_never_zero()
    {
        var (book, ext, escrow) = Book();
        Assert.Equal(SettlementErrors.LegAmountInvalid, book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(ext.Id, -0.001m), (escrow.Id, 0.001m)]), Now).Error);
        Assert.Equal(SettlementErrors.LegAmountInvalid, book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(ext.Id, 0m), (escrow.Id, 0m)]), Now).Error);
        Assert.False(DealLedger.IsAmount(0.005m));
        Assert.False(DealLedger.IsAmount(0m));
        Assert.True(DealLedger.IsAmount(0.01m));
        // decimal is exact: a thousand one-fen payments are exactly ten yuan
        for (var i = 0; i < 1000; i++) Pay(book, 0.01m);
        Assert.Equal(10.00m, escrow.Balance);
        Assert.Equal(-10.00m, ext.Balance);
    }

    [Fact]
    public void LG3_no_account_but_the_external_one_goes_negative()
    {
        var (book, ext, escrow) = Book();
        Pay(book, 100m);
        var r = book.Post(DealLedger.Refund(book, Deal, Buyer, 100.01m, Guid.NewGuid(), null, null, Now), Now);
        Assert.Equal(SettlementErrors.InsufficientFunds, r.Error);
        Assert.Equal("LG.3", r.Error!.Rule);
        Assert.Equal(100m, escrow.Balance);
        Assert.Equal(-100m, ext.Balance); // the external account is the one that may
        Assert.True(book.Post(DealLedger.Refund(book, Deal, Buyer, 100m, Guid.NewGuid(), null, null, Now), Now).IsSuccess);
        Assert.Equal(0m, escrow.Balance);
    }

    [Fact]
    public void LG3_a_pending_debit_reserves_the_money_so_nothing_else_can_spend_it()
    {
        var (book, _, _) = Book();
        book.Post(DealLedger.DepositReceived(book, Deal, Bidder, 500m, Guid.NewGuid(), null, null, Now), Now);
        var held = book.Account(Deal, LedgerAccountKind.BidderDepositHeld, Bidder, Now);
        Assert.True(book.Post(DealLedger.DepositApplication(book, Deal, Bidder, 300m, Guid.NewGuid(), null, Now), Now).IsSuccess);
        Assert.Equal(500m, held.Balance);
        Assert.Equal(200m, held.Available);
        Assert.Equal(SettlementErrors.InsufficientFunds, book.Post(DealLedger.DepositRelease(book, Deal, Bidder, 200.01m, Guid.NewGuid(), null, Now), Now).Error);
        Assert.True(book.Post(DealLedger.DepositRelease(book, Deal, Bidder, 200m, Guid.NewGuid(), null, Now), Now).IsSuccess);
        Assert.Empty(book.Violations());
    }

    [Fact]
    public void LG4_a_pending_transfer_is_posted_at_most_once_and_then_cannot_be_voided()
    {
        var (book, _, escrow) = Book();
        book.Post(DealLedger.DepositReceived(book, Deal, Bidder, 500m, Guid.NewGuid(), null, null, Now), Now);
        var pending = book.Post(DealLedger.DepositApplication(book, Deal, Bidder, 500m, Guid.NewGuid(), null, Now), Now).Value;
        Assert.Equal(0m, escrow.Balance); // held, not credited
        var post = book.PostPending(pending.Id, new TransferMeta(Guid.NewGuid()), Now);
        Assert.True(post.IsSuccess);
        Assert.Equal(TransferPhase.Post, post.Value.Phase);
        Assert.Equal(500m, escrow.Balance);
        Assert.Equal(SettlementErrors.AlreadyResolved, book.PostPending(pending.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(SettlementErrors.AlreadyResolved, book.VoidPending(pending.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(500m, escrow.Balance);
        Assert.Empty(book.Violations());
    }

    [Fact]
    public void LG4_a_voided_pending_transfer_moves_nothing_and_cannot_be_posted()
    {
        var (book, _, escrow) = Book();
        book.Post(DealLedger.DepositReceived(book, Deal, Bidder, 500m, Guid.NewGuid(), null, null, Now), Now);
        var held = book.Account(Deal, LedgerAccountKind.BidderDepositHeld, Bidder, Now);
        var pending = book.Post(DealLedger.DepositApplication(book, Deal, Bidder, 500m, Guid.NewGuid(), null, Now), Now).Value;
        Assert.True(book.VoidPending(pending.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.Equal((500m, 0m, 0m), (held.Balance, held.PendingDebits, escrow.Balance));
        Assert.Equal(SettlementErrors.AlreadyResolved, book.PostPending(pending.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(SettlementErrors.NotPending, book.PostPending(book.Transfers.First(t => t.Kind == TransferKind.DepositReceived).Id, new TransferMeta(Guid.NewGuid()), Now).Error);
    }

    [Fact]
    public void LG5_corrections_are_one_reversing_transfer_never_an_edit()
    {
        var (book, ext, escrow) = Book();
        var payment = Pay(book, 1_000m);
        var legsBefore = payment.Legs.Select(l => (l.AccountId, l.Amount)).ToList();
        var reversal = book.Reverse(payment.Id, new TransferMeta(Guid.NewGuid(), "wrong deal"), Now).Value;
        Assert.Equal(TransferKind.Reversal, reversal.Kind);
        Assert.Equal(payment.Id, reversal.ReversesId);
        Assert.Equal(legsBefore.Select(l => (l.AccountId, -l.Amount)), reversal.Legs.Select(l => (l.AccountId, l.Amount)));
        Assert.Equal(legsBefore, payment.Legs.Select(l => (l.AccountId, l.Amount))); // the original is untouched
        Assert.Equal((0m, 0m), (escrow.Balance, ext.Balance));
        Assert.Equal(SettlementErrors.AlreadyReversed, book.Reverse(payment.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(SettlementErrors.NotReversible, book.Reverse(reversal.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(2, book.Transfers.Count);
    }

    [Fact]
    public void LG5_a_payment_already_paid_out_is_not_reversed_before_its_payout()
    {
        var (book, _, _) = Book();
        var payment = Pay(book, 1_020m);
        var payout = book.Post(DealLedger.Payout(book, Parties, 1_000m, 0m, Guid.NewGuid(), null, null, Now), Now).Value;
        Assert.Equal(SettlementErrors.InsufficientFunds, book.Reverse(payment.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.True(book.Reverse(payout.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.True(book.Reverse(payment.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.All(book.Accounts, a => Assert.Equal(0m, a.Balance));
    }

    [Fact]
    public void LG5_a_pending_transfer_is_voided_not_reversed()
    {
        var (book, _, _) = Book();
        book.Post(DealLedger.DepositReceived(book, Deal, Bidder, 500m, Guid.NewGuid(), null, null, Now), Now);
        var pending = book.Post(DealLedger.DepositApplication(book, Deal, Bidder, 500m, Guid.NewGuid(), null, Now), Now).Value;
        Assert.Equal(SettlementErrors.NotReversible, book.Reverse(pending.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
    }

    [Fact]
    public void LG6_an_idempotency_key_replays_the_same_request_and_refuses_other_parameters()
    {
        var first = Idempotency.Canonical("payment", Deal, 100m, "B1", null);
        Assert.Equal(Idempotency.Decision.Execute, Idempotency.Decide(null, first));
        Assert.Equal(Idempotency.Decision.Replay, Idempotency.Decide(first, Idempotency.Canonical("payment", Deal, 100.00m, "B1", null)));
        Assert.Equal(Idempotency.Decision.Mismatch, Idempotency.Decide(first, Idempotency.Canonical("payment", Deal, 100.01m, "B1", null)));
        Assert.Equal(Idempotency.Decision.Mismatch, Idempotency.Decide(first, Idempotency.Canonical("payout", Deal, 100m, "B1", null)));
        Assert.NotEqual(Idempotency.Canonical("payment", "a|b", "c"), Idempotency.Canonical("payment", "a", "b|c"));
        Assert.True(Idempotency.IsKey("0b6f1c2e-8d4a-4f7e-9c1a-2b3c4d5e6f70"));
        Assert.False(Idempotency.IsKey(""));
        Assert.False(Idempotency.IsKey("with space"));
        Assert.False(Idempotency.IsKey(new string('k', 101)));
    }

    [Fact]
    public void R6_6_payout_commission_is_each_sides_rate_of_the_part_paid_rounded_to_the_fen()
    {
        var split = DealLedger.Split(new DealParties(Deal, Seller, Buyer, 1.5m, 1.5m), 333.33m, 0m);
        Assert.Equal(5.00m, split.SellerCommission); // 4.99995 → 5.00
        Assert.Equal(5.00m, split.BuyerCommission);
        Assert.Equal(338.33m, split.FromEscrow);
        Assert.Equal(328.33m, split.ToSeller);
        Assert.Equal(split.FromEscrow, split.ToSeller + split.ToExchange + split.ToBroker);
        Assert.False(DealLedger.IsBrokerShare(Parties, 1_000m, 35.01m)); // commission 15 + 20
        Assert.True(DealLedger.IsBrokerShare(Parties, 1_000m, 35m));
    }

    [Fact]
    public void The_external_account_is_one_account_for_every_deal()
    {
        var book = new LedgerBook([]);
        var a = book.Account(Guid.NewGuid(), LedgerAccountKind.ExternalBank, Guid.NewGuid(), Now);
        var b = book.Account(Guid.NewGuid(), LedgerAccountKind.ExternalBank, Guid.Empty, Now);
        Assert.Same(a, b);
        Assert.Equal(LedgerAccount.ExternalId, a.Id);
    }

    [Fact]
    public void An_account_of_another_deal_cannot_be_named()
    {
        var (book, ext, _) = Book();
        var other = book.Account(Guid.NewGuid(), LedgerAccountKind.ExchangeEscrow, Guid.Empty, Now);
        Assert.Equal(SettlementErrors.UnknownAccount, book.Post(new TransferDraft(Guid.NewGuid(), Deal, TransferKind.PaymentReceived, [(ext.Id, -1m), (other.Id, 1m)]), Now).Error);
    }
}
