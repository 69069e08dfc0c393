using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Demands.Features;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Demands.Endpoints.DemandEndpoints;

namespace TechTransfer.Demands.Endpoints;

internal static class ChallengeEndpoints
{
    public static void MapChallengeEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/challenges").WithTags("Challenges");
        open.MapGet("/", ListChallenges).WithName(nameof(ListChallenges)).AllowAnonymous()
            .WithSummary("List challenges (揭榜挂帅 / 创新挑战赛) the caller may see, with filters, sorting and paging");
        open.MapGet("/export", ExportChallenges).WithName(nameof(ExportChallenges)).AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The challenge list's rows as Excel (.xlsx)")
            .WithDescription("Every challenge the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        open.MapGet("/{id:guid}", (Guid id, ChallengeService s, CancellationToken ct) => Respond(s.GetAsync(id, ct))).WithName("GetChallenge").AllowAnonymous();
        open.MapGet("/{id:guid}/awards", (Guid id, ChallengeService s, CancellationToken ct) => Respond(s.ListAwardsAsync(id, ct))).WithName("ListChallengeAwards").AllowAnonymous();

        var group = app.MapGroup("/api/v1/challenges").WithTags("Challenges").RequireAuthorization();
        group.MapPost("/", CreateChallenge).WithName(nameof(CreateChallenge))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", (Guid id, ChallengeRequest body, ChallengeService s, CancellationToken ct) => Respond(s.UpdateAsync(id, body, ct))).WithName("UpdateChallenge");
        group.MapPost("/{id:guid}/publish", (Guid id, VersionRequest? body, ChallengeService s, CancellationToken ct) => Respond(s.PublishAsync(id, body?.Version, ct))).WithName("PublishChallenge");
        group.MapPost("/{id:guid}/cancel", (Guid id, ReasonRequest? body, ChallengeService s, CancellationToken ct) => Respond(s.CancelAsync(id, body, ct))).WithName("CancelChallenge");
        group.MapPost("/{id:guid}/judges", (Guid id, JudgeRequest body, ChallengeService s, CancellationToken ct) => Respond(s.AddJudgeAsync(id, body, ct))).WithName("AddChallengeJudge");
        group.MapDelete("/{id:guid}/judges/{userId:guid}", (Guid id, Guid userId, [FromQuery] int? version, ChallengeService s, CancellationToken ct) =>
            Respond(s.RemoveJudgeAsync(id, userId, version, ct))).WithName("RemoveChallengeJudge");

        group.MapGet("/{id:guid}/applications", (Guid id, ChallengeService s, CancellationToken ct) => Respond(s.ListApplicationsAsync(id, ct))).WithName("ListChallengeApplications");
        group.MapPost("/{id:guid}/applications", ApplyToChallenge).WithName(nameof(ApplyToChallenge))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/applications/{applicationId:guid}/withdraw", (Guid id, Guid applicationId, VersionRequest? body, ChallengeService s, CancellationToken ct) =>
            Respond(s.WithdrawApplicationAsync(id, applicationId, body?.Version, ct))).WithName("WithdrawChallengeApplication");
        group.MapPut("/{id:guid}/applications/{applicationId:guid}/scores", (Guid id, Guid applicationId, ScoreRequest body, ChallengeService s, CancellationToken ct) =>
            Respond(s.ScoreAsync(id, applicationId, body, ct))).WithName("ScoreChallengeApplication");

        group.MapPost("/{id:guid}/awards", (Guid id, VersionRequest? body, ChallengeService s, CancellationToken ct) => Respond(s.AnnounceAsync(id, body?.Version, ct))).WithName("AnnounceChallengeAwards")
            .WithSummary("Announce the result: rank scored applications and award the winners");
        group.MapPost("/{id:guid}/awards/{awardId:guid}/contract", (Guid id, Guid awardId, ContractLinkRequest body, ChallengeService s, CancellationToken ct) =>
            Respond(s.LinkContractAsync(id, awardId, body, ct))).WithName("LinkAwardContract");
    }

    internal static async Task<Results<Ok<PagedResult<ChallengeSummary>>, ProblemHttpResult>> ListChallenges(
        [AsParameters] ChallengeListQuery query, ChallengeService service, CancellationToken ct)
    {
        var result = await service.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportChallenges(
        [AsParameters] ChallengeListQuery query, ChallengeService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.ChallengeListColumns.All, Pages.PageText.R("Challenges"), "challenges", clock.GetUtcNow());

    internal static async Task<Results<Created<ChallengeResponse>, ProblemHttpResult>> CreateChallenge(
        ChallengeRequest request, ChallengeService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/challenges/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> ApplyToChallenge(
        Guid id, ApplicationRequest request, ChallengeService service, CancellationToken ct)
    {
        var result = await service.ApplyAsync(id, request, ct);
        return result.IsFailure ? result.Error!.ToProblem()
            : TypedResults.Created($"/api/v1/challenges/{id}/applications/{result.Value.Id}", result.Value);
    }
}
