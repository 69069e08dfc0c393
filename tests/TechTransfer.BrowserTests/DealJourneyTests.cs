using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The exchange deal (成交) in Chromium on the demo data: the operator confirms the deal of the published ordinary-licence
/// listing, the operator and the buyer each sign the 成交确认书, the seller's office prepares the contract draft from the
/// deal; the sold demo auction's confirmed deal is shown to its winner in English. axe and CSP are checked on every page.
/// </summary>
public sealed class DealJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_confirms_a_deal_both_sides_sign_and_the_seller_prepares_the_contract_draft()
    {
        var op = await browser.NewPageAsync();
        await op.SignInAsync("exchange.operator");
        await op.GotoAsync("/exchange/listings");
        await op.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("专利普通许可") }).First.ClickAsync();
        await ContractFormFill.PickBuyerAsync(op, "智芯", "上海智芯微电子科技有限公司（示例）", picker: "dealBuyerOrg");
        await op.GetByTestId("confirm-deal-submit").ClickAsync();
        await Assertions.Expect(op.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认成交");
        await op.GetByTestId("listing-deals").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(op.GetByTestId("deal-status")).ToHaveTextAsync("待签署");
        await Assertions.Expect(op.GetByTestId("deal-buyer")).ToHaveTextAsync("上海智芯微电子科技有限公司（示例）");
        var dealUrl = op.Url;
        await op.GetByTestId("accept-deal").CheckAsync();
        await op.GetByTestId("sign-deal").ClickAsync();
        await Assertions.Expect(op.GetByRole(AriaRole.Status)).ToContainTextAsync("已签署成交确认书");
        await op.ScreenshotAsync("deal-operator-signed");
        await op.Context.CloseAsync();

        var buyer = await browser.NewPageAsync();
        await buyer.SignInAsync("enterprise.zhixin");
        await buyer.GotoAsync("/");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "待签署的成交确认书" }).First.ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("deals")).ToBeVisibleAsync();
        await buyer.GotoAsync(dealUrl);
        // a missing acceptance is refused with the field message, nothing signed
        await buyer.GetByTestId("sign-deal").ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Alert)).ToContainTextAsync("请确认已阅读并同意成交确认书");
        await buyer.GetByTestId("accept-deal").CheckAsync();
        await buyer.GetByTestId("sign-deal").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("deal-status")).ToHaveTextAsync("已确认");
        await Assertions.Expect(buyer.GetByTestId("prepare-contract")).ToHaveCountAsync(0); // the buyer does not draft (R2.8)
        await buyer.Context.CloseAsync();

        var seller = await browser.NewPageAsync();
        await seller.SignInAsync("tto.fudan");
        await seller.GotoAsync(dealUrl);
        await seller.ScreenshotAsync("deal-confirmed-seller");
        await seller.GetByTestId("prepare-contract").ClickAsync();
        await Assertions.Expect(seller.GetByTestId("prefill-source-type")).ToHaveTextAsync("技术交易所成交");
        await seller.GetByTestId("prefill-create").ClickAsync();
        // the address only (Commit): after a Blazor enhanced form post the load event may never come (BrowserFixture notes)
        await seller.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/contracts/[0-9a-f-]+/edit"), new() { WaitUntil = WaitUntilState.Commit });
        await seller.GotoAsync(dealUrl);
        await Assertions.Expect(seller.GetByTestId("deal-contract-link")).ToBeVisibleAsync();
        await seller.Context.CloseAsync();
    }

    [Fact]
    public async Task The_winner_of_the_sold_demo_auction_reads_its_confirmed_deal_in_English()
    {
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("enterprise.lvneng");
        await page.GotoAsync("/exchange/deals?status=Confirmed");
        await page.GetByTestId("deals").Locator("tbody a").First.ClickAsync(); // a row's link, not a sort header
        await Assertions.Expect(page.GetByTestId("deal-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.GetByTestId("signature-buyer")).Not.ToContainTextAsync("Not signed yet");
        await Assertions.Expect(page.GetByTestId("deal-pdf")).ToBeVisibleAsync();
        await page.ScreenshotAsync("deal-winner-en");
        await page.Context.CloseAsync();
    }
}
