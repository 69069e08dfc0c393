using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Endpoints;
using TechTransfer.Patents.Features;
using TechTransfer.Patents.Features.Custody;
using TechTransfer.Patents.Features.OpenLicenses;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Patents;

/// <summary>Patents (专利), patent open licensing (专利开放许可) and technology custody (技术托管).</summary>
public sealed class PatentsModule : IModule
{
    public string Name => "Patents";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenLicensingOptions>().Bind(configuration.GetSection(OpenLicensingOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<OpenLicensingOptions>, OpenLicensingOptionsValidator>();
        services.AddSingleton(PatentTermRules.Default);
        services.AddScoped<PatentsDb>();
        services.AddScoped<PatentService>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, PatentReferences>();
        services.AddScoped<TechTransfer.SharedKernel.Patents.IPatentFactsLookup, PatentFactsLookup>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, Features.OpenLicenses.OpenLicenseReferences>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IConsignorProxyLookup, Features.Custody.CustodyProxyLookup>();
        services.AddScoped<OpenLicenseService>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IContractDraftSource, OpenLicenseGrantDraftSource>();
        services.AddScoped<CustodyService>();
        services.AddOptions<PatentWorkbenchOptions>().BindConfiguration(PatentWorkbenchOptions.Section)
            .Validate(o => o.FeeDueWithinDays is >= 1 and <= 366, "Patents:Workbench:FeeDueWithinDays must be between 1 and 366.").ValidateOnStart();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, PatentWorkbench>();
        services.AddScoped<TechTransfer.Platform.Jobs.IReminderSource, PatentReminders>();
        services.Configure<RightsExpiryOptions>(configuration.GetSection(RightsExpiryOptions.Section));
        services.AddScoped<RightsExpiryService>();
        services.AddSingleton<RightsExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RightsExpiryJob>());
        services.AddScoped<IDemoDataSeeder, PatentDemoData>();
        services.AddScoped<ISearchDocumentSource, PatentSearchSource>();
        services.AddScoped<ISearchDocumentSource, OpenLicenseSearchSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPatentEndpoints();

    public IEnumerable<NavItem> Navigation =>
    [
        new("/open-licenses", "专利开放许可", "Open licences", 30, [], Public: true),
        new("/patents", "专利管理", "Patents", 31, [Roles.InstitutionAdmin, Roles.PlatformAdmin]),
        new("/open-licenses/mine", "开放许可管理", "Open-licence desk", 32, [Roles.InstitutionAdmin, Roles.Enterprise]),
        new("/custody", "技术托管", "Custody", 33, [Roles.InstitutionAdmin, Roles.TechManager, Roles.PlatformAdmin]),
    ];
}
