using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The public verification page of a deal's evidence chain in Chromium on the demo data: the operator opens it from the
/// sold demo auction's confirmed deal (zh-CN) and downloads the attestation certificate; an anonymous visitor reads the
/// same page in English. axe and CSP are checked on every page by the fixture.
/// </summary>
public sealed class EvidenceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_operator_opens_the_public_verification_of_a_deal_and_an_anonymous_visitor_reads_it_in_english()
    {
        var op = await browser.NewPageAsync();
        await op.SignInAsync("exchange.operator");
        var deals = await op.APIRequest.GetAsync("/api/v1/exchange/deals?status=Confirmed");
        Assert.True(deals.Ok, await deals.TextAsync());
        var id = (await deals.JsonAsync())!.Value.GetProperty("items")[0].GetProperty("id").GetGuid();
        var pdf = await op.APIRequest.GetAsync($"/api/v1/exchange/deals/{id}/attestation.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await op.GotoAsync($"/exchange/deals/{id}");
        await Assertions.Expect(op.GetByTestId("deal-attestation")).ToHaveAttributeAsync("href", $"/api/v1/exchange/deals/{id}/attestation.pdf");
        await op.GetByTestId("deal-evidence-link").ClickAsync();
        await Assertions.Expect(op).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/evidence/deals/{id}$"));
        await Assertions.Expect(op.GetByTestId("evidence-state")).ToHaveTextAsync("完整");
        // the page shows what the public API verified: the deal's records, among them the winner's deposit applied to it (a ledger step)
        var verified = await op.APIRequest.GetAsync($"/api/v1/evidence/deals/{id}");
        var count = (await verified.JsonAsync())!.Value.GetProperty("recordCount").GetInt64();
        Assert.True(count >= 3, $"the demo deal's chain has {count} records");
        await Assertions.Expect(op.GetByTestId("evidence-count")).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(op.GetByTestId("evidence-steps")).ToContainTextAsync("成交确认书签署");
        await Assertions.Expect(op.GetByTestId("evidence-steps")).ToContainTextAsync("结算记账");
        await op.ScreenshotAsync("evidence-operator-zh");
        await op.Context.CloseAsync();

        var visitor = await browser.NewPageAsync("en");
        await visitor.GotoAsync($"/evidence/deals/{id}");
        await Assertions.Expect(visitor.GetByTestId("evidence-state")).ToHaveTextAsync("Intact");
        await Assertions.Expect(visitor.GetByTestId("evidence-steps")).ToContainTextAsync("Auction closed and sold (whole bid log sealed)");
        await Assertions.Expect(visitor.GetByTestId("evidence-head")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9a-f]{64}"));
        await Assertions.Expect(visitor.Locator("body")).Not.ToContainTextAsync("ICBC");
        await visitor.ScreenshotAsync("evidence-visitor-en");
        await visitor.Context.CloseAsync();
    }
}
