using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using TechTransfer.Patents.Domain.Import;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Features.Patents;

/// <summary>
/// Reads an import file (.csv or .xlsx) into rows of cell texts and hands them to the domain's rules
/// (<see cref="PatentImport.ParseRows"/>). A file that cannot be read is an error, never an exception.
/// </summary>
public static class PatentImportFileReader
{
    public static Result<PatentImportFile> Read(Stream stream, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        List<string?[]> raw;
        try
        {
            raw = ext switch
            {
                ".csv" or ".txt" => ReadCsv(stream),
                ".xlsx" => ReadXlsx(stream),
                _ => null!,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return PatentImportErrors.Unreadable(ex.GetType().Name);
        }
        if (raw is null) return PatentImportErrors.UnsupportedFormat;
        return PatentImport.ParseRows(raw);
    }

    private static List<string?[]> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
        });
        var rows = new List<string?[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record ?? []);
            if (rows.Count > PatentImport.MaxRows + 20) break;
        }
        return rows;
    }

    private static List<string?[]> ReadXlsx(Stream stream)
    {
        var rows = new List<string?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(Format).ToArray());
            if (rows.Count > PatentImport.MaxRows + 20) break;
        }
        return rows;
    }

    private static string? Format(object? v) => v switch
    {
        null => null,
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("0.###############", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
