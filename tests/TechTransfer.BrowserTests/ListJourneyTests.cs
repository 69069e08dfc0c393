using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The shared list table in Chromium, in Chinese and English: the transfer office sorts the achievement list by a
/// column, changes the page size, sees the total, and downloads the Excel export of the filtered rows, which is opened
/// and checked against the rows on the page.
/// </summary>
public sealed class ListJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN", "成果名称", "导出 Excel")]
    [InlineData("en", "Title", "Export to Excel")]
    public async Task The_office_sorts_pages_and_exports_the_achievement_list(string locale, string titleHeader, string export)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync("tto.sjtu");
        await page.GotoAsync("/achievements");
        var table = page.GetByTestId("achievement-list");
        await Assertions.Expect(page.GetByTestId("list-total")).ToBeVisibleAsync();

        await table.Locator("thead a.sort", new() { HasTextString = titleHeader }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=title"));
        await Assertions.Expect(table.Locator("thead th[aria-sort='ascending']")).ToContainTextAsync(titleHeader);
        var ascending = await table.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        Assert.NotEmpty(ascending);

        await table.Locator("thead a.sort", new() { HasTextString = titleHeader }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(titleHeader);
        var descending = await table.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        Assert.Equal(ascending.Count, descending.Count);
        Assert.NotEqual(ascending, descending);

        await page.Locator(".page-sizes a", new() { HasTextString = "50" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("pageSize=50"));
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(titleHeader);
        var shown = await table.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        var totalText = await page.GetByTestId("list-total").InnerTextAsync();
        var total = int.Parse(Regex.Match(totalText, "\\d+").Value);
        await page.ScreenshotAsync("achievement-list-sorted-" + locale);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = export }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"achievements-{locale}-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(path);
        Assert.Equal(total, rows.Count);
        // the file is in the page's order: its first rows are the rows on the page
        Assert.Equal(shown, rows.Take(shown.Count).Select(r => r[titleHeader]?.ToString() ?? "").ToList());
        Assert.Empty(browser.CspViolationsOf(page));
        await page.Context.CloseAsync();
    }
}
