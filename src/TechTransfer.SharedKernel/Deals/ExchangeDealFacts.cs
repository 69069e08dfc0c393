namespace TechTransfer.SharedKernel.Deals;

/// <summary>One payment the deal's settlement schedules: due date (business date), amount in yuan, the milestone it follows.</summary>
public sealed record DealScheduledPayment(DateOnly DueDate, decimal AmountYuan, string? Milestone);

/// <summary>
/// What the Exchange module tells other modules about a deal (成交) — the Settlement module's ledger reads its parties,
/// price, commission rates (R6.6) and payment schedule from here. Amounts in yuan.
/// </summary>
public sealed record ExchangeDealFacts(
    Guid Id,
    string DealNo,
    string Title,
    string? TitleEn,
    Guid SellerOrganizationId,
    Guid? BuyerOrganizationId,
    decimal PriceYuan,
    decimal SellerCommissionPercent,
    decimal BuyerCommissionPercent,
    decimal SellerCommissionYuan,
    decimal BuyerCommissionYuan,
    bool IsInstalments,
    IReadOnlyList<DealScheduledPayment> Schedule,
    bool IsLive,
    bool IsConfirmed,
    Guid? LotId = null);

/// <summary>
/// Implemented by the Exchange module: the facts of a deal by id, or null when there is none. It does not check who asks:
/// a module names a deal only after <see cref="References.IReferenceCheck"/> (record type
/// <see cref="References.RecordTypes.ExchangeDeal"/>) has found it visible to the caller.
/// </summary>
public interface IExchangeDealFactsLookup
{
    Task<ExchangeDealFacts?> FindAsync(Guid dealId, CancellationToken ct);

    /// <summary>The ids of the deals that are not annulled (the Settlement module's payment reminders walk them).</summary>
    Task<IReadOnlyList<Guid>> LiveDealIdsAsync(CancellationToken ct);
}
