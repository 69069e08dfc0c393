using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TechTransfer.Data;
using TechTransfer.Platform;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Endpoints;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Features;

namespace TechTransfer.Search;

/// <summary>检索与匹配: the Lucene index under the data directory, the outbox indexer, search and matching endpoints.</summary>
public sealed class SearchModule : IModule
{
    public string Name => "Search";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SearchEngineOptions.Section).Get<SearchEngineOptions>() ?? new SearchEngineOptions();
        services.AddSingleton(sp =>
        {
            if (configuration[$"{SearchEngineOptions.Section}:IndexPath"] is not { Length: > 0 })
                options.IndexPath = Path.Combine(sp.GetRequiredService<StorageOptions>().FullDataDirectory, "search-index");
            // opened by the indexer service (or lazily by the first search), not here: `tt search reindex` resolves the
            // index without taking the write lock of the generation a running host holds
            return new SearchIndex(options, SynonymDictionary.LoadEmbedded(), sp.GetService<TimeProvider>());
        });
        services.AddOptions<MatchNotificationOptions>().BindConfiguration(MatchNotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MatchNotifier>();
        services.AddSingleton<SearchOutboxDrainer>();
        services.AddSingleton<ISearchIndexHealth, SearchIndexHealth>();
        services.AddScoped<MatchingService>();
        services.AddScoped<ManagerAssignmentService>();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, SearchWorkbench>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IConsignorProxyLookup, ManagerProxyLookup>();
        services.AddHostedService<SearchIndexerService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSearchEndpoints();

    public IEnumerable<NavItem> Navigation =>
    [
        new("/search", "检索", "Search", 5, [], Public: true),
    ];
}
