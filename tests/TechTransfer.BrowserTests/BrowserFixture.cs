using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The real platform on a loopback port (Kestrel, SQLite in a temp folder, demo mode so the demo accounts exist) and
/// Debian's Chromium driven by Playwright. One app and one browser per test class; a new context per test.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tt-browser", Guid.NewGuid().ToString("N"));
    private KestrelFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>
    /// Content-Security-Policy violations Chromium reported, per browser context (console errors "Refused to … because it
    /// violates the following Content Security Policy directive"). Pages run under the real policy, nothing is bypassed:
    /// a page that needs an inline script or a foreign resource shows up here, and the fixture fails the test class
    /// when it is disposed with any violation left (see <see cref="DisposeAsync"/>).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IBrowserContext, System.Collections.Concurrent.ConcurrentQueue<string>> _cspViolations = new();

    public IReadOnlyList<string> CspViolationsOf(IPage page) =>
        _cspViolations.TryGetValue(page.Context, out var list) ? list.ToList() : [];

    /// <summary>For a test that provokes a violation on purpose: it has looked at them, they are not left over.</summary>
    public void ForgetCspViolationsOf(IPage page) => _cspViolations.TryRemove(page.Context, out _);
    public string BaseUrl { get; private set; } = "";
    public const string DemoPassword = TechTransfer.Web.Infrastructure.AccountDemoData.Password;
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "tt-screenshots");

    public async Task InitializeAsync()
    {
        _factory = new KestrelFactory(_dataDirectory, Settings);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Configuration a fixture for particular journeys sets on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: the machines are small and often busy; these tests check behaviour, never speed.
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _cspViolations.GetOrAdd(context, _ => new()).Enqueue($"{message.Location}: {message.Text}");
        };
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, true); } catch (IOException) { }
        var left = _cspViolations.Values.SelectMany(v => v).ToList();
        if (left.Count > 0)
            throw new InvalidOperationException("Content-Security-Policy violations on the pages of this test class: " + string.Join(" | ", left));
    }

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory;
        private readonly IReadOnlyDictionary<string, string> _settings;

        public KestrelFactory(string dataDirectory, IReadOnlyDictionary<string, string> settings)
        {
            _dataDirectory = dataDirectory;
            _settings = settings;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Platform:Mode", "Demo");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            // one browser signs in as every demo account many times from 127.0.0.1: the sign-in limits are tested in the API tests
            builder.UseSetting("Security:Login:PerAddress", "100000");
            builder.UseSetting("Security:Login:PerUserName", "100000");
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        }
    }
}

/// <summary>Page-object helpers shared by journeys.</summary>
public static class Journeys
{
    public static async Task SignInAsync(this IPage page, string userName, string password = BrowserFixture.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button.primary").ClickAsync();
        // Signed in when the shell shows the user and the login page is gone. Both are polled assertions: waiting for the
        // redirect's load state (WaitForURLAsync) timed out now and then, after Blazor had already shown the next page.
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
