using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Exchange.Pages.Listings;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Exchange.Pages.Auctions;

/// <summary>The columns of the auction list's Excel export: the page's columns, labels in the current language.</summary>
internal static class AuctionListColumns
{
    public static IReadOnlyList<ListColumn<AuctionSummary>> All =>
    [
        new(ListingText.R("Auction_Col_Title"), a => ListingText.Title(a.Title, a.TitleEn)),
        new(ListingText.R("Auction_Col_Phase"), a => AuctionText.Phase(a.Phase)),
        new(ListingText.R("Auction_StartingPrice"), a => a.StartingPrice),
        new(ListingText.R("Auction_CurrentPrice"), a => a.HammerPrice ?? a.HighBid),
        new(ListingText.R("Auction_AcceptedBids"), a => a.AcceptedBids),
        new(ListingText.R("Auction_StartsAt"), a => AuctionText.Time(a.StartsAt)),
        new(ListingText.R("Auction_EffectiveClose"), a => AuctionText.Time(a.EffectiveCloseAt)),
    ];
}
