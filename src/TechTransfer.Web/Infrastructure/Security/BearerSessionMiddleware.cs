using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Runs right after authentication. A request that carries <c>Authorization: Bearer …</c> must carry a valid, unexpired
/// token of a live session (<see cref="UserSessions"/>), or it is answered 401 <c>auth.invalid_token</c> — on every
/// address, also those that allow anonymous callers: a broken token is never silently treated as no token.
/// </summary>
public sealed class BearerSessionMiddleware(RequestDelegate next)
{
    /// <summary>True when the request names the bearer scheme (with or without a token after it).</summary>
    public static bool HasBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext http, UserSessions sessions)
    {
        if (HasBearer(http.Request))
        {
            var result = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
            // the user store is built only when the session's cached answer is renewed, not on every request
            if (!result.Succeeded || !await sessions.IsCurrentAsync(result.Principal, http.RequestServices))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = AuthErrors.InvalidToken.ToProblemDetails(Bilingual.CurrentIsEnglish ? "en" : "zh-CN"),
                });
                return;
            }
        }
        await next(http);
    }
}
