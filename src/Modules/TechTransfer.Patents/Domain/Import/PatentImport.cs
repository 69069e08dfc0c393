using System.Globalization;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain.Import;

/// <summary>One problem in one cell of an import file (row numbers as the user sees them in Excel: header = its row).</summary>
public sealed record PatentImportRowError(int Row, string Column, string Code, string Zh, string En);

/// <summary>One data row: the parsed details when valid, else its errors.</summary>
public sealed record PatentImportRow(int Row, PatentDetails? Details, IReadOnlyList<PatentImportRowError> Errors)
{
    public bool IsValid => Details is not null && Errors.Count == 0;
}

/// <summary>A parsed file: every data row with its row-level errors.</summary>
public sealed record PatentImportFile(IReadOnlyList<PatentImportRow> Rows)
{
    public IReadOnlyList<PatentImportRowError> Errors => Rows.SelectMany(r => r.Errors).ToList();
    public bool HasErrors => Rows.Any(r => !r.IsValid);
}

public sealed record PatentImportProgress(int Processed, int Total);

/// <summary>What an import did: created, updated, skipped rows, and the row errors (skipped rows only).</summary>
public sealed record PatentImportOutcome(int Created, int Updated, int Skipped, IReadOnlyList<PatentImportRowError> Errors);

/// <summary>
/// The rules of a patent list shaped like a patent-office (CNIPA) export, on its cells as text: Chinese or English
/// headers (the header row may follow a few title rows), one patent per row, cell values as the office writes them.
/// Never throws for bad data: every problem becomes a row error. Reading the file itself (.csv, .xlsx) is
/// <c>Features/Patents/PatentImportFileReader</c>.
/// </summary>
public static class PatentImport
{
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string[]> Headers = new()
    {
        ["applicationNo"] = ["申请号", "专利号", "申请号/专利号", "application no", "application number", "applicationno"],
        ["publicationNo"] = ["公开(公告)号", "公开（公告）号", "公开公告号", "公告号", "公开号", "publication no", "publication number", "publicationno"],
        ["type"] = ["专利类型", "类型", "type", "patent type"],
        ["title"] = ["发明名称", "专利名称", "名称", "title"],
        ["titleEn"] = ["英文名称", "title (en)", "title en", "english title"],
        ["filingDate"] = ["申请日", "filing date", "application date"],
        ["grantDate"] = ["授权公告日", "授权日", "grant date", "grant announcement date"],
        ["legalStatus"] = ["法律状态", "当前法律状态", "legal status", "status"],
        ["patentees"] = ["专利权人", "申请(专利权)人", "申请（专利权）人", "申请人", "patentee", "patentees", "applicant"],
        ["feePaidUntil"] = ["年费缴至", "年费缴纳至", "annual fee paid until", "fee paid until"],
        ["termCompensationDays"] = ["期限补偿天数", "补偿天数", "term compensation days"],
        ["ipc"] = ["ipc分类号", "主分类号", "ipc", "ipc codes"],
    };

    private static readonly string[] Required = ["applicationNo", "type", "title", "filingDate", "patentees"];

    public static readonly (string Zh, string En)[] TemplateHeaders =
    [
        ("申请号", "Application no"), ("公开(公告)号", "Publication no"), ("专利类型", "Type"), ("发明名称", "Title"),
        ("申请日", "Filing date"), ("授权公告日", "Grant date"), ("法律状态", "Legal status"), ("专利权人", "Patentee"),
        ("年费缴至", "Annual fee paid until"), ("期限补偿天数", "Term compensation days"), ("IPC分类号", "IPC"),
    ];

    public static Result<PatentImportFile> ParseRows(IReadOnlyList<string?[]> raw)
    {
        var headerIndex = -1;
        Dictionary<string, int> columns = [];
        for (var i = 0; i < Math.Min(raw.Count, 10) && headerIndex < 0; i++)
        {
            var map = MapHeader(raw[i]);
            if (map.ContainsKey("applicationNo")) { headerIndex = i; columns = map; }
        }
        if (headerIndex < 0) return PatentImportErrors.MissingColumns(Required);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0) return PatentImportErrors.MissingColumns(missing);
        if (raw.Count - headerIndex - 1 > MaxRows) return PatentImportErrors.TooManyRows;

        var rows = new List<PatentImportRow>();
        var seen = new Dictionary<string, int>();
        for (var i = headerIndex + 1; i < raw.Count; i++)
        {
            var cells = raw[i];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var rowNo = i + 1;
            var row = ParseRow(rowNo, cells, columns);
            if (row.Details is { } d)
            {
                var key = Patent.NormalizeApplicationNo(d.ApplicationNo);
                if (seen.TryGetValue(key, out var first))
                    row = row with { Details = null, Errors = [.. row.Errors, RowError(rowNo, PatentImportErrors.DuplicateInFile(first))] };
                else seen[key] = rowNo;
            }
            rows.Add(row);
        }
        return new PatentImportFile(rows);
    }

    private static PatentImportRow ParseRow(int rowNo, string?[] cells, Dictionary<string, int> columns)
    {
        var errors = new List<PatentImportRowError>();
        string? Cell(string key) => columns.TryGetValue(key, out var idx) && idx < cells.Length ? cells[idx]?.Trim() : null;
        void Err(FieldError error) => errors.Add(RowError(rowNo, error));

        var appNo = Cell("applicationNo");
        if (string.IsNullOrWhiteSpace(appNo)) Err(PatentImportErrors.ApplicationNoRequired);
        var type = ParseType(Cell("type"));
        if (type is null) Err(PatentImportErrors.TypeInvalid(Cell("type")));
        var filing = ParseDate(Cell("filingDate"));
        if (filing is null) Err(PatentImportErrors.FilingDateInvalid(Cell("filingDate")));
        DateOnly? grant = null;
        if (!string.IsNullOrWhiteSpace(Cell("grantDate")))
        {
            grant = ParseDate(Cell("grantDate"));
            if (grant is null) Err(PatentImportErrors.GrantDateInvalid(Cell("grantDate")));
        }
        DateOnly? feePaid = null;
        if (!string.IsNullOrWhiteSpace(Cell("feePaidUntil")))
        {
            feePaid = ParseDate(Cell("feePaidUntil"));
            if (feePaid is null) Err(PatentImportErrors.FeeDateInvalid(Cell("feePaidUntil")));
        }
        var comp = 0;
        if (!string.IsNullOrWhiteSpace(Cell("termCompensationDays")) &&
            !int.TryParse(Cell("termCompensationDays"), NumberStyles.Integer, CultureInfo.InvariantCulture, out comp))
            Err(PatentImportErrors.CompensationInvalid);
        PatentLegalStatus status;
        var statusText = Cell("legalStatus");
        if (string.IsNullOrWhiteSpace(statusText)) status = grant is null ? PatentLegalStatus.Pending : PatentLegalStatus.InForce;
        else if (ParseStatus(statusText) is { } s) status = s;
        else
        {
            status = PatentLegalStatus.Pending;
            Err(PatentImportErrors.StatusInvalid(statusText));
        }

        if (errors.Count > 0 || type is null || filing is null) return new(rowNo, null, errors);
        var details = new PatentDetails(appNo!, Cell("publicationNo"), type.Value, Cell("title") ?? "", Cell("titleEn"), Cell("patentees") ?? "",
            filing.Value, grant, status, feePaid, comp, Cell("ipc"));
        foreach (var fe in Patent.Validate(details)) Err(fe);
        return errors.Count > 0 ? new(rowNo, null, errors) : new(rowNo, details, []);
    }

    /// <summary>A field error of a row, shown under the column it came from (the patent's field names map to the export's headers).</summary>
    private static PatentImportRowError RowError(int rowNo, FieldError error) => new(rowNo, ColumnFor(error.Field), error.Code, error.Zh, error.En);

    private static string ColumnFor(string field) => field switch
    {
        "applicationNo" => "申请号",
        "type" => "专利类型",
        "title" => "发明名称",
        "patenteeNames" => "专利权人",
        "filingDate" => "申请日",
        "grantAnnouncementDate" => "授权公告日",
        "annualFeePaidUntil" => "年费缴至",
        "termCompensationDays" => "期限补偿天数",
        "legalStatus" => "法律状态",
        _ => field,
    };

    private static Dictionary<string, int> MapHeader(string?[] cells)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < cells.Length; i++)
        {
            var h = (cells[i] ?? "").Trim().ToLowerInvariant();
            if (h.Length == 0) continue;
            foreach (var (key, names) in Headers)
                if (!map.ContainsKey(key) && names.Contains(h)) { map[key] = i; break; }
        }
        return map;
    }

    public static PatentType? ParseType(string? s) => (s ?? "").Trim().ToLowerInvariant() switch
    {
        "发明" or "发明专利" or "发明授权" or "发明公开" or "invention" or "1" => PatentType.Invention,
        "实用新型" or "实用新型专利" or "utility model" or "utilitymodel" or "2" => PatentType.UtilityModel,
        "外观设计" or "外观设计专利" or "外观" or "design" or "3" => PatentType.Design,
        _ => null,
    };

    public static PatentLegalStatus? ParseStatus(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        if (t is "有效" or "授权" or "专利权维持" or "in force" or "inforce" or "granted") return PatentLegalStatus.InForce;
        if (t is "审中" or "实质审查" or "公开" or "pending" or "实审") return PatentLegalStatus.Pending;
        if (t.Contains("年费") || t is "权利终止" or "lapsed") return PatentLegalStatus.Lapsed;
        if (t.Contains("无效") || t is "invalidated") return PatentLegalStatus.Invalidated;
        if (t.Contains("届满") || t is "expired") return PatentLegalStatus.Expired;
        if (t.Contains("驳回") || t.Contains("撤回") || t.Contains("放弃") || t is "abandoned" or "rejected") return PatentLegalStatus.Abandoned;
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>
    /// A date cell. A cell with a time of day (an export's "2020-05-10 00:00:00") is a calendar date written with a
    /// wall time, not an instant, so its date part is the date (the spreadsheet-import allowance of the business-clock rule).
    /// </summary>
    public static DateOnly? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParseExact(s, ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            return DateOnly.FromDateTime(dt);
        return null;
    }
}

/// <summary>
/// Applies a parsed file to an organisation's patents: nothing is imported when a row has errors unless
/// <c>skipInvalid</c> is set; an application number already on record is updated, not duplicated.
/// </summary>
public static class PatentImporter
{
    public static Result<PatentImportOutcome> Apply(
        PatentImportFile file, Guid ownerOrganizationId, IReadOnlyDictionary<string, Patent> existingByApplicationNo,
        bool skipInvalid, PatentTermRules rules, DateTimeOffset now, Action<Patent> add, IProgress<PatentImportProgress>? progress = null)
    {
        var errors = file.Errors;
        if (file.HasErrors && !skipInvalid) return PatentImportErrors.FileHasErrors(errors);
        int created = 0, updated = 0, skipped = 0, processed = 0;
        var total = file.Rows.Count;
        var pending = new List<Patent>();
        foreach (var row in file.Rows)
        {
            processed++;
            if (!row.IsValid) { skipped++; progress?.Report(new(processed, total)); continue; }
            var key = Patent.NormalizeApplicationNo(row.Details!.ApplicationNo);
            if (existingByApplicationNo.TryGetValue(key, out var patent))
            {
                if (patent.OwnerOrganizationId != ownerOrganizationId) { skipped++; progress?.Report(new(processed, total)); continue; }
                var r = patent.Update(row.Details, rules, now);
                if (r.IsFailure) return r.Error!;
                updated++;
            }
            else
            {
                var r = Patent.Register(ownerOrganizationId, row.Details, rules, now);
                if (r.IsFailure) return r.Error!;
                pending.Add(r.Value);
                created++;
            }
            progress?.Report(new(processed, total));
        }
        foreach (var p in pending) add(p);
        return new PatentImportOutcome(created, updated, skipped, errors);
    }
}

public static class PatentImportErrors
{
    public static readonly Error FileRequired = Error.Validation("file", "patent_import.file_required",
        "请上传 .xlsx 或 .csv 文件", "Upload an .xlsx or .csv file.");

    public static readonly Error UnsupportedFormat = new("patent_import.unsupported_format",
        "仅支持 .xlsx 或 .csv 文件", "Only .xlsx and .csv files can be imported.", "file", 422);

    public static Error Unreadable(string reason) => new("patent_import.unreadable",
        $"文件无法读取（{reason}），请确认格式正确", $"The file could not be read ({reason}); check its format.", "file", 422);

    public static readonly Error TooManyRows = new("patent_import.too_many_rows",
        $"一次最多导入 {PatentImport.MaxRows} 行", $"At most {PatentImport.MaxRows} rows can be imported at once.", "file", 422);

    public static Error MissingColumns(IEnumerable<string> keys) => new("patent_import.missing_columns",
        $"缺少必需的列：{string.Join("、", keys)}（需要：申请号、专利类型、发明名称、申请日、专利权人）",
        $"Required columns are missing: {string.Join(", ", keys)} (needed: application no, type, title, filing date, patentee).", "file", 422);

    public static Error FileHasErrors(IReadOnlyList<PatentImportRowError> errors) => new("patent_import.file_has_errors",
        $"文件中有 {errors.Select(e => e.Row).Distinct().Count()} 行存在错误，未导入任何数据；请修改后重试，或选择跳过错误行",
        $"{errors.Select(e => e.Row).Distinct().Count()} row(s) have errors, so nothing was imported; fix them or choose to skip invalid rows.", "file", 422)
    {
        FieldErrors = errors.Select(e => new FieldError($"row {e.Row}: {e.Column}", e.Code, $"第 {e.Row} 行 {e.Column}：{e.Zh}", $"Row {e.Row}, {e.Column}: {e.En}")).ToList(),
    };

    // ---- one cell of a row (the field is the patent's, shown under the export's column) ----
    public static readonly FieldError ApplicationNoRequired = new("applicationNo", "patent_import.application_no_required",
        "申请号为空", "The application number is empty.");

    public static FieldError TypeInvalid(string? cell) => new("type", "patent_import.type_invalid",
        $"无法识别的专利类型“{cell}”（应为发明、实用新型或外观设计）", $"Unknown patent type “{cell}” (expected invention, utility model or design).");

    public static FieldError FilingDateInvalid(string? cell) => new("filingDate", "patent_import.filing_date_invalid",
        $"申请日“{cell}”不是有效日期", $"The filing date “{cell}” is not a date.");

    public static FieldError GrantDateInvalid(string? cell) => new("grantAnnouncementDate", "patent_import.grant_date_invalid",
        $"授权公告日“{cell}”不是有效日期", $"The grant date “{cell}” is not a date.");

    public static FieldError FeeDateInvalid(string? cell) => new("annualFeePaidUntil", "patent_import.fee_date_invalid",
        $"年费缴至“{cell}”不是有效日期", $"The fee paid-until date “{cell}” is not a date.");

    public static readonly FieldError CompensationInvalid = new("termCompensationDays", "patent_import.compensation_invalid",
        "期限补偿天数须为整数", "Term compensation days must be a whole number.");

    public static FieldError StatusInvalid(string cell) => new("legalStatus", "patent_import.status_invalid",
        $"无法识别的法律状态“{cell}”", $"Unknown legal status “{cell}”.");

    public static FieldError DuplicateInFile(int firstRow) => new("applicationNo", "patent_import.duplicate_in_file",
        $"申请号与第 {firstRow} 行重复", $"The application number repeats row {firstRow}.");
}
