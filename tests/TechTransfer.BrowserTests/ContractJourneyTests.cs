using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// Contract registration in Chromium: a seller submits, the registrar requests a supplement, the seller supplements and
/// resubmits, the registrar registers and downloads the Chinese certificate.
/// </summary>
public sealed class ContractJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Seller_submits_registrar_requests_supplement_seller_resubmits_registrar_registers_and_downloads_the_certificate()
    {
        var project = $"浏览器旅程合同 {Guid.NewGuid():N}"[..16];

        var seller = await browser.NewPageAsync();
        await seller.SignInAsync("tto.fudan");
        await seller.GotoAsync("/contracts/new");
        await ContractFormFill.FillBasicsAsync(seller, project, 1200000m);
        await ContractFormFill.FillUnregisteredBuyerAsync(seller);
        await seller.GetByTestId("save-contract").ClickAsync();
        await Assertions.Expect(seller).ToHaveURLAsync(new Regex("/contracts/[0-9a-f-]{36}"));
        var url = seller.Url.Split('?')[0];

        var upload = seller.GetByTestId("upload-form");
        await upload.Locator("select[name='UploadKind']").SelectOptionAsync("ContractText");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "合同文本.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"),
        });
        await upload.Locator("button").ClickAsync();
        await Assertions.Expect(seller.GetByTestId("checks")).ToContainTextAsync("已上传合同文本");
        await Assertions.Expect(seller.GetByTestId("attachment-file")).ToContainTextAsync("合同文本.pdf");
        await seller.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(seller.GetByTestId("contract-status")).ToHaveTextAsync("已提交");

        var registrar = await browser.NewPageAsync();
        await registrar.SignInAsync("registrar");
        await registrar.GotoAsync("/contracts/workbench");
        await Assertions.Expect(registrar.GetByTestId("contract-table")).ToContainTextAsync(project);
        await registrar.GotoAsync(url);
        await registrar.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(registrar.GetByTestId("contract-status")).ToHaveTextAsync("已受理");
        await registrar.GetByTestId("supplement-text").FillAsync("请补充技术性收入核定表");
        await registrar.GetByTestId("request-supplement").ClickAsync();
        await Assertions.Expect(registrar.GetByTestId("contract-status")).ToHaveTextAsync("待补正");

        await seller.GotoAsync(url);
        await Assertions.Expect(seller.GetByRole(AriaRole.Alert)).ToContainTextAsync("请补充技术性收入核定表");
        await seller.Locator("select[name='Form.Attachment']").SelectOptionAsync("TechnicalIncomeAssessmentForm");
        await seller.Locator("[data-testid=attach-form] input[name='Form.Text']").FillAsync("技术性收入核定表.pdf");
        await seller.Locator("[data-testid=attach-form] button").ClickAsync();
        await seller.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(seller.GetByTestId("contract-status")).ToHaveTextAsync("已受理");

        await registrar.GotoAsync(url);
        await registrar.GetByTestId("register").ClickAsync();
        await Assertions.Expect(registrar.GetByTestId("contract-status")).ToHaveTextAsync("已登记");
        await Assertions.Expect(registrar.GetByTestId("registration-no")).ToHaveTextAsync(new Regex("^\\d{16}$"));
        await registrar.ScreenshotAsync("contract-registered");

        var download = await registrar.RunAndWaitForDownloadAsync(() => registrar.GetByTestId("certificate").ClickAsync());
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "certificate.pdf");
        await download.SaveAsAsync(path);
        Assert.StartsWith("%PDF-", File.ReadAllText(path)[..5]);

        await seller.Context.CloseAsync();
        await registrar.Context.CloseAsync();
    }

    [Fact]
    public async Task A_large_draft_is_flagged_and_an_edit_through_the_form_keeps_the_version_it_read()
    {
        var project = $"重大合同草稿 {Guid.NewGuid():N}"[..16];
        var seller = await browser.NewPageAsync();
        await seller.SignInAsync("tto.fudan");
        await seller.GotoAsync("/contracts/new");
        await ContractFormFill.FillBasicsAsync(seller, project, 6000000m);
        await ContractFormFill.FillUnregisteredBuyerAsync(seller);
        await seller.GetByTestId("save-contract").ClickAsync();
        await Assertions.Expect(seller).ToHaveURLAsync(new Regex("/contracts/[0-9a-f-]{36}"));
        var url = seller.Url.Split('?')[0];
        await Assertions.Expect(seller.GetByTestId("contract-status")).ToHaveTextAsync("草稿");
        await Assertions.Expect(seller.GetByTestId("large-contract")).ToHaveTextAsync("重大合同"); // R2.4, before submission

        await seller.GotoAsync(url + "/edit");
        await seller.Locator("#totalAmount").FillAsync("1000000");
        await seller.GetByTestId("save-contract").ClickAsync();
        await Assertions.Expect(seller).ToHaveURLAsync(new Regex("done=saved"));
        await Assertions.Expect(seller.GetByTestId("large-contract")).ToHaveCountAsync(0);
        await seller.Context.CloseAsync();
    }
}
