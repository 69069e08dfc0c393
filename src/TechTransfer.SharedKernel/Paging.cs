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
        if (Page < 1)
            errors.Add(new("page", "paging.page_out_of_range", "页码须从 1 开始", "Page numbers start at 1."));
        else if ((Page - 1L) * Math.Max(PageSize, 1) > MaxSkip)
            errors.Add(new("page", "paging.page_out_of_range", "页码过大", "The page number is too large."));
        if (PageSize is < 1 or > MaxPageSize)
            errors.Add(new("pageSize", "paging.page_size_out_of_range",
                $"每页条数须在 1 到 {MaxPageSize} 之间", $"Page size must be between 1 and {MaxPageSize}."));
        return errors;
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
