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

    /// <summary>
    /// The contract list (the registrar) and the demand list (an enterprise), in both languages: sort by the first column
    /// either way, filter by a status (the sort is kept), change the page size (sort and filter are kept), and the
    /// downloaded export holds as many rows as the total, in the page's order.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "registrar", "/contracts", "contract-table", "项目名称", "Registered", "导出 Excel")]
    [InlineData("en", "registrar", "/contracts", "contract-table", "Project", "Registered", "Export to Excel")]
    [InlineData("zh-CN", "enterprise.zhixin", "/demands", "demand-table", "需求", "Published", "导出 Excel")]
    [InlineData("en", "enterprise.zhixin", "/demands", "demand-table", "Demand", "Published", "Export to Excel")]
    public async Task A_user_sorts_filters_pages_and_exports_a_list(string locale, string account, string path, string tableId, string firstHeader,
        string status, string export)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(account);
        await page.GotoAsync(path);
        var table = page.GetByTestId(tableId);
        var firstColumn = table.Locator("tbody tr td:first-child a");

        await table.Locator("thead a.sort", new() { HasTextString = firstHeader }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th[aria-sort='ascending']")).ToContainTextAsync(firstHeader);
        var ascending = await firstColumn.AllInnerTextsAsync();
        await table.Locator("thead a.sort", new() { HasTextString = firstHeader }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(firstHeader);
        var descending = await firstColumn.AllInnerTextsAsync();
        Assert.True(ascending.Count > 1, $"{path} shows {ascending.Count} rows");
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.NotEqual(ascending, descending);

        await page.Locator("form.filters select[name=status]").SelectOptionAsync(status);
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"status={status}"));
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(firstHeader);

        await page.Locator(".page-sizes a", new() { HasTextString = "50" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("pageSize=50"));
        await Assertions.Expect(page.Locator(".page-sizes strong")).ToHaveTextAsync("50");
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(firstHeader);
        Assert.Contains($"status={status}", page.Url);
        var shown = await firstColumn.AllInnerTextsAsync();
        var total = int.Parse(Regex.Match(await page.GetByTestId("list-total").InnerTextAsync(), "\\d+").Value);
        Assert.Equal(Math.Min(total, 50), shown.Count);
        await page.ScreenshotAsync($"list{path.Replace('/', '-')}-{locale}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = export }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"list-{locale}-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(file);
        Assert.Equal(total, rows.Count);
        Assert.Equal(shown, rows.Take(shown.Count).Select(r => r[firstHeader]?.ToString() ?? "").ToList());
        Assert.Empty(browser.CspViolationsOf(page));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The organisation list (an enterprise), the audit log (the platform admin and a transfer office) and the registrar's
    /// workbench, in both languages: the total, a sortable column either way, and the export holds as many rows as the
    /// total (the workbench's export carries its default to-do statuses). The rights-grant list, the patent list and the
    /// admin's user filter are looked at too (screenshots in /tmp/tt-screenshots).
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "enterprise.zhixin", "/organizations", "organization-table", "行政区划", "导出 Excel")]
    [InlineData("en", "enterprise.zhixin", "/organizations", "organization-table", "Kind", "Export to Excel")]
    [InlineData("zh-CN", "admin", "/admin/audit?entityType=Organization", "audit-table", "操作", "导出 Excel")]
    [InlineData("en", "tto.fudan", "/admin/audit", "audit-table", "Action", "Export to Excel")]
    [InlineData("zh-CN", "registrar", "/contracts/workbench", "contract-table", "项目名称", "导出 Excel")]
    [InlineData("en", "registrar", "/contracts/workbench", "contract-table", "Project", "Export to Excel")]
    [InlineData("zh-CN", "enterprise.zhixin", "/exchange/listings", "published-listings", "价格", "导出 Excel")]
    [InlineData("en", "enterprise.zhixin", "/exchange/listings", "published-listings", "Price", "Export to Excel")]
    public async Task The_remaining_lists_sort_count_and_export(string locale, string account, string path, string tableId, string header, string export)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(account);
        await page.GotoAsync(path);
        var table = page.GetByTestId(tableId);
        await table.Locator("thead a.sort", new() { HasTextString = header }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th[aria-sort='ascending']")).ToContainTextAsync(header);
        await table.Locator("thead a.sort", new() { HasTextString = header }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th[aria-sort='descending']")).ToContainTextAsync(header);
        var total = int.Parse(Regex.Match((await page.GetByTestId("list-total").InnerTextAsync()).Replace(",", ""), "\\d+").Value);
        Assert.True(total > 0, $"{path} shows no rows");
        var shot = $"list{path.Split('?')[0].Replace('/', '-')}-{account}-{locale}";
        await page.ScreenshotAsync(shot);
        await page.SetViewportSizeAsync(390, 800);
        await page.ScreenshotAsync(shot + "-narrow");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = export }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"list-{locale}-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(file);
        Assert.Equal(total, rows.Count);
        Assert.Empty(browser.CspViolationsOf(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_rights_grant_patent_and_user_lists_render(string locale)
    {
        foreach (var (account, path, name) in new[]
                 {
                     ("tto.fudan", "/rights-grants", "rights-grants"), ("tto.fudan", "/patents", "patents"), ("admin", "/admin/users?role=TechManager", "admin-users"),
                     // wave 7: the remaining lists on the shared table (filters, page size, total, export)
                     ("tto.fudan", "/income-distributions", "income-plans"), ("admin", "/income-distributions", "income-plans-admin"),
                     ("tto.fudan", "/achievements/idle", "idle"), ("tto.fudan", "/custody", "custody"), ("admin", "/custody", "custody-admin"),
                     ("tto.fudan", "/open-licenses", "open-licences"), ("tto.fudan", "/open-licenses/mine?licensed=false", "open-licences-mine"),
                     ("enterprise.zhixin", "/exchange/auctions", "auctions"), ("exchange.operator", "/exchange/deals", "deals"),
                     ("researcher.sjtu", "/notifications", "notifications"),
                 })
        {
            var page = await browser.NewPageAsync(locale);
            await page.SignInAsync(account);
            await page.GotoAsync(path);
            // every list shows its toolbar (total, page size, export) whether or not the demo has rows for it
            await Assertions.Expect(path.StartsWith("/admin/users", StringComparison.Ordinal) ? page.Locator("table.table") : page.GetByTestId("list-toolbar")).ToBeVisibleAsync();
            await page.ScreenshotAsync($"look-{name}-{locale}");
            Assert.Empty(browser.CspViolationsOf(page));
            await page.Context.CloseAsync();
        }
    }
}
