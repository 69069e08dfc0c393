using TechTransfer.SharedKernel;

namespace TechTransfer.Settlement.Domain;

/// <summary>
/// 账簿: the ledger's rules over a set of accounts and the transfers known to it (plain C#, no storage). The use cases
/// load the accounts of one deal (locked) and the transfer an action names, let the book decide, and save the transfer
/// it returns with the accounts it changed. Every method either applies fully or changes nothing.
/// </summary>
public sealed class LedgerBook
{
    private readonly Dictionary<Guid, LedgerAccount> _accounts;
    private readonly Dictionary<(Guid Deal, LedgerAccountKind Kind, Guid Party), LedgerAccount> _byKey;
    private readonly Dictionary<Guid, LedgerTransfer> _transfers = [];
    private readonly HashSet<Guid> _resolved = [];
    private readonly HashSet<Guid> _reversed = [];
    private long _nextSequence;

    /// <param name="nextSequence">The journal number the next transfer of the deal gets (one past the deal's last).</param>
    public LedgerBook(IEnumerable<LedgerAccount> accounts, IEnumerable<LedgerTransfer>? transfers = null, long nextSequence = 1)
    {
        _nextSequence = nextSequence;
        _accounts = accounts.ToDictionary(a => a.Id);
        _byKey = _accounts.Values.ToDictionary(a => (a.DealId, a.Kind, a.PartyId));
        foreach (var t in transfers ?? []) Remember(t);
    }

    public IReadOnlyCollection<LedgerAccount> Accounts => _accounts.Values;
    public IReadOnlyCollection<LedgerTransfer> Transfers => _transfers.Values;
    public LedgerAccount? Find(Guid accountId) => _accounts.GetValueOrDefault(accountId);
    public bool IsResolved(Guid pendingId) => _resolved.Contains(pendingId);
    public bool IsReversed(Guid transferId) => _reversed.Contains(transferId);

    /// <summary>The account of <paramref name="kind"/> for the deal and party, opened (balance 0) if the book has none.</summary>
    public LedgerAccount Account(Guid dealId, LedgerAccountKind kind, Guid partyId, DateTimeOffset now)
    {
        if (kind == LedgerAccountKind.ExternalBank) { dealId = Guid.Empty; partyId = Guid.Empty; }
        if (_byKey.TryGetValue((dealId, kind, partyId), out var existing)) return existing;
        var account = kind == LedgerAccountKind.ExternalBank ? LedgerAccount.External(now) : new LedgerAccount(Guid.NewGuid(), dealId, kind, partyId, now);
        _accounts.Add(account.Id, account);
        _byKey.Add((account.DealId, kind, partyId), account);
        return account;
    }

    /// <summary>Checks the legs of a draft: at least two (LG.1), none zero or finer than the fen (LG.2), each account once and known, Σ = 0 (LG.1).</summary>
    public Error? CheckLegs(Guid dealId, IReadOnlyList<(Guid AccountId, decimal Amount)> legs)
    {
        if (legs.Count < 2) return SettlementErrors.TooFewLegs;
        if (legs.Any(l => l.Amount == 0 || decimal.Round(l.Amount, Yuan.Scale) != l.Amount)) return SettlementErrors.LegAmountInvalid;
        if (legs.Select(l => l.AccountId).Distinct().Count() != legs.Count) return SettlementErrors.DuplicateAccount;
        if (legs.Any(l => !_accounts.TryGetValue(l.AccountId, out var a) || (a.Kind != LedgerAccountKind.ExternalBank && a.DealId != dealId)))
            return SettlementErrors.UnknownAccount;
        if (legs.Sum(l => l.Amount) != 0) return SettlementErrors.Unbalanced;
        return null;
    }

    /// <summary>Posts a transfer at once, or holds it (pending: its debits reserved, nothing credited yet).</summary>
    public Result<LedgerTransfer> Post(TransferDraft draft, DateTimeOffset now)
    {
        if (_transfers.ContainsKey(draft.Id)) return SettlementErrors.TransferExists;
        if (CheckLegs(draft.DealId, draft.Legs) is { } invalid) return invalid;
        var changes = draft.Pending
            ? draft.Legs.Where(l => l.Amount < 0).Select(l => (l.AccountId, Balance: 0m, Pending: -l.Amount)).ToList()
            : draft.Legs.Select(l => (l.AccountId, Balance: l.Amount, Pending: 0m)).ToList();
        if (!Allows(changes)) return SettlementErrors.InsufficientFunds;
        var transfer = new LedgerTransfer(draft.Id, _nextSequence++, draft.DealId, draft.Kind, draft.Pending ? TransferPhase.Pending : TransferPhase.Single,
            draft.Legs, null, null, draft.Reference, draft.Note, draft.UserId, now);
        Apply(changes, now);
        Remember(transfer);
        return transfer;
    }

    /// <summary>过账: makes a pending transfer final — its reserved debits and its credits reach the balances (LG.4: once).</summary>
    public Result<LedgerTransfer> PostPending(Guid pendingId, TransferMeta meta, DateTimeOffset now) => Resolve(pendingId, meta, post: true, now);

    /// <summary>撤销: lifts a pending transfer's reservations; no balance changes (LG.4: once, and never after a post).</summary>
    public Result<LedgerTransfer> VoidPending(Guid pendingId, TransferMeta meta, DateTimeOffset now) => Resolve(pendingId, meta, post: false, now);

    private Result<LedgerTransfer> Resolve(Guid pendingId, TransferMeta meta, bool post, DateTimeOffset now)
    {
        if (!_transfers.TryGetValue(pendingId, out var pending)) return SettlementErrors.TransferNotFound;
        if (_transfers.ContainsKey(meta.Id)) return SettlementErrors.TransferExists;
        if (pending.Phase != TransferPhase.Pending) return SettlementErrors.NotPending;
        if (_resolved.Contains(pendingId)) return SettlementErrors.AlreadyResolved;
        var legs = pending.Legs.Select(l => (l.AccountId, l.Amount)).ToList();
        var changes = post
            ? legs.Select(l => (l.AccountId, Balance: l.Amount, Pending: l.Amount < 0 ? l.Amount : 0m)).ToList()
            : legs.Where(l => l.Amount < 0).Select(l => (l.AccountId, Balance: 0m, Pending: l.Amount)).ToList();
        if (!Allows(changes)) return SettlementErrors.InsufficientFunds; // cannot happen: the debits were reserved
        var transfer = new LedgerTransfer(meta.Id, _nextSequence++, pending.DealId, pending.Kind, post ? TransferPhase.Post : TransferPhase.Void,
            post ? legs : [], pendingId, null, pending.Reference, meta.Note, meta.UserId, now);
        if (!post) transfer.SetVoidAmount(pending.Amount);
        Apply(changes, now);
        Remember(transfer);
        return transfer;
    }

    /// <summary>
    /// 冲正: the one correction (LG.5) — a new transfer with every leg of a posted one negated, at most once per transfer,
    /// and only while the money is still there (LG.3: a payment already paid out is not reversed before its payout).
    /// </summary>
    public Result<LedgerTransfer> Reverse(Guid transferId, TransferMeta meta, DateTimeOffset now)
    {
        if (!_transfers.TryGetValue(transferId, out var original)) return SettlementErrors.TransferNotFound;
        if (_transfers.ContainsKey(meta.Id)) return SettlementErrors.TransferExists;
        if (!original.MovesBalances || original.Kind == TransferKind.Reversal) return SettlementErrors.NotReversible;
        if (_reversed.Contains(transferId)) return SettlementErrors.AlreadyReversed;
        var legs = original.Legs.Select(l => (l.AccountId, Amount: -l.Amount)).ToList();
        var changes = legs.Select(l => (l.AccountId, Balance: l.Amount, Pending: 0m)).ToList();
        if (!Allows(changes)) return SettlementErrors.InsufficientFunds;
        var transfer = new LedgerTransfer(meta.Id, _nextSequence++, original.DealId, TransferKind.Reversal, TransferPhase.Single, legs, null, transferId,
            original.Reference, meta.Note, meta.UserId, now);
        Apply(changes, now);
        Remember(transfer);
        return transfer;
    }

    /// <summary>
    /// The invariants, checked against the transfers the book knows (tests, reconciliation): the balances sum to zero over
    /// the accounts the transfers touch, each balance is the sum of its posted legs, each reservation the sum of the
    /// unresolved pending debits, no account but the external one below zero, each pending resolved and each transfer
    /// reversed at most once. Empty when all hold. Valid only for a book that was given every transfer of its accounts.
    /// </summary>
    public IReadOnlyList<string> Violations()
    {
        var found = new List<string>();
        foreach (var t in _transfers.Values)
            if (t.Legs.Sum(l => l.Amount) != 0) found.Add($"transfer {t.Id} does not balance");
        var posted = _transfers.Values.Where(t => t.MovesBalances).SelectMany(t => t.Legs)
            .GroupBy(l => l.AccountId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var reserved = _transfers.Values.Where(t => t.Phase == TransferPhase.Pending && !_resolved.Contains(t.Id)).SelectMany(t => t.Legs)
            .Where(l => l.Amount < 0).GroupBy(l => l.AccountId).ToDictionary(g => g.Key, g => -g.Sum(l => l.Amount));
        foreach (var a in _accounts.Values)
        {
            if (a.Balance != posted.GetValueOrDefault(a.Id)) found.Add($"{a.Kind} {a.Id}: balance {a.Balance} ≠ entries {posted.GetValueOrDefault(a.Id)}");
            if (a.PendingDebits != reserved.GetValueOrDefault(a.Id)) found.Add($"{a.Kind} {a.Id}: reserved {a.PendingDebits} ≠ pending {reserved.GetValueOrDefault(a.Id)}");
            if (!a.MayGoNegative && (a.Balance < 0 || a.Available < 0)) found.Add($"{a.Kind} {a.Id} is negative ({a.Balance}, available {a.Available})");
        }
        if (_accounts.Values.Sum(a => a.Balance) != 0) found.Add("the balances do not sum to zero");
        foreach (var g in _transfers.Values.Where(t => t.PendingId is not null).GroupBy(t => t.PendingId).Where(g => g.Count() > 1))
            found.Add($"pending {g.Key} resolved {g.Count()} times");
        foreach (var g in _transfers.Values.Where(t => t.ReversesId is not null).GroupBy(t => t.ReversesId).Where(g => g.Count() > 1))
            found.Add($"transfer {g.Key} reversed {g.Count()} times");
        return found;
    }

    private bool Allows(IEnumerable<(Guid AccountId, decimal Balance, decimal Pending)> changes) =>
        changes.All(c => _accounts[c.AccountId].Allows(c.Balance, c.Pending));

    private void Apply(IEnumerable<(Guid AccountId, decimal Balance, decimal Pending)> changes, DateTimeOffset now)
    {
        foreach (var c in changes) _accounts[c.AccountId].Apply(c.Balance, c.Pending, now);
    }

    private void Remember(LedgerTransfer t)
    {
        _transfers[t.Id] = t;
        if (t.PendingId is { } p) _resolved.Add(p);
        if (t.ReversesId is { } r) _reversed.Add(r);
    }
}
