using TechTransfer.Exchange.Features.Deals;
using TechTransfer.Exchange.Pages.Listings;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Exchange.Pages.Deals;

/// <summary>The columns of the deal list's Excel export: the page's columns, labels in the current language.</summary>
internal static class DealListColumns
{
    public static IReadOnlyList<ListColumn<DealSummary>> All =>
    [
        new(ListingText.R("Deal_No"), d => d.DealNo),
        new(ListingText.R("Deal_Project"), d => ListingText.Title(d.Title, d.TitleEn)),
        new(ListingText.R("Deal_Origin"), d => DealText.Origin(d.Origin)),
        new(ListingText.R("Deal_Seller"), d => d.SellerName),
        new(ListingText.R("Deal_Buyer"), d => d.BuyerName),
        new(ListingText.R("Deal_Price"), d => d.PriceYuan),
        new(ListingText.R("Deal_Status"), d => DealText.Status(d.Status)),
        new(ListingText.R("Deal_Date"), d => ListingText.Date(d.DealDate)),
    ];
}
