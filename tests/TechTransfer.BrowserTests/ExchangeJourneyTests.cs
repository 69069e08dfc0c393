using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The exchange in Chromium on the demo data (axe and CSP checked on every page by the fixture): the operator reviews a
/// listing (rectify with reasons, resubmission, approval) in Chinese and the office drafts a listing of an achievement; a visitor objects through a public notice and the
/// operator decides the objections with reasons, the listing showing the result; a valuation is entered and a value
/// chosen, in English.
/// </summary>
public sealed class ExchangeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_operator_returns_a_listing_for_rectification_and_approves_it_after_resubmission()
    {
        var op = await browser.NewPageAsync();
        await op.SignInAsync("exchange.operator");
        await op.GotoAsync("/exchange/review");
        var row = op.GetByTestId("listing-review-table").Locator("tr", new() { HasText = "专利作价投资" });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(op.GetByTestId("listing-status")).ToHaveTextAsync("审核中");
        var url = op.Url;

        await op.GetByTestId("rectify-reason").FillAsync("请补充作价投资的评估报告");
        await op.GetByTestId("rectify-listing").ClickAsync();
        await Assertions.Expect(op.GetByTestId("listing-message")).ToContainTextAsync("已退回整改");
        await Assertions.Expect(op.GetByTestId("listing-status")).ToHaveTextAsync("退回整改");

        var office = await browser.NewPageAsync();
        await office.SignInAsync("tto.fudan");
        await office.GotoAsync(url);
        await Assertions.Expect(office.Locator(".alert-error", new() { HasText = "请补充作价投资的评估报告" })).ToBeVisibleAsync();
        await office.GetByTestId("submit-listing").ClickAsync();
        await Assertions.Expect(office.GetByTestId("listing-status")).ToHaveTextAsync("审核中");

        await op.GotoAsync(url);
        await op.GetByTestId("approve-comment").FillAsync("已补充评估报告，准予挂牌");
        await op.GetByTestId("approve-listing").ClickAsync();
        await Assertions.Expect(op.GetByTestId("listing-message")).ToContainTextAsync("已挂牌");
        await Assertions.Expect(op.GetByTestId("listing-status")).ToHaveTextAsync("挂牌中");
        await op.ScreenshotAsync("exchange-review-approved");

        await office.GotoAsync(url);
        await Assertions.Expect(office.GetByTestId("listing-status")).ToHaveTextAsync("挂牌中");
        Assert.Empty(browser.CspViolationsOf(op));

        // the office lists an achievement: choosing the subject swaps the patent list for the achievement picker without
        // losing what was typed; a refused save keeps the input and says what is missing
        await office.GotoAsync("/exchange/listings/new");
        await office.GetByTestId("listing-title-input").FillAsync("成果挂牌 浏览器");
        await Assertions.Expect(office.GetByTestId("listing-achievement-block")).ToBeHiddenAsync();
        await office.GetByTestId("listing-subject-choice").SelectOptionAsync("Achievement");
        await Assertions.Expect(office.GetByTestId("listing-patent-block")).ToBeHiddenAsync();
        await Assertions.Expect(office.GetByTestId("listing-title-input")).ToHaveValueAsync("成果挂牌 浏览器");
        await office.GetByTestId("listing-description").FillAsync("课题组完成的工艺成果，含技术秘密，拟挂牌转让。");
        await office.GetByTestId("listing-method").SelectOptionAsync("ExchangeListing");
        await office.GetByTestId("listing-price-input").FillAsync("300000");
        await office.GetByTestId("save-listing").ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Alert)).ToContainTextAsync("成果挂牌须选择科技成果");
        await Assertions.Expect(office.GetByTestId("listing-title-input")).ToHaveValueAsync("成果挂牌 浏览器");
        await Assertions.Expect(office.GetByTestId("listing-patent-block")).ToBeHiddenAsync();
        await office.GetByTestId("listing-achievement").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.ScreenshotAsync("exchange-listing-new-achievement-zh");
        await office.GetByTestId("save-listing").ClickAsync();
        await Assertions.Expect(office.GetByTestId("listing-status")).ToHaveTextAsync("草稿");
        await Assertions.Expect(office.GetByTestId("listing-subject")).ToHaveTextAsync("科技成果");
        await office.ScreenshotAsync("exchange-listing-achievement-draft-zh");
        await office.Context.CloseAsync();
        await op.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_objects_through_the_public_notice_and_the_operator_decides_with_reasons()
    {
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/exchange/listings");
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("专利转让") }).First.ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("public-notice")).ToBeVisibleAsync();
        var url = visitor.Url;
        await visitor.GetByTestId("objection-name").FillAsync("孙女士");
        await visitor.GetByTestId("objection-contact").FillAsync("sun@example.cn");
        await visitor.GetByTestId("objection-text").FillAsync("该专利的完成人名单与登记信息不一致，请核实。");
        await visitor.GetByTestId("submit-objection").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("listing-message")).ToContainTextAsync("异议已收到");
        // the public sees the objection, the objector's name masked
        await Assertions.Expect(visitor.GetByTestId("objection").Filter(new() { HasText = "完成人名单" })).ToContainTextAsync("孙**");

        var op = await browser.NewPageAsync();
        await op.SignInAsync("exchange.operator");
        await op.GotoAsync(url);
        var raised = op.GetByTestId("objection").Filter(new() { HasText = "完成人名单" });
        await raised.GetByTestId("objection-decision").SelectOptionAsync("Dismiss");
        await raised.GetByTestId("objection-reason").FillAsync("经核对，完成人名单与成果登记一致");
        await raised.GetByTestId("decide-objection").ClickAsync();
        await Assertions.Expect(op.GetByTestId("listing-message")).ToContainTextAsync("异议已处理");
        await Assertions.Expect(op.GetByTestId("objection").Filter(new() { HasText = "完成人名单" }).GetByTestId("objection-status")).ToHaveTextAsync("已驳回");

        // the public notice shows the decision and its reasons
        await visitor.GotoAsync(url);
        await Assertions.Expect(visitor.GetByTestId("objection").Filter(new() { HasText = "完成人名单" })).ToContainTextAsync("驳回异议（经核对，完成人名单与成果登记一致）");

        // the other objection (the price) is upheld: the listing goes back to be re-priced
        var price = op.GetByTestId("objection").Filter(new() { HasText = "同类专利" });
        await price.GetByTestId("objection-decision").SelectOptionAsync("UpholdAndReprice");
        await price.GetByTestId("objection-reason").FillAsync("拟交易价格低于评估值，退回重新定价");
        await price.GetByTestId("decide-objection").ClickAsync();
        await Assertions.Expect(op.GetByTestId("listing-status")).ToHaveTextAsync("退回整改");
        await op.ScreenshotAsync("exchange-objections-decided");

        // the lister sees the listing back for re-pricing (its next publication restarts the notice)
        var office = await browser.NewPageAsync();
        await office.SignInAsync("tto.fudan");
        await office.GotoAsync(url);
        await Assertions.Expect(office.GetByTestId("listing-status")).ToHaveTextAsync("退回整改");
        await office.Context.CloseAsync();
        await op.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task The_holder_enters_a_valuation_and_chooses_the_value_in_English()
    {
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/exchange/listings");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("专利普通许可|\\(ordinary licence\\)") }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("listing-subject")).ToHaveTextAsync("Patent");
        await page.ScreenshotAsync("exchange-listing-detail-en");
        await page.GetByTestId("valuation-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Valuation");
        // the demo valuation: two runs and the chosen value
        await Assertions.Expect(page.GetByTestId("valuation-run")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("market-not-enough")).ToContainTextAsync("Not enough comparables");

        await page.Locator("#c-c").FillAsync("500000");
        await page.Locator("#c-p").FillAsync("10");
        await page.Locator("#c-f").FillAsync("20");
        await page.Locator("#c-e").FillAsync("0");
        await page.GetByTestId("run-cost").ClickAsync();
        await Assertions.Expect(page.GetByTestId("valuation-message")).ToContainTextAsync("Cost approach calculated and kept: ¥360,000.00");

        // the dependent fields follow the method without a reload
        await page.Locator("#i-method").SelectOptionAsync("ProfitSplit");
        await Assertions.Expect(page.Locator("#i-margin")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#i-royalty")).ToBeHiddenAsync();
        await page.Locator("#i-discount").FillAsync("10");
        await page.Locator("#i-tax").FillAsync("25");
        await page.Locator("#i-margin").FillAsync("20");
        await page.Locator("#i-share").FillAsync("25");
        var revenue = page.GetByTestId("revenue-input");
        await revenue.Nth(0).FillAsync("1000000");
        await revenue.Nth(1).FillAsync("2000000");
        await revenue.Nth(2).FillAsync("2000000");
        await page.GetByTestId("run-income").ClickAsync();
        await Assertions.Expect(page.GetByTestId("valuation-message")).ToContainTextAsync("Income approach calculated and kept");
        var dcf = page.GetByTestId("valuation-run").First.GetByTestId("dcf-years");
        await Assertions.Expect(dcf.Locator("tbody tr")).ToHaveCountAsync(4); // three years and the total
        await Assertions.Expect(dcf).ToContainTextAsync("0.909091"); // 1 ÷ 1.1

        await page.GetByTestId("choice-basis").SelectOptionAsync("Cost");
        await page.GetByTestId("choice-value").FillAsync("300000");
        await page.GetByTestId("choice-rationale").FillAsync("Income forecast unproven; the cost approach is the floor.");
        await page.GetByTestId("choose-value").ClickAsync();
        await Assertions.Expect(page.GetByTestId("valuation-message")).ToContainTextAsync("The chosen value was saved");
        await Assertions.Expect(page.GetByTestId("chosen-value")).ToHaveTextAsync("¥300,000.00");
        await Assertions.Expect(page.GetByTestId("chosen-rationale")).ToHaveTextAsync("Income forecast unproven; the cost approach is the floor.");
        await page.ScreenshotAsync("exchange-valuation-en");

        // the new-listing page in English offers an achievement too
        await page.GotoAsync("/exchange/listings/new");
        await page.GetByTestId("listing-subject-choice").SelectOptionAsync("Achievement");
        await Assertions.Expect(page.GetByTestId("listing-achievement-block")).ToContainTextAsync("Achievement to list");
        await page.ScreenshotAsync("exchange-listing-new-en");
        Assert.Empty(browser.CspViolationsOf(page));
        await page.Context.CloseAsync();
    }
}
