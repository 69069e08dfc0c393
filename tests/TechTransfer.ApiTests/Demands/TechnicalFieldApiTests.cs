using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Composition;
using TechTransfer.Data;
using TechTransfer.ApiTests.Search;

namespace TechTransfer.ApiTests.Demands;

/// <summary>The one technical-field taxonomy as users see it: demo demands store codes and show the label of the page's
/// language, a field's label finds its demands in the list and in search, and the migration's data step turns stored
/// free-text values into codes on both databases.</summary>
public abstract class TechnicalFieldApiTests(TechTransferFactory factory)
{
    private async Task SeedAsync()
    {
        await factory.WithDbAsync((_, sp) => sp.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(default));
        await factory.DrainAsync();
    }

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task Demo_demands_store_field_codes_and_show_the_label_of_the_page_language()
    {
        await SeedAsync();
        var anyone = factory.ClientAs(null);
        var demands = await (await anyone.GetAsync("/api/v1/demands?pageSize=100")).Json(HttpStatusCode.OK);
        var nmr = demands.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.StartsWith("Compact cryogen-free NMR magnet"));
        Assert.Equal("scientific_instruments", nmr.GetProperty("field").GetString());
        var id = nmr.GetProperty("id").GetGuid();

        var zh = await Html(anyone, $"/demands/{id}");
        Assert.Contains("<dd>科学仪器</dd>", zh);
        Assert.DoesNotContain("Scientific instruments", zh);
        var en = await Html(factory.ClientAs(null, "en"), $"/demands/{id}?culture=en");
        Assert.Contains("<dd>Scientific instruments</dd>", en);

        var list = await Html(anyone, "/demands?field=scientific_instruments");
        Assert.Contains("科学仪器", list);
        Assert.Contains("Compact cryogen-free NMR magnet", list);
        Assert.DoesNotContain("滚珠丝杠", list);
    }

    [Fact]
    public async Task A_fields_label_in_either_language_finds_its_demands_in_the_list_and_in_search()
    {
        await SeedAsync();
        var anyone = factory.ClientAs(null);
        foreach (var q in new[] { "人工智能", "Artificial intelligence" })
        {
            var listed = await (await anyone.GetAsync("/api/v1/demands?pageSize=100&q=" + Uri.EscapeDataString(q))).Json(HttpStatusCode.OK);
            var fields = listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("field").GetString()).ToList();
            Assert.NotEmpty(fields);
            Assert.All(fields, f => Assert.Equal("artificial_intelligence", f));

            var found = await (await anyone.GetAsync("/api/v1/search?type=demand&q=" + Uri.EscapeDataString(q))).Json(HttpStatusCode.OK);
            var titles = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
            Assert.Contains("多家医院联合建模的联邦学习隐私计算平台", titles);
        }
        var byField = await (await anyone.GetAsync("/api/v1/demands?pageSize=100&field=" + Uri.EscapeDataString("人工智能"))).Json(HttpStatusCode.OK);
        Assert.All(byField.GetProperty("items").EnumerateArray(), i => Assert.Equal("artificial_intelligence", i.GetProperty("field").GetString()));
        Assert.NotEqual(0, byField.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_migration_data_step_turns_stored_labels_and_aliases_into_codes_and_merges_statistics()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(TechTransfer.SharedKernel.Roles.Enterprise, org.Id));
        var a = await owner.CreateDemandAsync(factory.Clock.GetUtcNow(), title: "旧数据一");
        var b = await owner.CreateDemandAsync(factory.Clock.GetUtcNow(), title: "旧数据二");
        var c = await owner.CreateDemandAsync(factory.Clock.GetUtcNow(), title: "旧数据三");

        await factory.WithDbAsync(async (db, _) =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"dem_demands\" SET \"Field\" = {" 人工智能 "} WHERE \"Id\" = {a}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"dem_demands\" SET \"Field\" = {"Machine Learning"} WHERE \"Id\" = {b}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"dem_demands\" SET \"Field\" = {"古籍修复"} WHERE \"Id\" = {c}");
            foreach (var (key, count) in new[] { ("人工智能", 2), ("AI", 1), ("古籍修复", 5) })
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"contracts_statistics\" (\"Granularity\", \"Period\", \"Dimension\", \"Key\", \"ContractCount\", \"TotalAmountFen\", \"TechAmountFen\") VALUES ({"Y"}, {1990}, {"field"}, {key}, {count}, {count * 100L}, {count * 10L})");

            var migration = new MigrationBuilder(db.Database.ProviderName);
            TechnicalFieldsMigration.Up(migration);
            foreach (var op in migration.Operations.OfType<SqlOperation>())
                await db.Database.ExecuteSqlRawAsync(op.Sql);
            return true;
        });

        var rows = await factory.WithDbAsync(async (db, _) =>
        {
            var fields = await db.Database.SqlQuery<string>($"SELECT \"Field\" AS \"Value\" FROM \"dem_demands\" WHERE \"Id\" IN ({a}, {b}, {c}) ORDER BY \"Title\"").ToListAsync();
            var stats = await db.Database.SqlQuery<StatRow>($"SELECT \"Key\", \"ContractCount\", \"TotalAmountFen\" FROM \"contracts_statistics\" WHERE \"Period\" = {1990} AND \"Dimension\" = {"field"} ORDER BY \"Key\"").ToListAsync();
            var leftOver = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"contracts_statistics\" WHERE \"Dimension\" = {"field~"}").SingleAsync();
            return (fields, stats, leftOver);
        });
        // titles 旧数据一/二/三 sort as 一 < 三 < 二 by code point: a, c, b
        Assert.Equal(["artificial_intelligence", "古籍修复", "artificial_intelligence"], rows.fields);
        Assert.Equal([new StatRow("artificial_intelligence", 3, 300), new StatRow("古籍修复", 5, 500)], rows.stats);
        Assert.Equal(0, rows.leftOver);
    }

    public sealed record StatRow(string Key, long ContractCount, long TotalAmountFen);
}

public sealed class TechnicalFieldApiTests_Sqlite(DemandsSqliteFactory f) : TechnicalFieldApiTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class TechnicalFieldApiTests_Postgres(DemandsPostgresFactory f) : TechnicalFieldApiTests(f), IClassFixture<DemandsPostgresFactory>;
