using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Exchange.Features.Valuation;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Endpoints.Valuation;

/// <summary>The valuation workspace of a listing (确价): the listing side's staff and the exchange operator.</summary>
internal static class ValuationEndpoints
{
    public static void MapValuationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/listings/{id:guid}/valuation").WithTags("Exchange valuation").RequireAuthorization();
        g.MapGet("/", (Guid id, ValuationService s, CancellationToken ct) => Respond(s.GetAsync(id, ct)))
            .WithName("GetListingValuation")
            .WithSummary("The valuation workspace (确价): every approach run (inputs, figures, formula, result, who, when), the chosen value and the R6.3 floor")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/market", (Guid id, ValuationService s, CancellationToken ct) => Respond(s.MarketAsync(id, ct)))
            .WithName("ListingMarketValuation")
            .WithSummary("Market approach as of today, not kept: comparable registered contracts (category, field or IPC subclass, last years), median and IQR shown only with enough comparables");
        g.MapPost("/cost", (Guid id, CostValuationRequest body, ValuationService s, CancellationToken ct) => Created(id, s.RunCostAsync(id, body, ct)))
            .WithName("RunCostValuation").WithSummary("Run and keep the cost approach: replacement cost less physical, functional and economic obsolescence")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/market", (Guid id, MarketValuationRunRequest? body, ValuationService s, CancellationToken ct) => Created(id, s.RunMarketAsync(id, body, ct)))
            .WithName("RunMarketValuation")
            .WithSummary("Run and keep the market approach with a snapshot of its comparables (422 valuation.not_enough_comparables below the threshold)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/income", (Guid id, IncomeValuationRequest body, ValuationService s, CancellationToken ct) => Created(id, s.RunIncomeAsync(id, body, ct)))
            .WithName("RunIncomeValuation")
            .WithSummary("Run and keep the income approach: DCF of the yearly revenue by profit split or royalty relief, life bounded by the patent term")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/choice", (Guid id, ValuationChoiceRequest body, ValuationService s, CancellationToken ct) => Respond(s.ChooseAsync(id, body, ct)))
            .WithName("ChooseListingValuation")
            .WithSummary("Choose the value, on a performed approach, with its rationale; where a valuation is required it is the floor of the price (R6.3)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Respond<T>(Task<Result<T>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<ValuationRunResponse>, ProblemHttpResult>> Created(Guid id, Task<Result<ValuationRunResponse>> task)
    {
        var result = await task;
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/listings/{id}/valuation", result.Value);
    }
}
