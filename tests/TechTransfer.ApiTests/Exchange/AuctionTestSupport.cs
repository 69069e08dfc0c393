using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>Shared set-up of the auction API tests: a consignor with a granted patent, an operator and a lot.</summary>
internal static class AuctionTestSupport
{
    public static readonly JsonSerializerOptions JsonWeb = new(JsonSerializerDefaults.Web);

    public sealed record World(Guid Consignor, TestUser Office, TestUser Operator, Guid Patent);

    public static async Task<World> WorldAsync(TechTransferFactory factory)
    {
        var consignor = await factory.CreateOrganizationAsync();
        var exchange = await factory.CreateOrganizationAsync();
        var office = TestUser.Of(Roles.InstitutionAdmin, consignor.Id);
        var op = await factory.CreateAccountAsync(Roles.ExchangeOperator, exchange.Id);
        var created = await factory.ClientAs(office).PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = TechTransfer.ApiTests.Robustness.RobustnessWorld.NewApplicationNo(), publicationNo = "CN111222333B", type = "Invention",
            title = "一种锂电池缺陷检测方法", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
            legalStatus = "InForce", annualFeePaidUntil = "2027-05-09", termCompensationDays = 0, ipcCodes = "G06N 3/08",
        }, JsonWeb);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var patent = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new World(consignor.Id, office, op, patent);
    }

    public static object LotBody(World w, DateTimeOffset startsAt, TimeSpan length, decimal start = 100_000m, decimal? reserve = 150_000m,
        decimal increment = 1_000m) => new
    {
        title = "锂电池缺陷检测专利转让", description = "专利权转让，竞价方式", objectType = "Patents", patentIds = new[] { w.Patent },
        consignorOrganizationId = w.Consignor, startingPrice = start, reservePrice = reserve, noReserve = reserve is null, increment,
        startsAt, endsAt = startsAt + length,
    };

    public static async Task<Guid> OpenLotAsync(TechTransferFactory factory, World w, DateTimeOffset startsAt, TimeSpan length,
        decimal start = 100_000m, decimal? reserve = 150_000m, decimal increment = 1_000m)
    {
        var response = await factory.ClientAs(w.Operator).PostAsJsonAsync("/api/v1/auctions", LotBody(w, startsAt, length, start, reserve, increment), JsonWeb);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<TestUser> RegisteredBidderAsync(TechTransferFactory factory, Guid lot, Guid? org = null)
    {
        org ??= (await factory.CreateOrganizationAsync()).Id;
        var bidder = TestUser.Of(Roles.Enterprise, org.Value, "bidder-" + Guid.NewGuid().ToString("N")[..8]);
        var r = await factory.ClientAs(bidder).PostAsJsonAsync($"/api/v1/auctions/{lot}/registrations", new { acceptTerms = true }, JsonWeb);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return bidder;
    }

    public static Task<HttpResponseMessage> BidAsync(TechTransferFactory factory, TestUser bidder, Guid lot, decimal amount) =>
        factory.ClientAs(bidder).PostAsJsonAsync($"/api/v1/auctions/{lot}/bids", new { amount }, JsonWeb);

    public static async Task<JsonElement> GetAsync(TechTransferFactory factory, TestUser user, Guid lot) =>
        await factory.ClientAs(user).GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{lot}");
}
