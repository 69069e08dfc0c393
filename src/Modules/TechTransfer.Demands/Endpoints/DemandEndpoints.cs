using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Demands.Features;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Endpoints;

internal static class DemandEndpoints
{
    public static void MapDemandEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/demands").WithTags("Demands");
        open.MapGet("/", ListDemands).WithName(nameof(ListDemands)).AllowAnonymous()
            .WithSummary("List technology demands (技术需求) the caller may see, with filters, sorting and paging");
        open.MapGet("/export", ExportDemands).WithName(nameof(ExportDemands)).AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The demand list's rows as Excel (.xlsx)")
            .WithDescription("Every demand the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        open.MapGet("/{id:guid}", GetDemand).WithName(nameof(GetDemand)).AllowAnonymous();

        var group = app.MapGroup("/api/v1/demands").WithTags("Demands").RequireAuthorization();
        group.MapPost("/", CreateDemand).WithName(nameof(CreateDemand))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateDemand).WithName(nameof(UpdateDemand))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/submit", (Guid id, VersionRequest? body, DemandService s, CancellationToken ct) => Respond(s.SubmitAsync(id, body?.Version, ct))).WithName("SubmitDemand");
        group.MapPost("/{id:guid}/withdraw", (Guid id, VersionRequest? body, DemandService s, CancellationToken ct) => Respond(s.WithdrawAsync(id, body?.Version, ct))).WithName("WithdrawDemand");
        group.MapPost("/{id:guid}/approve", (Guid id, ReviewRequest? body, DemandService s, CancellationToken ct) => Respond(s.ApproveAsync(id, body, ct))).WithName("ApproveDemand");
        group.MapPost("/{id:guid}/reject", (Guid id, ReasonRequest? body, DemandService s, CancellationToken ct) => Respond(s.RejectAsync(id, body, ct))).WithName("RejectDemand");
        group.MapPost("/{id:guid}/match", (Guid id, MatchRequest? body, DemandService s, CancellationToken ct) => Respond(s.MarkMatchedAsync(id, body, ct))).WithName("MarkDemandMatched");
        group.MapPost("/{id:guid}/close", (Guid id, ReasonRequest? body, DemandService s, CancellationToken ct) => Respond(s.CloseAsync(id, body, ct))).WithName("CloseDemand");
    }

    internal static async Task<Results<Ok<PagedResult<DemandSummary>>, ProblemHttpResult>> ListDemands(
        [AsParameters] DemandListQuery query, DemandService service, CancellationToken ct)
    {
        var result = await service.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportDemands(
        [AsParameters] DemandListQuery query, DemandService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.DemandListColumns.All, Pages.PageText.R("TechnologyDemands"), "demands", clock.GetUtcNow());

    internal static Task<Results<Ok<DemandResponse>, ProblemHttpResult>> GetDemand(Guid id, DemandService service, CancellationToken ct) =>
        Respond(service.GetAsync(id, ct));

    internal static async Task<Results<Created<DemandResponse>, ProblemHttpResult>> CreateDemand(
        DemandRequest request, DemandService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/demands/{result.Value.Id}", result.Value);
    }

    internal static Task<Results<Ok<DemandResponse>, ProblemHttpResult>> UpdateDemand(
        Guid id, DemandRequest request, DemandService service, CancellationToken ct) => Respond(service.UpdateAsync(id, request, ct));

    internal static async Task<Results<Ok<T>, ProblemHttpResult>> Respond<T>(Task<Result<T>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }
}
