using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Deals;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>Checks <c>Exchange:Deals</c> at start: each side's commission 0–5 % unless agreed above the cap (R6.6, 拍卖法 56), at most 100 %; payment days 1–90.</summary>
public sealed class DealOptionsValidator : IValidateOptions<DealOptions>
{
    public ValidateOptionsResult Validate(string? name, DealOptions o)
    {
        var failures = new List<string>();
        var cap = o.RatesAgreedAboveCap ? 100m : DealOptions.LegalCapPercent;
        if (o.SellerCommissionPercent < 0 || o.SellerCommissionPercent > cap)
            failures.Add($"Exchange:Deals:SellerCommissionPercent must be between 0 and {cap} (Auction Law art. 56 caps each side at 5 % unless agreed).");
        if (o.BuyerCommissionPercent < 0 || o.BuyerCommissionPercent > cap)
            failures.Add($"Exchange:Deals:BuyerCommissionPercent must be between 0 and {cap} (Auction Law art. 56 caps each side at 5 % unless agreed).");
        if (o.PaymentDays is < 1 or > 90) failures.Add("Exchange:Deals:PaymentDays must be between 1 and 90.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
