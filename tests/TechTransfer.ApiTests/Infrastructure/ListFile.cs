using MiniExcelLibs;

namespace TechTransfer.ApiTests.Infrastructure;

/// <summary>Reads a list's Excel export: its data rows by header (an empty list's file has the headers and no data row).</summary>
public static class ListFile
{
    public static List<IDictionary<string, object?>> Rows(Stream xlsx) =>
        xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => r.Values.Any(v => v is not null && v.ToString() != "")).ToList();

    public static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return Rows(ms);
    }
}
