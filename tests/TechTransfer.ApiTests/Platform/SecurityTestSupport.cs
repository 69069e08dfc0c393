using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The app as a deployment sees it: each request comes from a TCP peer. The test server has none, so this sets the
/// peer address from <see cref="Header"/> (loopback when absent, as for a proxy on the same machine). The app's
/// forwarded-headers middleware then decides, as in production, whether to believe X-Forwarded-For/-Proto.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(Header, out var value) ? IPAddress.Parse(value.ToString()) : IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}

/// <summary>A factory with real peer addresses and extra settings (limits, environment) for the security tests.</summary>
public abstract class SecurityFactory(StorageProvider provider, string environment, params (string Key, string Value)[] settings)
    : TechTransferFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddTransient<IStartupFilter, TestPeerAddress>();
}

/// <summary>Tight sign-in limits: 6 attempts per address, 3 per user name, in a 15-minute window.</summary>
public sealed class ThrottleSqliteFactory() : SecurityFactory(StorageProvider.Sqlite, "Testing",
    ("Security:Login:PerAddress", "6"), ("Security:Login:PerUserName", "3"), ("Security:Login:Window", "00:15:00"));
public sealed class ThrottlePostgresFactory() : SecurityFactory(StorageProvider.Postgres, "Testing",
    ("Security:Login:PerAddress", "6"), ("Security:Login:PerUserName", "3"), ("Security:Login:Window", "00:15:00"));

/// <summary>Limits out of the way: these tests sign in many times from one address.</summary>
public sealed class SessionSqliteFactory() : SecurityFactory(StorageProvider.Sqlite, "Testing",
    ("Security:Login:PerAddress", "100000"), ("Security:Login:PerUserName", "100000"));
public sealed class SessionPostgresFactory() : SecurityFactory(StorageProvider.Postgres, "Testing",
    ("Security:Login:PerAddress", "100000"), ("Security:Login:PerUserName", "100000"));

public sealed class ProductionSqliteFactory() : SecurityFactory(StorageProvider.Sqlite, "Production");
public sealed class ProductionPostgresFactory() : SecurityFactory(StorageProvider.Postgres, "Production");

public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>Real sign-ins (no test header): accounts, bearer tokens through the API, cookies through the sign-in page.</summary>
public static class RealSignIn
{
    public const string Password = "Str0ng!Passw0rd";

    public static async Task<(Guid Id, string UserName)> CreateUserAsync(this TechTransferFactory factory, string role = Roles.Enterprise)
    {
        var org = await factory.CreateOrganizationAsync();
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var id = await factory.WithDbAsync(async (_, sp) =>
        {
            var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(name, "测试用户", Password, [role], org.Id);
            Assert.True(result.IsSuccess, result.Error?.En);
            return result.Value.Id;
        });
        return (id, name);
    }

    /// <summary>A client of no one, from the given peer address.</summary>
    public static HttpClient Anonymous(this TechTransferFactory factory, string? peer = null, bool cookies = false)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        if (peer is not null) client.DefaultRequestHeaders.Add(TestPeerAddress.Header, peer);
        return client;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    public static async Task<Tokens> SignInAsync(this TechTransferFactory factory, string userName, string password = Password)
    {
        var response = await factory.Anonymous().LoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadTokensAsync(response);
    }

    public static async Task<Tokens> ReadTokensAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Tokens(json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!, json.GetProperty("expiresIn").GetInt32());
    }

    public static HttpClient Bearer(this TechTransferFactory factory, string accessToken)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    public static Task<HttpResponseMessage> RefreshAsync(this TechTransferFactory factory, string refreshToken) =>
        factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary>Fills and posts the sign-in page's form (with its antiforgery token) as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginFormAsync(this HttpClient cookieClient, string userName, string password)
    {
        var page = await cookieClient.GetStringAsync("/account/login");
        var fields = HiddenInputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await cookieClient.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the page and returns the sign-in cookie as a <c>Cookie</c> header value.</summary>
    public static async Task<string> SignInWithCookieAsync(this TechTransferFactory factory, string userName, string password = Password)
    {
        var response = await factory.Anonymous(cookies: true).PostLoginFormAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"sign-in page answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("tt.auth", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(';')]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    public static HttpClient WithCookie(this TechTransferFactory factory, string cookie)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Presses "sign out" in the shell as the holder of <paramref name="cookie"/> would (with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> SignOutInUiAsync(this TechTransferFactory factory, string cookie)
    {
        var home = await factory.WithCookie(cookie).GetAsync("/");
        var fields = HiddenInputs().Matches(await home.Content.ReadAsStringAsync())
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        var antiforgery = home.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(';')]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = fields["__RequestVerificationToken"] }),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery.Prepend(cookie)));
        return await factory.Anonymous().SendAsync(request);
    }

    private static Regex HiddenInputs() => new("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase);
}
