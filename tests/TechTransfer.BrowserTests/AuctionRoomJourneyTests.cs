using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Features.Auctions;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The platform with a <see cref="FakeTimeProvider"/> as its business clock (as the API tests drive time), started at the
/// real instant so that sign-in cookies and the browser agree; the demo's running lot is seeded relative to it.
/// </summary>
public sealed class AuctionRoomFixture : BrowserFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// The live auction room in Chromium: two demo bidders (智芯 in English, 绿能 in Chinese) in two browser contexts race
/// the demo's running lot to its close through two anti-sniping extensions; the first bid is posted without JavaScript
/// (the plain form), the second through the enhanced form; both rooms receive every change by SignalR push without a
/// reload and end showing the same winner and the same effective close. The list page and the room are axe- and
/// CSP-checked in both languages by the fixture. After the winner's default the room links to the runner-up's deal, which the
/// operator (in Chinese) and the runner-up (in English) sign in the browser.
/// </summary>
public sealed class AuctionRoomJourneyTests(AuctionRoomFixture browser) : IClassFixture<AuctionRoomFixture>
{
    private static string Shanghai(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<AuctionLot> RunningLotAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
        var now = browser.Clock.GetUtcNow();
        return await db.Set<AuctionLot>().AsNoTracking()
            .Where(l => l.Status == AuctionStatus.Published && l.StartsAt <= now && l.EffectiveCloseAt > now).SingleAsync();
    }

    private static async Task<IPage> LiveRoomAsync(IPage page, Guid lot)
    {
        await page.GotoAsync($"/exchange/auctions/{lot}");
        await Assertions.Expect(page.Locator("[data-auction-room][data-live='1']")).ToHaveCountAsync(1); // joined the hub
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        return page;
    }

    private static async Task StillTheSamePageAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the room reloaded instead of taking the push");

    [Fact]
    public async Task Two_bidders_race_to_the_close_through_extensions_and_both_see_the_same_winner_and_close_time()
    {
        var lot = await RunningLotAsync();
        var increment = lot.Increment;
        var high = lot.HighBid!.Value;

        // the list: the bidding tab with its count leads to the room
        var a = await browser.NewPageAsync("en");
        await a.SignInAsync("enterprise.zhixin");
        await a.GotoAsync("/exchange/auctions?phase=Bidding");
        await Assertions.Expect(a.GetByTestId("tab-Bidding")).ToHaveTextAsync("Bidding (1)");
        await a.ScreenshotAsync("auction-list-en");
        await a.GetByTestId("auction-list").Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(a).ToHaveURLAsync($"{browser.BaseUrl}/exchange/auctions/{lot.Id}");
        var b = await browser.NewPageAsync("zh-CN");
        await b.SignInAsync("enterprise.lvneng");
        await b.GotoAsync("/exchange/auctions");
        await Assertions.Expect(b.Locator("h1")).ToHaveTextAsync("竞价交易");
        await b.ScreenshotAsync("auction-list-zh");

        // a minute before the close
        var t1 = lot.EffectiveCloseAt.AddSeconds(-60);
        browser.Clock.SetUtcNow(t1);
        await LiveRoomAsync(a, lot.Id);
        await LiveRoomAsync(b, lot.Id);
        var paddleA = (await a.GetByTestId("my-paddle").InnerTextAsync()).Trim();
        var paddleB = (await b.GetByTestId("my-paddle").InnerTextAsync()).Trim();
        await Assertions.Expect(a.GetByTestId("auction-countdown")).ToContainTextAsync("Closes in 00:0");
        await Assertions.Expect(b.GetByTestId("auction-reserve")).ToHaveTextAsync("无保留价");
        await Assertions.Expect(b.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(lot.EffectiveCloseAt));

        // 智芯 bids from a browser without JavaScript: the plain form posts and the page answers with the new state
        var plain = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en", JavaScriptEnabled = false });
        var noScript = await plain.NewPageAsync();
        await noScript.SignInAsync("enterprise.zhixin");
        await noScript.GotoAsync($"/exchange/auctions/{lot.Id}");
        await Assertions.Expect(noScript.GetByTestId("auction-countdown")).ToHaveTextAsync("Closes in 00:01:00");
        var first = high + increment;
        await Assertions.Expect(noScript.GetByTestId("bid-option").First).ToHaveValueAsync(first.ToString("0.00", CultureInfo.InvariantCulture));
        await noScript.GetByTestId("place-bid").ClickAsync();
        await Assertions.Expect(noScript.GetByTestId("auction-message")).ToContainTextAsync("accepted");
        var close1 = t1.AddMinutes(5);
        await Assertions.Expect(noScript.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(close1));
        await plain.CloseAsync();

        // both live rooms take the push: new high, leader, extended close, next amounts — without a reload
        foreach (var page in new[] { a, b })
        {
            await Assertions.Expect(page.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(close1));
            await Assertions.Expect(page.GetByTestId("auction-high-paddle")).ToContainTextAsync(paddleA.Split(' ')[^1]);
            await StillTheSamePageAsync(page);
        }
        await Assertions.Expect(a.GetByTestId("auction-high")).ToHaveTextAsync("¥" + first.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await Assertions.Expect(a.GetByTestId("my-standing")).ToHaveTextAsync("You are leading");
        await Assertions.Expect(b.GetByTestId("my-standing")).ToHaveTextAsync("您已被超越");
        await Assertions.Expect(b.GetByTestId("auction-extended")).ToHaveTextAsync("（已延时）");
        await Assertions.Expect(b.GetByTestId("bid-option").First).ToHaveValueAsync((first + increment).ToString("0.00", CultureInfo.InvariantCulture));

        // ten seconds before the extended close 绿能 bids two increments up through the enhanced form: extended again
        var t2 = close1.AddSeconds(-10);
        browser.Clock.SetUtcNow(t2);
        var second = first + 2 * increment;
        await b.GetByTestId("bid-option").Nth(1).CheckAsync();
        await b.GetByTestId("place-bid").ClickAsync();
        await Assertions.Expect(b.GetByTestId("auction-message")).ToContainTextAsync("已接受");
        var close2 = t2.AddMinutes(5);
        foreach (var page in new[] { a, b })
        {
            await Assertions.Expect(page.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(close2));
            await StillTheSamePageAsync(page);
        }
        await Assertions.Expect(a.GetByTestId("my-standing")).ToHaveTextAsync("You have been outbid");
        await Assertions.Expect(b.GetByTestId("my-standing")).ToHaveTextAsync("您当前领先");
        await Assertions.Expect(a.GetByTestId("bid-history").Locator("tbody tr").First).ToContainTextAsync("¥" + second.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await a.ScreenshotAsync("auction-room-en");
        await b.ScreenshotAsync("auction-room-zh");

        // the close: the close job closes the lot once, and both rooms show the same winner and the same close time
        browser.Clock.SetUtcNow(close2);
        await browser.Services.GetRequiredService<AuctionCloseJob>().RunOnceAsync();
        await Assertions.Expect(a.GetByTestId("auction-outcome")).ToHaveTextAsync(
            $"Sold to Paddle {paddleB.Split(' ')[0]} at ¥{second.ToString("#,##0.00", CultureInfo.InvariantCulture)}.");
        await Assertions.Expect(b.GetByTestId("auction-outcome")).ToContainTextAsync(paddleB);
        foreach (var page in new[] { a, b })
        {
            await Assertions.Expect(page.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(close2));
            await Assertions.Expect(page.GetByTestId("auction-countdown")).ToHaveTextAsync(page == a ? "Closed" : "已截止");
            await Assertions.Expect(page.GetByTestId("bid-form")).ToBeHiddenAsync();
            await StillTheSamePageAsync(page);
        }
        await a.ScreenshotAsync("auction-room-closed-en");

        // a reload shows the same from the server: sold, winner, close time
        await b.ReloadAsync();
        await Assertions.Expect(b.GetByTestId("auction-phase")).ToHaveTextAsync("已成交");
        await Assertions.Expect(b.GetByTestId("my-standing")).ToHaveTextAsync("您已竞得本标的");
        await Assertions.Expect(b.GetByTestId("auction-close")).ToHaveTextAsync(Shanghai(close2));
        await b.ScreenshotAsync("auction-room-closed-zh");
        using var scope = browser.Services.CreateScope();
        var closed = await scope.ServiceProvider.GetRequiredService<TechTransferDbContext>().Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == lot.Id);
        Assert.Equal(AuctionStatus.Sold, closed.Status);
        Assert.Equal(second, closed.HammerPrice);
        Assert.Equal(close2, closed.EffectiveCloseAt);

        // the winner does not sign: the operator declares the default in the room; the lot passes to the runner-up (R6.6)
        var op = await browser.NewPageAsync("zh-CN");
        await op.SignInAsync("exchange.operator");
        await op.GotoAsync($"/exchange/auctions/{lot.Id}");
        await Assertions.Expect(op.GetByTestId("auction-operator")).ToBeVisibleAsync();
        await op.GetByTestId("default-reason").FillAsync("买受人逾期未签署成交确认书");
        await op.GetByTestId("declare-default").ClickAsync();
        await Assertions.Expect(op.GetByTestId("auction-message")).ToHaveTextAsync("已认定买受人违约。");
        await Assertions.Expect(op.GetByTestId("auction-result")).ToContainTextAsync("1 号竞买人");
        await op.ScreenshotAsync("auction-room-default-zh");

        // the room links to the runner-up's deal: the operator signs the 成交确认书 in Chinese, the new winner in English
        await op.GetByTestId("auction-deal-link").ClickAsync();
        await Assertions.Expect(op.GetByTestId("deal-status")).ToHaveTextAsync("待签署");
        await Assertions.Expect(op.GetByTestId("deal-auction-link")).ToHaveAttributeAsync("href", $"/exchange/auctions/{lot.Id}");
        await op.GetByTestId("accept-deal").CheckAsync();
        await op.GetByTestId("sign-deal").ClickAsync();
        await Assertions.Expect(op.GetByRole(AriaRole.Status)).ToContainTextAsync("已签署成交确认书");
        await Assertions.Expect(op.GetByTestId("signature-operator")).Not.ToContainTextAsync("待签署");
        await op.ScreenshotAsync("auction-deal-operator-signed-zh");
        await a.ReloadAsync();
        await Assertions.Expect(a.GetByTestId("my-standing")).ToHaveTextAsync("You won this lot");
        await a.GetByTestId("auction-deal-link").ClickAsync();
        await Assertions.Expect(a.GetByTestId("deal-status")).ToHaveTextAsync("Awaiting signatures");
        await Assertions.Expect(a.GetByTestId("deal-price")).ToHaveTextAsync("¥" + first.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await a.GetByTestId("accept-deal").CheckAsync();
        await a.GetByTestId("sign-deal").ClickAsync();
        await Assertions.Expect(a.GetByTestId("deal-status")).ToHaveTextAsync("Confirmed");
        await a.ScreenshotAsync("auction-deal-confirmed-en");
    }

    [Fact]
    public async Task The_operator_opens_a_lot_from_an_approved_auction_listing_and_sees_its_reserve_and_a_bidder_sees_only_that_one_is_set()
    {
        var op = await browser.NewPageAsync("en");
        await op.SignInAsync("exchange.operator");
        await op.GotoAsync("/exchange/auctions?phase=Announced");
        await op.GetByTestId("auction-list").Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(op.GetByTestId("auction-reserve")).ToContainTextAsync("visible to the exchange only");
        await Assertions.Expect(op.GetByTestId("auction-operator")).ToContainTextAsync("Withdraw lot");
        await Assertions.Expect(op.GetByTestId("cannot-register")).ToContainTextAsync("Your role does not bid");
        await op.ScreenshotAsync("auction-room-operator-en");

        // the operator approves the demo's auction listing and opens a lot from it (the form's defaults: start in 8 days)
        Guid listing;
        using (var scope = browser.Services.CreateScope())
            listing = await scope.ServiceProvider.GetRequiredService<TechTransferDbContext>().Set<TechTransfer.Exchange.Domain.Listings.Listing>()
                .Where(l => l.PricingMethod == TechTransfer.Exchange.Domain.Listings.PricingMethod.Auction
                            && l.Status == TechTransfer.Exchange.Domain.Listings.ListingStatus.InReview).Select(l => l.Id).FirstAsync();
        await op.GotoAsync($"/exchange/listings/{listing}");
        await op.GetByTestId("approve-listing").ClickAsync();
        await op.GetByTestId("start-auction").ClickAsync();
        await Assertions.Expect(op.Locator("h1")).ToHaveTextAsync("New auction");
        await op.Locator("#a-reserve").FillAsync("2500000");
        await op.ScreenshotAsync("auction-new-en");
        await op.GetByTestId("create-auction").ClickAsync();
        await Assertions.Expect(op.GetByTestId("auction-phase")).ToHaveTextAsync("Announced");
        await Assertions.Expect(op.GetByTestId("auction-reserve")).ToContainTextAsync("¥2,500,000.00");
        await Assertions.Expect(op.GetByTestId("auction-countdown")).ToContainTextAsync("Starts in ");
        // and withdraws it before the start (拍卖法 29)
        await op.GetByTestId("withdraw-reason").FillAsync("委托人撤回委托");
        await op.GetByTestId("withdraw-auction").ClickAsync();
        await Assertions.Expect(op.GetByTestId("auction-phase")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(op.GetByTestId("auction-operator")).ToHaveCountAsync(0);

        var bidder = await browser.NewPageAsync("zh-CN");
        await bidder.SignInAsync("enterprise.lvneng");
        await bidder.GotoAsync("/exchange/auctions?phase=Announced");
        await bidder.GetByTestId("auction-list").Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(bidder.GetByTestId("auction-reserve")).ToHaveTextAsync("有保留价（不公开）");
        await Assertions.Expect(bidder.GetByTestId("register-form")).ToBeVisibleAsync();
        await bidder.ScreenshotAsync("auction-room-announced-zh");
    }
}
