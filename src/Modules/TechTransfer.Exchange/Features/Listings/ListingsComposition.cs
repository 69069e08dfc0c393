using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Exchange.Features.Listings;

/// <summary>The listings part of the Exchange module (listing, review, notice, NDA), so <see cref="ExchangeModule"/> stays a few lines per part.</summary>
internal static class ListingsComposition
{
    public static void AddListings(IServiceCollection services)
    {
        services.AddOptions<ExchangeListingOptions>().BindConfiguration(ExchangeListingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExchangeListingOptions>, ExchangeListingOptionsValidator>();
        services.AddScoped<ListingService>();
        services.AddScoped<Valuation.ValuationService>();
        services.AddScoped<IDemoDataSeeder, ListingDemoData>();
        services.AddScoped<ISearchDocumentSource, ListingSearchSource>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, ListingReferences>();
    }

    public static IEnumerable<NavItem> Navigation =>
    [
        new("/exchange/listings", "技术交易", "Technology exchange", 40, [], Public: true),
        new("/exchange/review", "挂牌审核", "Listing review", 41, [Roles.ExchangeOperator]),
    ];
}
