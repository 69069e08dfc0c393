using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// Every role's workbench (工作台, the home page after sign-in) in Chromium, in Chinese and in English, on the demo data:
/// the cards the issue names for the role are there, labelled in the page's language, and a card leads to the list it
/// counts (no dead end). Every page loaded is checked by axe-core and for CSP violations by the fixture. Each run saves
/// one screenshot per role and language as <c>workbench-{role}-{lang}.png</c> in the screenshot directory;
/// <c>scripts/workbench-screenshots.sh</c> copies them to <c>docs/screenshots</c>.
/// </summary>
public sealed partial class WorkbenchJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Per demo account: the cards its workbench must show, and the card to follow with the list it opens.</summary>
    private static readonly Dictionary<string, (string Slug, string[] Cards, string Follow, string Opens)> Roles = new()
    {
        ["tto.fudan"] = ("office", ["achievements.disclosed", "achievements.grants_to_decide", "achievements.plans_to_approve", "achievements.idle",
            "patents.open_license_drafts", "patents.fees_due", "platform.unread_notifications"], "achievements.disclosed", "/achievements?status=Disclosed"),
        ["researcher.fudan"] = ("researcher", ["achievements.my_drafts", "achievements.my_returned", "achievements.my_registered",
            "achievements.my_grants_approved", "achievements.my_income"], "achievements.my_registered", "/achievements?mine=true&status=Registered"),
        ["enterprise.zhixin"] = ("enterprise", ["demands.my_published", "search.demands_with_new_matches", "demands.challenge_applications",
            "contracts.in_registration", "contracts.supplements_requested", "auctions.my_bidding", "auctions.my_announced"], "demands.my_published", "/demands?mine=true&status=Published"),
        ["registrar"] = ("registrar", ["contracts.to_accept", "contracts.overdue", "contracts.due_this_week", "contracts.resubmitted",
            "contracts.awaiting_supplements"], "contracts.to_accept", "/contracts/workbench?status=Submitted"),
        ["manager.tti"] = ("manager", ["search.assigned_demands", "search.assigned_achievements", "patents.custody_mandates"],
            "patents.custody_mandates", "/custody?role=operator&status=Active"),
        ["analyst"] = ("analyst", ["contracts.this_year_count", "contracts.this_year_amount", "contracts.last_year_to_date_count", "contracts.this_month_count"],
            "contracts.this_year_count", "/contracts/statistics?from="),
        ["admin"] = ("admin", ["platform.users", "platform.locked_users", "platform.search_backlog", "platform.failed_emails"],
            "platform.locked_users", "/admin/users"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in Roles.Keys)
            foreach (var locale in new[] { "zh-CN", "en" }) data.Add(user, locale);
        return data;
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Han();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_lands_on_its_workbench_in_its_language_and_a_card_opens_the_list_it_counts(string userName, string locale)
    {
        var (slug, cards, follow, opens) = Roles[userName];
        var english = locale == "en";
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(userName);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(english ? "My workbench" : "我的工作台");
        await Assertions.Expect(page.GetByTestId("workbench-todo")).ToBeVisibleAsync();
        foreach (var key in cards)
        {
            var card = page.GetByTestId("wb-" + key);
            await Assertions.Expect(card).ToBeVisibleAsync();
            var label = await card.Locator(".wb-label").InnerTextAsync();
            Assert.False(string.IsNullOrWhiteSpace(label), key);
            // English complete: no Chinese in an English label; Chinese labels are Chinese
            if (english) Assert.False(Han().IsMatch(label), $"{key}: '{label}'");
            else Assert.Matches(Han(), label);
            Assert.Matches(@"^(¥)?[\d,]+(\.\d\d)?$", (await card.GetByTestId("wb-value").InnerTextAsync()).Trim());
        }
        await page.ScreenshotAsync($"workbench-{slug}-{(english ? "en" : "zh")}");

        var link = page.GetByTestId("wb-" + follow).Locator("a.wb-link");
        Assert.StartsWith(opens, await link.GetAttributeAsync("href"));
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(opens)));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/denied", page.Url);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A registered bidder (enterprise.zhixin is registered for the running demo lot): the "my auctions bidding now" card
    /// opens the auction list on the bidding tab filtered to the caller's registrations, with as many lots as the card counts.
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_bidder_follows_my_auctions_bidding_now_to_the_list_of_lots_registered_for(string locale)
    {
        var english = locale == "en";
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync("/");
        var card = page.GetByTestId("wb-auctions.my_bidding");
        await Assertions.Expect(card.Locator(".wb-label")).ToHaveTextAsync(english ? "My auctions bidding now" : "我报名的竞价中标的");
        var count = int.Parse((await card.GetByTestId("wb-value").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 1, "the demo bidder is registered for the running demo lot");
        await card.Locator("a.wb-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/exchange/auctions?phase=Bidding&registered=true")));
        await Assertions.Expect(page.GetByTestId("whose-mine")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByTestId("tab-Bidding")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByTestId("auction-list").Locator("tbody tr")).ToHaveCountAsync(count);
        await page.ScreenshotAsync($"auctions-registered-{(english ? "en" : "zh")}");
        // the other tab keeps the phase and drops the filter
        await page.GetByTestId("whose-all").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/exchange/auctions?phase=Bidding") + "$"));
        await page.Context.CloseAsync();
    }
}
