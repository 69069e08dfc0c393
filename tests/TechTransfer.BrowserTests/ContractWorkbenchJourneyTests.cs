using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TechTransfer.Contracts.Domain;

namespace TechTransfer.BrowserTests;

/// <summary>Registrar workbench in Chromium: two submitted contracts are selected and accepted in one bulk action.</summary>
public sealed class ContractWorkbenchJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The seller (signed in on <paramref name="page"/>) drafts, attaches and submits a contract through the API with its session.</summary>
    private static async Task<Guid> SubmitThroughApiAsync(IPage page, Guid sellerOrg, string project)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = await page.APIRequest.PostAsync("/api/v1/contracts", new APIRequestContextOptions
        {
            DataObject = new
            {
                projectName = project, category = "Development", subType = "Commissioned", form = "Written",
                signedDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                validFrom = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                validTo = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                totalAmount = 800_000m,
                parties = new object[]
                {
                    new { role = "Seller", name = "复旦大学", creditCode = UnifiedSocialCreditCode.WithCheckCharacter("12310110MA1FL0001"), entityNature = "022", countryCode = "CHN", divisionCode = "310110", organizationId = sellerOrg },
                    new { role = "Buyer", name = "苏州精工丝杠传动有限公司（示例）", creditCode = UnifiedSocialCreditCode.WithCheckCharacter("91320500MA1XY0002"), entityNature = "150", countryCode = "CHN", divisionCode = "320500" },
                },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var id = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        var attached = await page.APIRequest.PostAsync($"/api/v1/contracts/{id}/attachments", new APIRequestContextOptions
        {
            DataObject = new { kind = "ContractText", fileName = "合同文本.pdf", contentType = "application/pdf", sizeBytes = 1000 },
        });
        Assert.True(attached.Ok, await attached.TextAsync());
        var submitted = await page.APIRequest.PostAsync($"/api/v1/contracts/{id}/submit");
        Assert.True(submitted.Ok, await submitted.TextAsync());
        return id;
    }

    [Fact]
    public async Task Registrar_selects_two_submitted_contracts_and_accepts_them_in_one_bulk_action()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var seller = await browser.NewPageAsync();
        await seller.SignInAsync("tto.fudan");
        var me = await seller.APIRequest.GetAsync("/api/v1/auth/me");
        var sellerOrg = (await me.JsonAsync())!.Value.GetProperty("organizationId").GetGuid();
        var first = await SubmitThroughApiAsync(seller, sellerOrg, $"批量受理甲 {token}");
        var second = await SubmitThroughApiAsync(seller, sellerOrg, $"批量受理乙 {token}");

        var registrar = await browser.NewPageAsync();
        await registrar.SignInAsync("registrar");
        await registrar.GotoAsync($"/contracts/workbench?q={token}");
        var table = registrar.GetByTestId("contract-table");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await registrar.GetByTestId($"select-{first}").CheckAsync();
        await registrar.GetByTestId($"select-{second}").CheckAsync();
        await registrar.GetByTestId("bulk-accept").ClickAsync();

        var result = registrar.GetByTestId("bulk-result");
        await Assertions.Expect(result).ToContainTextAsync("成功 2 件，未办理 0 件");
        await Assertions.Expect(result.GetByTestId("bulk-item")).ToHaveCountAsync(2);
        await Assertions.Expect(registrar.GetByTestId("contract-table").GetByTestId("status")).ToHaveTextAsync(["已受理", "已受理"]);
        await registrar.ScreenshotAsync("workbench-bulk-accept");

        // each contract was accepted on its own: its page shows the acceptance and a due date
        await registrar.GotoAsync($"/contracts/{first}");
        await Assertions.Expect(registrar.GetByTestId("contract-status")).ToHaveTextAsync("已受理");
    }
}
