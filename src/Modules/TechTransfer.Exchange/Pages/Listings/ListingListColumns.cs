using TechTransfer.Exchange.Features.Listings;
using TechTransfer.Platform.Lists;
using static TechTransfer.Exchange.Pages.Listings.ListingText;

namespace TechTransfer.Exchange.Pages.Listings;

/// <summary>The columns of the listing list's Excel export: the page's columns, labels in the current language.</summary>
internal static class ListingListColumns
{
    public static IReadOnlyList<ListColumn<ListingSummary>> All =>
    [
        new(R("Col_ListingNo"), l => l.ListingNo),
        new(R("Col_Listing"), l => Title(l.Title, l.TitleEn)),
        new(R("Col_Deal"), l => Deal(l.DealType)),
        new(R("Col_Method"), l => Method(l.PricingMethod)),
        new(R("Col_Price"), l => l.PriceYuan),
        new(R("Col_Status"), l => Status(l.Status)),
        new(R("Col_PeriodEnds"), l => Date(l.PeriodEndsOn)),
    ];
}
