using TechTransfer.Settlement.Domain;
using TechTransfer.Settlement.Features;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.UnitTests.Settlement;

/// <summary>The deposit rules (R6.3, R6.6): what the job does with a held deposit, the release deadline in working days, and each path through the ledger.</summary>
public sealed class DepositRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lot = Guid.NewGuid(), Deal = Guid.NewGuid(), Registration = Guid.NewGuid();

    [Theory]
    [InlineData(BidderDepositState.Released, false, false, false, DepositAction.Release)]
    [InlineData(BidderDepositState.Released, true, true, true, DepositAction.Release)]
    [InlineData(BidderDepositState.Forfeited, true, true, true, DepositAction.Forfeit)]
    [InlineData(BidderDepositState.Held, true, true, true, DepositAction.Apply)]
    [InlineData(BidderDepositState.Held, true, true, false, DepositAction.None)]   // the deal is not signed yet: the winner's deposit stays held
    [InlineData(BidderDepositState.Held, true, false, false, DepositAction.None)]  // no live deal (annulled after a default)
    [InlineData(BidderDepositState.Held, false, true, true, DepositAction.None)]   // the runner-up while the lot may still pass to it
    public void The_auction_rules_decide_what_happens_to_a_held_deposit(BidderDepositState state, bool winner, bool hasDeal, bool confirmed, DepositAction expected) =>
        Assert.Equal(expected, DepositRules.Decide(state, winner, hasDeal ? Deal : null, confirmed));

    [Fact]
    public void Release_is_due_five_working_days_after_the_business_date_of_the_close_skipping_weekends_and_holidays()
    {
        // Fri 2026-12-04 23:30 Beijing = 15:30 UTC: the close's business date is Friday; Wed 12-09 is a holiday
        var calendar = new HolidayCalendar([new CalendarDay(new DateOnly(2026, 12, 9), CalendarDayKind.Holiday, "假日", "Holiday")]);
        Assert.Equal(new DateOnly(2026, 12, 14), DepositRules.ReleaseDueOn(new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero), 5, calendar));
        // 16:30 UTC is already Saturday in Beijing: the count starts after Saturday and gives the same Monday + the holiday shift
        Assert.Equal(new DateOnly(2026, 12, 14), DepositRules.ReleaseDueOn(new DateTimeOffset(2026, 12, 4, 16, 30, 0, TimeSpan.Zero), 5, calendar));
        // a Monday close without holidays: the next Monday
        Assert.Equal(new DateOnly(2026, 12, 14), DepositRules.ReleaseDueOn(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero), 5, new HolidayCalendar([])));
    }

    private static (LedgerBook Book, LedgerTransfer Hold) Held(decimal amount = 10_000m)
    {
        var book = new LedgerBook([]);
        var hold = book.Post(DepositRules.Hold(book, Lot, Registration, amount, Guid.NewGuid(), "ICBC-D1", null, Now), Now).Value;
        return (book, hold);
    }

    private static LedgerAccount HeldAccount(LedgerBook book) => book.Account(Lot, LedgerAccountKind.BidderDepositHeld, Registration, Now);

    [Fact]
    public void A_recorded_deposit_is_a_pending_transfer_that_credits_nothing_until_it_is_resolved()
    {
        var (book, hold) = Held();
        Assert.Equal(TransferPhase.Pending, hold.Phase);
        Assert.Equal(0m, HeldAccount(book).Balance);
        Assert.Equal(DepositLedgerState.Held, DepositRules.StateOf(hold, book.Transfers));
        Assert.Equal(DepositLedgerState.NotRecorded, DepositRules.StateOf(null, book.Transfers));
        Assert.Empty(book.Violations());
    }

    [Fact]
    public void A_released_deposit_is_the_hold_voided_once_and_nothing_stays_on_the_platform()
    {
        var (book, hold) = Held();
        Assert.True(book.VoidPending(hold.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.Equal(SettlementErrors.AlreadyResolved, book.VoidPending(hold.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(SettlementErrors.AlreadyResolved, book.PostPending(hold.Id, new TransferMeta(Guid.NewGuid()), Now).Error);
        Assert.Equal(DepositLedgerState.Released, DepositRules.StateOf(hold, book.Transfers));
        Assert.All(book.Accounts, a => Assert.Equal(0m, a.Balance));
        Assert.Empty(book.Violations());
    }

    [Fact]
    public void A_forfeited_deposit_is_posted_and_moved_to_the_forfeited_deposits()
    {
        var (book, hold) = Held(12_345.67m);
        Assert.True(book.PostPending(hold.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.True(book.Post(DepositRules.Forfeit(book, Lot, Registration, hold.Amount, Guid.NewGuid(), null, Now), Now).IsSuccess);
        Assert.Equal(12_345.67m, book.Account(Lot, LedgerAccountKind.ForfeitedDeposits, Guid.Empty, Now).Balance);
        Assert.Equal(0m, HeldAccount(book).Balance);
        Assert.Equal(DepositLedgerState.Forfeited, DepositRules.StateOf(hold, book.Transfers));
        Assert.Empty(book.Violations());
        // the deposit cannot be forfeited twice: the held account is empty (LG.3)
        Assert.Equal(SettlementErrors.InsufficientFunds, book.Post(DepositRules.Forfeit(book, Lot, Registration, hold.Amount, Guid.NewGuid(), null, Now), Now).Error);
    }

    [Fact]
    public void The_winners_deposit_leaves_the_lots_book_and_reaches_the_deals_escrow_and_both_books_balance()
    {
        var (lot, hold) = Held(10_000m);
        var deal = new LedgerBook([]);
        Assert.True(lot.PostPending(hold.Id, new TransferMeta(Guid.NewGuid()), Now).IsSuccess);
        Assert.True(lot.Post(DepositRules.ApplyOut(lot, Lot, Registration, 10_000m, Guid.NewGuid(), Deal, Now), Now).IsSuccess);
        Assert.True(deal.Post(DepositRules.ApplyIn(deal, Deal, 10_000m, Guid.NewGuid(), Lot, Now), Now).IsSuccess);
        Assert.Equal(10_000m, deal.Account(Deal, LedgerAccountKind.ExchangeEscrow, Guid.Empty, Now).Balance);
        Assert.Equal(0m, HeldAccount(lot).Balance);
        Assert.Equal(DepositLedgerState.Applied, DepositRules.StateOf(hold, lot.Transfers));
        Assert.Empty(lot.Violations());
        Assert.Empty(deal.Violations());
    }

    [Fact]
    public void Rows_show_the_release_deadline_and_flag_a_deposit_still_held_after_it()
    {
        var (book, hold) = Held(5_000m);
        var closed = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero); // Monday
        var other = Guid.NewGuid();
        var facts = new AuctionDepositFacts(Lot, "标的", null, Guid.NewGuid(), closed, null, false,
        [
            new AuctionRegistrationDeposit(Registration, Guid.NewGuid(), Guid.NewGuid(), 1, 5_000m, BidderDepositState.Released, false, Now),
            new AuctionRegistrationDeposit(other, Guid.NewGuid(), Guid.NewGuid(), 2, 5_000m, BidderDepositState.Held, true, Now),
        ]);
        var options = new DepositOptions { ReleaseWorkingDays = 5 };
        var accounts = book.Accounts.ToList();
        var onTime = DepositSettler.Rows(facts, accounts, book.Transfers.ToList(), options, new HolidayCalendar([]), new DateOnly(2026, 12, 14));
        Assert.Equal((DepositLedgerState.Held, (DateOnly?)new DateOnly(2026, 12, 14), false), (onTime[0].LedgerState, onTime[0].ReleaseDueOn, onTime[0].ReleaseOverdue));
        Assert.Equal((DepositLedgerState.NotRecorded, (DateOnly?)null, true), (onTime[1].LedgerState, onTime[1].ReleaseDueOn, onTime[1].IsWinner));
        var late = DepositSettler.Rows(facts, accounts, book.Transfers.ToList(), options, new HolidayCalendar([]), new DateOnly(2026, 12, 15));
        Assert.True(late[0].ReleaseOverdue);
        Assert.Equal(hold.Id, late[0].HoldTransferId);
    }
}
