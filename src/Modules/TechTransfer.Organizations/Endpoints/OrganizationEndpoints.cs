using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Organizations.Domain;
using TechTransfer.Organizations.Features;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
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
        group.MapGet("/export", ExportOrganizations).WithName(nameof(ExportOrganizations))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The organisation list's rows as Excel (.xlsx)")
            .WithDescription("Every organisation that matches the list's filters, in its order (page and pageSize are ignored), public fields only (never contacts), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
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

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportOrganizations(
        [AsParameters] OrganizationListQuery query, OrganizationService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.OrganizationListColumns.All, Pages.OrganizationListColumns.R("List.Title"), "organizations", clock.GetUtcNow());

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
