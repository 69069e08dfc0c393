namespace TechTransfer.Settlement.Domain;

/// <summary>转账用途: what the money movement is for.</summary>
public enum TransferKind
{
    /// <summary>收到竞买保证金</summary>
    DepositReceived = 1,
    /// <summary>保证金抵作价款（待过账）</summary>
    DepositApplication = 2,
    /// <summary>保证金退还</summary>
    DepositRelease = 3,
    /// <summary>收到买方付款</summary>
    PaymentReceived = 4,
    /// <summary>向卖方结算（含佣金）</summary>
    Payout = 5,
    /// <summary>向买方退款</summary>
    Refund = 6,
    /// <summary>冲正</summary>
    Reversal = 7,
    /// <summary>违约没收保证金</summary>
    DepositForfeit = 8,
}

/// <summary>
/// 两阶段: a transfer is posted at once (<see cref="Single"/>), or held (<see cref="Pending"/>: its debits are reserved)
/// and later resolved by exactly one <see cref="Post"/> or <see cref="Void"/> transfer that names it.
/// </summary>
public enum TransferPhase
{
    /// <summary>已过账</summary>
    Single = 1,
    /// <summary>待过账</summary>
    Pending = 2,
    /// <summary>过账（确认待过账转账）</summary>
    Post = 3,
    /// <summary>撤销（作废待过账转账）</summary>
    Void = 4,
}

/// <summary>One leg: a signed amount on one account (positive raises its balance). The legs of a transfer sum to zero.</summary>
public sealed class LedgerLeg
{
    private LedgerLeg() { }

    public LedgerLeg(Guid transferId, int index, Guid accountId, decimal amount)
    {
        TransferId = transferId;
        Index = index;
        AccountId = accountId;
        Amount = amount;
    }

    public Guid TransferId { get; private set; }
    public int Index { get; private set; }
    public Guid AccountId { get; private set; }
    public decimal Amount { get; private set; }
}

/// <summary>
/// 转账: an immutable, atomic, multi-leg double-entry movement (Σ legs = 0). It is never edited: a pending transfer is
/// resolved by a new Post/Void transfer naming it (<see cref="PendingId"/>, at most one), a mistake by a new reversing
/// transfer naming the original (<see cref="ReversesId"/>, at most one). The database holds both "at most one" rules
/// again with unique indexes.
/// </summary>
public sealed class LedgerTransfer
{
    public const int ReferenceMax = 100, NoteMax = 500;

    private LedgerTransfer() { }

    internal LedgerTransfer(Guid id, long sequence, Guid dealId, TransferKind kind, TransferPhase phase, IReadOnlyList<(Guid AccountId, decimal Amount)> legs,
        Guid? pendingId, Guid? reversesId, string? reference, string? note, Guid? userId, DateTimeOffset now)
    {
        Id = id;
        Sequence = sequence;
        DealId = dealId;
        Kind = kind;
        Phase = phase;
        PendingId = pendingId;
        ReversesId = reversesId;
        Reference = reference;
        Note = note;
        CreatedByUserId = userId;
        CreatedAt = now;
        Legs = legs.Select((l, i) => new LedgerLeg(id, i, l.AccountId, l.Amount)).ToList();
        Amount = Legs.Where(l => l.Amount > 0).Sum(l => l.Amount);
    }

    public Guid Id { get; private set; }
    /// <summary>The transfer's place in its deal's journal (1, 2, 3 …; unique per deal).</summary>
    public long Sequence { get; private set; }
    public Guid DealId { get; private set; }
    public TransferKind Kind { get; private set; }
    public TransferPhase Phase { get; private set; }
    /// <summary>The sum of the positive legs (for a Void, the voided transfer's amount: it moves nothing itself).</summary>
    public decimal Amount { get; private set; }
    /// <summary>For a Post or Void: the pending transfer it resolves.</summary>
    public Guid? PendingId { get; private set; }
    /// <summary>For a reversal: the transfer it reverses.</summary>
    public Guid? ReversesId { get; private set; }
    /// <summary>The bank's reference of the movement, when there is one.</summary>
    public string? Reference { get; private set; }
    public string? Note { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<LedgerLeg> Legs { get; private set; } = [];

    /// <summary>Whether the legs change balances (a posted transfer, a post of a pending one, a reversal) — not a held or voided one.</summary>
    public bool MovesBalances => Phase is TransferPhase.Single or TransferPhase.Post;

    internal void SetVoidAmount(decimal amount) => Amount = amount;
}

/// <summary>What a caller asks to post: the legs, and whether the transfer is held (pending) first.</summary>
public sealed record TransferDraft(
    Guid Id, Guid DealId, TransferKind Kind, IReadOnlyList<(Guid AccountId, decimal Amount)> Legs,
    bool Pending = false, string? Reference = null, string? Note = null, Guid? UserId = null);

/// <summary>Who and why, for a post, void or reversal.</summary>
public sealed record TransferMeta(Guid Id, string? Note = null, Guid? UserId = null);
