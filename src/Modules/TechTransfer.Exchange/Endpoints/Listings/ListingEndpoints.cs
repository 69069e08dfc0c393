using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Exchange.Features.Listings;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Endpoints.Listings;

internal static class ListingEndpoints
{
    public static void MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/listings").WithTags("Exchange listings");
        open.MapGet("/", ListListings).WithName(nameof(ListListings)).AllowAnonymous()
            .WithSummary("Listings (挂牌) the caller may see: published ones for everyone, the caller's own, and for the exchange operator every submitted one");
        open.MapGet("/export", ExportListings).WithName(nameof(ExportListings)).RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The listing list's rows as Excel (.xlsx)")
            .WithDescription("Every listing the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        open.MapGet("/{id:guid}", GetListing).WithName(nameof(GetListing)).AllowAnonymous();
        open.MapPost("/{id:guid}/objections", RaiseObjection).WithName(nameof(RaiseObjection)).AllowAnonymous()
            .WithSummary("Raise an objection through a negotiated price's public notice (公示异议, R6.2), while the notice runs")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);

        var g = app.MapGroup("/api/v1/listings").WithTags("Exchange listings").RequireAuthorization();
        g.MapPost("/", CreateListing).WithName(nameof(CreateListing))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPut("/{id:guid}", UpdateListing).WithName(nameof(UpdateListing))
            .WithSummary("Change the terms; a published listing goes back to review and its period and notice restart (R6.8)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/{id:guid}/submit", (Guid id, VersionRequest? body, ListingService s, CancellationToken ct) => Respond(s.SubmitAsync(id, body?.Version, ct)))
            .WithName("SubmitListing");
        g.MapPost("/{id:guid}/approve", (Guid id, ListingCommentRequest? body, ListingService s, CancellationToken ct) => Respond(s.ApproveAsync(id, body, ct)))
            .WithName("ApproveListing").WithSummary("The exchange operator publishes a listing in review");
        g.MapPost("/{id:guid}/rectify", (Guid id, ListingReasonRequest? body, ListingService s, CancellationToken ct) => Respond(s.RectifyAsync(id, body, ct)))
            .WithName("RectifyListing").WithSummary("The exchange operator returns a listing for rectification, with reasons");
        g.MapPost("/{id:guid}/reject", (Guid id, ListingReasonRequest? body, ListingService s, CancellationToken ct) => Respond(s.RejectAsync(id, body, ct)))
            .WithName("RejectListing").WithSummary("The exchange operator refuses a listing, with reasons");
        g.MapPost("/{id:guid}/extend", (Guid id, ListingExtensionRequest? body, ListingService s, CancellationToken ct) => Respond(s.ExtendAsync(id, body, ct)))
            .WithName("ExtendListing").WithSummary("Extend the listing period by working days (R6.8)");
        g.MapPost("/{id:guid}/withdraw", (Guid id, ListingReasonRequest? body, ListingService s, CancellationToken ct) => Respond(s.WithdrawAsync(id, body, ct)))
            .WithName("WithdrawListing");
        g.MapPost("/{id:guid}/related-party", (Guid id, RelatedPartyRequest? body, ListingService s, CancellationToken ct) => Respond(s.MarkRelatedPartyAsync(id, body, ct)))
            .WithName("MarkListingRelatedParty")
            .WithSummary("Flag a deal between the institution and a company of its own completers as related-party (关联交易) with its approval reference; the deal is not confirmed without it");
        g.MapPost("/{id:guid}/objections/{objectionId:guid}/decision",
                (Guid id, Guid objectionId, ObjectionDecisionRequest? body, ListingService s, CancellationToken ct) => Respond(s.DecideObjectionAsync(id, objectionId, body, ct)))
            .WithName("DecideObjection").WithSummary("The exchange operator dismisses an objection or upholds it (listing withdrawn or returned to be re-priced)");
        g.MapPost("/{id:guid}/nda", (Guid id, NdaRequest? body, ListingService s, CancellationToken ct) => Respond(s.SignNdaAsync(id, body, ct)))
            .WithName("SignListingNda").WithSummary("Record the caller organisation's acceptance of the listing's non-disclosure terms");
        g.MapPost("/{id:guid}/confidential", (Guid id, ListingService s, CancellationToken ct) => Respond(s.ReadConfidentialAsync(id, ct)))
            .WithName("OpenListingConfidential").WithSummary("Open the confidential details, after a recorded NDA; every opening is logged (hence a POST)");
    }

    internal static async Task<Results<Ok<PagedResult<ListingSummary>>, ProblemHttpResult>> ListListings(
        [AsParameters] ListingListQuery query, ListingService service, CancellationToken ct)
    {
        var result = await service.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportListings(
        [AsParameters] ListingListQuery query, ListingService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.Listings.ListingListColumns.All, Pages.Listings.ListingText.R("Listings_Title"), "listings", clock.GetUtcNow());

    internal static Task<Results<Ok<ListingResponse>, ProblemHttpResult>> GetListing(Guid id, ListingService service, CancellationToken ct) =>
        Respond(service.GetAsync(id, ct));

    internal static async Task<Results<Created<ListingResponse>, ProblemHttpResult>> CreateListing(
        ListingRequest request, ListingService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/listings/{result.Value.Id}", result.Value);
    }

    internal static Task<Results<Ok<ListingResponse>, ProblemHttpResult>> UpdateListing(
        Guid id, ListingRequest request, ListingService service, CancellationToken ct) => Respond(service.UpdateAsync(id, request, ct));

    internal static async Task<Results<Created<ObjectionResponse>, ProblemHttpResult>> RaiseObjection(
        Guid id, ObjectionRequest? request, ListingService service, CancellationToken ct)
    {
        var result = await service.ObjectAsync(id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/listings/{id}", result.Value);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Respond<T>(Task<Result<T>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }
}
