using TechTransfer.Exchange.Pages.Listings;

namespace TechTransfer.Exchange.Pages.Deals;

/// <summary>Display helpers of the deal pages: enum labels from ExchangeText.resx (<c>Deal_Status_*</c>, <c>Deal_Origin_*</c> …).</summary>
public static class DealText
{
    private static string Label(string prefix, string? value) => value is null ? "—" : ListingText.R($"{prefix}_{value}");

    public static string Status(string status) => Label("Deal_Status", status);
    public static string Origin(string origin) => Label("Deal_Origin", origin);
    public static string Settlement(string settlement) => Label("Deal_Settlement", settlement);
    public static string Side(string side) => Label("Deal_Side", side);
}
