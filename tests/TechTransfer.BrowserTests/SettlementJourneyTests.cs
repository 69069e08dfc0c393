using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The settlement page of a deal in Chromium on the demo data: the sold demo auction's confirmed deal starts with the
/// winner's deposit applied (the losers' released); the operator records the rest in two instalments and the payout
/// (with its session, through the API and an Idempotency-Key), then the page shows balances, the journal, the deposits
/// and the schedule in Chinese; the winning bidder (a party) reads it in English and sees its own deposit only. axe and CSP are
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
        // the demo deposits: the losers' released, the winner's applied to this deal when it was confirmed (the deposit job)
        var before = (await (await op.APIRequest.GetAsync($"/api/v1/deals/{id}/settlement")).JsonAsync())!.Value;
        var applied = before.GetProperty("received").GetDecimal();
        Assert.True(applied > 0, "the winner's deposit is applied to the demo deal");
        var rest = before.GetProperty("amountDue").GetDecimal() - applied;
        var first = Math.Round(rest / 2, 2);
        async Task Post(string op2, object body)
        {
            var r = await op.APIRequest.PostAsync($"/api/v1/deals/{id}/settlement/{op2}", new APIRequestContextOptions
            {
                DataObject = body, Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            });
            Assert.True(r.Status == 201, await r.TextAsync());
        }
        // the rest of the price and the buyer's commission in two instalments, then the payout to the seller
        await Post("payments", new { amount = first, reference = "ICBC-20261207-0001" });
        await Post("payments", new { amount = rest - first, reference = "ICBC-20261207-0002" });
        await Post("payouts", new { amount = price, brokerCommission = 100m });
        await op.GotoAsync($"/settlement/deals/{id}");
        await Assertions.Expect(op.GetByTestId("settlement-reconciled")).ToHaveTextAsync("借贷平衡，余额与分录一致");
        await Assertions.Expect(op.GetByTestId("settlement-transfers").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(op.GetByTestId("settlement-transfers")).ToContainTextAsync("保证金抵作价款");
        await Assertions.Expect(op.GetByTestId("settlement-transfers")).ToContainTextAsync("向卖方结算");
        await Assertions.Expect(op.GetByTestId("settlement-escrow")).ToHaveTextAsync("0.00 元");
        await Assertions.Expect(op.GetByTestId("settlement-deposits").GetByTestId("deposit-state").Filter(new() { HasText = "已退还" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(op.GetByTestId("settlement-deposits").GetByTestId("deposit-state").Filter(new() { HasText = "已抵作价款" })).ToHaveCountAsync(1);
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
        await Assertions.Expect(winner.GetByTestId("settlement-deposits").GetByTestId("deposit-row")).ToHaveCountAsync(1); // its own deposit only
        await Assertions.Expect(winner.GetByTestId("settlement-deposits")).ToContainTextAsync("Applied to the price");
        await winner.ScreenshotAsync("settlement-winner-en");
        await winner.GetByTestId("settlement-deal-link").ClickAsync();
        await Assertions.Expect(winner.GetByTestId("deal-status")).ToBeVisibleAsync();
        await winner.Context.CloseAsync();
    }
}
