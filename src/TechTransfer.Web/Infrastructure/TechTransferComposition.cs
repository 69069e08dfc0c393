using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Components;
using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using TechTransfer.Web.Infrastructure.Security;

namespace TechTransfer.Web.Infrastructure;

/// <summary>
/// The web host's composition: HTTP, authentication, localisation, OpenAPI and the pipeline, on top of the platform's
/// core (<see cref="TechTransferCore.AddTechTransferCore"/>, shared with the admin tool).
/// </summary>
public static class TechTransferComposition
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];
    public const string SmartScheme = "TechTransfer";
    /// <summary>Largest request body (attachments included); Kestrel enforces it for chunked bodies too.</summary>
    public const long MaxRequestBodyBytes = 25 * 1024 * 1024;

    public static string Version { get; } =
        typeof(TechTransferComposition).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>True while Microsoft.Extensions.ApiDescription.Server runs the app at build time to write docs/openapi.json.</summary>
    public static bool IsBuildTimeDocumentGeneration => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static WebApplicationBuilder AddTechTransfer(this WebApplicationBuilder builder)
    {
        builder.Services.AddTechTransferCore(builder.Configuration);

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<TechTransferExceptionHandler>();

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        builder.Services.AddTechTransferSecurity();
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "TechTransfer API";
            doc.Info.Version = "v1";
            doc.Info.Description = "上海科技成果转移转化平台 API · The TechTransfer platform API. Errors are RFC 9457 problem details in zh-CN or en (Accept-Language).";
            return Task.CompletedTask;
        }).AddSchemaTransformer(OpenApiReadOnlyProperties.Transform));
        builder.Services.AddRazorComponents();
        // Pages are sent as UTF-8: Chinese text as characters, not numeric entities (which tripled the page size).
        // WebEncoderOptions covers every encoder resolved through options; the singleton is the one Blazor's renderer takes.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        if (IsBuildTimeDocumentGeneration)
        {
            // The build-time OpenAPI generator starts the host without a migrated database: no module jobs then.
            var moduleAssemblies = PlatformModules.All.Select(m => m.Assembly).ToHashSet();
            foreach (var job in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
                         && (d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType) is { } t && moduleAssemblies.Contains(t.Assembly)).ToList())
                builder.Services.Remove(job);
        }
        return builder;
    }

    public static async Task InitializeTechTransferAsync(this WebApplication app)
    {
        // The build-time OpenAPI generator starts the app without a database: do not touch storage then.
        if (IsBuildTimeDocumentGeneration) return;
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    /// <summary>Darker method and literal colours for the API reference's light theme, so its text meets 4.5:1 contrast.</summary>
    private const string ApiReferenceCss = """
        .light-mode, .light-mode .scalar-app, :root {
          --scalar-color-green: #0a6b2c; --scalar-color-blue: #0b5394; --scalar-color-orange: #9a4a00;
          --scalar-color-red: #a31f1f; --scalar-color-purple: #5b2a86; --scalar-color-yellow: #6e5400;
        }
        .language-json .hljs-literal { color: #0b5394 !important; }
        """;

    public static WebApplication UseTechTransfer(this WebApplication app)
    {
        app.UseTechTransferSecurity();
        app.UseRequestLocalization();
        // API failures are problem details (TechTransferExceptionHandler); a page's unexpected error re-executes /error.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        // A browser GET that ends in an empty 4xx/5xx (an unknown address above all) shows the styled status page with
        // its original status code; API answers keep their problem details.
        app.UseWhen(ctx => HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        // routing after the two re-executing middlewares, so /error and /status/{code} are routed when they re-execute
        app.UseRouting();
        app.UseMiddleware<ApiStatusProblemMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<BearerSessionMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("TechTransfer API").DisableDefaultFonts()
            .ForceLightMode()
            // WCAG 2.1 AA (axe color-contrast): the light theme's JSON literals and HTTP-method colours are too pale on white
            .WithCustomCss(ApiReferenceCss)
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        // Every platform and module endpoint is mapped in this one group, so its filters cover each endpoint, including
        // the next module's: the request-shape check refuses nulls, null list elements and other impossible shapes (422)
        // before any handler runs (docs/architecture.md, Conventions → Validation).
        var endpoints = app.MapGroup("").WithRequestShapeCheck();
        endpoints.MapPlatformEndpoints();
        foreach (var module in PlatformModules.All)
            module.MapEndpoints(endpoints);

        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies(PlatformModules.All.Select(m => m.Assembly).Distinct().ToArray());
        return app;
    }
}
