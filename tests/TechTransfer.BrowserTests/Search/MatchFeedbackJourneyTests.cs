using Microsoft.Playwright;

namespace TechTransfer.BrowserTests.Search;

/// <summary>供需匹配 feedback in Chromium on the demo dataset: an enterprise opens its demand's matches and marks one useful.</summary>
public sealed class MatchFeedbackJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Enterprise_opens_the_matches_of_its_demand_marks_one_useful_and_sees_it_recorded()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync("/demands");
        await page.GetByRole(AriaRole.Link, new() { Name = "低功耗 MEMS 惯性传感器读出电路 ASIC 设计" }).First.ClickAsync();
        await page.GetByTestId("demand-matches").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/matches$"));

        var matches = page.GetByTestId("match");
        await Assertions.Expect(matches.First).ToBeVisibleAsync();
        await Assertions.Expect(matches.First.GetByTestId("match-explanation")).ToContainTextAsync("匹配词");
        await Assertions.Expect(matches.First.GetByTestId("match-explanation")).ToContainTextAsync("技术成熟度");
        await Assertions.Expect(matches.First.GetByTestId("feedback-state")).ToHaveTextAsync("尚未评价");

        var id = await matches.First.GetAttributeAsync("data-id");
        await matches.First.GetByTestId("mark-useful").ClickAsync();

        await Assertions.Expect(page.GetByTestId("feedback-recorded")).ToHaveTextAsync("反馈已记录");
        var marked = page.Locator($"[data-testid=match][data-id='{id}']");
        await Assertions.Expect(marked.GetByTestId("feedback-state")).ToHaveTextAsync("已标记：有用");

        // The vote is stored, not just echoed: a fresh GET of the page shows it too.
        await page.GotoAsync(page.Url);
        await Assertions.Expect(page.GetByTestId("feedback-recorded")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-testid=match][data-id='{id}']").GetByTestId("feedback-state")).ToHaveTextAsync("已标记：有用");
        await page.ScreenshotAsync("demand-matches-feedback");
        await page.Context.CloseAsync();
    }
}
