using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Demands;

/// <summary>The demo dataset's demands and challenges load without breaking a rule and show every state.</summary>
public abstract class DemandsDemoDataTests(TechTransferFactory factory)
{
    [Fact]
    public async Task Demo_demands_and_challenges_load_in_every_state_and_in_both_languages()
    {
        var seeded = await factory.WithDbAsync((_, sp) => sp.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(default));
        Assert.True(seeded);
        var anyone = factory.ClientAs(null);

        var demands = await (await anyone.GetAsync("/api/v1/demands?pageSize=100")).Json(HttpStatusCode.OK);
        var statuses = demands.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToList();
        Assert.Contains("Published", statuses);
        Assert.Contains("Matched", statuses);
        Assert.Contains("Expired", statuses);
        Assert.DoesNotContain("Draft", statuses);
        Assert.DoesNotContain("UnderReview", statuses);
        var titles = demands.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        Assert.Contains(titles, t => t.Contains("滚珠丝杠"));
        Assert.Contains(titles, t => t.StartsWith("Compact cryogen-free NMR magnet"));

        var challenges = await (await anyone.GetAsync("/api/v1/challenges")).Json(HttpStatusCode.OK);
        var phases = challenges.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("phase").GetString()).ToList();
        Assert.Equal(["Announced", "Judging", "OpenForApplications"], phases.Order().ToList());
        var announced = challenges.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("phase").GetString() == "Announced").GetProperty("id").GetGuid();
        var awards = await (await anyone.GetAsync($"/api/v1/challenges/{announced}/awards")).Json(HttpStatusCode.OK);
        Assert.Equal("3205052026000217", Assert.Single(awards.EnumerateArray()).GetProperty("contractReference").GetString());
    }
}

public sealed class DemandsDemoDataTests_Sqlite(DemandsSqliteFactory f) : DemandsDemoDataTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class DemandsDemoDataTests_Postgres(DemandsPostgresFactory f) : DemandsDemoDataTests(f), IClassFixture<DemandsPostgresFactory>;
