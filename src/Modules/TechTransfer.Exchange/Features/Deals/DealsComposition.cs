using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>The deals part of the Exchange module (成交, 成交确认书, the exchangeDeal contract draft source).</summary>
internal static class DealsComposition
{
    public static void AddDeals(IServiceCollection services)
    {
        services.AddOptions<DealOptions>().BindConfiguration(DealOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DealOptions>, DealOptionsValidator>();
        services.AddScoped<DealService>();
        services.AddScoped<IAuctionSoldHandler, DealSoldHandler>();
        services.AddScoped<IContractDraftSource, ExchangeDealDraftSource>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, DealReferences>();
        services.AddScoped<IExchangeDealFactsLookup, DealFactsLookup>();
        services.AddScoped<IWorkbenchSource, DealWorkbench>();
        services.AddScoped<TechTransfer.Platform.IDemoDataSeeder, DealDemoData>();
    }
}
