using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record MeResponse(Guid UserId, string UserName, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles);
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, List<string>? Roles, Guid? OrganizationId);
public sealed record HealthResponse(string Status, string Storage, string SearchIndex, string Version, string Mode);

/// <summary>Reports the search index state on /health; the search module replaces the default.</summary>
public interface ISearchIndexHealth
{
    string State { get; }
}

internal static class PlatformEndpoints
{
    public static void MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous()
            .WithSummary("Exchange a user name and password for a bearer token (lockout after 5 failures)");
        auth.MapGet("/me", Me).WithName(nameof(Me)).RequireAuthorization();

        app.MapGet("/health", Health).WithTags("Platform").WithName(nameof(Health)).AllowAnonymous();
        app.MapGet("/culture", SetCulture).ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/account/logout", Logout).ExcludeFromDescription().AllowAnonymous();

        var admin = app.MapGroup("/api/v1").WithTags("Platform").RequireAuthorization();
        admin.MapGet("/audit", ListAudit).WithName(nameof(ListAudit));
        admin.MapGet("/notifications", ListNotifications).WithName(nameof(ListNotifications));
        admin.MapPost("/notifications/{id:guid}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead));
        admin.MapGet("/users", ListUsers).WithName(nameof(ListUsers));
        admin.MapPost("/users", CreateUser).WithName(nameof(CreateUser));
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users)
    {
        var fields = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName)) fields.Add(new("userName", "auth.user_name_required", "请输入用户名", "Enter a user name."));
        if (string.IsNullOrEmpty(request.Password)) fields.Add(new("password", "auth.password_required", "请输入密码", "Enter a password."));
        if (fields.Count > 0) return Error.Validation(fields).ToProblem();

        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null) return AuthErrors.InvalidCredentials.ToProblem();
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) return AuthErrors.LockedOut.ToProblem();
        if (!check.Succeeded) return AuthErrors.InvalidCredentials.ToProblem();

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }

    internal static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, UserManager<PlatformUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, user.OrganizationId, roles.OrderBy(r => r).ToList()));
    }

    internal static async Task<Ok<HealthResponse>> Health(TechTransferDbContext db, IServiceProvider sp, Microsoft.Extensions.Options.IOptions<PlatformOptions> options, CancellationToken ct)
    {
        var dbOk = await db.Database.CanConnectAsync(ct);
        var search = sp.GetService<ISearchIndexHealth>()?.State ?? "not-installed";
        return TypedResults.Ok(new HealthResponse(dbOk ? "healthy" : "unhealthy", db.ProviderName, search, TechTransferComposition.Version, options.Value.Mode));
    }

    internal static IResult SetCulture(string? c, string? returnUrl, HttpContext http, TimeProvider clock)
    {
        var culture = c is "en" ? "en" : "zh-CN";
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }

    internal static async Task<IResult> Logout(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, SignInManager<PlatformUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }

    internal static async Task<Results<Ok<PagedResult<AuditEntryDto>>, ProblemHttpResult>> ListAudit(
        [AsParameters] AuditQuery query, AuditLogQueries audit, CancellationToken ct)
    {
        var result = await audit.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Ok<IReadOnlyList<NotificationDto>>> ListNotifications(NotificationQueries notifications, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await notifications.ListAsync(take, ct));

    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkNotificationRead(Guid id, NotificationQueries notifications, CancellationToken ct)
    {
        var result = await notifications.MarkReadAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<IReadOnlyList<UserSummary>>, ProblemHttpResult>> ListUsers(UserAdministration users, ICurrentUser caller, CancellationToken ct)
    {
        if (caller.IsInRole(Roles.PlatformAdmin)) return TypedResults.Ok(await users.ListAsync(null, ct));
        if (caller.IsInRole(Roles.InstitutionAdmin) && caller.OrganizationId is { } org) return TypedResults.Ok(await users.ListAsync(org, ct));
        return Error.Forbidden.ToProblem();
    }

    internal static async Task<Results<Created<UserSummary>, ProblemHttpResult>> CreateUser(CreateUserRequest request, UserAdministration users,
        ICurrentUser caller, TechTransferDbContext db, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.PlatformAdmin)) return Error.Forbidden.ToProblem();
        var fields = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName)) fields.Add(new("userName", "user.user_name_required", "请输入用户名", "Enter a user name."));
        if (string.IsNullOrWhiteSpace(request.Password)) fields.Add(new("password", "user.password_required", "请输入密码", "Enter a password."));
        if (string.IsNullOrWhiteSpace(request.DisplayName)) fields.Add(new("displayName", "user.display_name_required", "请输入姓名", "Enter a display name."));
        if (fields.Count > 0) return Error.Validation(fields).ToProblem();
        if (request.OrganizationId is { } orgId && !await db.Set<Organizations.Domain.Organization>().AnyAsync(o => o.Id == orgId, ct))
            return Error.Validation("organizationId", "user.unknown_organization", "机构不存在", "No such organisation.").ToProblem();
        var result = await users.CreateAsync(request.UserName!.Trim(), request.DisplayName!.Trim(), request.Password!, request.Roles ?? [], request.OrganizationId, ct);
        if (result.IsFailure) return result.Error!.ToProblem();
        var u = result.Value;
        return TypedResults.Created($"/api/v1/users/{u.Id}", new UserSummary(u.Id, u.UserName!, u.DisplayName, u.OrganizationId, request.Roles ?? [], false));
    }
}

public static class AuthErrors
{
    public static readonly Error InvalidCredentials = new("auth.invalid_credentials", "用户名或密码错误", "Wrong user name or password.", Status: 401);
    public static readonly Error LockedOut = new("auth.locked_out", "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试",
        "Too many failed sign-ins; the account is locked for 15 minutes.", Status: 423);
}
