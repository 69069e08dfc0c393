using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace TechTransfer.Web.Infrastructure;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record SetRolesRequest(List<string>? Roles);
public sealed record ResetPasswordRequest(string? NewPassword);
public sealed record MeResponse(Guid UserId, string UserName, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles);
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, List<string>? Roles, Guid? OrganizationId);
public sealed record HealthResponse(string Status, string Storage, string SearchIndex, string Version, string Mode);

internal static class PlatformEndpoints
{
    public static void MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .WithSummary("Sign in: a short-lived bearer token and a refresh token")
            .WithDescription("Throttled per client address and per user name (429 with Retry-After); lockout after 5 failures. The access token lives Security:Sessions:AccessTokenLifetime (5 minutes by default); renew it with /api/v1/auth/refresh.");
        auth.MapPost("/refresh", Refresh).WithName(nameof(Refresh)).AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .WithSummary("Renew the tokens")
            .WithDescription("New tokens for a refresh token, while the account exists, is not locked out and its sessions were not ended (sign-out, password or role change, lockout).");
        auth.MapPost("/logout", ApiLogout).WithName(nameof(ApiLogout)).RequireAuthorization()
            .WithSummary("Sign out everywhere")
            .WithDescription("Ends every session of the caller: its bearer and refresh tokens and its sign-in cookies stop working.");
        auth.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword)).RequireAuthorization()
            .WithSummary("Change my password")
            .WithDescription("Needs the current password. Every session of the caller ends; sign in again with the new password.");
        auth.MapGet("/me", Me).WithName(nameof(Me)).RequireAuthorization();

        app.MapGet("/health", Health).WithTags("Platform").WithName(nameof(Health)).AllowAnonymous();
        app.MapGet("/culture", SetCulture).ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/account/logout", Logout).ExcludeFromDescription().AllowAnonymous();

        var admin = app.MapGroup("/api/v1").WithTags("Platform").RequireAuthorization();
        admin.MapGet("/audit", ListAudit).WithName(nameof(ListAudit))
            .WithSummary("The audit log, filtered (actor, entityType, entityId, action, from/to days), sorted (at, user, action, entityType) and paged")
            .WithDescription("Platform admins read every entry; transfer-office admins the entries about their own organisation's records; others 403.");
        admin.MapGet("/audit/export", ExportAudit).WithName(nameof(ExportAudit))
            .Produces(StatusCodes.Status200OK, contentType: TechTransfer.Platform.Lists.ListExport.ContentType)
            .WithSummary("The audit list's rows as Excel (.xlsx)")
            .WithDescription("Every entry the caller may read that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        admin.MapGet("/workbench", GetWorkbench).WithName(nameof(GetWorkbench))
            .WithSummary("My workbench").WithDescription("What needs the caller (counts, nearest deadline, link to the filtered list), the caller's records by state and the figures of its roles; each module contributes its items.");
        admin.MapGet("/notifications", ListNotifications).WithName(nameof(ListNotifications))
            .WithSummary("My notifications").WithDescription("Newest first unless sorted (sort=createdAt|kind, desc); unread=true for the unread ones only, kind= for one kind, from/to the days they arrived, page/pageSize to page; the total counts the filter.");
        admin.MapGet("/notifications/export", ExportNotifications).WithName(nameof(ExportNotifications))
            .Produces(StatusCodes.Status200OK, contentType: TechTransfer.Platform.Lists.ListExport.ContentType)
            .WithSummary("My notifications as Excel (.xlsx)")
            .WithDescription("Every notification of the caller that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        admin.MapGet("/notifications/unread-count", CountUnreadNotifications).WithName(nameof(CountUnreadNotifications));
        admin.MapPost("/notifications/{id:guid}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead));
        admin.MapPost("/notifications/read-all", MarkAllNotificationsRead).WithName(nameof(MarkAllNotificationsRead));
        admin.MapGet("/notifications/preferences", GetNotificationPreferences).WithName(nameof(GetNotificationPreferences))
            .WithSummary("My e-mail choices per notification kind");
        admin.MapPut("/notifications/preferences", SaveNotificationPreferences).WithName(nameof(SaveNotificationPreferences))
            .WithSummary("Choose which notification kinds also go by e-mail, and the e-mail language (zh-CN or en)");
        admin.MapGet("/users", ListUsers).WithName(nameof(ListUsers));
        admin.MapPost("/users", CreateUser).WithName(nameof(CreateUser));
        admin.MapGet("/users/{id:guid}", GetUser).WithName(nameof(GetUser)).WithSummary("One account").WithDescription("Platform admins.");
        admin.MapPut("/users/{id:guid}", UpdateUser).WithName(nameof(UpdateUser))
            .WithSummary("Edit an account's name, e-mail and organisation")
            .WithDescription("Platform admins. A new organisation ends the account's sessions within a minute. Audited.");
        admin.MapPost("/users/{id:guid}/password", ResetUserPassword).WithName(nameof(ResetUserPassword))
            .WithSummary("Set a new password for an account")
            .WithDescription("Platform admins (not for their own account: use /api/v1/auth/password). The password rules apply; every session of the account ends; the time is audited.");
        admin.MapPost("/users/{id:guid}/lock", LockUser).WithName(nameof(LockUser))
            .WithSummary("Lock an account").WithDescription("Platform admins. Locked until unlocked; its sessions end within a minute.");
        admin.MapPost("/users/{id:guid}/unlock", UnlockUser).WithName(nameof(UnlockUser)).WithSummary("Unlock an account");
        admin.MapPut("/users/{id:guid}/roles", SetUserRoles).WithName(nameof(SetUserRoles))
            .WithSummary("Replace an account's roles").WithDescription("Platform admins. Its sessions end within a minute; the user signs in again with the new roles.");
        admin.MapDelete("/users/{id:guid}", RemoveUser).WithName(nameof(RemoveUser))
            .WithSummary("Remove an account").WithDescription("Platform admins. Its sessions end within a minute; the audit log keeps its id and name.");
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, PasswordSignIn passwords, SignInManager<PlatformUser> signIn)
    {
        var check = await passwords.CheckAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress);
        if (!check.Succeeded)
        {
            if (check.RetryAfter is { } wait) http.Response.Headers.RetryAfter = AuthErrors.RetryAfterSeconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return check.Error!.ToProblem();
        }
        // the bearer handler writes the token response (accessToken, expiresIn, refreshToken)
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(check.User!, isPersistent: false);
        return TypedResults.Empty;
    }

    /// <summary>As Identity's own <c>/refresh</c> (MapIdentityApi), plus the lockout check.</summary>
    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request,
        IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<PlatformUser> signIn, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            return AuthErrors.RefreshTokenRequired.ToProblem();
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
            return AuthErrors.InvalidRefreshToken.ToProblem();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ApiLogout(ICurrentUser caller, UserAdministration users, SignInManager<PlatformUser> signIn)
    {
        var result = await users.EndSessionsAsync(caller.UserId!.Value);
        if (result.IsFailure) return result.Error!.ToProblem();
        await signIn.SignOutAsync(); // a cookie caller's cookie too
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, ICurrentUser caller,
        HttpContext http, PasswordChange passwords)
    {
        var (result, wait) = await passwords.ChangeAsync(caller.UserId!.Value, caller.UserName, http.Connection.RemoteIpAddress,
            request.CurrentPassword, request.NewPassword);
        if (wait is { } w) http.Response.Headers.RetryAfter = AuthErrors.RetryAfterSeconds(w).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
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
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // only a path on this site ("/x", not "//host", "/\host" or "https://…"); anything else goes home
        return Results.LocalRedirect(LocalRedirects.Target(returnUrl));
    }

    /// <summary>The UI's sign-out: ends every session of the user (the stamp changes), not only this browser's cookie.</summary>
    internal static async Task<IResult> Logout(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, SignInManager<PlatformUser> signIn,
        ICurrentUser caller, UserAdministration users)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        if (caller.UserId is { } userId) await users.EndSessionsAsync(userId);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }

    internal static async Task<Results<Ok<PagedResult<AuditEntryDto>>, ProblemHttpResult>> ListAudit(
        [AsParameters] AuditQuery query, AuditLogQueries audit, CancellationToken ct)
    {
        var result = await audit.ListAsync(query, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAudit(
        [AsParameters] AuditQuery query, AuditLogQueries audit, TimeProvider clock, CancellationToken ct) =>
        TechTransfer.Platform.Lists.ListQuery.File(await audit.ExportAsync(query, ct), Components.Admin.AuditListColumns.All,
            Components.Admin.AuditListColumns.R("Nav.Audit"), "audit", clock.GetUtcNow());

    internal static async Task<Results<Ok<PagedResult<NotificationDto>>, ProblemHttpResult>> ListNotifications(
        [AsParameters] NotificationListQuery query, NotificationQueries notifications, CancellationToken ct)
    {
        var r = await notifications.ListAsync(query, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportNotifications(
        [AsParameters] NotificationListQuery query, NotificationQueries notifications, TimeProvider clock, CancellationToken ct) =>
        TechTransfer.Platform.Lists.ListQuery.File(await notifications.ExportAsync(query, ct), Components.Pages.NotificationListColumns.All,
            Components.Admin.AuditListColumns.R("Nav.Notifications"), "notifications", clock.GetUtcNow());

    public sealed record UnreadCountResponse(int Count);
    public sealed record MarkedReadResponse(int Marked);

    internal static async Task<Ok<UnreadCountResponse>> CountUnreadNotifications(NotificationQueries notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountResponse(await notifications.UnreadCountAsync(ct)));

    internal static async Task<Ok<MarkedReadResponse>> MarkAllNotificationsRead(NotificationQueries notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkedReadResponse(await notifications.MarkAllReadAsync(ct)));

    internal static async Task<Results<Ok<NotificationPreferencesResponse>, ProblemHttpResult>> GetNotificationPreferences(NotificationQueries notifications, CancellationToken ct)
    {
        var result = await notifications.PreferencesAsync(ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<Ok<NotificationPreferencesResponse>, ProblemHttpResult>> SaveNotificationPreferences(
        NotificationPreferencesRequest request, NotificationQueries notifications, CancellationToken ct)
    {
        var result = await notifications.SavePreferencesAsync(request, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<Ok<WorkbenchResponse>, ProblemHttpResult>> GetWorkbench(WorkbenchQueries workbench, CancellationToken ct)
    {
        var result = await workbench.GetAsync(ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkNotificationRead(Guid id, NotificationQueries notifications, CancellationToken ct)
    {
        var result = await notifications.MarkReadAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<IReadOnlyList<UserSummary>>, ProblemHttpResult>> ListUsers(UserAdministration users, ICurrentUser caller, CancellationToken ct,
        bool? locked = null, string? role = null)
    {
        Guid? scope;
        if (caller.IsInRole(Roles.PlatformAdmin)) scope = null;
        else if (caller.IsInRole(Roles.InstitutionAdmin) && caller.OrganizationId is { } org) scope = org;
        else return Error.Forbidden.ToProblem();
        var r = await users.ListAsync(scope, new UserFilter(locked, role), ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Created<UserSummary>, ProblemHttpResult>> CreateUser(CreateUserRequest request, UserAdministration users,
        ICurrentUser caller, TechTransferDbContext db, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.PlatformAdmin)) return Error.Forbidden.ToProblem();
        var fields = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName)) fields.Add(UserErrors.UserNameRequired);
        if (string.IsNullOrWhiteSpace(request.Password)) fields.Add(UserErrors.PasswordRequired);
        if (string.IsNullOrWhiteSpace(request.DisplayName)) fields.Add(UserErrors.DisplayNameRequired);
        if (fields.Count > 0) return Error.Validation(fields).ToProblem();
        if (request.OrganizationId is { } orgId && !await db.Set<Organizations.Domain.Organization>().AnyAsync(o => o.Id == orgId, ct))
            return UserErrors.UnknownOrganization.ToProblem();
        var result = await users.CreateAsync(request.UserName!.Trim(), request.DisplayName!.Trim(), request.Password!, request.Roles ?? [], request.OrganizationId, ct);
        if (result.IsFailure) return result.Error!.ToProblem();
        var u = result.Value;
        return TypedResults.Created($"/api/v1/users/{u.Id}", new UserSummary(u.Id, u.UserName!, u.DisplayName, u.OrganizationId, request.Roles ?? [], false));
    }

    internal static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> GetUser(Guid id, UserAdministration users, ICurrentUser caller, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.PlatformAdmin)) return Error.Forbidden.ToProblem();
        var result = await users.GetAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> UpdateUser(Guid id, UserProfile request, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.UpdateAsync(id, request, ct) : Error.Forbidden);

    internal static async Task<Results<NoContent, ProblemHttpResult>> ResetUserPassword(Guid id, ResetPasswordRequest request, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.ResetPasswordAsync(id, request.NewPassword, caller.UserId, ct) : Error.Forbidden);

    internal static async Task<Results<NoContent, ProblemHttpResult>> LockUser(Guid id, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.LockAsync(id, caller.UserId, ct) : Error.Forbidden);

    internal static async Task<Results<NoContent, ProblemHttpResult>> UnlockUser(Guid id, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.UnlockAsync(id, ct) : Error.Forbidden);

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetUserRoles(Guid id, SetRolesRequest request, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.SetRolesAsync(id, request.Roles ?? [], caller.UserId, ct) : Error.Forbidden);

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveUser(Guid id, UserAdministration users, ICurrentUser caller, CancellationToken ct) =>
        ToNoContent(caller.IsInRole(Roles.PlatformAdmin) ? await users.RemoveAsync(id, caller.UserId, ct) : Error.Forbidden);

    private static Results<NoContent, ProblemHttpResult> ToNoContent(Result result) =>
        result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
}
