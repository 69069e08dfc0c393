using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Platform;
using TechTransfer.Settlement.Features;
using TechTransfer.SharedKernel;

namespace TechTransfer.Settlement.Endpoints;

internal static class SettlementEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static void MapSettlementEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/deals/{id:guid}/settlement").WithTags("Settlement").RequireAuthorization();
        g.MapGet("/", GetDealSettlement).WithName(nameof(GetDealSettlement))
            .WithSummary("A deal's money (结算): accounts and balances, the journal of transfers, the payment schedule and whether the journal reconciles — for the deal's parties, the exchange operator and platform admins");
        g.MapPost("/payments", RecordSettlementPayment).WithName(nameof(RecordSettlementPayment))
            .WithSummary("The exchange operator records a buyer payment received by the bank into the deal's escrow (Idempotency-Key header required)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/payouts", RecordSettlementPayout).WithName(nameof(RecordSettlementPayout))
            .WithSummary("The exchange operator releases part of the price from escrow to the seller, less the seller's commission; both sides' commission to the exchange (R6.6), optionally a broker's share (Idempotency-Key header required)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/refunds", RecordSettlementRefund).WithName(nameof(RecordSettlementRefund))
            .WithSummary("The exchange operator moves money in escrow to the buyer's refund account (Idempotency-Key header required)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/transfers/{transferId:guid}/reverse", ReverseSettlementTransfer).WithName(nameof(ReverseSettlementTransfer))
            .WithSummary("The exchange operator corrects a posted transfer by a new reversing transfer (once; never an edit), with the reason (Idempotency-Key header required)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);

        var lots = app.MapGroup("/api/v1/auctions/{id:guid}/deposits").WithTags("Settlement").RequireAuthorization();
        lots.MapGet("/", GetLotDeposits).WithName(nameof(GetLotDeposits))
            .WithSummary("A lot's bidder deposits (保证金): what the auction rules say, where the ledger has each (held, released, applied to the price, forfeited) and the release deadline — every row for the exchange operator, a bidder's own row for a bidder");
        lots.MapPost("/", RecordLotDeposit).WithName(nameof(RecordLotDeposit))
            .WithSummary("The exchange operator records a registered bidder's deposit received by the bank; it is held (a pending transfer) until the deposit job releases, applies or forfeits it (Idempotency-Key header required)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<Ok<LotDepositsView>, ProblemHttpResult>> GetLotDeposits(Guid id, SettlementService s, CancellationToken ct)
    {
        var result = await s.GetLotDepositsAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static Task<Results<Created<TransferResponse>, ProblemHttpResult>> RecordLotDeposit(
        Guid id, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, RecordDepositRequest? body, SettlementService s, HttpContext http, CancellationToken ct) =>
        Respond($"/api/v1/auctions/{id}/deposits", s.RecordDepositAsync(id, idempotencyKey, body, ct), http);

    internal static async Task<Results<Ok<SettlementView>, ProblemHttpResult>> GetDealSettlement(Guid id, SettlementService s, CancellationToken ct)
    {
        var result = await s.GetAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static Task<Results<Created<TransferResponse>, ProblemHttpResult>> RecordSettlementPayment(
        Guid id, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, PaymentRequest? body, SettlementService s, HttpContext http, CancellationToken ct) =>
        Respond($"/api/v1/deals/{id}/settlement", s.RecordPaymentAsync(id, idempotencyKey, body, ct), http);

    internal static Task<Results<Created<TransferResponse>, ProblemHttpResult>> RecordSettlementPayout(
        Guid id, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, PayoutRequest? body, SettlementService s, HttpContext http, CancellationToken ct) =>
        Respond($"/api/v1/deals/{id}/settlement", s.PayOutAsync(id, idempotencyKey, body, ct), http);

    internal static Task<Results<Created<TransferResponse>, ProblemHttpResult>> RecordSettlementRefund(
        Guid id, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, RefundRequest? body, SettlementService s, HttpContext http, CancellationToken ct) =>
        Respond($"/api/v1/deals/{id}/settlement", s.RefundAsync(id, idempotencyKey, body, ct), http);

    internal static Task<Results<Created<TransferResponse>, ProblemHttpResult>> ReverseSettlementTransfer(
        Guid id, Guid transferId, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ReverseRequest? body, SettlementService s, HttpContext http, CancellationToken ct) =>
        Respond($"/api/v1/deals/{id}/settlement", s.ReverseAsync(id, transferId, idempotencyKey, body, ct), http);

    /// <summary>201 with the transfer; a replay answers the stored response again, marked <c>Idempotent-Replayed: true</c>.</summary>
    private static async Task<Results<Created<TransferResponse>, ProblemHttpResult>> Respond(string location, Task<Result<CommandOutcome>> task, HttpContext http)
    {
        var result = await task;
        if (result.IsFailure) return result.Error!.ToProblem();
        if (result.Value.Replayed) http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Created(location, result.Value.Response);
    }
}
