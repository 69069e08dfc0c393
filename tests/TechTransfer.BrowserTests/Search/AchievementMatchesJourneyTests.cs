using Microsoft.Playwright;

namespace TechTransfer.BrowserTests.Search;

/// <summary>
/// 成果匹配 in Chromium on the demo dataset: Fudan's transfer office opens the matches of its registered achievement from
/// the detail page, sees ranked demands and enterprises with explanations, marks one useful; another organisation is
/// denied; the page is complete in English.
/// </summary>
public sealed class AchievementMatchesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Achievement = "联邦学习隐私保护计算平台";

    private static async Task<string> OpenMatchesAsync(IPage page, string title = Achievement)
    {
        await page.GotoAsync("/achievements");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.GetByTestId("achievement-matches").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/matches$"));
        return page.Url;
    }

    [Fact]
    public async Task The_office_sees_ranked_demands_with_explanations_and_marks_one_useful()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await OpenMatchesAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "匹配需求与企业" })).ToBeVisibleAsync();
        var matches = page.GetByTestId("match");
        await Assertions.Expect(matches.First).ToBeVisibleAsync();
        // the demo demand about federated learning and privacy computing ranks first
        await Assertions.Expect(matches.First).ToContainTextAsync("联邦学习隐私计算平台");
        await Assertions.Expect(matches.First.GetByTestId("match-kind")).ToHaveTextAsync("技术需求");
        await Assertions.Expect(matches.First.GetByTestId("matched-terms")).ToContainTextAsync("联邦");
        // a strength people can read, with the number of shared key terms, instead of a raw score
        await Assertions.Expect(matches.First.GetByTestId("match-strength")).ToHaveAttributeAsync("data-strength", "strong");
        await Assertions.Expect(matches.First.GetByTestId("match-strength")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^强\\s+共有 \\d+ 个关键词$"));
        await Assertions.Expect(page.GetByTestId("match-explanation").First).Not.ToContainTextAsync("得分");
        var shared = await matches.First.GetByTestId("matched-terms").InnerTextAsync();
        Assert.All(shared.Split('、'), t => Assert.True(t.Trim().Length > 1, t));   // no single characters among the shared terms
        await Assertions.Expect(page.Locator("[data-testid=match][data-type=organization]").First).ToBeVisibleAsync();

        var id = await matches.First.GetAttributeAsync("data-id");
        await matches.First.GetByTestId("mark-useful").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-recorded")).ToHaveTextAsync("反馈已记录");
        await page.GotoAsync(page.Url);
        await Assertions.Expect(page.Locator($"[data-testid=match][data-id='{id}']").GetByTestId("feedback-state")).ToHaveTextAsync("已标记：有用");
        await page.ScreenshotAsync("achievement-matches");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_organisation_is_denied_the_matches_of_the_achievement()
    {
        var office = await browser.NewPageAsync();
        await office.SignInAsync("tto.fudan");
        var url = await OpenMatchesAsync(office);
        await office.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("not-found")).ToHaveTextAsync("成果不存在或无权查看匹配结果");
        await Assertions.Expect(page.GetByTestId("match")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_matches_page_is_in_English_when_English_is_chosen()
    {
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("tto.fudan");
        await OpenMatchesAsync(page, "Privacy-preserving federated learning platform");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching demands and enterprises" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("match").First.GetByTestId("mark-useful")).ToHaveTextAsync("Useful");
        await Assertions.Expect(page.GetByTestId("match").First.GetByTestId("match-kind")).ToHaveTextAsync("Demand");
        await Assertions.Expect(page.GetByTestId("match").First.GetByTestId("match-strength")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^(Strong|Medium|Weak)\\s+(\\d+ shared key terms|no shared key terms)$"));
        await page.Context.CloseAsync();
    }
}
