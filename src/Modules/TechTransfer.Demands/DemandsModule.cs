using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Demands.Endpoints;
using TechTransfer.Demands.Features;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Demands;

/// <summary>Technology demands (技术需求) and challenges (揭榜挂帅 / 创新挑战赛): the demand side of the supply–demand platform.</summary>
public sealed class DemandsModule : IModule
{
    public string Name => "Demands";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemandsOptions>().BindConfiguration(DemandsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemandService>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, DemandReferences>();
        services.AddScoped<ChallengeService>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IContractDraftSource, ChallengeAwardDraftSource>();
        services.AddScoped<ISearchDocumentSource, DemandSearchSource>();
        services.AddScoped<ISearchDocumentSource, ChallengeSearchSource>();
        services.AddScoped<IDemoDataSeeder, DemandsDemoData>();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, DemandWorkbench>();
        services.AddScoped<TechTransfer.Platform.Jobs.IReminderSource, DemandReminders>();
        services.AddHostedService<DemandExpiryJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapDemandEndpoints();
        app.MapChallengeEndpoints();
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/demands", "技术需求", "Technology demands", 30, [], Public: true),
        new("/challenges", "揭榜挂帅", "Challenges", 31, [], Public: true),
        new("/demands/review", "需求审核", "Review demands", 32, [Roles.PlatformAdmin, Roles.TechManager]),
    ];
}
