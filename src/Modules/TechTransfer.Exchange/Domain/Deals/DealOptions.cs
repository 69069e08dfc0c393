namespace TechTransfer.Exchange.Domain.Deals;

/// <summary>
/// [CFG] <c>Exchange:Deals</c>: the exchange's commission on a deal (R6.6: at most 5 % on each side unless agreed
/// otherwise, 拍卖法 56) and the days within which the price is due after the sale (R6.11). Checked at start by
/// <c>DealOptionsValidator</c>; the domain reads it as plain values.
/// </summary>
public sealed class DealOptions
{
    public const string Section = "Exchange:Deals";

    /// <summary>The legal default cap of each side's commission, in per cent (拍卖法 56).</summary>
    public const decimal LegalCapPercent = 5m;

    /// <summary>Commission charged to the seller (transferor / licensor), per cent of the price.</summary>
    public decimal SellerCommissionPercent { get; set; } = 1.5m;

    /// <summary>Commission charged to the buyer, per cent of the price.</summary>
    public decimal BuyerCommissionPercent { get; set; } = 1.5m;

    /// <summary>Whether the parties agreed in writing to rates above the legal default cap (else each rate ≤ 5 %).</summary>
    public bool RatesAgreedAboveCap { get; set; }

    /// <summary>Days after the deal date within which the price (and commission) is due (R6.11: 7).</summary>
    public int PaymentDays { get; set; } = 7;
}
