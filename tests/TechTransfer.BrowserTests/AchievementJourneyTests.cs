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
        await researcher.GetByLabel("技术领域（学科）").FillAsync("材料科学");
        await researcher.GetByLabel("技术成熟度（1–9）").FillAsync("4");
        await researcher.GetByLabel("项目编号（逗号分隔）").FillAsync("国家自然科学基金 52272200");
        await researcher.GetByLabel("完成人（每行：姓名,贡献%[,领导]）").FillAsync("陈教授,70\n赵博士,30");
        await researcher.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(researcher).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/achievements/[0-9a-f-]{36}$"));
        var url = researcher.Url;
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
