using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Organizations.Endpoints;
using TechTransfer.Organizations.Features;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Organizations;

/// <summary>The organisation registry (机构库): the first vertical slice, and the pattern every module follows.</summary>
public sealed class OrganizationsModule : IModule
{
    public string Name => "Organizations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrganizationService>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, OrganizationReferences>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.IOrganizationFactsLookup, OrganizationFactsLookup>();
        services.AddScoped<TechTransfer.SharedKernel.Organizations.IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<OrganizationImporter>();
        services.AddScoped<IDemoDataSeeder, OrganizationDemoData>();
        services.AddScoped<ISearchDocumentSource, OrganizationSearchSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOrganizationEndpoints();

    public IEnumerable<NavItem> Navigation =>
    [
        new("/organizations", "机构库", "Organisations", 10, []),
    ];
}
