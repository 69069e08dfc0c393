using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// The exchange operator's auction items on the workbench: lots bidding now (with the nearest close as the deadline) and
/// lots announced; each count equals the total of the auction list its link opens (the same phase filter through the
/// API), and roles other than the operator get neither item.
/// </summary>
public abstract class AuctionWorkbenchApiTests(TechTransferFactory factory)
{
    private async Task<JsonElement?> ItemAsync(TestUser user, string key)
    {
        var wb = await factory.ClientAs(user).GetFromJsonAsync<JsonElement>("/api/v1/workbench");
        foreach (var section in new[] { "toDo", "status", "figures" })
            foreach (var item in wb.GetProperty(section).EnumerateArray())
                if (item.GetProperty("key").GetString() == key) return item;
        return null;
    }

    private async Task<int> ListTotalAsync(TestUser user, string link) =>
        (await factory.ClientAs(user).GetFromJsonAsync<JsonElement>("/api/v1/auctions" + link["/exchange/auctions".Length..])).GetProperty("total").GetInt32();

    [Fact]
    public async Task The_operator_sees_lots_bidding_and_announced_counted_as_the_list_it_links_to_and_bidders_do_not()
    {
        var w = await WorldAsync(factory);
        var start = factory.Clock.GetUtcNow().AddDays(8);
        await OpenLotAsync(factory, w, start, TimeSpan.FromHours(3));
        factory.Clock.SetUtcNow(start.AddMinutes(1)); // the first lot is bidding now
        await OpenLotAsync(factory, w, factory.Clock.GetUtcNow().AddDays(8), TimeSpan.FromHours(2));

        var bidding = (await ItemAsync(w.Operator, "auctions.bidding"))!.Value;
        var announced = (await ItemAsync(w.Operator, "auctions.announced"))!.Value;
        Assert.Equal("/exchange/auctions?phase=Bidding", bidding.GetProperty("link").GetString());
        Assert.Equal("/exchange/auctions?phase=Announced", announced.GetProperty("link").GetString());
        Assert.True(bidding.GetProperty("count").GetInt64() >= 1 && announced.GetProperty("count").GetInt64() >= 1);
        Assert.Equal(await ListTotalAsync(w.Operator, bidding.GetProperty("link").GetString()!), bidding.GetProperty("count").GetInt64());
        Assert.Equal(await ListTotalAsync(w.Operator, announced.GetProperty("link").GetString()!), announced.GetProperty("count").GetInt64());
        Assert.True(bidding.GetProperty("urgent").GetBoolean());
        Assert.Equal(BusinessTime.DateOf(start.AddHours(3)).ToString("yyyy-MM-dd"), bidding.GetProperty("deadline").GetString());

        var bidder = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        Assert.Null(await ItemAsync(bidder, "auctions.bidding"));
        Assert.Null(await ItemAsync(w.Office, "auctions.announced"));
    }
}

public sealed class AuctionWorkbenchApiTests_Sqlite(SqliteFactory f) : AuctionWorkbenchApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AuctionWorkbenchApiTests_Postgres(PostgresFactory f) : AuctionWorkbenchApiTests(f), IClassFixture<PostgresFactory>;
