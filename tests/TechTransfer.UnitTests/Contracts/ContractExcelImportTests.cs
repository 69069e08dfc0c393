using MiniExcelLibs;
using TechTransfer.Contracts.Features.Import;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class ContractExcelImportTests
{
    private static Stream Sheet(params Action<Dictionary<string, object?>>[] edits)
    {
        using var template = new MemoryStream(ContractExcelImport.Template());
        var example = template.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First();
        var rows = edits.Select(e => { var d = new Dictionary<string, object?>(example); e(d); return d; }).ToList();
        var ms = new MemoryStream();
        ms.SaveAs(rows);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void Template_row_imports_as_a_valid_contract()
    {
        var rows = ContractExcelImport.Parse(Sheet(_ => { }), Catalog, Orgs.Fudan);
        var row = Assert.Single(rows);
        Assert.True(row.IsValid, string.Join(",", row.Errors.Select(e => e.Code)));
        Assert.Equal(2, row.Row);
        Assert.Equal(1_000_000m, row.Details!.TotalAmount);
        Assert.Equal(Orgs.Fudan, row.Details.Parties[0].OrganizationId);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_excel_row_number_and_rule()
    {
        var rows = ContractExcelImport.Parse(Sheet(
            _ => { },
            d => d["合同类别"] = "不存在",
            d => d["合同形式"] = "口头",
            d => d["签订日期"] = "明天"), Catalog, Orgs.Fudan);
        Assert.True(rows[0].IsValid);
        Assert.Equal((3, "import.category_invalid"), (rows[1].Row, rows[1].Errors[0].Code));
        Assert.Contains(rows[2].Errors, e => e.Row == 4 && e.Code == "contract.oral_not_registrable");
        Assert.Contains(rows[3].Errors, e => e.Row == 5 && e.Code == "import.date_invalid");
        Assert.All(rows.Skip(1), r => Assert.Null(r.Details));
    }

    [Fact]
    public void Error_report_is_an_xlsx_listing_each_error()
    {
        var rows = ContractExcelImport.Parse(Sheet(d => d["合同形式"] = "口头"), Catalog, Orgs.Fudan);
        using var report = new MemoryStream(ContractExcelImport.ErrorReport(rows));
        var line = report.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("R2.7", line["规则 Rule"]);
    }

    [Fact]
    public void Unreadable_file_is_one_error_not_an_exception()
    {
        var rows = ContractExcelImport.Parse(new MemoryStream([1, 2, 3, 4]), Catalog, Orgs.Fudan);
        Assert.Equal("import.file_unreadable", Assert.Single(Assert.Single(rows).Errors).Code);
    }
}
