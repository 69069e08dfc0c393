using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Platform;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Features;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Endpoints;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Search");
        g.MapGet("/search", Search).WithName(nameof(Search)).AllowAnonymous()
            .WithSummary("Search achievements, patents, demands, challenges, open licences and organisations");
        g.MapGet("/search/status", SearchStatus).WithName(nameof(SearchStatus)).RequireAuthorization(p => p.RequireRole(Roles.PlatformAdmin));
        g.MapGet("/demands/{id:guid}/matches", DemandMatches).WithName(nameof(DemandMatches)).RequireAuthorization();
        g.MapGet("/achievements/{id:guid}/matches", AchievementMatches).WithName(nameof(AchievementMatches)).RequireAuthorization();
        g.MapPost("/demands/{id:guid}/matches/feedback", DemandMatchFeedback).WithName(nameof(DemandMatchFeedback)).RequireAuthorization()
            .WithSummary("Mark a match of the caller's organisation's demand useful or not useful (last vote wins)");
        g.MapPost("/achievements/{id:guid}/matches/feedback", AchievementMatchFeedback).WithName(nameof(AchievementMatchFeedback)).RequireAuthorization()
            .WithSummary("Mark a match of the caller's organisation's achievement useful or not useful (last vote wins)");

        foreach (var (prefix, type) in new[] { ("demands", SearchDocumentTypes.Demand), ("achievements", SearchDocumentTypes.Achievement) })
        {
            var name = type == SearchDocumentTypes.Demand ? "Demand" : "Achievement";
            var m = app.MapGroup($"/api/v1/{prefix}/{{id:guid}}/managers").WithTags("Search").RequireAuthorization();
            m.MapGet("/", (Guid id, ManagerAssignmentService s, CancellationToken ct) => ListManagers(type, id, s, ct))
                .WithName($"List{name}Managers").WithSummary("Technology managers assigned to the record (they receive its new-match notifications)");
            m.MapPost("/", (Guid id, AssignManagerRequest? body, ManagerAssignmentService s, CancellationToken ct) => AssignManager(type, id, body, s, ct))
                .WithName($"Assign{name}Manager").WithSummary("Assign a technology manager (demands: platform; achievements: the owning transfer office or the platform)")
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
            m.MapDelete("/{userId:guid}", (Guid id, Guid userId, ManagerAssignmentService s, CancellationToken ct) => UnassignManager(type, id, userId, s, ct))
                .WithName($"Unassign{name}Manager");
        }
    }

    internal static async Task<Results<Ok<List<ManagerAssignmentResponse>>, ProblemHttpResult>> ListManagers(
        string type, Guid id, ManagerAssignmentService service, CancellationToken ct)
    {
        var r = await service.ListAsync(type, id, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Created<ManagerAssignmentResponse>, ProblemHttpResult>> AssignManager(
        string type, Guid id, AssignManagerRequest? body, ManagerAssignmentService service, CancellationToken ct)
    {
        var r = await service.AssignAsync(type, id, body, ct);
        return r.IsFailure ? r.Error!.ToProblem()
            : TypedResults.Created($"/api/v1/{(type == SearchDocumentTypes.Demand ? "demands" : "achievements")}/{id}/managers", r.Value);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> UnassignManager(
        string type, Guid id, Guid userId, ManagerAssignmentService service, CancellationToken ct)
    {
        var r = await service.UnassignAsync(type, id, userId, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.NoContent();
    }

    internal static Results<Ok<SearchResults>, ProblemHttpResult> Search([AsParameters] SearchRequest request, SearchIndex index, ICurrentUser user)
    {
        var query = request.ToQuery();
        if (query.IsFailure) return query.Error!.ToProblem();
        var result = index.Search(query.Value, user);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static Ok<SearchIndexStatus> SearchStatus(SearchIndex index) => TypedResults.Ok(index.Status());

    internal static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> DemandMatches(
        Guid id, int? k, MatchingService matching, CancellationToken ct)
    {
        var r = await matching.MatchAsync(SearchDocumentTypes.Demand, id, MatchingService.ForDemand, k ?? 20, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> AchievementMatches(
        Guid id, int? k, MatchingService matching, CancellationToken ct)
    {
        var r = await matching.MatchAsync(SearchDocumentTypes.Achievement, id, MatchingService.ForAchievement, k ?? 20, ct, ownerOnly: true);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Ok<MatchFeedbackResponse>, ProblemHttpResult>> DemandMatchFeedback(
        Guid id, MatchFeedbackRequest? body, MatchingService matching, CancellationToken ct)
    {
        var r = await matching.RecordFeedbackAsync(SearchDocumentTypes.Demand, id, MatchingService.ForDemand, body, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Ok<MatchFeedbackResponse>, ProblemHttpResult>> AchievementMatchFeedback(
        Guid id, MatchFeedbackRequest? body, MatchingService matching, CancellationToken ct)
    {
        var r = await matching.RecordFeedbackAsync(SearchDocumentTypes.Achievement, id, MatchingService.ForAchievement, body, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }
}
