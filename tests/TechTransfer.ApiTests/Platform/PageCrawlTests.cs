using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using TechTransfer.Data.Identity;
using Xunit.Abstractions;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Renders every page every demo account (and a visitor) can reach, in Chinese and in English, on the demo data, and
/// fails on a raw enum member name, a bare division code or a snake_case code in the visible text, on a 5xx and on a
/// link that leads to a 404; every routable page template must be reached by some account. A planted page proves the
/// crawl catches what it looks for.
/// </summary>
public abstract class PageCrawlTests(PageCrawlTests.DemoFactory factory, ITestOutputHelper output)
{
    /// <summary>Templates no link leads to on purpose, each with its reason.</summary>
    private static readonly Dictionary<string, string> Unlinked = new()
    {
        ["/account/denied"] = "the access-denied page is reached by a redirect, not a link",
        ["/planted-raw"] = "only the planted test serves it",
        ["/error"] = "the exception handler re-executes it (PageOutputTests)",
        ["/status/{Code:int}"] = "status-code pages re-execute it (PageOutputTests)",
    };

    /// <summary>
    /// Findings on pages another engineer of wave 2 is rebuilding, each with its owner; they are printed, not failed,
    /// and the entry goes when the page is replaced. Nothing else may be added here.
    /// </summary>
    private static readonly (string Path, string Code, string Reason)[] HandedOver =
    [
        ("/search", "Lapsed", "search snippets are the document text in the language the match was found in (search UX: engineer charts)"),
        ("/search", "Patent", "search snippets are the document text in the language the match was found in (search UX: engineer charts)"),
        ("/income-distributions/new", "RelatedTaxes", "the deductions line-format text area becomes a row editor (engineer journeys)"),
        ("/income-distributions/new", "MaintenanceCosts", "the deductions line-format text area becomes a row editor (engineer journeys)"),
        ("/income-distributions/new", "DirectTransactionCosts", "the deductions line-format text area becomes a row editor (engineer journeys)"),
    ];

    private static bool IsHandedOver(string finding) =>
        HandedOver.Any(h => finding.Contains($"] {h.Path}", StringComparison.Ordinal) && finding.Contains($"'{h.Code}'", StringComparison.Ordinal));

    public abstract class DemoFactory(StorageProvider provider) : TechTransferFactory(provider)
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, PlantedPage>();
    }

    /// <summary>A page outside the product with a raw enum name, a division code and an error code (only the planted test links to it).</summary>
    private sealed class PlantedPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/planted-raw", a => a.Run(ctx =>
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                return ctx.Response.WriteAsync("<html><body><h1>状态：UnderReview</h1><p title=\"310000\">区域</p><p>contract.not_found</p><a href=\"/no-such-page\">x</a></body></html>");
            }));
            next(app);
        };
    }

    private Task<IReadOnlyList<(string UserName, TestUser? User)>> IdentitiesAsync() => DemoIdentitiesAsync(factory);

    /// <summary>Seeds the demo data and returns a visitor and every demo account.</summary>
    internal static async Task<IReadOnlyList<(string UserName, TestUser? User)>> DemoIdentitiesAsync(DemoFactory factory)
    {
        await factory.WithDbAsync(async (db, sp) =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(CancellationToken.None);
            return true;
        });
        RawText.AddCodes(await factory.WithDbAsync((db, _) => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.ShortName()).Where(n => n.Length > 3).ToList())));
        var users = await factory.WithDbAsync((db, _) => db.Set<PlatformUser>().ToListAsync());
        var list = new List<(string, TestUser?)> { ("(visitor)", null) };
        foreach (var (userName, _, role, _) in AccountDemoData.Accounts)
        {
            var u = users.Single(x => x.UserName == userName);
            list.Add((userName, new TestUser(u.Id, userName, u.OrganizationId, role)));
        }
        return list;
    }

    internal static IReadOnlyList<RouteTemplate> Templates() =>
        PageCrawl.TemplatesOf(PlatformModules.All.Select(m => m.Assembly).Append(typeof(Program).Assembly));

    [Fact]
    public async Task Every_page_for_every_role_in_both_languages_shows_labels_not_raw_enum_names_or_codes()
    {
        var identities = await IdentitiesAsync();
        var templates = Templates();
        var failures = new List<string>();
        var visited = new HashSet<string>();
        var pages = 0;
        foreach (var (name, user) in identities)
            foreach (var language in new[] { "zh-CN", "en" })
            {
                var crawl = new PageCrawl(factory.ClientAs(user, language), language, templates);
                await crawl.RunAsync(["/", .. StartPages]);
                failures.AddRange(crawl.Failures.Select(f => $"{name} {f}"));
                visited.UnionWith(crawl.VisitedTemplates);
                pages += crawl.PagesChecked;
            }
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "page-crawl-findings.txt"), failures);
        foreach (var f in failures.Where(IsHandedOver).Select(f => f.Split(" in «")[0]).Distinct()) output.WriteLine("handed over: " + f);
        failures.RemoveAll(IsHandedOver);
        output.WriteLine($"{pages} pages checked, {visited.Count} of {templates.Count} templates");
        var unreached = templates.Select(t => t.Template).Where(t => !visited.Contains(t) && !Unlinked.ContainsKey(t)).ToList();
        Assert.True(failures.Count == 0 && unreached.Count == 0,
            $"{failures.Count} findings:\n{string.Join("\n", failures.Distinct().Take(200))}\nTemplates no account reached: {string.Join(", ", unreached)}");
    }

    /// <summary>Pages entered by typing or from a form rather than a link; the drafts list, where a draft demand's edit page is linked.</summary>
    private static readonly string[] StartPages = ["/account/login", "/account/password", "/demands?status=Draft"];

    [Fact]
    public async Task The_crawl_catches_a_planted_raw_enum_name_division_code_error_code_and_dead_link()
    {
        await IdentitiesAsync();
        var crawl = new PageCrawl(factory.ClientAs(null), "zh-CN", Templates());
        await crawl.RunAsync(["/planted-raw"]);
        Assert.Contains(crawl.Failures, f => f.Contains("raw enum name 'UnderReview'"));
        Assert.Contains(crawl.Failures, f => f.Contains("bare division code '310000'"));
        Assert.Contains(crawl.Failures, f => f.Contains("raw code 'contract.not_found'"));
        Assert.Contains(crawl.Failures, f => f.Contains("/no-such-page") && f.Contains("404"));
        // the English crawl still catches a multi-word member name; a one-word one is its own English label
        Assert.NotEmpty(RawText.Find("Status: UnderReview", "en"));
        Assert.Empty(RawText.Find("Status: Draft", "en"));
        Assert.NotEmpty(RawText.Find("状态：Draft", "zh-CN"));
        Assert.NotEmpty(RawText.Find("规则：National-2026", "en"));
        Assert.NotEmpty(RawText.Find("操作：Modified", "zh-CN"));
    }
}

public sealed class DemoSqliteFactory() : PageCrawlTests.DemoFactory(StorageProvider.Sqlite);
public sealed class DemoPostgresFactory() : PageCrawlTests.DemoFactory(StorageProvider.Postgres);

public sealed class PageCrawlTests_Sqlite(DemoSqliteFactory f, ITestOutputHelper o) : PageCrawlTests(f, o), IClassFixture<DemoSqliteFactory>;

[Collection("Postgres")]
public sealed class PageCrawlTests_Postgres(DemoPostgresFactory f, ITestOutputHelper o) : PageCrawlTests(f, o), IClassFixture<DemoPostgresFactory>;
