using System.Net;
using System.Net.Http.Json;
using TechTransfer.ApiTests.Infrastructure;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Sign-in throttling per client address (6 in the window here) and per user name (3 here), for the API and the sign-in
/// page. The client address is the one a proxy on loopback (a known proxy) forwards in X-Forwarded-For.
/// </summary>
public abstract class LoginThrottleTests(TechTransferFactory factory)
{
    private static string NewAddress() => $"198.51.100.{Random.Shared.Next(1, 255)}";

    private HttpClient From(string clientAddress)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    [Fact]
    public async Task The_fourth_attempt_for_one_user_name_is_a_429_with_Retry_After_and_a_bilingual_problem()
    {
        var (_, user) = await factory.CreateUserAsync();
        var client = From("198.51.100.10");
        for (var i = 0; i < 3; i++)
            await ProblemAssert.IsProblem(await client.LoginAsync(user, "wrong-Passw0rd!"), HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var refused = await client.LoginAsync(user, RealSignIn.Password);
        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
    }

    [Fact]
    public async Task The_limit_per_user_name_holds_from_any_address()
    {
        var (_, user) = await factory.CreateUserAsync();
        for (var i = 0; i < 3; i++)
            await From($"198.51.100.{20 + i}").LoginAsync(user, "wrong-Passw0rd!");

        await ProblemAssert.IsProblem(await From("198.51.100.29").LoginAsync(user, RealSignIn.Password), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
    }

    [Fact]
    public async Task The_seventh_attempt_from_one_address_is_a_429_even_for_a_new_user_name()
    {
        var client = From("198.51.100.30");
        for (var i = 0; i < 6; i++)
            await ProblemAssert.IsProblem(await client.LoginAsync("nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-Passw0rd!"),
                HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var (_, user) = await factory.CreateUserAsync();
        await ProblemAssert.IsProblem(await client.LoginAsync(user, RealSignIn.Password), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
    }

    [Fact]
    public async Task A_different_user_name_from_another_address_is_not_blocked()
    {
        var (_, blocked) = await factory.CreateUserAsync();
        var attacker = From("198.51.100.40");
        for (var i = 0; i < 4; i++) await attacker.LoginAsync(blocked, "wrong-Passw0rd!");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.LoginAsync(blocked, "wrong-Passw0rd!")).StatusCode);

        var (_, other) = await factory.CreateUserAsync();
        var response = await From("198.51.100.41").LoginAsync(other, RealSignIn.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await RealSignIn.ReadTokensAsync(response)).AccessToken));
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_unknown_proxy_does_not_change_the_throttled_address()
    {
        // the peer is not a known proxy: its X-Forwarded-For is ignored, so every attempt counts against the peer itself
        var client = factory.Anonymous(peer: "203.0.113.50");
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            { Content = JsonContent.Create(new { userName = "nobody" + i + Guid.NewGuid().ToString("N")[..6], password = "wrong-Passw0rd!" }) };
            request.Headers.Add("X-Forwarded-For", NewAddress());
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }
        using var last = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        { Content = JsonContent.Create(new { userName = "nobody-last", password = "wrong-Passw0rd!" }) };
        last.Headers.Add("X-Forwarded-For", NewAddress());
        await ProblemAssert.IsProblem(await client.SendAsync(last), HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
    }

    [Fact]
    public async Task The_sign_in_page_is_throttled_too_and_says_so_on_the_page()
    {
        var (_, user) = await factory.CreateUserAsync();
        var browser = factory.Anonymous(peer: "203.0.113.60", cookies: true);
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.PostLoginFormAsync(user, "wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("用户名或密码错误", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        }

        var refused = await browser.PostLoginFormAsync(user, RealSignIn.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("登录尝试过于频繁", html);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("tt.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limits_that_make_no_sense_stop_the_app_at_start()
    {
        await using var broken = new BrokenLimitsFactory(factory.Provider);
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("PerUserName", error.ToString());
    }

    private sealed class BrokenLimitsFactory(StorageProvider provider)
        : SecurityFactory(provider, "Testing", ("Security:Login:PerUserName", "0"));
}

public sealed class LoginThrottleTests_Sqlite(ThrottleSqliteFactory f) : LoginThrottleTests(f), IClassFixture<ThrottleSqliteFactory>;

[Collection("Postgres")]
public sealed class LoginThrottleTests_Postgres(ThrottlePostgresFactory f) : LoginThrottleTests(f), IClassFixture<ThrottlePostgresFactory>;
