using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Exchange.Features.Deals;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Endpoints.Deals;

internal static class DealEndpoints
{
    public static void MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/exchange/deals").WithTags("Exchange deals").RequireAuthorization();
        g.MapGet("/", ListDeals).WithName(nameof(ListDeals))
            .WithSummary("Deals (成交) the caller may see: every deal for the exchange operator, the deals of the caller's organisation (seller or buyer) for others");
        g.MapGet("/export", ExportDeals).WithName(nameof(ExportDeals))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The deal list's rows as Excel (.xlsx)")
            .WithDescription("Every deal the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapGet("/{id:guid}", (Guid id, DealService s, CancellationToken ct) => Respond(s.GetAsync(id, ct))).WithName("GetDeal");
        g.MapGet("/{id:guid}/confirmation.pdf", DealConfirmationPdf).WithName("GetDealConfirmationPdf")
            .WithSummary("The 成交确认书 as a PDF, for the parties and the exchange operator").Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        g.MapPost("/{id:guid}/signatures", (Guid id, SignDealRequest? body, DealService s, CancellationToken ct) => Respond(s.SignAsync(id, body, ct)))
            .WithName("SignDeal")
            .WithSummary("Recorded acceptance: the buyer side or the exchange operator signs the 成交确认书 (who, when and the PDF's SHA-256 are kept); both → Confirmed")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/{id:guid}/annul", (Guid id, AnnulDealRequest? body, DealService s, CancellationToken ct) => Respond(s.AnnulAsync(id, body, ct)))
            .WithName("AnnulDeal").WithSummary("The exchange operator annuls a deal, with reasons");
        app.MapPost("/api/v1/listings/{id:guid}/deal", ConfirmNegotiatedDeal).WithName(nameof(ConfirmNegotiatedDeal)).WithTags("Exchange deals")
            .RequireAuthorization()
            .WithSummary("The exchange operator confirms the negotiated deal of a published listing once its public notice has ended and objections are resolved (R6.2)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<Ok<PagedResult<DealSummary>>, ProblemHttpResult>> ListDeals(
        [AsParameters] DealListQuery query, DealService service, CancellationToken ct)
    {
        var result = await service.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportDeals(
        [AsParameters] DealListQuery query, DealService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.Deals.DealListColumns.All, Pages.Listings.ListingText.R("Deals_Title"), "deals", clock.GetUtcNow());

    internal static async Task<Results<Created<DealResponse>, ProblemHttpResult>> ConfirmNegotiatedDeal(
        Guid id, ConfirmDealRequest? request, DealService service, CancellationToken ct)
    {
        var result = await service.ConfirmNegotiatedAsync(id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/exchange/deals/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DealConfirmationPdf(Guid id, DealService service, CancellationToken ct)
    {
        var result = await service.PdfAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.File(result.Value.Pdf, "application/pdf", result.Value.FileName);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Respond<T>(Task<Result<T>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }
}
