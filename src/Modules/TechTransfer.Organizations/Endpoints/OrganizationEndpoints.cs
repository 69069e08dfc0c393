using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Organizations.Domain;
using TechTransfer.Organizations.Features;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.Organizations.Endpoints;

internal static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization();
        group.MapGet("/", ListOrganizations).WithName(nameof(ListOrganizations))
            .WithSummary("List organisations (机构库) with paging, filters and sorting");
        group.MapGet("/{id:guid}", GetOrganization).WithName(nameof(GetOrganization));
        group.MapPost("/", CreateOrganization).WithName(nameof(CreateOrganization))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateOrganization).WithName(nameof(UpdateOrganization))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/v1/reference/divisions", () => Divisions.All).WithTags("Reference").WithName("ListDivisions")
            .WithSummary("GB/T 2260 divisions (行政区划): code, Chinese and English name, parent code");
        app.MapGet("/api/v1/reference/countries", () => Countries.All).WithTags("Reference").WithName("ListCountries")
            .WithSummary("ISO 3166-1 countries and regions with the customs numeric code (国别(地区)代码) where known");
        app.MapGet("/api/v1/reference/entity-natures", () => EntityNature.All).WithTags("Reference").WithName("ListEntityNatures");
    }

    internal static async Task<Results<Ok<PagedResult<OrganizationSummary>>, ProblemHttpResult>> ListOrganizations(
        [AsParameters] OrganizationListQuery query, OrganizationService service, CancellationToken ct)
    {
        var result = await service.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetOrganization(
        Guid id, OrganizationService service, CancellationToken ct)
    {
        var result = await service.GetAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<Created<OrganizationResponse>, ProblemHttpResult>> CreateOrganization(
        OrganizationRequest request, OrganizationService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/organizations/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> UpdateOrganization(
        Guid id, OrganizationRequest request, OrganizationService service, CancellationToken ct)
    {
        var result = await service.UpdateAsync(id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }
}
