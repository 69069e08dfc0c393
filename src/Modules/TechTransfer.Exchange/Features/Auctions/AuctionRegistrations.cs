using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Endpoints.Auctions;
using TechTransfer.Platform;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>The auctions part of the Exchange module's composition (kept here so ExchangeModule.cs stays a few lines).</summary>
internal static class AuctionRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<AuctionOptions>().BindConfiguration(AuctionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuctionOptions>, AuctionOptionsValidator>();
        services.AddSignalR();
        services.AddSingleton<IAuctionLiveFeed, SignalRAuctionLiveFeed>();
        services.AddSingleton<AuctionWriter>();
        services.AddScoped<AuctionService>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IAuctionDepositFacts, AuctionDepositFactsLookup>();
        services.AddSingleton<AuctionCloseJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuctionCloseJob>());
        services.AddScoped<IDemoDataSeeder, AuctionDemoData>();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, AuctionWorkbench>();
    }

    /// <summary>The auction list (every signed-in user: lots are public once announced), beside the listings.</summary>
    public static IEnumerable<NavItem> Navigation => [new("/exchange/auctions", "竞价交易", "Auctions", 42, [])];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapAuctionEndpoints();
        app.MapHub<AuctionHub>("/hubs/auctions");
    }
}
