using TechTransfer.SharedKernel;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

public sealed class SearchFilterAndFacetTests : IDisposable
{
    private static readonly Guid Fudan = Guid.NewGuid();
    private static readonly Guid Sjtu = Guid.NewGuid();
    private readonly SearchTestIndex _t = new();

    public SearchFilterAndFacetTests() => _t.Add(
        Doc("锂电池正极材料制备方法", "高镍三元正极材料", org: Fudan, trl: 3, priceMin: 100_000, priceMax: 200_000, ipc: "H01M 4/525", division: "310104", field: "新能源", day: 1),
        Doc("锂电池热管理系统", "电池包液冷", org: Sjtu, trl: 6, priceMin: 500_000, priceMax: 800_000, ipc: "H01M 10/613", division: "310112", field: "新能源", day: 2),
        Doc("锂电池回收工艺", "湿法冶金回收锂", type: SearchDocumentTypes.Patent, org: Sjtu, trl: 8, priceMin: 1_000_000, ipc: "C22B 7/00", division: "320100", field: "环保", day: 3, status: "granted"),
        Doc("锂电池需求：低温性能提升", "零下二十度放电", type: SearchDocumentTypes.Demand, trl: null, division: "310104", field: "新能源", day: 4));

    public void Dispose() => _t.Dispose();

    private SearchResults Run(SearchQuery q) => _t.Index.Search(q with { Text = q.Text ?? "锂电池" }, Caller.Anonymous).Value;

    [Fact]
    public void Type_filter_keeps_only_that_type()
    {
        var r = Run(new() { Types = [SearchDocumentTypes.Patent] });
        Assert.Equal(["锂电池回收工艺"], r.Items.Select(h => h.Title));
    }

    [Fact]
    public void Ipc_prefix_filter_matches_at_class_subclass_and_group_level()
    {
        Assert.Equal(2, Run(new() { IpcPrefix = "H01M" }).Total);
        Assert.Equal(1, Run(new() { IpcPrefix = "h01m 10" }).Total);
        Assert.Equal(1, Run(new() { IpcPrefix = "C" }).Total);
    }

    [Fact]
    public void Trl_range_is_inclusive()
    {
        var r = Run(new() { TrlMin = 3, TrlMax = 6 });
        Assert.Equal(2, r.Total);
        Assert.All(r.Items, h => Assert.InRange(h.Trl!.Value, 3, 6));
    }

    [Fact]
    public void Price_filter_keeps_records_whose_price_range_overlaps()
    {
        var r = Run(new() { PriceMinYuan = 150_000, PriceMaxYuan = 600_000 });
        Assert.Equal(["锂电池正极材料制备方法", "锂电池热管理系统"], r.Items.Select(h => h.Title).Order());
    }

    [Fact]
    public void Division_filter_by_province_code_matches_all_districts()
    {
        Assert.Equal(3, Run(new() { DivisionCode = "310000" }).Total);
        Assert.Equal(2, Run(new() { DivisionCode = "310104" }).Total);
        Assert.Equal(1, Run(new() { DivisionCode = "320000" }).Total);
    }

    [Fact]
    public void Organisation_status_field_and_date_filters_combine()
    {
        Assert.Equal(2, Run(new() { OrganizationId = Sjtu }).Total);
        Assert.Equal(1, Run(new() { OrganizationId = Sjtu, Statuses = ["granted"] }).Total);
        Assert.Equal(3, Run(new() { Field = "新能源" }).Total);
        Assert.Equal(2, Run(new() { DateFrom = Day0.AddDays(2), DateTo = Day0.AddDays(3) }).Total);
    }

    [Fact]
    public void Facet_counts_cover_all_matches_not_just_the_page()
    {
        var r = Run(new() { PageSize = 1 });
        Assert.Single(r.Items);
        Assert.Equal(4, r.Total);
        Assert.Contains(new FacetValue("achievement", 2), r.Facets[SearchFacets.Type]);
        Assert.Contains(new FacetValue("patent", 1), r.Facets[SearchFacets.Type]);
        Assert.Contains(new FacetValue("demand", 1), r.Facets[SearchFacets.Type]);
        Assert.Contains(new FacetValue("new_energy", 3), r.Facets[SearchFacets.Field]); // the taxonomy's code of 新能源
        Assert.Contains(new FacetValue("H01M", 2), r.Facets[SearchFacets.Ipc]);
    }

    [Fact]
    public void Facets_follow_the_filters()
    {
        var r = Run(new() { Types = [SearchDocumentTypes.Achievement] });
        Assert.Equal([new FacetValue("achievement", 2)], r.Facets[SearchFacets.Type]);
    }

    [Fact]
    public void Sort_by_price_ascending_puts_records_without_price_last()
    {
        var r = Run(new() { Sort = SearchSort.PriceAsc });
        Assert.Equal(["锂电池正极材料制备方法", "锂电池热管理系统", "锂电池回收工艺", "锂电池需求：低温性能提升"], r.Items.Select(h => h.Title));
    }

    [Fact]
    public void Sort_by_date_and_paging()
    {
        var page2 = Run(new() { Sort = SearchSort.DateDesc, Page = 2, PageSize = 2 });
        Assert.Equal(["锂电池热管理系统", "锂电池正极材料制备方法"], page2.Items.Select(h => h.Title));
        Assert.Equal(4, page2.Total);
    }

    [Fact]
    public void Empty_text_lists_everything_newest_first()
    {
        var r = _t.Index.Search(new() { Text = "" }, Caller.Anonymous).Value;
        Assert.Equal(4, r.Total);
        Assert.Equal("锂电池需求：低温性能提升", r.Items[0].Title);
    }

    [Fact]
    public void Invalid_page_size_is_a_validation_error_not_an_exception()
    {
        var r = _t.Index.Search(new() { Text = "锂电池", PageSize = 0 }, Caller.Anonymous);
        Assert.True(r.IsFailure);
        Assert.Equal(["search.page_size_out_of_range"], FieldCodes(r));
    }

    [Fact]
    public void Inverted_trl_range_is_rejected()
    {
        var r = _t.Index.Search(new() { TrlMin = 7, TrlMax = 2 }, Caller.Anonymous);
        Assert.Equal(["search.trl_out_of_range"], FieldCodes(r));
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        var r = _t.Index.Search(new() { Types = ["invoice"] }, Caller.Anonymous);
        Assert.Equal(["search.unknown_type"], FieldCodes(r));
    }

    [Fact]
    public void Every_invalid_parameter_is_reported_at_once_as_a_422()
    {
        var r = _t.Index.Search(new()
        {
            Text = new string('锂', SearchQueryValidation.MaxQueryLength + 1), Page = 0, PageSize = 101, TrlMin = 0, PriceMinYuan = -1,
            DateFrom = DateTimeOffset.UnixEpoch.AddDays(1), DateTo = DateTimeOffset.UnixEpoch, Types = ["invoice"],
        }, Caller.Anonymous);
        Assert.Equal(422, r.Error!.Status);
        Assert.Equal("validation.failed", r.Error.Code);
        Assert.Equal(
            ["search.page_out_of_range", "search.page_size_out_of_range", "search.trl_out_of_range", "search.price_range_invalid",
             "search.date_range_invalid", "search.unknown_type", "search.query_too_long"],
            FieldCodes(r));
    }

    private static List<string> FieldCodes(Result<SearchResults> r) => r.Error!.FieldErrors.Select(f => f.Code).ToList();
}

public sealed class SearchQuerySyntaxTests : IDisposable
{
    private readonly SearchTestIndex _t = new();

    public SearchQuerySyntaxTests() => _t.Add(
        Doc("深度学习图像识别", "卷积网络用于缺陷检测"),
        Doc("学习深度优先搜索", "图搜索算法"),
        Doc("Electric vehicle batteries", "Fast charging of lithium batteries"),
        Doc("水稻育种", "抗旱水稻品种选育"), Doc("桥梁检测", "斜拉桥索力监测"), Doc("中药提取", "黄芪多糖提取工艺"),
        Doc("污水处理", "膜生物反应器"), Doc("学习平台", "在线学习系统"));

    public void Dispose() => _t.Dispose();

    private IReadOnlyList<string> Titles(string q) =>
        _t.Index.Search(new() { Text = q }, Caller.Anonymous).Value.Items.Select(h => h.Title).ToList();

    [Fact]
    public void Quoted_phrase_requires_the_exact_sequence()
    {
        Assert.Equal(["深度学习图像识别"], Titles("\"深度学习\""));
    }

    [Fact]
    public void Free_text_ranks_the_closer_match_first_but_returns_both()
    {
        var titles = Titles("深度学习");
        Assert.Equal("深度学习图像识别", titles[0]);
        Assert.Contains("学习深度优先搜索", titles);
    }

    [Fact]
    public void Field_query_restricts_to_the_title()
    {
        Assert.Equal(["学习深度优先搜索"], Titles("title:搜索"));
    }

    [Fact]
    public void English_query_matches_other_inflections()
    {
        Assert.Equal(["Electric vehicle batteries"], Titles("battery charge"));
    }
}
