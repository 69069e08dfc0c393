using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TechTransfer.ApiTests.Infrastructure;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// What every page sends: Chinese as UTF-8 characters (not numeric entities), a favicon served by the platform, a
/// styled bilingual 404 page with a way back (the status code kept, API addresses still answered with problem details),
/// and an API reference that loads nothing from another host.
/// </summary>
public abstract partial class PageOutputTests(TechTransferFactory factory)
{
    [Fact]
    public async Task Chinese_text_is_sent_as_utf8_characters_not_numeric_entities()
    {
        var response = await factory.ClientAs(null).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var login = Encoding.UTF8.GetBytes("登录");
        Assert.True(bytes.AsSpan().IndexOf(login) >= 0, "the UTF-8 bytes of 登录 are in the response");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotMatch(CjkEntity(), text);
    }

    [Fact]
    public async Task Favicon_is_served_and_linked()
    {
        var client = factory.ClientAs(null);
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 0, 1, 0], bytes[..4]); // ICO header
        var page = await client.GetStringAsync("/account/login");
        var href = Regex.Match(page, "<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("favicon", href.TrimStart('/'));
        var svg = await client.GetAsync("/" + href.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("zh-CN", "找不到该页面", "首页")]
    [InlineData("en", "Page not found", "Home")]
    public async Task An_unknown_address_shows_the_styled_404_page_with_a_way_back(string language, string title, string home)
    {
        var response = await factory.ClientAs(null, language).GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"status-page\"", html);
        Assert.Contains(title, html);
        Assert.Contains($"<a href=\"/\">{home}</a>", html);
        Assert.Contains("css/site", html); // the platform's layout and styles
    }

    [Fact]
    public async Task An_unknown_api_address_is_still_a_problem_not_the_page()
    {
        var response = await factory.ClientAs(TestUser.Of(TechTransfer.SharedKernel.Roles.PlatformAdmin, null)).GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_reference_loads_nothing_from_another_host()
    {
        var response = await factory.ClientAs(null).GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var external = ExternalReference().Matches(html).Select(m => m.Value).ToList();
        Assert.True(external.Count == 0, "external references: " + string.Join(", ", external));
        // the script it loads is served by the platform
        foreach (Match m in ScriptSource().Matches(html))
        {
            var src = m.Groups[1].Value;
            var script = await factory.ClientAs(null).GetAsync(src.StartsWith('/') ? src : "/api-docs/" + src);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [GeneratedRegex("&#(x[0-9A-Fa-f]{4,5}|\\d{5});")]
    private static partial Regex CjkEntity();

    [GeneratedRegex("(src|href)=\"(https?:)?//[^\"]+\"|@import\\s+url\\((https?:)?//[^)]+\\)|url\\((https?:)?//[^)]+\\)")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}

public sealed class PageOutputTests_Sqlite(SqliteFactory f) : PageOutputTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PageOutputTests_Postgres(PostgresFactory f) : PageOutputTests(f), IClassFixture<PostgresFactory>;
