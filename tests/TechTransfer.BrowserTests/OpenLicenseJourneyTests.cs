using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>Open licensing in Chromium on the demo data: an SME takes a licence in a few clicks; the office submits and announces a declaration; R3.10 shows on the patent page.</summary>
public sealed class OpenLicenseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_enterprise_takes_an_open_licence_from_the_public_catalogue()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync("/open-licenses");
        var card = page.Locator("article", new() { HasText = "一种锂电池极片视觉检测装置" });
        await card.GetByRole(AriaRole.Link, new() { Name = "查看条件并获取许可" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("一种锂电池极片视觉检测装置");

        await page.Locator("#take-name").FillAsync("上海智芯微电子科技有限公司");
        await page.Locator("#take-notice").FillAsync("ZX-2026-TEST");
        await page.GetByRole(AriaRole.Button, new() { Name = "发出书面通知" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("书面通知已登记");

        await page.Locator("#pay-ref").FillAsync("回单-TEST");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记付款" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("许可已生效");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("已生效");
        await page.ScreenshotAsync("open-licence-taken");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_submits_and_announces_a_draft_declaration()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/open-licenses/mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "一种低功耗MEMS气体传感芯片及其制备方法" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "审查并提交国家知识产权局" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已通过审查并提交");
        await page.Locator("#act-no").FillAsync("CN-KFXK-2026-TEST");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记公告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("开放许可实施中");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_exclusive_licence_on_an_open_licensed_patent_is_refused_with_the_rule()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/patents?q=2021104823015");
        await page.GetByRole(AriaRole.Link, new() { Name = "2021104823015" }).ClickAsync();
        await page.Locator("#l-who").FillAsync("某企业");
        await page.Locator("#l-scope").SelectOptionAsync("Exclusive");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记许可" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("专利法第五十一条"); // R3.10, cited by its article
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_patent_form_shown_before_someone_else_changed_the_patent_is_refused_with_the_conflict_message()
    {
        var stale = await browser.NewPageAsync();
        await stale.SignInAsync("tto.sjtu");
        await stale.GotoAsync("/patents?q=2020105566778");
        await stale.GetByRole(AriaRole.Link, new() { Name = "2020105566778" }).ClickAsync();
        var url = stale.Url;

        var other = await browser.NewPageAsync();
        await other.SignInAsync("tto.sjtu");
        await other.GotoAsync(url);
        await other.Locator("#pl-who").FillAsync("上海银行科技支行");
        await other.GetByRole(AriaRole.Button, new() { Name = "登记质押" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await other.Context.CloseAsync();

        // The first page still carries the version it was shown with: its change is refused, nothing is overwritten.
        await stale.Locator("#st-reason").FillAsync("权属纠纷");
        await stale.GetByRole(AriaRole.Button, new() { Name = "登记中止", Exact = true }).ClickAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Alert)).ToContainTextAsync("记录已被他人修改");
        await Assertions.Expect(stale.Locator("table").Nth(1)).ToContainTextAsync("上海银行科技支行"); // the record as it now is

        // Shown again with the current version, the same change goes through.
        await stale.Locator("#st-reason").FillAsync("权属纠纷");
        await stale.GetByRole(AriaRole.Button, new() { Name = "登记中止", Exact = true }).ClickAsync();
        await Assertions.Expect(stale.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await stale.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_picks_the_custody_operator_by_name_from_the_registry()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/custody/new");
        var options = await page.Locator("#c-op option").AllTextContentsAsync();
        Assert.Contains("上海长三角技术转移服务有限公司（示例）（技术转移机构）", options);
        Assert.DoesNotContain("复旦大学（高等院校）", options); // not the owner itself
        Assert.Contains("复旦大学附属中山医院（医疗机构）", options); // another institution may operate
        Assert.DoesNotContain(options, o => o.Contains("（企业）", StringComparison.Ordinal));

        await page.Locator("#c-no").FillAsync("TG-FD-2026-PICK");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择经营权人");

        await page.Locator("#c-op").SelectOptionAsync(new SelectOptionValue { Label = "上海长三角技术转移服务有限公司（示例）（技术转移机构）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("TG-FD-2026-PICK");
        await Assertions.Expect(page.GetByTestId("custody-facts")).ToContainTextAsync("上海长三角技术转移服务有限公司（示例）");
        await page.Context.CloseAsync();
    }
}
