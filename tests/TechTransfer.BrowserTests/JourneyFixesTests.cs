using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>
/// Issue 12's journeys that used to dead-end, end to end in Chromium on the demo data, in Chinese and in English: the
/// open-licence declaration (an eligible patent picked, the others marked with the reason, a failing draft corrected and
/// submitted, a submission and a draft withdrawn, a draft deleted) and the licensing contract (licence scope, territory
/// and term, the sub-types following the category without a reload and without losing input, the buyer picked from the
/// registry, saved) that the buyer organisation then sees.
/// </summary>
public sealed class JourneyFixesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Fudan's patents in the demo data (the start of each application number as stored, digits only):
    // the only one free to declare, one not granted, one with a draft declaration.
    private const string Quantum = "201910776612";
    private const string LiverNotGranted = "202310221100";
    private const string MemsWithDraft = "202010334455";

    private static Func<string, string, string> Words(string language) => (zh, en) => language == "en" ? en : zh;

    private static async Task PickPatentAsync(IPage page, string applicationNo)
    {
        var option = page.Locator("#d-patent option", new() { HasText = applicationNo });
        await page.Locator("#d-patent").SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
    }

    /// <summary>A new draft for the quantum magnetometer with a lump-sum fee, saved; returns the declaration's URL.</summary>
    private static async Task<string> SaveNewDraftAsync(IPage page, Func<string, string, string> t, string fee)
    {
        await page.GotoAsync("/open-licenses/new");
        await PickPatentAsync(page, Quantum);
        await page.Locator("#d-fixed").FillAsync(fee);
        await page.GetByRole(AriaRole.Button, new() { Name = t("保存草稿", "Save draft") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/open-licenses/[0-9a-f-]{36}$"));
        return page.Url;
    }

    // Both languages run in order in this class on one app: each run leaves the quantum patent free to declare again.
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_office_picks_an_eligible_patent_corrects_a_failing_draft_submits_withdraws_and_deletes(string language)
    {
        var t = Words(language);
        var page = await browser.NewPageAsync(language);
        await page.SignInAsync("tto.fudan");
        await page.GotoAsync("/open-licenses/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(t("新建开放许可声明", "New open-licence declaration"));

        // the picker: eligible patents can be chosen; the others are disabled and say why
        var liver = page.Locator("#d-patent option", new() { HasText = LiverNotGranted });
        await Assertions.Expect(liver).ToBeDisabledAsync();
        await Assertions.Expect(liver).ToContainTextAsync(t("尚未授权", "not granted yet"));
        await Assertions.Expect(page.Locator("#d-patent option", new() { HasText = MemsWithDraft })).ToContainTextAsync(t("已声明开放许可", "already declared"));
        await Assertions.Expect(page.Locator("#d-patent option", new() { HasText = Quantum })).ToBeEnabledAsync();

        // the fee fields follow the payment mode without a reload, keeping what was typed
        await page.Locator("#d-fixed").FillAsync("50000");
        await page.Locator("#d-mode").SelectOptionAsync("Royalty");
        await Assertions.Expect(page.Locator("#d-fixed")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#d-rate")).ToBeVisibleAsync();
        await page.Locator("#d-mode").SelectOptionAsync("LumpSumOnce");
        await Assertions.Expect(page.Locator("#d-fixed")).ToHaveValueAsync("50000");
        await Assertions.Expect(page.Locator("#d-rate")).ToBeHiddenAsync();

        await PickPatentAsync(page, Quantum);
        await page.Locator("#d-other").FillAsync("国内首创的量子磁力计技术");
        await page.ScreenshotAsync($"open-licence-new-{language}");
        await page.GetByRole(AriaRole.Button, new() { Name = t("保存草稿", "Save draft") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/open-licenses/[0-9a-f-]{36}$"));
        var url = page.Url;

        // the checks fail (the quantum patent is pledged and no pledgee consent is named): the page says what and how to go on
        var submit = page.GetByRole(AriaRole.Button, new() { Name = t("审查并提交国家知识产权局", "Check and submit to CNIPA") });
        await submit.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(t("质押", "pledgee"));
        await Assertions.Expect(page.GetByTestId("correct-hint")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"open-licence-draft-failed-{language}");

        // corrected (the consent named, the terms reworded) and submitted
        await page.GetByTestId("edit-draft").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(t("修改开放许可声明草稿", "Edit the open-licence draft"));
        await Assertions.Expect(page.Locator("#d-fixed")).ToHaveValueAsync(new Regex(@"^50000(\.0+)?$"));
        await page.Locator("#d-consent").FillAsync("质权人同意书 2026-017");
        await page.Locator("#d-other").FillAsync("许可方提供技术资料和一次现场培训");
        await page.GetByRole(AriaRole.Button, new() { Name = t("保存草稿", "Save draft") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await submit.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t("已通过审查并提交", "Checked and submitted."));

        // a submission not yet announced is withdrawn at once (never public); the patent can be declared again
        await page.GetByTestId("withdraw-submission").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-licence-status")).ToHaveTextAsync(t("已撤回申报", "Withdrawn before announcement"));

        // a new draft of it is withdrawn (kept, never public) …
        await SaveNewDraftAsync(page, t, "40000");
        await page.GetByTestId("withdraw-draft").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t("已撤回", "Withdrawn"));
        await page.ScreenshotAsync($"open-licence-draft-withdrawn-{language}");

        // … and another one deleted, which leaves the patent free
        await SaveNewDraftAsync(page, t, "30000");
        await page.GetByTestId("delete-draft").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/open-licenses/mine"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t("草稿已删除", "The draft was deleted."));
        await page.GotoAsync("/open-licenses/new");
        await Assertions.Expect(page.Locator("#d-patent option", new() { HasText = Quantum })).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN", "en")]
    [InlineData("en", "zh-CN")]
    public async Task The_office_drafts_a_licensing_contract_with_the_buyer_from_the_registry_and_the_buyer_sees_it(string sellerLanguage, string buyerLanguage)
    {
        var t = Words(sellerLanguage);
        var project = $"许可合同旅程 {Guid.NewGuid():N}"[..14];

        var seller = await browser.NewPageAsync(sellerLanguage);
        await seller.SignInAsync("tto.fudan");
        await seller.GotoAsync("/contracts/new");
        // the seller is the user's organisation
        await Assertions.Expect(seller.Locator("#sellerName")).ToHaveValueAsync(new Regex("复旦大学"));
        await ContractFormFill.FillBasicsAsync(seller, project, 600_000m, years: 3);

        // the sub-types and the licence terms follow the category, without a reload and keeping what was typed
        await Assertions.Expect(seller.GetByTestId("licence-terms")).ToBeHiddenAsync();
        // (an option's visibility is not observable in Playwright: forms.js disables the options it hides)
        await Assertions.Expect(seller.Locator("#subType option[value='PatentLicense']")).ToBeDisabledAsync();
        await seller.Locator("#category").SelectOptionAsync("Licensing");
        await Assertions.Expect(seller.GetByTestId("licence-terms")).ToBeVisibleAsync();
        await Assertions.Expect(seller.GetByTestId("licence-terms")).ToContainTextAsync(t("许可地域", "Territory"));
        await Assertions.Expect(seller.Locator("#subType option[value='Commissioned']")).ToBeDisabledAsync();
        await Assertions.Expect(seller.Locator("#subType option[value='PatentLicense']")).ToBeEnabledAsync();
        await Assertions.Expect(seller.Locator("#projectName")).ToHaveValueAsync(project);
        await Assertions.Expect(seller.Locator("#totalAmount")).ToHaveValueAsync("600000");
        await ContractFormFill.FillLicenceAsync(seller, "TechnicalSecretLicense", "NonExclusive", "中国大陆", years: 3);

        // the buyer from the registry: the free-entry fields go away
        await Assertions.Expect(seller.GetByTestId("buyer-free-entry")).ToBeVisibleAsync();
        await Assertions.Expect(seller.GetByRole(AriaRole.Combobox, new() { Name = t("从机构库选择", "Choose from the organisation registry") })).ToBeVisibleAsync();
        await ContractFormFill.PickBuyerAsync(seller, t("智芯", "zhixin"), t("上海智芯微电子科技有限公司（示例）", "Shanghai Zhixin Microelectronics Co. (demo)"),
            $"contract-party-picker-{sellerLanguage}");
        await Assertions.Expect(seller.GetByTestId("buyer-free-entry")).ToBeHiddenAsync();
        await seller.ScreenshotAsync($"licensing-contract-form-{sellerLanguage}");
        await seller.GetByTestId("save-contract").ClickAsync();
        await Assertions.Expect(seller).ToHaveURLAsync(new Regex("/contracts/[0-9a-f-]{36}"));
        await Assertions.Expect(seller.Locator("main")).ToContainTextAsync("上海智芯微电子科技有限公司");
        await Assertions.Expect(seller.Locator("main")).ToContainTextAsync("中国大陆");
        await seller.ScreenshotAsync($"licensing-contract-saved-{sellerLanguage}");
        var url = seller.Url.Split('?')[0];
        await seller.Context.CloseAsync();

        // the buyer organisation's user sees the contract
        var buyer = await browser.NewPageAsync(buyerLanguage);
        await buyer.SignInAsync("enterprise.zhixin");
        await buyer.GotoAsync("/contracts");
        await Assertions.Expect(buyer.Locator("main")).ToContainTextAsync(project);
        await buyer.GotoAsync(url);
        await Assertions.Expect(buyer.Locator("h1")).ToContainTextAsync(project);
        await buyer.ScreenshotAsync($"licensing-contract-buyer-{buyerLanguage}");
        await buyer.Context.CloseAsync();
    }
}
