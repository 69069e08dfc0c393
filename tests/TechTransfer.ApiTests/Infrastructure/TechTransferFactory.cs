using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TechTransfer.Data;
using TechTransfer.Platform;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Infrastructure;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>
/// The real application in memory on a fresh database of the given provider (SQLite file in a temp folder, or a new
/// PostgreSQL database on the throwaway server of scripts/pg-start.sh). Production mode: no demo data, so every test
/// creates what it needs. Callers are identified by test headers (see <see cref="TestUser"/>), except where a test
/// signs in for real. The clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class TechTransferFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tt-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    protected TechTransferFactory(StorageProvider provider) => Provider = provider;

    public StorageProvider Provider { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    public string DataDirectory => _dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Platform:Mode", "Production");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        // auction tests drive the close job themselves (RunOnceAsync) on the fake clock
        builder.UseSetting("Exchange:Auctions:RunCloseJob", "false");
        if (Provider == StorageProvider.Postgres)
        {
            _postgresDatabase = "tt_test_" + Guid.NewGuid().ToString("N")[..16];
            builder.UseSetting("Storage:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", $"{PostgresServer.ConnectionString};Database={_postgresDatabase}");
        }
        else
        {
            builder.UseSetting("Storage:Provider", "Sqlite");
        }
        // the exception handler logs every refused request at Information; thousands of them (robustness test) hide what matters
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter(typeof(TechTransferExceptionHandler).FullName, LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.PostConfigure<PolicySchemeOptions>(TechTransferComposition.SmartScheme, o =>
            {
                var previous = o.ForwardDefaultSelector!;
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(TestAuthHandler.UserHeader) ? TestAuthHandler.SchemeName : previous(ctx);
            });
            ConfigureServices(services);
        });
    }

    protected virtual void ConfigureServices(IServiceCollection services) { }

    public HttpClient ClientAs(TestUser? user, string language = "zh-CN")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        user?.Apply(client);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the app, as the system user (writes are audited as such).</summary>
    public async Task<T> WithDbAsync<T>(Func<TechTransferDbContext, IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TechTransferDbContext>(), scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<TechTransferDbContext, Task> work) => WithDbAsync<bool>(async (db, _) => { await work(db); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, true); } catch (IOException) { }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer.ConnectionString + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}

public sealed class SqliteFactory() : TechTransferFactory(StorageProvider.Sqlite);
public sealed class PostgresFactory() : TechTransferFactory(StorageProvider.Postgres);

/// <summary>
/// The throwaway PostgreSQL server: <c>TECHTRANSFER_TEST_POSTGRES</c> when set, else the one scripts/pg-start.sh
/// starts (idempotently) on 127.0.0.1:55432. Never skipped: a missing server fails the PostgreSQL tests.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Lazy = new(Start);
    public static string ConnectionString => Lazy.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("TECHTRANSFER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var script = Path.Combine(RepoRoot.Path, "scripts", "pg-start.sh");
        var psi = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"scripts/pg-start.sh failed ({p.ExitCode}): {error}");
        return output.Trim().Split('\n').Last().Trim();
    }
}

public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "TechTransfer.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (TechTransfer.slnx) not found.");
    }
}

/// <summary>A caller for API tests: user id, organisation and roles travel in headers read by <see cref="TestAuthHandler"/>.</summary>
public sealed record TestUser(Guid UserId, string Name, Guid? OrganizationId, params string[] Roles)
{
    public static TestUser Of(string role, Guid? organizationId, string? name = null) =>
        new(Guid.NewGuid(), name ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20], organizationId, role);

    public void Apply(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, UserId.ToString());
        client.DefaultRequestHeaders.Add(TestAuthHandler.NameHeader, Name);
        if (OrganizationId is { } org) client.DefaultRequestHeaders.Add(TestAuthHandler.OrgHeader, org.ToString());
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', Roles));
    }
}

public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string NameHeader = "X-Test-Name";
    public const string OrgHeader = "X-Test-Org";
    public const string RolesHeader = "X-Test-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var h = Request.Headers;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, h[UserHeader].ToString()),
            new(ClaimTypes.Name, h[NameHeader].ToString()),
            new(PlatformClaims.DisplayName, h[NameHeader].ToString()),
        };
        if (h.TryGetValue(OrgHeader, out var org)) claims.Add(new Claim(PlatformClaims.OrganizationId, org.ToString()));
        foreach (var role in h[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
            claims.Add(new Claim(ClaimTypes.Role, role));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
