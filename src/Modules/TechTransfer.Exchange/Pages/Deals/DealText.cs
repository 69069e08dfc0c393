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

    /// <summary>A number as a form value (invariant, no grouping), empty for none.</summary>
    public static string Invariant(decimal? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>One row of the operator's instalment editor (confirm-deal form): a milestone name, a due date, an amount.</summary>
    public sealed class InstalmentRow
    {
        public string? Milestone { get; set; }
        public DateOnly? DueDate { get; set; }
        public decimal? AmountYuan { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Milestone) && DueDate is null && AmountYuan is null;

        public Features.Deals.InstalmentRequest ToRequest() =>
            new(DueDate ?? default, AmountYuan ?? 0m, string.IsNullOrWhiteSpace(Milestone) ? null : Milestone.Trim());
    }
}
