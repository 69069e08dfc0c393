namespace TechTransfer.SharedKernel;

/// <summary>Paging input shared by every list endpoint. Page is 1-based.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;

    /// <summary>The deepest row a page may start at; a page beyond it is refused (and never overflows into a negative offset).</summary>
    public const int MaxSkip = 1_000_000_000;

    public int Skip => (int)Math.Min(MaxSkip, (Math.Max(Page, 1) - 1L) * Math.Max(PageSize, 0));

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Page < 1) errors.Add(PagingErrors.PageBelowOne);
        else if ((Page - 1L) * Math.Max(PageSize, 1) > MaxSkip) errors.Add(PagingErrors.PageTooLarge);
        if (PageSize is < 1 or > MaxPageSize) errors.Add(PagingErrors.PageSizeOutOfRange(MaxPageSize));
        return errors;
    }
}

/// <summary>Failures of paging and sorting input, shared by every list endpoint.</summary>
public static class PagingErrors
{
    public static readonly FieldError PageBelowOne = new("page", "paging.page_out_of_range", "页码须从 1 开始", "Page numbers start at 1.");

    public static readonly FieldError PageTooLarge = new("page", "paging.page_out_of_range", "页码过大", "The page number is too large.");

    public static FieldError PageSizeOutOfRange(int max) => new("pageSize", "paging.page_size_out_of_range",
        $"每页条数须在 1 到 {max} 之间", $"Page size must be between 1 and {max}.");

    /// <summary>A <c>sort</c> key the list does not know, naming the ones it does (and the "-" prefix when it sorts both ways).</summary>
    public static FieldError UnknownSort(IReadOnlyList<string> keys, bool descendingPrefix = false) => new("sort", "paging.unknown_sort",
        $"排序字段须为 {Bilingual.JoinOr(keys, english: false)}{(descendingPrefix ? "（前加 - 为倒序）" : "")}",
        $"Sort by {Bilingual.JoinOr(keys, english: true)}{(descendingPrefix ? " (prefix '-' for descending)" : "")}.");

    /// <summary>A list's date range whose <c>to</c> lies before its <c>from</c> (<see cref="Lists.ListPeriod"/>).</summary>
    /// <summary>A list's <c>from</c> or <c>to</c> outside the years 1900–9000 (<see cref="Lists.ListPeriod"/>).</summary>
    public static FieldError DayOutOfRange(string field) => new(field, "paging.day_out_of_range", "日期须在 1900 年至 9000 年之间",
        "The day must lie between the years 1900 and 9000.");

    public static readonly FieldError EmptyPeriod = new("to", "paging.empty_period", "截止日期不能早于起始日期", "The end day cannot be before the start day.");
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
