using TechTransfer.SharedKernel;

namespace TechTransfer.Settlement.Domain;

/// <summary>The parties and commission rates of a deal, as the ledger needs them (read from the Exchange module).</summary>
public sealed record DealParties(Guid DealId, Guid SellerOrganizationId, Guid? BuyerOrganizationId, decimal SellerCommissionPercent, decimal BuyerCommissionPercent);

/// <summary>
/// The money movements of a deal, each one multi-leg transfer on the deal's accounts:
/// <list type="bullet">
/// <item>收款 payment received: external bank → escrow (the price and the buyer's commission, as the buyer pays them);</item>
/// <item>结算 payout of part of the price: escrow → seller payable (less the seller's commission) + exchange fees (both
///   sides' commission on that part, R6.6) + broker commission (the managers' share, taken from the fees);</item>
/// <item>退款 refund: escrow → refunds (for the buyer);</item>
/// <item>保证金 deposits: external → deposit held (the bidder); applied to the price as a pending transfer deposit held →
///   escrow (posted when applied, voided when not); released: deposit held → refunds (the bidder).</item>
/// </list>
/// </summary>
public static class DealLedger
{
    public static readonly decimal MaxAmount = 100_000_000_000m;

    public static bool IsAmount(decimal value) => value > 0 && value <= MaxAmount && decimal.Round(value, Yuan.Scale) == value;

    /// <summary>One side's commission on <paramref name="gross"/> yuan of the price, rounded to the fen (R6.6).</summary>
    public static decimal Commission(decimal gross, decimal percent) => Yuan.Round(gross * percent / 100m);

    public static TransferDraft Payment(LedgerBook book, Guid dealId, decimal amount, Guid transferId, string? reference, string? note, Guid? userId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.PaymentReceived,
            [(book.Account(dealId, LedgerAccountKind.ExternalBank, Guid.Empty, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.ExchangeEscrow, Guid.Empty, now).Id, amount)],
            Reference: reference, Note: note, UserId: userId);

    public static TransferDraft Refund(LedgerBook book, Guid dealId, Guid buyerId, decimal amount, Guid transferId, string? note, Guid? userId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.Refund,
            [(book.Account(dealId, LedgerAccountKind.ExchangeEscrow, Guid.Empty, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.Refunds, buyerId, now).Id, amount)],
            Note: note, UserId: userId);

    /// <summary>What a payout of <paramref name="gross"/> yuan of the price takes from escrow and where it goes.</summary>
    public sealed record PayoutSplit(decimal FromEscrow, decimal ToSeller, decimal ToExchange, decimal ToBroker, decimal SellerCommission, decimal BuyerCommission);

    public static PayoutSplit Split(DealParties deal, decimal gross, decimal broker)
    {
        var sellerFee = Commission(gross, deal.SellerCommissionPercent);
        var buyerFee = Commission(gross, deal.BuyerCommissionPercent);
        return new(gross + buyerFee, gross - sellerFee, sellerFee + buyerFee - broker, broker, sellerFee, buyerFee);
    }

    /// <summary>The broker's share must not be negative, finer than the fen, or more than the commission this payout takes (R6.6).</summary>
    public static bool IsBrokerShare(DealParties deal, decimal gross, decimal broker) =>
        broker >= 0 && decimal.Round(broker, Yuan.Scale) == broker && broker <= Split(deal, gross, 0).ToExchange;

    public static TransferDraft Payout(LedgerBook book, DealParties deal, decimal gross, decimal broker, Guid transferId, string? note, Guid? userId, DateTimeOffset now)
    {
        var split = Split(deal, gross, broker);
        var legs = new List<(Guid, decimal)>
        {
            (book.Account(deal.DealId, LedgerAccountKind.ExchangeEscrow, Guid.Empty, now).Id, -split.FromEscrow),
            (book.Account(deal.DealId, LedgerAccountKind.SellerPayable, deal.SellerOrganizationId, now).Id, split.ToSeller),
        };
        if (split.ToExchange > 0) legs.Add((book.Account(deal.DealId, LedgerAccountKind.ExchangeFees, Guid.Empty, now).Id, split.ToExchange));
        if (split.ToBroker > 0) legs.Add((book.Account(deal.DealId, LedgerAccountKind.BrokerCommission, Guid.Empty, now).Id, split.ToBroker));
        return new(transferId, deal.DealId, TransferKind.Payout, legs, Note: note, UserId: userId);
    }

    public static TransferDraft DepositReceived(LedgerBook book, Guid dealId, Guid bidderId, decimal amount, Guid transferId, string? reference, Guid? userId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.DepositReceived,
            [(book.Account(dealId, LedgerAccountKind.ExternalBank, Guid.Empty, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.BidderDepositHeld, bidderId, now).Id, amount)],
            Reference: reference, UserId: userId);

    /// <summary>The winner's deposit held toward the price: pending until the deal is paid (post) or falls through (void).</summary>
    public static TransferDraft DepositApplication(LedgerBook book, Guid dealId, Guid bidderId, decimal amount, Guid transferId, Guid? userId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.DepositApplication,
            [(book.Account(dealId, LedgerAccountKind.BidderDepositHeld, bidderId, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.ExchangeEscrow, Guid.Empty, now).Id, amount)],
            Pending: true, UserId: userId);

    public static TransferDraft DepositRelease(LedgerBook book, Guid dealId, Guid bidderId, decimal amount, Guid transferId, Guid? userId, DateTimeOffset now) =>
        new(transferId, dealId, TransferKind.DepositRelease,
            [(book.Account(dealId, LedgerAccountKind.BidderDepositHeld, bidderId, now).Id, -amount),
             (book.Account(dealId, LedgerAccountKind.Refunds, bidderId, now).Id, amount)],
            UserId: userId);
}

/// <summary>
/// 幂等键 (LG.6): a money command carries a key; the first successful response is kept with its transfers. A later
/// request with the key replays that response when its parameters are the same and is refused when they differ.
/// </summary>
public static class Idempotency
{
    public const int KeyMax = 100;

    public enum Decision { Execute, Replay, Mismatch }

    /// <summary>1–100 visible ASCII characters (what clients send: a UUID, a bank reference).</summary>
    public static bool IsKey(string? key) => !string.IsNullOrEmpty(key) && key.Length <= KeyMax && key.All(c => c > ' ' && c < 0x7f);

    public static Decision Decide(string? storedFingerprint, string fingerprint) =>
        storedFingerprint is null ? Decision.Execute : storedFingerprint == fingerprint ? Decision.Replay : Decision.Mismatch;

    /// <summary>The canonical form of a command's parameters (operation, path ids, body values; amounts with two decimals).</summary>
    public static string Canonical(string operation, params object?[] parts) =>
        operation + "|" + string.Join("|", parts.Select(p => p switch
        {
            null => "∅",
            decimal d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            Guid g => g.ToString("N"),
            _ => p.ToString()!.Replace("\\", "\\\\").Replace("|", "\\|"),
        }));
}
