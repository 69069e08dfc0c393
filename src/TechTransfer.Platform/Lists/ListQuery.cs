using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;

namespace TechTransfer.Platform.Lists;

/// <summary>
/// The one way a list use case turns its filter into a page and into its Excel export (docs/architecture.md → List
/// pages). The use case writes one private <c>Filtered(query)</c> returning the rows the caller may see that match the
/// filters (<c>Filtered</c>) and the same in the requested order (<c>Sorted</c>, from its <see cref="ListSort{T}"/>); then
/// <c>ListAsync</c> is <see cref="PageAsync{T,TRow}(Result{ValueTuple{IQueryable{T},IQueryable{T}}},PageRequest,Func{IQueryable{T},IQueryable{TRow}},CancellationToken)"/>
/// and <c>ExportAsync</c> is <see cref="ExportAsync{T,TRow}(Result{ValueTuple{IQueryable{T},IQueryable{T}}},Func{IQueryable{T},IQueryable{TRow}},CancellationToken)"/>:
/// count the filter, take one page of the order (or every row, refused above <see cref="ListExport.MaxRows"/> so that
/// nobody receives a silently cut file), and shape the rows — in SQL by a projection, or in memory by a map where a
/// summary needs the clock or owned collections. A filter SQL cannot express (a JSON column) is the optional
/// <c>inMemory</c> predicate, applied after the SQL filter and order.
/// </summary>
public static class ListQuery
{
    /// <summary>One page of the sorted rows and the total of the filter, shaped by a projection the database runs.</summary>
    public static async Task<Result<PagedResult<TRow>>> PageAsync<T, TRow>(this Result<(IQueryable<T> Filtered, IQueryable<T> Sorted)> list,
        PageRequest paging, Func<IQueryable<T>, IQueryable<TRow>> project, CancellationToken ct)
    {
        if (list.IsFailure) return list.Error!;
        var total = await list.Value.Filtered.CountAsync(ct);
        var items = await project(list.Value.Sorted.Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PagedResult<TRow>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>One page of the sorted rows and the total of the filter, shaped in memory.</summary>
    public static async Task<Result<PagedResult<TRow>>> PageAsync<T, TRow>(this Result<(IQueryable<T> Filtered, IQueryable<T> Sorted)> list,
        PageRequest paging, Func<IReadOnlyList<T>, IReadOnlyList<TRow>> map, CancellationToken ct, Func<T, bool>? inMemory = null)
    {
        if (list.IsFailure) return list.Error!;
        if (inMemory is not null)
        {
            var all = (await list.Value.Sorted.ToListAsync(ct)).Where(inMemory).ToList();
            return new PagedResult<TRow>(map(all.Skip(paging.Skip).Take(paging.PageSize).ToList()), paging.Page, paging.PageSize, all.Count);
        }
        var total = await list.Value.Filtered.CountAsync(ct);
        var rows = await list.Value.Sorted.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<TRow>(map(rows), paging.Page, paging.PageSize, total);
    }

    /// <summary>Every row of the filter in the list's order (page and page size ignored), shaped by a projection; more than
    /// <see cref="ListExport.MaxRows"/> is <see cref="ListExportErrors.TooManyRows"/>.</summary>
    public static async Task<Result<IReadOnlyList<TRow>>> ExportAsync<T, TRow>(this Result<(IQueryable<T> Filtered, IQueryable<T> Sorted)> list,
        Func<IQueryable<T>, IQueryable<TRow>> project, CancellationToken ct)
    {
        if (list.IsFailure) return list.Error!;
        var total = await list.Value.Filtered.CountAsync(ct);
        if (total > ListExport.MaxRows) return ListExportErrors.TooManyRows(total);
        return await project(list.Value.Sorted).ToListAsync(ct);
    }

    /// <summary>Every row of the filter in the list's order, shaped in memory; more than <see cref="ListExport.MaxRows"/> is refused.</summary>
    public static async Task<Result<IReadOnlyList<TRow>>> ExportAsync<T, TRow>(this Result<(IQueryable<T> Filtered, IQueryable<T> Sorted)> list,
        Func<IReadOnlyList<T>, IReadOnlyList<TRow>> map, CancellationToken ct, Func<T, bool>? inMemory = null)
    {
        if (list.IsFailure) return list.Error!;
        List<T> rows;
        if (inMemory is not null) rows = (await list.Value.Sorted.ToListAsync(ct)).Where(inMemory).ToList();
        else
        {
            var total = await list.Value.Filtered.CountAsync(ct);
            if (total > ListExport.MaxRows) return ListExportErrors.TooManyRows(total);
            rows = await list.Value.Sorted.ToListAsync(ct);
        }
        if (rows.Count > ListExport.MaxRows) return ListExportErrors.TooManyRows(rows.Count);
        return Result<IReadOnlyList<TRow>>.Success(map(rows));
    }

    /// <summary>
    /// The export endpoint's answer: the rows as one .xlsx sheet with the list's labelled columns, named
    /// <c>{list}-yyyyMMdd-HHmm.xlsx</c> (Shanghai time), or the use case's problem.
    /// </summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> File<TRow>(Result<IReadOnlyList<TRow>> rows, IReadOnlyList<ListColumn<TRow>> columns,
        string sheetName, string list, DateTimeOffset now) =>
        rows.IsFailure
            ? rows.Error!.ToProblem()
            : TypedResults.File(ListExport.Xlsx(rows.Value, columns, sheetName), ListExport.ContentType, ListExport.FileName(list, now));
}
