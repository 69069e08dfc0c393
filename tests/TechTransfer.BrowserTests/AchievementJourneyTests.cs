using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>Achievements in Chromium: a researcher discloses, the transfer office reviews and registers; the idle list.</summary>
public sealed class AchievementJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Researcher_discloses_and_the_office_registers_the_achievement()
    {
        var researcher = await browser.NewPageAsync();
        await researcher.SignInAsync("researcher.fudan");
        await researcher.GotoAsync("/achievements/new");
        await researcher.GetByLabel("成果名称（中文）").FillAsync("钙钛矿叠层太阳能电池封装工艺");
        await researcher.GetByLabel("成果简介", new() { Exact = true }).FillAsync("一种提高钙钛矿叠层电池湿热稳定性的封装工艺。");
        await researcher.GetByLabel("技术领域（学科）").SelectOptionAsync(new SelectOptionValue { Label = "新材料及其应用" });
        await researcher.GetByLabel("技术成熟度（1–9）").FillAsync("4");
        await researcher.GetByLabel("项目编号（逗号分隔）").FillAsync("国家自然科学基金 52272200");
        // the completers' row editor: rows added, one removed, one moved up; the names are renumbered in the new order
        var completers = researcher.GetByTestId("completers");
        var rows = completers.Locator("tbody tr");
        var add = completers.GetByRole(AriaRole.Button, new() { Name = "添加一行" });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.Nth(0).GetByLabel("姓名").FillAsync("赵博士");
        await rows.Nth(0).GetByLabel("贡献（%）").FillAsync("30");
        await add.ClickAsync();
        await rows.Nth(1).GetByLabel("姓名").FillAsync("误填的一行");
        await add.ClickAsync();
        await rows.Nth(2).GetByLabel("姓名").FillAsync("陈教授");
        await rows.Nth(2).GetByLabel("贡献（%）").FillAsync("70");
        await rows.Nth(2).GetByLabel("担任领导职务").CheckAsync();
        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "删除此行" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "上移" }).ClickAsync();
        await Assertions.Expect(rows.Nth(0).GetByLabel("姓名")).ToHaveValueAsync("陈教授");
        await Assertions.Expect(rows.Nth(0).GetByLabel("姓名")).ToHaveAttributeAsync("name", "Form.Completers[0].Name");
        await Assertions.Expect(rows.Nth(1).GetByLabel("姓名")).ToHaveAttributeAsync("name", "Form.Completers[1].Name");
        await researcher.ScreenshotAsync("achievement-completers-rows");
        await researcher.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(researcher).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/achievements/[0-9a-f-]{36}$"));
        var url = researcher.Url;
        // saved in that order, with the leadership post on the moved row
        await researcher.GotoAsync(url + "/edit");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).GetByLabel("姓名")).ToHaveValueAsync("陈教授");
        await Assertions.Expect(rows.Nth(0).GetByLabel("贡献（%）")).ToHaveValueAsync("70");
        await Assertions.Expect(rows.Nth(0).GetByLabel("担任领导职务")).ToBeCheckedAsync();
        await Assertions.Expect(rows.Nth(1).GetByLabel("姓名")).ToHaveValueAsync("赵博士");
        await Assertions.Expect(rows.Nth(1).GetByLabel("担任领导职务")).Not.ToBeCheckedAsync();
        await researcher.GotoAsync(url);
        await Assertions.Expect(researcher.GetByTestId("achievement-status")).ToHaveTextAsync("草稿");
        await researcher.Locator("input[name=UploadFile]").SetInputFilesAsync(new FilePayload
        {
            Name = "技术说明书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n% demo\n%%EOF"u8.ToArray(),
        });
        await researcher.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(researcher.GetByRole(AriaRole.Link, new() { Name = "技术说明书.pdf" })).ToBeVisibleAsync();
        await researcher.GetByTestId("disclose").ClickAsync();
        await Assertions.Expect(researcher.GetByTestId("achievement-status")).ToHaveTextAsync("已披露");
        await researcher.Context.CloseAsync();

        var office = await browser.NewPageAsync();
        await office.SignInAsync("tto.fudan");
        await office.GotoAsync(url);
        await office.GetByTestId("start-review").ClickAsync();
        await Assertions.Expect(office.GetByTestId("achievement-status")).ToHaveTextAsync("审核中");
        await office.GetByTestId("decide").ClickAsync();
        await Assertions.Expect(office.GetByTestId("achievement-status")).ToHaveTextAsync("本单位登记");
        await office.ScreenshotAsync("achievement-registered");
        await office.Context.CloseAsync();
    }

    [Fact]
    public async Task Office_plans_an_equity_distribution_and_a_long_term_use_right_with_inclusive_dates()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/achievements?q=联邦学习");
        await page.GetByRole(AriaRole.Link, new() { Name = "联邦学习隐私保护计算平台" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("achievement-status")).ToHaveTextAsync("本单位登记");
        var achievementUrl = page.Url;

        await page.Locator("a[href^='/income-distributions/new']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-equity")).ToContainTextAsync("作价投资");
        await Assertions.Expect(page.GetByTestId("plan-implementation")).ToContainTextAsync("首个盈利年度");
        await page.GetByTestId("plan-form").Locator("select").First.SelectOptionAsync("EquityInvestment");
        await page.GetByTestId("team-share").FillAsync("");
        await page.GetByTestId("investee").FillAsync("上海联邦智算科技有限公司");
        await page.GetByTestId("shares-formed").FillAsync("1000000");
        await page.GetByTestId("team-shares").FillAsync("600000");
        await page.GetByTestId("submit-plan").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary, [role=alert]").First).ToContainTextAsync("团队股份");
        await page.GetByTestId("team-shares").FillAsync("700000");
        await page.GetByTestId("submit-plan").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reward-basis")).ToHaveTextAsync("作价投资股份");
        await Assertions.Expect(page.GetByTestId("team-shares")).ToContainTextAsync("700,000");
        await page.ScreenshotAsync("income-plan-equity");

        await page.GotoAsync(achievementUrl);
        await page.Locator("a[href^='/rights-grants/new']").ClickAsync();
        await page.GetByTestId("grant-form").Locator("select").First.SelectOptionAsync("LongTermUseRight");
        // a use right is shared among the completers: their shares of it sum to 100 (the form proposes ownership shares)
        var shares = page.GetByTestId("grant-shares").Locator("tbody tr");
        await Assertions.Expect(shares).ToHaveCountAsync(2);
        await Assertions.Expect(shares.Nth(0).GetByLabel("姓名")).ToHaveValueAsync("陈教授");
        await shares.Nth(0).GetByLabel("份额（%）").FillAsync("60");
        await Assertions.Expect(shares.Nth(1).GetByLabel("姓名")).ToHaveValueAsync("刘副院长");
        await shares.Nth(1).GetByLabel("份额（%）").FillAsync("40");
        await page.GetByTestId("term-start").FillAsync("2026-03-02");
        await page.GetByTestId("term-end").FillAsync("2036-02-29");
        await page.GetByLabel("收益分配约定", new() { Exact = true }).FillAsync("许可收益单位 30%、完成人 70%");
        await page.GetByLabel("决策机制", new() { Exact = true }).FillAsync("完成人决策，单位备案");
        await page.GetByLabel("费用分担", new() { Exact = true }).FillAsync("维持费用由完成人承担");
        await page.GetByTestId("submit-grant").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary, [role=alert]").First).ToContainTextAsync("2036-03-01");
        await page.GetByTestId("term-end").FillAsync("2036-03-01");
        await page.GetByTestId("submit-grant").ClickAsync();
        await Assertions.Expect(page.GetByTestId("term")).ToHaveTextAsync("2026-03-02 至 2036-03-01（含首尾两日）");
        await page.ScreenshotAsync("rights-grant-long-term-use");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Office_sees_idle_achievements_with_their_age_in_english()
    {
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/achievements/idle?culture=en&ui-culture=en");
        await Assertions.Expect(page.GetByTestId("idle-list")).ToContainTextAsync("Biodegradable magnesium-alloy cardiovascular stent");
        await page.ScreenshotAsync("achievements-idle-en");
        await page.Context.CloseAsync();
    }
}
