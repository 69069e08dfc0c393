using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The settlement page of a deal in Chromium on the demo data: the operator records the buyer's payment and the payout of
/// the sold demo auction's confirmed deal (with its session, through the API and an Idempotency-Key), then the page shows
/// balances, the journal and the schedule in Chinese; the winning bidder (a party) reads it in English. axe and CSP are
/// checked on every page by the fixture.
/// </summary>
public sealed class SettlementJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_operator_records_a_payment_and_a_payout_and_the_parties_read_the_ledger_in_both_languages()
    {
        var op = await browser.NewPageAsync();
        await op.SignInAsync("exchange.operator");
        var deals = await op.APIRequest.GetAsync("/api/v1/exchange/deals?status=Confirmed");
        Assert.True(deals.Ok, await deals.TextAsync());
        var deal = (await deals.JsonAsync())!.Value.GetProperty("items")[0];
        var id = deal.GetProperty("id").GetGuid();
        var price = deal.GetProperty("priceYuan").GetDecimal();
        var detail = await op.APIRequest.GetAsync($"/api/v1/exchange/deals/{id}");
        var buyerCommission = (await detail.JsonAsync())!.Value.GetProperty("buyerCommissionYuan").GetDecimal();
        async Task Post(string op2, object body)
        {
            var r = await op.APIRequest.PostAsync($"/api/v1/deals/{id}/settlement/{op2}", new APIRequestContextOptions
            {
                DataObject = body, Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            });
            Assert.True(r.Status == 201, await r.TextAsync());
        }
        await Post("payments", new { amount = price + buyerCommission, reference = "ICBC-20261207-0001" });
        await Post("payouts", new { amount = price, brokerCommission = 100m });
        await op.GotoAsync($"/settlement/deals/{id}");
        await Assertions.Expect(op.GetByTestId("settlement-reconciled")).ToHaveTextAsync("借贷平衡，余额与分录一致");
        await Assertions.Expect(op.GetByTestId("settlement-transfers").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(op.GetByTestId("settlement-transfers")).ToContainTextAsync("向卖方结算");
        await Assertions.Expect(op.GetByTestId("settlement-escrow")).ToHaveTextAsync("0.00 元");
        await op.ScreenshotAsync("settlement-operator-zh");
        await op.Context.CloseAsync();

        var winner = await browser.NewPageAsync("en");
        await winner.SignInAsync("enterprise.lvneng");
        await winner.GotoAsync($"/exchange/deals/{id}");
        await winner.GetByTestId("deal-settlement-link").ClickAsync();
        await Assertions.Expect(winner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/settlement/deals/{id}$"));
        await Assertions.Expect(winner.GetByTestId("settlement-reconciled")).ToHaveTextAsync("Balanced; every balance equals its entries");
        await Assertions.Expect(winner.GetByTestId("settlement-accounts")).ToContainTextAsync("Payable to the seller");
        await Assertions.Expect(winner.GetByTestId("settlement-outstanding")).ToHaveTextAsync("¥0.00");
        await winner.ScreenshotAsync("settlement-winner-en");
        await winner.GetByTestId("settlement-deal-link").ClickAsync();
        await Assertions.Expect(winner.GetByTestId("deal-status")).ToBeVisibleAsync();
        await winner.Context.CloseAsync();
    }
}
