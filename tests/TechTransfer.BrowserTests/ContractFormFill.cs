using System.Globalization;
using Microsoft.Playwright;
using TechTransfer.Contracts.Domain;

namespace TechTransfer.BrowserTests;

/// <summary>
/// Filling the contract form (<c>/contracts/new</c>, <c>/contracts/{id}/edit</c>) the way a seller does, once for every
/// contract journey: the project and dates, a buyer entered by hand (not registered) or picked from the registry, and the
/// licence terms of a licensing contract. The seller is prefilled from the user's organisation by the page itself.
/// </summary>
internal static class ContractFormFill
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Project name, signing date (yesterday), validity (from yesterday for the given years) and total amount.</summary>
    public static async Task FillBasicsAsync(IPage page, string project, decimal totalYuan, int years = 1)
    {
        await page.Locator("#projectName").FillAsync(project);
        await page.Locator("#signedDate").FillAsync(Iso(Today.AddDays(-1)));
        await page.Locator("#validFrom").FillAsync(Iso(Today.AddDays(-1)));
        await page.Locator("#validTo").FillAsync(Iso(Today.AddYears(years)));
        await page.Locator("#totalAmount").FillAsync(totalYuan.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A buyer that is not in the registry, entered by hand (the demo's Suzhou enterprise).</summary>
    public static async Task FillUnregisteredBuyerAsync(IPage page)
    {
        await page.Locator("#buyerName").FillAsync("苏州精工丝杠传动有限公司（示例）");
        await page.Locator("#buyerCode").FillAsync(UnifiedSocialCreditCode.WithCheckCharacter("91320500MA1XY0002"));
        await page.Locator("#buyerDivision").SelectOptionAsync("320500"); // 苏州市, chosen by name
    }

    /// <summary>The buyer picked from the registry the way a keyboard user does: part of its name typed into the completer
    /// (forms.js over the organisations list API), ArrowDown to the match showing <paramref name="organizationName"/>, Enter.
    /// <paramref name="picker"/> is the picker's hidden input id (<c>OrgPicker</c>: the contract's buyerOrg, a deal's dealBuyerOrg).</summary>
    public static async Task PickBuyerAsync(IPage page, string typed, string organizationName, string? screenshot = null, string picker = "buyerOrg")
    {
        var search = page.Locator($"#{picker}Search");
        await search.FillAsync("");
        await search.PressSequentiallyAsync(typed);
        var options = page.Locator($"#{picker}Options [role=option]");
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        await Assertions.Expect(search).ToHaveAttributeAsync("aria-expanded", "true");
        var texts = await options.AllInnerTextsAsync();
        var index = texts.ToList().FindIndex(t => t.Contains(organizationName, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no option shows {organizationName}: {string.Join(" | ", texts)}");
        for (var i = 0; i <= index; i++) await search.PressAsync("ArrowDown");
        await Assertions.Expect(options.Nth(index)).ToHaveAttributeAsync("aria-selected", "true");
        if (screenshot is not null) await page.ScreenshotAsync(screenshot);
        await search.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#{picker}Options")).ToBeHiddenAsync();
        await Assertions.Expect(search).ToHaveValueAsync(organizationName);
        await Assertions.Expect(page.Locator($"#{picker}")).Not.ToHaveValueAsync("");
    }

    /// <summary>A licensing contract: category, sub-type, scope, territory and a licence term of <paramref name="years"/> years from today.</summary>
    public static async Task FillLicenceAsync(IPage page, string subType, string scope, string territory, int years)
    {
        await page.Locator("#category").SelectOptionAsync("Licensing");
        await page.Locator("#subType").SelectOptionAsync(subType);
        await page.Locator("#licenceScope").SelectOptionAsync(scope);
        await page.Locator("#licenceTerritory").FillAsync(territory);
        await page.Locator("#licenceFrom").FillAsync(Iso(Today));
        await page.Locator("#licenceTo").FillAsync(Iso(Today.AddYears(years)));
    }
}
