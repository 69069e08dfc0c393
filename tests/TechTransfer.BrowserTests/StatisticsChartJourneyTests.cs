using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The statistics charts in Chromium, as the demo analyst: ECharts served by the platform draws every grouping from the table
/// beside it; clicking a bar opens the contract list behind it; a chart's Excel download holds the rows of its table.
/// Every page loaded here is axe-checked and CSP-checked by the fixture.
/// </summary>
public sealed class StatisticsChartJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Clicks the bar of the table's first row (the largest) in a horizontal bar chart, through ECharts' own geometry.</summary>
    private static async Task ClickFirstBarAsync(IPage page, ILocator chart)
    {
        var id = await chart.GetAttributeAsync("id");
        var point = await page.EvaluateAsync<double[]>("""
            id => {
              const el = document.getElementById(id);
              const c = echarts.getInstanceByDom(el);
              const opt = c.getOption();
              const labels = opt.yAxis[0].data, values = opt.series[0].data, last = labels.length - 1;
              const end = c.convertToPixel({ seriesIndex: 0 }, [values[last], labels[last]]);
              const start = c.convertToPixel({ seriesIndex: 0 }, [0, labels[last]]);
              const box = el.getBoundingClientRect();
              return [box.left + (start[0] + end[0]) / 2, box.top + end[1]];
            }
            """, id);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    [Fact]
    public async Task Analyst_clicks_a_bar_and_gets_the_contracts_behind_it_and_downloads_the_charts_table_as_excel()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("analyst");
        await page.GotoAsync("/contracts/statistics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("技术合同统计");
        var panel = page.GetByTestId("chart-Category");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("按合同类别");
        var chart = panel.Locator("[data-chart-table]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(chart).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        // every grouping of the page is drawn
        foreach (var g in new[] { "Month", "Year", "Category", "Field", "SellerNature", "BuyerType", "Division", "District", "RegionFlow" })
            await Assertions.Expect(page.GetByTestId($"chart-{g}").Locator("[data-chart-ready=true]")).ToHaveCountAsync(1);
        // the chart's labels are Chinese text drawn in the SVG
        var firstRow = panel.Locator("tbody tr").First;
        var label = (await firstRow.Locator("th").InnerTextAsync()).Trim();
        var count = int.Parse((await firstRow.Locator("td").First.InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label);
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = label })).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync("statistics-charts-zh");

        // the Excel download of the chart's table, read back
        var download = await page.RunAndWaitForDownloadAsync(() => panel.GetByTestId("chart-excel-Category").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"tt-chart-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            var tableRows = await panel.Locator("tbody tr").CountAsync();
            Assert.Equal(tableRows + 1, rows.Count); // the rows and the total
            var row = rows.Single(r => Equals(r["名称"], label));
            Assert.Equal(count, Convert.ToInt32(row["合同数 Contracts"], CultureInfo.InvariantCulture));
            Assert.Equal("合计", rows[^1]["分组 Key"]);
        }
        finally
        {
            File.Delete(path);
        }

        // clicking the largest bar opens the contract list behind it
        await ClickFirstBarAsync(page, chart);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/contracts\?groupBy=Category&key=\w+&registeredFrom=\d{4}-\d\d-\d\d&registeredTo="));
        await Assertions.Expect(page.GetByTestId("drill-down-filter")).ToContainTextAsync(label);
        await Assertions.Expect(page.GetByTestId("contract-table").Locator("tbody tr")).ToHaveCountAsync(Math.Min(count, 20));
        var categories = await page.GetByTestId("contract-table").Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(categories);
        await page.ScreenshotAsync("statistics-drill-down-zh");
    }

    [Fact]
    public async Task The_statistics_page_in_english_names_its_charts_and_tables_in_english()
    {
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("analyst");
        await page.GotoAsync("/contracts/statistics");
        var panel = page.GetByTestId("chart-Month");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("Trend by month");
        await Assertions.Expect(panel.Locator("[data-chart-table]")).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(panel.Locator("[data-chart-table]")).ToHaveAttributeAsync("aria-label", "Chart of Trend by month; its data is in the table beside it");
        await Assertions.Expect(page.GetByTestId("chart-Category").Locator("tbody th").First).Not.ToHaveTextAsync(new Regex(@"\p{IsCJKUnifiedIdeographs}"));
        await page.ScreenshotAsync("statistics-charts-en");
        // a month's point drills into that month's registrations
        var href = await panel.Locator("tbody th a").First.GetAttributeAsync("href");
        Assert.Matches(@"groupBy=Month&key=\d{4}-\d\d", href);
        await page.GotoAsync(href!);
        await Assertions.Expect(page.GetByTestId("drill-down-filter")).ToContainTextAsync("Statistics filter");
    }
}
