using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Patents;

/// <summary>The demo dataset loads on both databases with open licences and custody agreements in every state, and the pages render it.</summary>
public abstract class PatentsDemoAndPagesTests(TechTransferFactory factory)
{
    private async Task SeedAsync()
    {
        await factory.WithDbAsync(async (db, sp) =>
        {
            if (!await db.Set<Patent>().AnyAsync()) await sp.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(CancellationToken.None);
            return true;
        });
    }

    /// <summary>The page's text (Blazor HTML-encodes non-ASCII characters).</summary>
    private static async Task<string> Page(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private Task<(Guid Fudan, Guid Lvneng)> OrgsAsync() => factory.WithDbAsync(async (db, _) =>
    {
        var d = await db.Set<OpenLicenseDeclaration>().FirstAsync(x => x.Status == OpenLicenseStatus.Active && x.Grants.Count > 2);
        return (d.PatenteeOrganizationId, d.Grants.First().LicenseeOrganizationId);
    });

    [Fact]
    public async Task Demo_data_has_open_licences_and_custody_in_every_state()
    {
        await SeedAsync();
        var statuses = await factory.WithDbAsync((db, _) => db.Set<OpenLicenseDeclaration>().Select(d => d.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<OpenLicenseStatus>().Length, statuses.Count);
        var custody = await factory.WithDbAsync((db, _) => db.Set<CustodyAgreement>().Select(c => c.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<CustodyStatus>().Length, custody.Count);

        var publicList = await factory.ClientAs(null).GetFromJsonAsync<JsonElement>("/api/v1/open-licenses?status=Active");
        Assert.Equal(2, publicList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Public_catalogue_page_lists_active_open_licences_in_both_languages()
    {
        await SeedAsync();
        var zh = await Page(factory.ClientAs(null), "/open-licenses");
        Assert.Contains("一种基于深度学习的锂电池极片缺陷检测方法", zh);
        Assert.Contains("查看条件并获取许可", zh);
        Assert.DoesNotContain("一种低功耗MEMS气体传感芯片", zh); // a draft
        var en = await Page(factory.ClientAs(null, "en"), "/open-licenses?culture=en");
        Assert.Contains("See the terms and take a licence", en);
    }

    [Fact]
    public async Task Management_pages_render_for_the_office_and_the_enterprise()
    {
        await SeedAsync();
        var (fudan, lvneng) = await OrgsAsync();
        var office = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, fudan));
        var patents = await Page(office, "/patents");
        Assert.Contains("2021104823015", patents);
        var patentId = await factory.WithDbAsync((db, _) => db.Set<Patent>().Where(p => p.ApplicationNo == "2021104823015").Select(p => p.Id).SingleAsync());
        Assert.Contains("年费减缴与滞纳金计算", await Page(office, $"/patents/{patentId}"));
        Assert.Contains("批量导入专利", await Page(office, "/patents/import"));
        Assert.Contains("新建开放许可声明", await Page(office, "/open-licenses/new"));
        Assert.Contains("TG-FD-2026-001", await Page(office, "/custody"));
        var custodyId = await factory.WithDbAsync((db, _) => db.Set<CustodyAgreement>().Where(c => c.AgreementNo == "TG-FD-2026-001").Select(c => c.Id).SingleAsync());
        Assert.Contains("收益分配测算", await Page(office, $"/custody/{custodyId}"));

        var declarationId = await factory.WithDbAsync((db, _) => db.Set<OpenLicenseDeclaration>().Where(d => d.PatentId == patentId).Select(d => d.Id).SingleAsync());
        var detail = await Page(factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid())), $"/open-licenses/{declarationId}");
        Assert.Contains("发出书面通知", detail);
        var licensee = await Page(factory.ClientAs(TestUser.Of(Roles.Enterprise, lvneng)), $"/open-licenses/{declarationId}");
        Assert.Contains("我的许可", licensee);
        Assert.DoesNotContain("发出书面通知", licensee);
    }

    [Fact]
    public async Task Search_sources_give_public_documents_for_announced_open_licences_only()
    {
        await SeedAsync();
        var docs = await factory.WithDbAsync(async (db, sp) =>
        {
            var source = sp.GetServices<ISearchDocumentSource>().Single(s => s.Type == SearchDocumentTypes.OpenLicense);
            var list = new List<SearchDocument>();
            await foreach (var d in source.LoadAllAsync(CancellationToken.None)) list.Add(d);
            return list;
        });
        Assert.Equal(8, docs.Count);
        Assert.Equal(3, docs.Count(d => !d.IsPublic)); // the draft, the submitted and the withdrawn-before-announcement declaration
        var patentDocs = await factory.WithDbAsync(async (db, sp) =>
        {
            var source = sp.GetServices<ISearchDocumentSource>().Single(s => s.Type == SearchDocumentTypes.Patent);
            var list = new List<SearchDocument>();
            await foreach (var d in source.LoadAllAsync(CancellationToken.None)) list.Add(d);
            return list;
        });
        Assert.Single(patentDocs, d => !d.IsPublic); // the pending application
    }
}

public sealed class PatentsDemoAndPagesTests_Sqlite(SqliteFactory f) : PatentsDemoAndPagesTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PatentsDemoAndPagesTests_Postgres(PostgresFactory f) : PatentsDemoAndPagesTests(f), IClassFixture<PostgresFactory>;
