using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TechTransfer.Data.Identity;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Authentication, sessions, sign-in throttling, forwarded headers, cookies and response headers of the web host
/// (docs/decisions/0004-identity-and-authorisation.md). <see cref="TechTransferComposition"/> calls these.
/// </summary>
public static class SecurityComposition
{
    /// <summary>What the admin tool needs too: the session check that user administration keeps current.</summary>
    public static IServiceCollection AddTechTransferSecurity(this IServiceCollection services)
    {
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UnknownUserPassword>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PasswordChange>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = TechTransferComposition.SmartScheme;
                o.DefaultChallengeScheme = TechTransferComposition.SmartScheme;
            })
            .AddPolicyScheme(TechTransferComposition.SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                BearerSessionMiddleware.HasBearer(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SessionLifetimeOptions>>((o, s) =>
        {
            o.BearerTokenExpiration = s.Value.AccessTokenLifetime;
            o.RefreshTokenExpiration = s.Value.RefreshTokenLifetime;
        });
        // access tokens verified once are reused for at most the revalidation interval (BearerTokenCache)
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TimeProvider, IOptions<SessionLifetimeOptions>>((o, clock, s) =>
            o.BearerTokenProtector = new BearerTokenCache(o.BearerTokenProtector, clock, s));

        // Cookies: Identity's stamp validator, with the lockout rule and the same interval as bearer tokens.
        services.AddScoped<ISecurityStampValidator, PlatformSecurityStampValidator>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionLifetimeOptions>>((o, s) => o.ValidationInterval = s.Value.RevalidationInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "tt.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Every cookie the app sets (auth, antiforgery, culture) is Secure when the request is HTTPS — behind a proxy
        // that is X-Forwarded-Proto from a known proxy, applied first by the forwarded-headers middleware.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, s) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = s.Value.ForwardLimit;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in s.Value.Proxies) o.KnownProxies.Add(proxy);
            foreach (var network in s.Value.Networks) o.KnownIPNetworks.Add(network);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then HSTS (production), headers and the cookie policy.</summary>
    public static WebApplication UseTechTransferSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(ApiReferenceScriptHashMiddleware.Applies, b => b.UseMiddleware<ApiReferenceScriptHashMiddleware>());
        app.UseCookiePolicy();
        return app;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
