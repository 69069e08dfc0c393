using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The pages work under the real Content-Security-Policy (scripts only from this origin, the API reference's one
/// inline script by hash) — Chromium reports no violation on any page a visitor or an administrator can reach.
/// </summary>
public sealed class ContentSecurityPolicyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task No_page_of_a_visitor_or_an_administrator_violates_the_policy()
    {
        var page = await browser.NewPageAsync();
        foreach (var path in new[] { "/", "/account/login", "/search?q=%E9%94%82%E7%94%B5%E6%B1%A0" })
            await VisitAsync(page, path);

        await page.SignInAsync("admin");
        var links = await page.Locator("nav.sidenav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(links.Length >= 8, $"only {links.Length} navigation links: {string.Join(", ", links)}");
        foreach (var path in links.Where(l => !l.StartsWith("/api-docs", StringComparison.Ordinal)).Distinct())
            await VisitAsync(page, path);

        // the API reference renders with its configuration script allowed by hash and no fonts from elsewhere
        await VisitAsync(page, "/api-docs/");
        await Assertions.Expect(page.GetByText("TechTransfer API").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Organizations").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("api-docs-under-csp");

        Assert.Empty(browser.CspViolationsOf(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_inline_script_put_into_a_page_is_refused_and_reported()
    {
        var page = await browser.NewPageAsync();
        await VisitAsync(page, "/account/login");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
        await page.WaitForTimeoutAsync(500);

        Assert.Null(await page.EvaluateAsync<bool?>("() => window.injected ?? null"));
        Assert.Contains(browser.CspViolationsOf(page), v => v.Contains("script-src", StringComparison.Ordinal));
        browser.ForgetCspViolationsOf(page);
        await page.Context.CloseAsync();
    }
}
