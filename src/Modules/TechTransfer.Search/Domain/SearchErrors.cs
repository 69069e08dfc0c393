using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Domain;

public static class SearchErrors
{
    public static readonly FieldError PageOutOfRange = new("page", "search.page_out_of_range",
        "页码须从 1 开始，且不超过 500 页", "Page must be between 1 and 500.");
    public static readonly FieldError PageSizeOutOfRange = new("pageSize", "search.page_size_out_of_range",
        "每页条数须在 1 到 100 之间", "Page size must be between 1 and 100.");
    public static readonly FieldError TrlOutOfRange = new("trl", "search.trl_out_of_range",
        "技术成熟度须在 1 到 9 之间，且下限不大于上限", "TRL must be within 1–9 and min ≤ max.");
    public static readonly FieldError PriceRangeInvalid = new("price", "search.price_range_invalid",
        "价格区间无效：须非负且下限不大于上限", "Price range must be non-negative with min ≤ max.");
    public static readonly FieldError DateRangeInvalid = new("date", "search.date_range_invalid",
        "日期区间无效：起始日期晚于结束日期", "Date range is invalid: from is after to.");
    public static readonly FieldError UnknownType = new("type", "search.unknown_type",
        "未知的检索对象类型", "Unknown document type.");
    public static readonly Error SourceNotFound = new("search.source_not_found",
        "记录不存在或无权查看", "The record does not exist or is not visible to you.", Status: 404);
    public static Error SourceNotAvailable(string type) => new("search.source_not_available",
        $"尚未安装“{type}”类型的数据来源", $"No search source is installed for type '{type}'.", Status: 404);
    public static readonly FieldError UnknownSort = new("sort", "search.unknown_sort",
        "未知的排序方式", "Unknown sort order.");
    public static readonly FieldError FeedbackTargetTypeRequired = new("targetType", "match_feedback.target_type_required",
        "请指定被评价匹配记录的类型", "Give the type of the matched record.");
    public static FieldError FeedbackTargetTypeInvalid(IReadOnlyList<string> allowed) => new("targetType", "match_feedback.target_type_invalid",
        $"匹配记录类型须为：{string.Join("、", allowed)}", $"The matched record type must be one of: {string.Join(", ", allowed)}.");
    public static readonly FieldError FeedbackTargetIdRequired = new("targetId", "match_feedback.target_id_required",
        "请指定被评价的匹配记录", "Give the id of the matched record.");
    public static readonly FieldError FeedbackUsefulRequired = new("useful", "match_feedback.useful_required",
        "请选择“有用”或“无用”", "Choose useful or not useful.");
    public static readonly FieldError QueryTooLong = new("q", "search.query_too_long",
        "检索词过长（最多 2000 字）", "Query text is too long (at most 2,000 characters).");
}

/// <summary>The checks of a search query: every failure at once, as field errors (422).</summary>
public static class SearchQueryValidation
{
    public const int MaxPage = 500;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 2000;

    /// <summary>Adds one field error per failed check to <paramref name="errors"/>.</summary>
    public static FieldErrors Check(SearchQuery q, FieldErrors errors) => errors
        .When(q.Page < 1 || q.Page > MaxPage, SearchErrors.PageOutOfRange)
        .When(q.PageSize < 1 || q.PageSize > MaxPageSize, SearchErrors.PageSizeOutOfRange)
        .When(q.TrlMin is < 1 or > 9 || q.TrlMax is < 1 or > 9 || q.TrlMin > q.TrlMax, SearchErrors.TrlOutOfRange)
        .When(q.PriceMinYuan < 0 || q.PriceMaxYuan < 0 || q.PriceMinYuan > q.PriceMaxYuan, SearchErrors.PriceRangeInvalid)
        .When(q.DateFrom > q.DateTo, SearchErrors.DateRangeInvalid)
        .When(q.Types.Any(t => !SharedKernel.Search.SearchDocumentTypes.All.Contains(t)), SearchErrors.UnknownType)
        .When(q.Text is { Length: > MaxQueryLength }, SearchErrors.QueryTooLong);

    /// <summary>Null when the query is valid, else one 422 naming every failed check.</summary>
    public static Error? Validate(SearchQuery q) => Check(q, new FieldErrors()).ToError();
}
