using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
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

    /// <summary>
    /// WCAG 2.1 AA violations axe-core found, per browser context: every page a journey loads is checked when its load
    /// event fires (<see cref="CheckAccessibilityAsync"/>), and the fixture fails the test class when it is disposed with
    /// any left (<see cref="DisposeAsync"/>). A page the journey leaves before the check ends is not counted as checked.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IBrowserContext, System.Collections.Concurrent.ConcurrentQueue<string>> _axeViolations = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<Task> _axeRuns = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _pagesChecked = new();

    /// <summary>The distinct pages (path, ids replaced by {id}) axe-core checked so far.</summary>
    public IReadOnlyCollection<string> PagesChecked => _pagesChecked.Keys.ToList();

    public IReadOnlyList<string> AccessibilityViolationsOf(IPage page) =>
        _axeViolations.TryGetValue(page.Context, out var list) ? list.ToList() : [];

    /// <summary>For a test that shows a violation on purpose: it has looked at them, they are not left over.</summary>
    public void ForgetAccessibilityViolationsOf(IPage page) => _axeViolations.TryRemove(page.Context, out _);

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechTransfer.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "tests", "TechTransfer.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe-core is missing: run `npm ci --prefix tests/TechTransfer.BrowserTests/axe` (scripts/test.sh does).", path);
    });

    private const string AxeRun = """
        async () => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })));
        }
        """;

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and records what it finds under the page's path.
    /// The script is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAccessibilityAsync(IPage page)
    {
        // one axe run at a time per page: the automatic check of a load and a journey's own check take turns
        var gate = _axeGates.GetOrAdd(page, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try { return await RunAxeAsync(page); }
        finally { gate.Release(); }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, SemaphoreSlim> _axeGates = new();

    private async Task<IReadOnlyList<string>> RunAxeAsync(IPage page)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(new Uri(page.Url).AbsolutePath, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        if (await page.EvaluateAsync<bool>("() => typeof axe === 'undefined'")) await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(AxeRun);
        var found = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(v => $"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} — " +
                         string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
        var queue = _axeViolations.GetOrAdd(page.Context, _ => new());
        foreach (var f in found.Where(f => !queue.Contains(f))) queue.Enqueue(f);
        _pagesChecked[path] = true;
        return found;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, bool> _watched = new();

    private void CheckEveryLoad(IPage page)
    {
        if (_watched.TryAdd(page, true)) page.Load += (_, _) => _axeRuns.Add(CheckQuietlyAsync(page));
    }

    private async Task CheckQuietlyAsync(IPage page)
    {
        try { await CheckAccessibilityAsync(page); }
        catch (PlaywrightException) { } // the journey moved on or closed the page before the check ended: not checked
    }

    public IReadOnlyList<string> CspViolationsOf(IPage page) =>
        _cspViolations.TryGetValue(page.Context, out var list) ? list.ToList() : [];

    /// <summary>For a test that provokes a violation on purpose: it has looked at them, they are not left over.</summary>
    public void ForgetCspViolationsOf(IPage page) => _cspViolations.TryRemove(page.Context, out _);
    public string BaseUrl { get; private set; } = "";
    public const string DemoPassword = TechTransfer.Composition.Accounts.AccountDemoData.Password;
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "tt-screenshots");

    public async Task InitializeAsync()
    {
        _factory = new KestrelFactory(_dataDirectory, Settings, ConfigureServices);
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

    /// <summary>
    /// Services a fixture for particular journeys replaces after the platform's own (test-only: the auction race puts a
    /// <c>FakeTimeProvider</c> in as the business clock, the way the API tests drive time).
    /// </summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    /// <summary>The running platform's services (a journey reads the clock or runs a job the way the API tests do).</summary>
    public IServiceProvider Services => _factory!.Services;

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
        context.Page += (_, p) => CheckEveryLoad(p); // pages the journey opens later (pop-ups, downloads) too
        var page = await context.NewPageAsync();
        CheckEveryLoad(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        // let the last checks finish before the browser goes
        await Task.WhenAny(Task.WhenAll(_axeRuns), Task.Delay(TimeSpan.FromSeconds(30)));
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, true); } catch (IOException) { }
        var left = _cspViolations.Values.SelectMany(v => v).ToList();
        if (left.Count > 0)
            throw new InvalidOperationException("Content-Security-Policy violations on the pages of this test class: " + string.Join(" | ", left));
        var inaccessible = _axeViolations.Values.SelectMany(v => v).Distinct().ToList();
        if (inaccessible.Count > 0)
            throw new InvalidOperationException("WCAG 2.1 AA violations (axe-core) on the pages of this test class: " + string.Join(" | ", inaccessible));
    }

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory;
        private readonly IReadOnlyDictionary<string, string> _settings;
        private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> _services;

        public KestrelFactory(string dataDirectory, IReadOnlyDictionary<string, string> settings,
            Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services)
        {
            _dataDirectory = dataDirectory;
            _settings = settings;
            _services = services;
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
            builder.ConfigureServices(_services);
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
