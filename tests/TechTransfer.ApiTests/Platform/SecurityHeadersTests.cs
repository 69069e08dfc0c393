using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Response headers on every kind of response, Secure cookies behind a TLS-terminating proxy, HSTS only in production,
/// and the language switch's return address that never leaves the site.
/// </summary>
public abstract class SecurityHeadersTests(TechTransferFactory factory)
{
    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"][0]);
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_page_carries_the_security_headers()
    {
        var response = await factory.Anonymous().GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_page_carries_the_security_headers()
    {
        var (_, user) = await factory.CreateUserAsync();
        var response = await factory.WithCookie(await factory.SignInWithCookieAsync(user)).GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_api_json_response_carries_the_security_headers()
    {
        var response = await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_problem_response_carries_the_security_headers()
    {
        var response = await factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid())).GetAsync("/api/v1/no-such-thing");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "route.not_found");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_static_file_carries_the_security_headers()
    {
        var response = await factory.Anonymous().GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_api_reference_allows_its_own_inline_script_by_hash_and_nothing_else_inline()
    {
        var response = await factory.Anonymous().GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        var html = await response.Content.ReadAsStringAsync();
        var inline = Regex.Matches(html, "<script(?<a>[^>]*)>(?<b>.*?)</script>", RegexOptions.Singleline)
            .Where(m => !m.Groups["a"].Value.Contains("src=", StringComparison.Ordinal)).Select(m => m.Groups["b"].Value).ToList();
        Assert.NotEmpty(inline);
        var scriptSources = Regex.Match(Assert.Single(response.Headers.GetValues("Content-Security-Policy")), "script-src ([^;]*)").Groups[1].Value.Split(' ');
        foreach (var script in inline)
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", scriptSources);
        Assert.Equal(inline.Distinct().Count() + 1, scriptSources.Length);

        var file = await factory.Anonymous().GetAsync("/api-docs/scalar.aspnetcore.js");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.DoesNotContain("sha256", Assert.Single(file.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Cookies_are_Secure_when_a_known_proxy_forwards_https()
    {
        var client = factory.Anonymous(); // the peer is loopback: a proxy on the same machine
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var culture = await client.GetAsync("/culture?c=en&returnUrl=/");
        Assert.Contains("secure", SetCookie(culture, ".AspNetCore.Culture"), StringComparison.OrdinalIgnoreCase);
        var page = await client.GetAsync("/account/login");
        Assert.Contains("secure", SetCookie(page, ".AspNetCore.Antiforgery"), StringComparison.OrdinalIgnoreCase);
        var (_, user) = await factory.CreateUserAsync();
        var signIn = await CookieSignInOverHttpsAsync(client, user);
        Assert.Contains("secure", SetCookie(signIn, "tt.auth"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", SetCookie(signIn, "tt.auth"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookies_are_not_marked_Secure_when_an_unknown_address_claims_https()
    {
        var client = factory.Anonymous(peer: "203.0.113.70");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var culture = await client.GetAsync("/culture?c=en&returnUrl=/");
        Assert.DoesNotContain("secure", SetCookie(culture, ".AspNetCore.Culture"), StringComparison.OrdinalIgnoreCase);
        var page = await client.GetAsync("/account/login");
        Assert.DoesNotContain("secure", SetCookie(page, ".AspNetCore.Antiforgery"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HSTS_is_not_sent_outside_production()
    {
        var client = factory.Anonymous();
        client.BaseAddress = new Uri("http://techtransfer.example.cn");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/%5Cexample.org")]
    [InlineData("/%5C%5Cexample.org")]
    [InlineData("//evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%5C/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("http:evil.example")]
    [InlineData("evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task The_language_switch_never_sends_anyone_off_site(string returnUrl)
    {
        var response = await factory.Anonymous().GetAsync($"/culture?c=en&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(".AspNetCore.Culture", SetCookie(response, ".AspNetCore.Culture"));
    }

    [Theory]
    [InlineData("/achievements", "/achievements")]
    [InlineData("/search%3Fq%3D%E9%94%82%E7%94%B5%E6%B1%A0", "/search?q=锂电池")]
    [InlineData("/%E9%94%82%E7%94%B5%E6%B1%A0", "/锂电池")]
    [InlineData("/", "/")]
    public async Task The_language_switch_returns_to_the_page_it_came_from(string returnUrl, string expected)
    {
        var response = await factory.Anonymous().GetAsync($"/culture?c=zh-CN&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.All(location, ch => Assert.True(ch < 0x80, $"non-ASCII in Location {location}"));
        Assert.Equal(expected, Uri.UnescapeDataString(location));
    }

    internal static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(name, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no {name} cookie among: {string.Join(" | ", cookies)}")
            : throw new Xunit.Sdk.XunitException($"no Set-Cookie at all (status {(int)response.StatusCode})");

    private static async Task<HttpResponseMessage> CookieSignInOverHttpsAsync(HttpClient httpsClient, string user)
    {
        // the antiforgery cookie is Secure now, so the plain-http test client will not send it back by itself
        var page = await httpsClient.GetAsync("/account/login");
        var antiforgery = SetCookie(page, ".AspNetCore.Antiforgery");
        var html = await page.Content.ReadAsStringAsync();
        var fields = Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*name=\"(?<n>[^\"]+)\"[^>]*value=\"(?<v>[^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["n"].Value), m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        fields["Input.UserName"] = user;
        fields["Input.Password"] = RealSignIn.Password;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", antiforgery[..antiforgery.IndexOf(';')]);
        var response = await httpsClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response;
    }
}

public sealed class SecurityHeadersTests_Sqlite(SessionSqliteFactory f) : SecurityHeadersTests(f), IClassFixture<SessionSqliteFactory>;

[Collection("Postgres")]
public sealed class SecurityHeadersTests_Postgres(SessionPostgresFactory f) : SecurityHeadersTests(f), IClassFixture<SessionPostgresFactory>;

/// <summary>In production (HTTPS terminated by a known proxy) the platform sends HSTS; over plain HTTP it does not.</summary>
public abstract class ProductionSecurityTests(TechTransferFactory factory)
{
    private HttpClient Client(bool https)
    {
        var client = factory.Anonymous();
        client.BaseAddress = new Uri("http://techtransfer.example.cn");
        if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    [Fact]
    public async Task HSTS_is_sent_in_production_over_https()
    {
        var response = await Client(https: true).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task HSTS_is_sent_on_api_responses_in_production_too()
    {
        var response = await Client(https: true).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HSTS_is_not_sent_over_plain_http()
    {
        var response = await Client(https: false).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class ProductionSecurityTests_Sqlite(ProductionSqliteFactory f) : ProductionSecurityTests(f), IClassFixture<ProductionSqliteFactory>;

[Collection("Postgres")]
public sealed class ProductionSecurityTests_Postgres(ProductionPostgresFactory f) : ProductionSecurityTests(f), IClassFixture<ProductionPostgresFactory>;
