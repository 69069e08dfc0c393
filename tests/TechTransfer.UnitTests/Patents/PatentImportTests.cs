using System.Text;
using MiniExcelLibs;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Domain.Import;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Patents;

/// <summary>Bulk import from files shaped like a patent-office export, created by the tests.</summary>
public sealed class PatentImportTests
{
    private const string Header = "申请号,公开(公告)号,专利类型,发明名称,申请日,授权公告日,法律状态,专利权人,年费缴至,期限补偿天数,IPC分类号";

    private static MemoryStream Csv(params string[] rows) =>
        new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]))).ToArray());

    private const string Good1 = "CN202010123456.7,CN111222333B,发明,一种锂电池缺陷检测方法,2020-05-10,2023-01-06,有效,复旦大学,2026-05-09,,G06T7/00";
    private const string Good2 = "CN202120654321.0,CN214000000U,实用新型,一种电池夹具,2021/03/02,2021/09/10,有效,复旦大学,2026/03/01,,H01M";
    private const string BadDate = "CN202230000001.1,,外观设计,一种包装盒,2022-13-40,,审中,复旦大学,,,";
    private const string BadType = "CN202230000002.X,,软件,一种程序,2022-01-01,,审中,复旦大学,,,";

    private static PatentImportFile Parse(Stream s, string name = "export.csv")
    {
        var r = PatentImportFileReader.Read(s, name);
        Assert.True(r.IsSuccess, r.Error?.En);
        return r.Value;
    }

    private static Result<PatentImportOutcome> Import(PatentImportFile file, List<Patent> store, bool skipInvalid = false, IProgress<PatentImportProgress>? progress = null) =>
        PatentImporter.Apply(file, Orgs.Fudan, store.ToDictionary(p => p.ApplicationNo), skipInvalid, PatentTermRules.Default,
            PatentBuilder.Now, store.Add, progress);

    [Fact]
    public void Csv_export_rows_become_patents()
    {
        var store = new List<Patent>();
        var outcome = Import(Parse(Csv(Good1, Good2)), store).Value;
        Assert.Equal(2, outcome.Created);
        var um = store.Single(p => p.Type == PatentType.UtilityModel);
        Assert.Equal("2021206543210", um.ApplicationNo);
        Assert.Equal(new DateOnly(2031, 3, 1), um.ExpiryDate);
        Assert.Equal(new DateOnly(2026, 3, 1), um.AnnualFeePaidUntil);
    }

    [Fact]
    public void Row_errors_name_the_row_and_the_column()
    {
        var file = Parse(Csv(Good1, BadDate, BadType));
        Assert.Equal(2, file.Rows.Count(r => !r.IsValid));
        Assert.Contains(file.Errors, e => e is { Row: 3, Column: "申请日", Code: "patent_import.filing_date_invalid" });
        Assert.Contains(file.Errors, e => e is { Row: 4, Column: "专利类型", Code: "patent_import.type_invalid" });
    }

    [Fact]
    public void File_with_errors_imports_nothing_by_default()
    {
        var store = new List<Patent>();
        var result = Import(Parse(Csv(Good1, BadDate)), store);
        Assert.Equal("patent_import.file_has_errors", result.Error?.Code);
        Assert.Contains(result.Error!.FieldErrors, f => f.Zh.StartsWith("第 3 行 申请日"));
        Assert.Empty(store);
    }

    [Fact]
    public void Skip_invalid_imports_the_good_rows_and_reports_the_rest()
    {
        var store = new List<Patent>();
        var outcome = Import(Parse(Csv(Good1, BadDate, Good2)), store, skipInvalid: true).Value;
        Assert.Equal(2, outcome.Created);
        Assert.Equal(1, outcome.Skipped);
        Assert.Equal(3, Assert.Single(outcome.Errors).Row);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Reimport_of_the_same_file_updates_instead_of_duplicating()
    {
        var store = new List<Patent>();
        Import(Parse(Csv(Good1, Good2)), store);
        var changed = Good1.Replace("2026-05-09", "2027-05-09");
        var outcome = Import(Parse(Csv(changed, Good2)), store).Value;
        Assert.Equal(0, outcome.Created);
        Assert.Equal(2, outcome.Updated);
        Assert.Equal(2, store.Count);
        Assert.Equal(new DateOnly(2027, 5, 9), store.Single(p => p.Type == PatentType.Invention).AnnualFeePaidUntil);
    }

    [Fact]
    public void Same_application_number_twice_in_a_file_is_a_row_error()
    {
        var file = Parse(Csv(Good1, Good1.Replace("CN202010123456.7", "202010123456.7")));
        var error = Assert.Single(file.Errors);
        Assert.Equal("patent_import.duplicate_in_file", error.Code);
        Assert.Equal(3, error.Row);
    }

    [Fact]
    public void Progress_is_reported_for_every_row()
    {
        var reports = new List<PatentImportProgress>();
        Import(Parse(Csv(Good1, Good2)), [], progress: new SyncProgress(reports.Add));
        Assert.Equal([new(1, 2), new(2, 2)], reports);
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        var s = new MemoryStream(Encoding.UTF8.GetBytes("申请号,发明名称\r\nCN202010123456.7,x"));
        var result = PatentImportFileReader.Read(s, "x.csv");
        Assert.Equal("patent_import.missing_columns", result.Error?.Code);
        Assert.Contains("filingDate", result.Error!.En);
    }

    [Fact]
    public void Unsupported_extension_is_refused()
    {
        Assert.Equal(PatentImportErrors.UnsupportedFormat.Code, PatentImportFileReader.Read(new MemoryStream([1, 2]), "x.pdf").Error?.Code);
    }

    [Fact]
    public void Broken_xlsx_is_a_clear_error_not_an_exception()
    {
        var result = PatentImportFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("not a zip")), "x.xlsx");
        Assert.Equal("patent_import.unreadable", result.Error?.Code);
    }

    [Fact]
    public void Xlsx_export_with_title_rows_and_real_dates_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"patents-{Guid.NewGuid():N}.xlsx");
        try
        {
            var rows = new List<object[]>
            {
                new object[] { "专利检索导出", "", "", "", "", "", "", "", "" },
                new object[] { "申请号", "公开(公告)号", "专利类型", "发明名称", "申请日", "授权公告日", "法律状态", "专利权人", "年费缴至" },
                new object[] { "CN202010123456.7", "CN111222333B", "发明", "一种锂电池缺陷检测方法", new DateTime(2020, 5, 10), new DateTime(2023, 1, 6), "有效", "复旦大学", new DateTime(2026, 5, 9) },
                new object[] { "CN202230000001.1", "", "外观设计", "一种包装盒", new DateTime(2022, 1, 1), "", "审中", "复旦大学", "" },
            };
            var sheet = rows.Select(r => Enumerable.Range(0, r.Length).ToDictionary(i => ((char)('A' + i)).ToString(), i => r[i])).ToList();
            MiniExcel.SaveAs(path, sheet, printHeader: false);
            using var s = File.OpenRead(path);
            var file = Parse(s, "export.xlsx");
            Assert.Equal(2, file.Rows.Count);
            Assert.False(file.HasErrors, string.Join("; ", file.Errors.Select(e => e.En)));
            var invention = file.Rows[0].Details!;
            Assert.Equal(new DateOnly(2020, 5, 10), invention.FilingDate);
            Assert.Equal(PatentLegalStatus.InForce, invention.LegalStatus);
            Assert.Equal(3, file.Rows[0].Row);
            Assert.Equal(PatentType.Design, file.Rows[1].Details!.Type);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SyncProgress(Action<PatentImportProgress> report) : IProgress<PatentImportProgress>
    {
        public void Report(PatentImportProgress value) => report(value);
    }
}
