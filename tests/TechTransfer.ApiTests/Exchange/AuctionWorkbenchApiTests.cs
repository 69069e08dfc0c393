using System.Net;
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

    [Fact]
    public async Task A_registered_bidder_sees_my_lots_bidding_and_announced_counted_as_the_registered_list_it_links_to()
    {
        var w = await WorldAsync(factory);
        var start = factory.Clock.GetUtcNow().AddDays(8);
        var biddingLot = await OpenLotAsync(factory, w, start, TimeSpan.FromHours(3));
        var otherBiddingLot = await OpenLotAsync(factory, w, start, TimeSpan.FromHours(1)); // closes sooner; the bidder is not registered
        var bidder = await RegisteredBidderAsync(factory, biddingLot);
        var none = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id, "nobid-" + Guid.NewGuid().ToString("N")[..8]);
        factory.Clock.SetUtcNow(start.AddMinutes(1)); // both lots are bidding now
        var announcedLot = await OpenLotAsync(factory, w, factory.Clock.GetUtcNow().AddDays(8), TimeSpan.FromHours(2));
        var registered = await factory.ClientAs(bidder).PostAsJsonAsync($"/api/v1/auctions/{announcedLot}/registrations", new { acceptTerms = true }, JsonWeb);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.NotEqual(Guid.Empty, otherBiddingLot);

        var bidding = (await ItemAsync(bidder, "auctions.my_bidding"))!.Value;
        var announced = (await ItemAsync(bidder, "auctions.my_announced"))!.Value;
        Assert.Equal("/exchange/auctions?phase=Bidding&registered=true", bidding.GetProperty("link").GetString());
        Assert.Equal("/exchange/auctions?phase=Announced&registered=true", announced.GetProperty("link").GetString());
        Assert.Equal(1, bidding.GetProperty("count").GetInt64());
        Assert.Equal(1, announced.GetProperty("count").GetInt64());
        Assert.Equal(1, await ListTotalAsync(bidder, bidding.GetProperty("link").GetString()!));
        Assert.Equal(1, await ListTotalAsync(bidder, announced.GetProperty("link").GetString()!));
        var list = await factory.ClientAs(bidder).GetFromJsonAsync<JsonElement>("/api/v1/auctions?registered=true&phase=Bidding");
        Assert.Equal(biddingLot, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, (await factory.ClientAs(bidder).GetFromJsonAsync<JsonElement>("/api/v1/auctions?registered=true")).GetProperty("total").GetInt32());
        Assert.True((await factory.ClientAs(bidder).GetFromJsonAsync<JsonElement>("/api/v1/auctions?phase=Bidding")).GetProperty("total").GetInt32() >= 2);
        // the deadline is the nearest close among my lots (3 h away, not the other lot's 1 h): not yet urgent
        Assert.Equal(BusinessTime.DateOf(start.AddHours(3)).ToString("yyyy-MM-dd"), bidding.GetProperty("deadline").GetString());
        Assert.False(bidding.GetProperty("urgent").GetBoolean());

        factory.Clock.SetUtcNow(start.AddHours(3).AddMinutes(-5)); // within the closing-soon lead (10 min) of my lot's close
        bidding = (await ItemAsync(bidder, "auctions.my_bidding"))!.Value;
        Assert.True(bidding.GetProperty("urgent").GetBoolean());
        Assert.Equal(1, bidding.GetProperty("count").GetInt64());

        // a bidder role without registrations: no items, and the filtered list is empty
        Assert.Null(await ItemAsync(none, "auctions.my_bidding"));
        Assert.Null(await ItemAsync(none, "auctions.my_announced"));
        Assert.Equal(0, (await factory.ClientAs(none).GetFromJsonAsync<JsonElement>("/api/v1/auctions?registered=true")).GetProperty("total").GetInt32());
        // roles that never bid: no items, and the filter is refused rather than answered with someone else's lots
        Assert.Null(await ItemAsync(w.Operator, "auctions.my_bidding"));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(w.Operator).GetAsync("/api/v1/auctions?registered=true")).StatusCode);
        var registrar = TestUser.Of(Roles.Registrar, (await factory.CreateOrganizationAsync()).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(registrar).GetAsync("/api/v1/auctions?registered=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(registrar).GetAsync("/api/v1/auctions?registered=false")).StatusCode);
    }
}

public sealed class AuctionWorkbenchApiTests_Sqlite(SqliteFactory f) : AuctionWorkbenchApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class AuctionWorkbenchApiTests_Postgres(PostgresFactory f) : AuctionWorkbenchApiTests(f), IClassFixture<PostgresFactory>;
