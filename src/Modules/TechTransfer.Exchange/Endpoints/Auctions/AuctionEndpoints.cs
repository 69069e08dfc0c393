using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Endpoints.Auctions;

internal static class AuctionEndpoints
{
    public static void MapAuctionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auctions").WithTags("Auctions").RequireAuthorization();
        group.MapPost("/", CreateAuction).WithName(nameof(CreateAuction))
            .WithSummary("Open (announce) an auction lot — exchange operator (R6.3)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAuctions).WithName(nameof(ListAuctions)).WithSummary("List auction lots by phase, with filters, sorting and paging");
        group.MapGet("/export", ExportAuctions).WithName(nameof(ExportAuctions))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The auction list's rows as Excel (.xlsx)")
            .WithDescription("Every lot that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        group.MapGet("/{id:guid}", (Guid id, AuctionService s, CancellationToken ct) => Respond(s.GetAsync(id, ct))).WithName("GetAuction")
            .WithSummary("A lot at this instant: phase, high bid, effective close, next valid amounts, my status");
        group.MapGet("/{id:guid}/bids", ListAuctionBids).WithName(nameof(ListAuctionBids))
            .WithSummary("The bid log (R6.6): accepted bids; the operator also sees refused bids and bidders");
        group.MapPost("/{id:guid}/registrations", RegisterForAuction).WithName(nameof(RegisterForAuction))
            .WithSummary("Register to bid; the deposit is recorded as held (R6.3)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/bids", PlaceBid).WithName(nameof(PlaceBid))
            .WithSummary("Place a bid: the current high plus a whole multiple of the increment (R6.4, R6.5)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawAuctionRequest body, AuctionService s, CancellationToken ct) => Respond(s.WithdrawAsync(id, body, ct)))
            .WithName("WithdrawAuction").WithSummary("Withdraw a lot before bidding starts — exchange operator");
        group.MapPost("/{id:guid}/winner-default", (Guid id, WinnerDefaultRequest body, AuctionService s, CancellationToken ct) => Respond(s.DeclareWinnerDefaultAsync(id, body, ct)))
            .WithName("DeclareWinnerDefault")
            .WithSummary("Declare the winner in default — exchange operator: deposit forfeited; offer to the next bidder or re-auction [CFG]");
    }

    internal static async Task<Results<Created<AuctionResponse>, ProblemHttpResult>> CreateAuction(
        CreateAuctionRequest request, AuctionService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/auctions/{result.Value.Id}", result.Value);
    }

    internal static Task<Results<Ok<PagedResult<AuctionSummary>>, ProblemHttpResult>> ListAuctions(
        [AsParameters] AuctionListQuery query, AuctionService service, CancellationToken ct) => Respond(service.ListAsync(query, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAuctions(
        [AsParameters] AuctionListQuery query, AuctionService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.Auctions.AuctionListColumns.All, Pages.Listings.ListingText.R("Auction_ListTitle"), "auctions", clock.GetUtcNow());

    internal static Task<Results<Ok<PagedResult<BidLine>>, ProblemHttpResult>> ListAuctionBids(
        Guid id, [AsParameters] BidLogQuery query, AuctionService service, CancellationToken ct) => Respond(service.BidLogAsync(id, query, ct));

    internal static async Task<Results<Created<RegistrationResponse>, ProblemHttpResult>> RegisterForAuction(
        Guid id, AuctionRegistrationRequest request, AuctionService service, CancellationToken ct)
    {
        var result = await service.RegisterAsync(id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/auctions/{id}/registrations/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Created<BidResponse>, ProblemHttpResult>> PlaceBid(
        Guid id, BidRequest request, ICurrentUser user, AuctionWriter writer, CancellationToken ct)
    {
        var result = await AuctionService.BidAsync(user, writer, id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/auctions/{id}/bids?sequence={result.Value.Sequence}", result.Value);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Respond<T>(Task<Result<T>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }
}
