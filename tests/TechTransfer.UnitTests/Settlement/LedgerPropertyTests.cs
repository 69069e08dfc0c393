using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Settlement;

/// <summary>
/// The ledger against a model: seeded random sequences of deposits (received, applied as pending, posted, voided,
/// released), payments, payouts, refunds, reversals, retries with the same idempotency key and key reuse with other
/// parameters. The model is deliberately naive (balances recomputed from a list of entries, no incremental state); after
/// every step the outcome (accepted or refused) must be the model's, every balance the model's, and
/// <see cref="LedgerBook.Violations"/> empty. A failure names the seed and the step, so it reproduces.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds() => [1, 2, 3, 42, 2026, 31337, 7_000_001, 123_456_789];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invariants_hold_after_every_step_of_a_random_history(int seed)
    {
        var random = new Random(seed);
        var deals = Enumerable.Range(0, 2).Select(_ => new DealParties(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), random.Next(0, 6), random.Next(0, 6) / 2m)).ToArray();
        var bidders = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var book = new LedgerBook([]);
        var model = new Model();
        // the idempotency store of the use cases: key → (fingerprint, stored result); only successes are kept
        var keys = new Dictionary<string, (string Fingerprint, LedgerTransfer Result)>();
        var issued = new List<(string Key, string Fingerprint, Func<LedgerTransfer?> Run)>();

        for (var step = 0; step < 400; step++)
        {
            var deal = deals[random.Next(deals.Length)];
            var bidder = bidders[random.Next(bidders.Length)];
            var amount = random.Next(1, 8) == 1 ? random.Next(1, 100) / 100m : random.Next(1, 5_000) + random.Next(0, 100) / 100m;
            var key = "k" + step;
            string fingerprint;
            Func<LedgerTransfer?> run;
            var what = random.Next(100);
            if (what < 15)
            {
                fingerprint = Idempotency.Canonical("deposit", deal.DealId, bidder, amount);
                run = () => Expect(model, book.Post(DealLedger.DepositReceived(book, deal.DealId, bidder, amount, Guid.NewGuid(), null, null, Now), Now));
            }
            else if (what < 25)
            {
                fingerprint = Idempotency.Canonical("apply", deal.DealId, bidder, amount);
                run = () => Expect(model, book.Post(DealLedger.DepositApplication(book, deal.DealId, bidder, amount, Guid.NewGuid(), null, Now), Now));
            }
            else if (what < 33 && model.Pending.Count > 0 | random.Next(4) == 0)
            {
                var id = random.Next(3) == 0 || model.Pending.Count == 0 ? model.AnyTransfer(random) : model.Pending[random.Next(model.Pending.Count)];
                var post = random.Next(2) == 0;
                fingerprint = Idempotency.Canonical(post ? "post" : "void", id);
                run = () => Expect(model, post ? book.PostPending(id, new TransferMeta(Guid.NewGuid()), Now) : book.VoidPending(id, new TransferMeta(Guid.NewGuid()), Now), post ? id : null, voids: post ? null : id);
            }
            else if (what < 40)
            {
                fingerprint = Idempotency.Canonical("release", deal.DealId, bidder, amount);
                run = () => Expect(model, book.Post(DealLedger.DepositRelease(book, deal.DealId, bidder, amount, Guid.NewGuid(), null, Now), Now));
            }
            else if (what < 60)
            {
                fingerprint = Idempotency.Canonical("payment", deal.DealId, amount);
                run = () => Expect(model, book.Post(DealLedger.Payment(book, deal.DealId, amount, Guid.NewGuid(), null, null, null, Now), Now));
            }
            else if (what < 72)
            {
                var broker = random.Next(3) == 0 ? DealLedger.Split(deal, amount, 0).ToExchange / 2 : 0m;
                broker = decimal.Round(broker, 2, MidpointRounding.ToZero);
                fingerprint = Idempotency.Canonical("payout", deal.DealId, amount, broker);
                run = () => Expect(model, book.Post(DealLedger.Payout(book, deal, amount, broker, Guid.NewGuid(), null, null, Now), Now));
            }
            else if (what < 80)
            {
                fingerprint = Idempotency.Canonical("refund", deal.DealId, amount);
                run = () => Expect(model, book.Post(DealLedger.Refund(book, deal.DealId, deal.BuyerOrganizationId!.Value, amount, Guid.NewGuid(), null, null, Now), Now));
            }
            else if (what < 90 && model.Transfers.Count > 0)
            {
                var id = model.AnyTransfer(random);
                fingerprint = Idempotency.Canonical("reverse", id);
                run = () => Expect(model, book.Reverse(id, new TransferMeta(Guid.NewGuid()), Now), reverses: id);
            }
            else if (issued.Count > 0)
            {
                // a client retry: the same key with the same parameters (replay), or — one time in three — other parameters (refused)
                var earlier = issued[random.Next(issued.Count)];
                var countBefore = book.Transfers.Count;
                var changed = random.Next(3) == 0;
                var decision = Idempotency.Decide(keys.GetValueOrDefault(earlier.Key).Fingerprint, changed ? earlier.Fingerprint + "|other" : earlier.Fingerprint);
                var wasStored = keys.TryGetValue(earlier.Key, out var stored);
                if (wasStored)
                {
                    Assert.Equal(changed ? Idempotency.Decision.Mismatch : Idempotency.Decision.Replay, decision);
                    Assert.Same(stored.Result, keys[earlier.Key].Result);
                }
                else
                {
                    // the first attempt was refused and stored nothing: a retry runs again (and the model decides it afresh)
                    Assert.Equal(Idempotency.Decision.Execute, decision);
                    if (!changed && earlier.Run() is { } again) keys[earlier.Key] = (earlier.Fingerprint, again);
                }
                if (wasStored) Assert.Equal(countBefore, book.Transfers.Count); // a replay moves no money
                Check(book, model, seed, step);
                continue;
            }
            else continue;

            issued.Add((key, fingerprint, run));
            if (run() is { } done) keys[key] = (fingerprint, done);
            Check(book, model, seed, step);
        }
        Assert.True(model.Transfers.Count > 50, $"seed {seed}: too few accepted transfers ({model.Transfers.Count}) to mean anything");
    }

    /// <summary>Asks the model whether the book should have accepted, compares, and records the accepted transfer in the model.</summary>
    private static LedgerTransfer? Expect(Model model, Result<LedgerTransfer> actual, Guid? posts = null, Guid? voids = null, Guid? reverses = null)
    {
        bool expected;
        IReadOnlyList<(Guid, decimal)> legs;
        if (posts is { } p || voids is { } v)
        {
            var id = posts ?? voids!.Value;
            expected = model.Pending.Contains(id);
            legs = expected ? model.Transfers[id].Legs : [];
            if (actual.IsSuccess) Assert.Equal(expected && posts is not null ? legs.OrderBy(l => l.Item1) : [], actual.Value.Legs.Select(l => (l.AccountId, l.Amount)).OrderBy(l => l.Item1));
        }
        else if (reverses is { } r)
        {
            expected = model.Transfers.TryGetValue(r, out var original) && original.Moves && !original.IsReversal && !model.Reversed.Contains(r)
                && model.Feasible(original.Legs.Select(l => (l.Item1, -l.Item2)).ToList(), pending: false);
            legs = actual.IsSuccess ? actual.Value.Legs.Select(l => (l.AccountId, l.Amount)).ToList() : [];
        }
        else
        {
            legs = actual.IsSuccess ? actual.Value.Legs.Select(l => (l.AccountId, l.Amount)).ToList() : [];
            expected = actual.IsSuccess || actual.Error == SettlementErrors.InsufficientFunds;
            if (actual.IsSuccess)
            {
                Assert.Equal(0m, legs.Sum(l => l.Item2));
                Assert.True(model.Feasible(legs, actual.Value.Phase == TransferPhase.Pending), "the book accepted what the model says overdraws");
            }
            else
            {
                Assert.Equal(SettlementErrors.InsufficientFunds, actual.Error); // drafts of the deal operations are well-formed: only money can refuse them
                expected = false;
            }
        }
        Assert.Equal(expected, actual.IsSuccess);
        if (actual.IsFailure) return null;
        var t = actual.Value;
        model.Record(t.Id, t.Phase, t.Kind == TransferKind.Reversal, t.Phase == TransferPhase.Post || t.Phase == TransferPhase.Void ? t.PendingId : null, t.ReversesId,
            t.Phase == TransferPhase.Post ? model.Transfers[t.PendingId!.Value].Legs : legs);
        return t;
    }

    private static void Check(LedgerBook book, Model model, int seed, int step)
    {
        var violations = book.Violations();
        Assert.True(violations.Count == 0, $"seed {seed} step {step}: " + string.Join("; ", violations));
        foreach (var a in book.Accounts)
        {
            Assert.True(model.Balance(a.Id) == a.Balance, $"seed {seed} step {step}: {a.Kind} balance {a.Balance}, model {model.Balance(a.Id)}");
            Assert.True(model.Reserved(a.Id) == a.PendingDebits, $"seed {seed} step {step}: {a.Kind} reserved {a.PendingDebits}, model {model.Reserved(a.Id)}");
        }
        Assert.Equal(model.Transfers.Count, book.Transfers.Count);
    }

    /// <summary>The naive model: a list of transfers; balances and reservations recomputed from it on every question.</summary>
    private sealed class Model
    {
        public sealed record T(TransferPhase Phase, bool IsReversal, IReadOnlyList<(Guid, decimal)> Legs)
        {
            public bool Moves => Phase is TransferPhase.Single or TransferPhase.Post;
        }

        public Dictionary<Guid, T> Transfers { get; } = [];
        public List<Guid> Pending { get; } = [];
        public HashSet<Guid> Reversed { get; } = [];

        public decimal Balance(Guid account) => Transfers.Values.Where(t => t.Moves).SelectMany(t => t.Legs).Where(l => l.Item1 == account).Sum(l => l.Item2);

        public decimal Reserved(Guid account) => Pending.SelectMany(id => Transfers[id].Legs).Where(l => l.Item1 == account && l.Item2 < 0).Sum(l => -l.Item2);

        public bool Feasible(IReadOnlyList<(Guid, decimal)> legs, bool pending) => legs.All(l =>
            l.Item1 == LedgerAccount.ExternalId || (pending
                ? l.Item2 > 0 || Balance(l.Item1) - Reserved(l.Item1) + l.Item2 >= 0
                : Balance(l.Item1) + l.Item2 >= 0 && Balance(l.Item1) + l.Item2 - Reserved(l.Item1) >= 0));

        public Guid AnyTransfer(Random random) => Transfers.Count == 0 ? Guid.NewGuid() : Transfers.Keys.ElementAt(random.Next(Transfers.Count));

        public void Record(Guid id, TransferPhase phase, bool isReversal, Guid? resolves, Guid? reverses, IReadOnlyList<(Guid, decimal)> legs)
        {
            Transfers[id] = new T(phase, isReversal, phase == TransferPhase.Void ? [] : legs);
            if (phase == TransferPhase.Pending) Pending.Add(id);
            if (resolves is { } r) Pending.Remove(r);
            if (reverses is { } v) Reversed.Add(v);
        }
    }
}
