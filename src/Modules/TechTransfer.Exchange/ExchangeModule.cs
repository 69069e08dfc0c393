using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Platform;

namespace TechTransfer.Exchange;

/// <summary>
/// The technology exchange (技术交易所): listings (挂牌) and their review, public notice (公示) of negotiated prices,
/// valuation (确价), auctions (竞价) and the confirmed deal (成交确认) that becomes an <c>exchangeDeal</c> contract draft.
/// The usual module folders (Domain, Data, Features, Endpoints, Pages), each with a <c>Listings/</c> sub-folder (listing,
/// review, public notice, valuation, deal confirmation) and an <c>Auctions/</c> sub-folder (lots, bidder registration,
/// bidding, close, live room). Tables are prefixed <c>exch_</c>.
/// </summary>
public sealed class ExchangeModule : IModule
{
    public string Name => "Exchange";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        Features.Listings.ListingsComposition.AddListings(services);
        Features.Auctions.AuctionRegistrations.Add(services);
        Features.Deals.DealsComposition.AddDeals(services);
        Features.Evidence.EvidenceComposition.AddEvidence(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        Endpoints.Listings.ListingEndpoints.MapListingEndpoints(app);
        Endpoints.Valuation.ValuationEndpoints.MapValuationEndpoints(app);
        Features.Auctions.AuctionRegistrations.Map(app);
        Endpoints.Deals.DealEndpoints.MapDealEndpoints(app);
        Endpoints.Evidence.EvidenceEndpoints.MapEvidenceEndpoints(app);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        .. Features.Listings.ListingsComposition.Navigation,
        .. Features.Auctions.AuctionRegistrations.Navigation,
        new("/exchange/deals", "成交", "Deals", 42,
            [TechTransfer.SharedKernel.Roles.ExchangeOperator, .. TechTransfer.Exchange.Domain.Deals.ExchangeDeal.BuyerSignerRoles]),
    ];
}
