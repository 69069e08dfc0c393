using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Listings;

namespace TechTransfer.Exchange;

/// <summary>[CFG] <c>Exchange:Listings</c>: listing periods and extensions in working days (R6.8), the negotiated price's
/// publicity days (R6.2/R6.9), and whether tender and bidding are offered (R6.1).</summary>
public sealed class ExchangeListingOptions
{
    public const string Section = "Exchange:Listings";

    /// <summary>Listing period of a state-funded seller, in working days (R6.8: ≥ 20).</summary>
    public int StateFundedListingWorkingDays { get; set; } = 20;
    /// <summary>Listing period of other sellers, in working days.</summary>
    public int ListingWorkingDays { get; set; } = 20;
    /// <summary>Shortest extension, in working days (R6.8: ≥ 5).</summary>
    public int MinExtensionWorkingDays { get; set; } = 5;
    /// <summary>Public-notice days of a negotiated price, calendar days (R6.9: 15 common).</summary>
    public int PublicityDays { get; set; } = 15;
    /// <summary>Fewest comparable registered contracts before the market approach shows its figures (确价).</summary>
    public int ValuationMinComparables { get; set; } = 5;
    /// <summary>How many years back comparable contracts are taken from.</summary>
    public int ValuationComparableYears { get; set; } = 3;
    /// <summary>R6.3: whether every seller's price needs the chosen valuation as its floor (state-funded sellers always do).</summary>
    public bool ValuationRequiredForAllSellers { get; set; }
    public bool TenderEnabled { get; set; }
    public bool BiddingEnabled { get; set; }

    public Domain.Valuation.ValuationRules ToValuationRules() => new(ValuationMinComparables, ValuationComparableYears);

    public ListingRules ToRules()
    {
        var methods = new HashSet<PricingMethod> { PricingMethod.NegotiatedWithPublicity, PricingMethod.ExchangeListing, PricingMethod.Auction };
        if (TenderEnabled) methods.Add(PricingMethod.Tender);
        if (BiddingEnabled) methods.Add(PricingMethod.Bidding);
        return new ListingRules(StateFundedListingWorkingDays, ListingWorkingDays, MinExtensionWorkingDays, PublicityDays, methods);
    }
}

internal sealed class ExchangeListingOptionsValidator : IValidateOptions<ExchangeListingOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeListingOptions o)
    {
        var failures = new List<string>();
        if (o.StateFundedListingWorkingDays is < 1 or > 250) failures.Add("Exchange:Listings:StateFundedListingWorkingDays must be 1–250.");
        if (o.ListingWorkingDays is < 1 or > 250) failures.Add("Exchange:Listings:ListingWorkingDays must be 1–250.");
        if (o.MinExtensionWorkingDays is < 1 or > 60) failures.Add("Exchange:Listings:MinExtensionWorkingDays must be 1–60.");
        if (o.PublicityDays is < 1 or > 90) failures.Add("Exchange:Listings:PublicityDays must be 1–90.");
        if (o.ValuationMinComparables is < 1 or > 1000) failures.Add("Exchange:Listings:ValuationMinComparables must be 1–1000.");
        if (o.ValuationComparableYears is < 1 or > 20) failures.Add("Exchange:Listings:ValuationComparableYears must be 1–20.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
