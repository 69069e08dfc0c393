using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechTransfer.Achievements.Endpoints;
using TechTransfer.Achievements.Features;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Achievements;

/// <summary>
/// Institution side of technology transfer: achievements (科技成果, R5.1), rights grants (赋权, R5.2), income
/// distribution (收益分配, R4.x) and idle achievements (R5.3, R5.4).
/// </summary>
public sealed class AchievementsModule : IModule
{
    public string Name => "Achievements";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AchievementsOptions>().BindConfiguration(AchievementsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AchievementsOptions>, AchievementsOptionsValidator>();
        services.AddOptions<IdleJobOptions>().BindConfiguration(IdleJobOptions.Section);
        services.AddScoped<AttachmentStore>();
        services.AddScoped<AchievementService>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, AchievementReferences>();
        services.AddScoped<TechTransfer.SharedKernel.Achievements.IAchievementFactsLookup, AchievementFactsLookup>();
        services.AddScoped<RightsGrantService>();
        services.AddScoped<IncomeDistributionService>();
        services.AddScoped<IdleAchievementScanner>();
        // The daily idle job; not started in the "Testing" environment, where tests run the scanner (or the job) explicitly.
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IHostEnvironment>().IsEnvironment("Testing")
            ? new DisabledJob()
            : ActivatorUtilities.CreateInstance<IdleAchievementJob>(sp));
        services.AddScoped<ISearchDocumentSource, AchievementSearchSource>();
        services.AddScoped<IDemoDataSeeder, AchievementDemoData>();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, AchievementWorkbench>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapAchievementEndpoints();
        app.MapRightsGrantEndpoints();
        app.MapIncomeDistributionEndpoints();
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/achievements", "科技成果", "Achievements", 20, []),
        new("/achievements/idle", "闲置成果", "Idle achievements", 21, [Roles.InstitutionAdmin]),
        new("/rights-grants", "赋权", "Rights grants", 22, [Roles.InstitutionAdmin, Roles.Researcher]),
        new("/income-distributions", "收益分配", "Income distribution", 23, [Roles.InstitutionAdmin, Roles.Researcher]),
    ];
}

internal sealed class DisabledJob : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
