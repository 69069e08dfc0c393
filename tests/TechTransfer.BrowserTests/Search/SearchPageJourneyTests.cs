using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests.Search;

/// <summary>
/// 全文检索 (/search) in Chromium on the demo dataset: an anonymous visitor searches, narrows by type through the form, and
/// sees the form, the total, the facets and the type tags in Chinese, or in English when English is chosen.
/// </summary>
public sealed class SearchPageJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Opens <paramref name="url"/> until it lists results: the demo data reaches the index through the outbox
    /// indexer in the background, shortly after the host starts.</summary>
    private static async Task OpenWithResultsAsync(IPage page, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(url);
            if (await page.GetByTestId("search-results").Locator("li").CountAsync() > 0) return;
            if (attempt == 30) throw new TimeoutException($"{url} listed no results");
            await Task.Delay(1000);
        }
    }

    [Fact]
    public async Task A_visitor_searches_in_chinese_and_sees_the_total_facets_and_type_tags()
    {
        var page = await browser.NewPageAsync();
        await OpenWithResultsAsync(page, "/search?q=联邦学习");

        // the page's <PageTitle> is the document title (the layout's application title is only the fallback)
        Assert.Equal("检索", await page.TitleAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "全文检索", Level = 1 })).ToBeVisibleAsync();
        var form = page.GetByTestId("search-form");
        await Assertions.Expect(form).ToContainTextAsync("关键词");
        await Assertions.Expect(form).ToContainTextAsync("排序");
        await Assertions.Expect(form.Locator("input[name=q]")).ToHaveAttributeAsync("placeholder", "如：滚珠丝杠、锂电池 \"固态电解质\"");
        await Assertions.Expect(form.Locator("select[name=type] option")).ToHaveTextAsync(["全部", "科技成果", "专利", "技术需求", "揭榜挂帅", "开放许可", "机构", "挂牌项目"]);
        await Assertions.Expect(form.Locator("select[name=sort] option")).ToHaveTextAsync(["相关度", "最新"]);
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "检索" })).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByTestId("search-total")).ToHaveTextAsync(new Regex(@"^共 [1-9]\d* 条结果$"));
        await Assertions.Expect(page.GetByTestId("search-facets").Locator("h3").Filter(new() { HasTextRegex = new Regex("^类型$") })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("search-results")).ToContainTextAsync("联邦学习");
        await page.ScreenshotAsync("search-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choosing_a_type_in_the_form_lists_only_that_type()
    {
        var page = await browser.NewPageAsync();
        await OpenWithResultsAsync(page, "/search?q=联邦学习");
        await page.Locator("select[name=type]").SelectOptionAsync(new SelectOptionValue { Label = "技术需求" });
        await page.GetByTestId("search-form").GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("type=demand"));

        var tags = page.GetByTestId("search-results").Locator("li > span.tag:not(:has-text('TRL'))");
        await Assertions.Expect(tags.First).ToBeVisibleAsync();
        Assert.All(await tags.AllTextContentsAsync(), t => Assert.Equal("技术需求", t));
        await Assertions.Expect(page.Locator("select[name=type] option:checked")).ToHaveTextAsync("技术需求");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_search_page_is_in_english_when_english_is_chosen()
    {
        var page = await browser.NewPageAsync("en");
        await OpenWithResultsAsync(page, "/search?q=federated+learning");

        Assert.Equal("Search", await page.TitleAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
        var form = page.GetByTestId("search-form");
        await Assertions.Expect(form).ToContainTextAsync("Keywords");
        await Assertions.Expect(form.Locator("input[name=q]")).ToHaveAttributeAsync("placeholder", "e.g. lithium battery \"solid electrolyte\"");
        await Assertions.Expect(form.Locator("select[name=type] option")).ToHaveTextAsync(["All", "Achievement", "Patent", "Demand", "Challenge", "Open licence", "Organisation", "Exchange listing"]);
        await Assertions.Expect(form.Locator("select[name=sort] option")).ToHaveTextAsync(["Relevance", "Newest"]);

        await Assertions.Expect(page.GetByTestId("search-total")).ToHaveTextAsync(new Regex(@"^[1-9]\d* results$"));
        await Assertions.Expect(page.GetByTestId("search-facets").Locator("h3").Filter(new() { HasTextRegex = new Regex("^Type$") })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("search-facets")).Not.ToContainTextAsync("类型");
        await page.ScreenshotAsync("search-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_fields_label_finds_its_demands_and_facet_values_are_links_that_filter_and_unfilter()
    {
        var page = await browser.NewPageAsync();
        await OpenWithResultsAsync(page, "/search?q=" + Uri.EscapeDataString("人工智能"));
        await Assertions.Expect(page.GetByTestId("search-results")).ToContainTextAsync("多家医院联合建模的联邦学习隐私计算平台");

        // the field facet holds fields of the taxonomy only, by their labels, each a link
        var facets = page.GetByTestId("search-facets");
        var fieldFacet = facets.Locator("[data-facet=field]");
        await Assertions.Expect(fieldFacet.GetByRole(AriaRole.Link, new() { Name = "人工智能" })).ToBeVisibleAsync();
        foreach (var notAField in new[] { "发明", "实用新型", "外观设计", "高校", "企业", "artificial_intelligence" })
            await Assertions.Expect(fieldFacet).Not.ToContainTextAsync(notAField);

        await fieldFacet.GetByRole(AriaRole.Link, new() { Name = "人工智能" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("field=artificial_intelligence"));
        await Assertions.Expect(fieldFacet.GetByRole(AriaRole.Link, new() { Name = "人工智能" })).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.GetByTestId("search-results")).ToContainTextAsync("多家医院联合建模的联邦学习隐私计算平台");

        // a type value filters too; the active field value removes its filter again
        await facets.Locator("[data-facet=type]").GetByRole(AriaRole.Link, new() { Name = "技术需求" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=demand"));
        await fieldFacet.GetByRole(AriaRole.Link, new() { Name = "人工智能" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("field="));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=demand"));
        await page.Context.CloseAsync();
    }
}
