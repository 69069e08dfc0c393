using MiniExcelLibs;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform.Lists;

/// <summary>One column of a list's Excel export: its header (in the request's language) and the cell of a row.</summary>
public sealed record ListColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// The Excel export of a list page: every row of the list's current filter and order (not one page), the headers and the
/// labels in the language of the request, as one .xlsx sheet (MiniExcel, as the contract import and statistics use).
/// A list with more than <see cref="MaxRows"/> rows is refused with <see cref="ListExportErrors.TooManyRows"/> rather
/// than cut silently.
/// </summary>
public static class ListExport
{
    public const int MaxRows = 10_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx<T>(IEnumerable<T> rows, IReadOnlyList<ListColumn<T>> columns, string sheetName)
    {
        var data = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(columns.Count);
            foreach (var c in columns) row[c.Header] = c.Value(r);
            return row;
        }).ToList();
        if (data.Count == 0) data.Add(columns.ToDictionary(c => c.Header, _ => (object?)null)); // the headers of an empty list
        using var ms = new MemoryStream();
        ms.SaveAs(data, sheetName: sheetName);
        return ms.ToArray();
    }

    /// <summary><c>achievements-20260302-1000.xlsx</c>: the list's name and the Shanghai time of the export.</summary>
    public static string FileName(string list, DateTimeOffset now) =>
        $"{list}-{BusinessTime.ToLocal(now).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture)}.xlsx";
}

public static class ListExportErrors
{
    public static Error TooManyRows(int total) => new("list.export_too_many_rows",
        $"符合条件的记录有 {total} 条，超过一次导出的上限 {ListExport.MaxRows} 条，请缩小筛选范围",
        $"{total} rows match, more than the {ListExport.MaxRows} one export may hold; narrow the filters.", Status: 422);
}
