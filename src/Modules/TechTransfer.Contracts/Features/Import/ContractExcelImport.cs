using System.Globalization;
using MiniExcelLibs;
using TechTransfer.Contracts.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Import;

/// <summary>One problem in one row of an import file (row numbers as Excel shows them: the header is row 1).</summary>
/// <param name="Rule">The spec rule a validation error enforces (from the error's <see cref="FieldError.Rule"/>), or null.</param>
public sealed record ImportRowError(int Row, string Field, string Code, string Zh, string En, string? Rule = null)
{
    /// <summary>A field error of <see cref="ContractImportErrors"/> or of the form's checks, found in row <paramref name="row"/>.</summary>
    public static ImportRowError Of(int row, FieldError error) => new(row, error.Field, error.Code, error.Zh, error.En, error.Rule);
}

/// <summary>A parsed row: the contract content, or the errors that stop it.</summary>
public sealed record ImportRow(int Row, ContractDetails? Details, IReadOnlyList<ImportRowError> Errors)
{
    public bool IsValid => Details is not null && Errors.Count == 0;
}

/// <summary>
/// Bulk import of contracts from Excel (issue 5): one contract per row, one seller and one buyer per row, Chinese headers.
/// Every row is validated with the same rules as the form; the caller imports nothing if any row is bad unless skip-invalid.
/// </summary>
public static class ContractExcelImport
{
    public static readonly string[] Headers =
    [
        "项目名称", "合同类别", "合同子类", "合同形式", "签订日期", "生效日期", "终止日期",
        "卖方名称", "卖方统一社会信用代码", "卖方性质代码", "卖方国别", "卖方行政区划",
        "买方名称", "买方统一社会信用代码", "买方性质代码", "买方国别", "买方行政区划",
        "合同成交额", "非技术性款项", "技术领域", "支付方式",
    ];

    public static IReadOnlyList<ImportRow> Parse(Stream xlsx, ContractRuleSetCatalog catalog, Guid? sellerOrganizationId)
    {
        var result = new List<ImportRow>();
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or ArgumentException)
        {
            return [new ImportRow(1, null, [ImportRowError.Of(1, ContractImportErrors.FileUnreadable)])];
        }
        var missing = Headers.Take(18).Where(h => rows.Count > 0 && !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            return [new ImportRow(1, null, [ImportRowError.Of(1, ContractImportErrors.HeadersMissing(missing))])];

        for (var i = 0; i < rows.Count; i++)
        {
            var excelRow = i + 2;
            var r = rows[i];
            if (r.Values.All(v => v is null || string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)))) continue;
            result.Add(ParseRow(excelRow, r, catalog, sellerOrganizationId));
        }
        return result;
    }

    private static ImportRow ParseRow(int row, IDictionary<string, object?> r, ContractRuleSetCatalog catalog, Guid? sellerOrg)
    {
        var errors = new List<ImportRowError>();
        string S(string h) => r.TryGetValue(h, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() : "";
        void Err(FieldError error) => errors.Add(ImportRowError.Of(row, error));

        DateOnly? D(string h)
        {
            if (!r.TryGetValue(h, out var v) || v is null || (v is string s0 && string.IsNullOrWhiteSpace(s0)))
            {
                Err(ContractImportErrors.DateRequired(h));
                return null;
            }
            if (v is DateTime dt) return DateOnly.FromDateTime(dt);
            if (v is double oa) return DateOnly.FromDateTime(DateTime.FromOADate(oa));
            var s = Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim();
            foreach (var f in new[] { "yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyy/MM/dd HH:mm:ss", "M/d/yyyy h:mm:ss tt" })
                if (DateTime.TryParseExact(s, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return DateOnly.FromDateTime(d);
            Err(ContractImportErrors.DateInvalid(h, s));
            return null;
        }

        decimal? M(string h, bool required)
        {
            var s = S(h).Replace(",", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal);
            if (s.Length == 0)
            {
                if (required) Err(ContractImportErrors.AmountRequired(h));
                return null;
            }
            if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)) return m;
            Err(ContractImportErrors.AmountInvalid(h, s));
            return null;
        }

        var category = ParseEnum<ContractCategory>(S("合同类别"), c => ContractCategories.Label(c));
        if (category is null) Err(ContractImportErrors.CategoryInvalid(S("合同类别")));
        var subText = S("合同子类");
        var subType = subText.Length == 0 ? ContractSubType.None : ParseEnum<ContractSubType>(subText, s => ContractCategories.Label(s));
        if (subType is null) Err(ContractImportErrors.SubTypeInvalid(subText));
        var formText = S("合同形式");
        var form = formText switch
        {
            "" or "书面" or "Written" => ContractForm.Written,
            "电子" or "电子合同" or "Electronic" => ContractForm.Electronic,
            "口头" or "Oral" => ContractForm.Oral,
            _ => (ContractForm?)null,
        };
        if (form is null) Err(ContractImportErrors.FormInvalid(formText));
        var payText = S("支付方式");
        var pay = payText.Length == 0 ? PaymentMode.LumpSumOnce : ParseEnum<PaymentMode>(payText, PaymentLabel);
        if (pay is null) Err(ContractImportErrors.PaymentModeInvalid(payText));

        var signed = D("签订日期");
        var from = D("生效日期");
        var to = D("终止日期");
        var total = M("合同成交额", true);
        var nonTech = M("非技术性款项", false);
        if (errors.Count > 0) return new ImportRow(row, null, errors);

        var details = new ContractDetails
        {
            ProjectName = S("项目名称"),
            Category = category!.Value,
            SubType = subType!.Value,
            Form = form!.Value,
            SignedDate = signed!.Value,
            ValidFrom = from!.Value,
            ValidTo = to!.Value,
            Parties =
            [
                new PartyInput(PartyRole.Seller, S("卖方名称"), Null(S("卖方统一社会信用代码")), S("卖方性质代码"), Null(S("卖方国别")) ?? PartyCountries.China, Null(S("卖方行政区划")), sellerOrg),
                new PartyInput(PartyRole.Buyer, S("买方名称"), Null(S("买方统一社会信用代码")), S("买方性质代码"), Null(S("买方国别")) ?? PartyCountries.China, Null(S("买方行政区划"))),
            ],
            TotalAmount = total!.Value,
            NonTechnicalItems = nonTech is > 0 ? [new NonTechnicalItem(NonTechnicalItemKind.OtherNonTech, "导入：非技术性款项", nonTech.Value, 1, false)] : [],
            Payment = new PaymentTerms(pay!.Value),
            TechnicalField = Null(S("技术领域")),
            Origin = ContractOrigin.BulkImport,
        };
        var fieldErrors = ContractValidation.Validate(details, catalog.ContentRules(details.SignedDate));
        foreach (var f in fieldErrors) Err(f);
        return new ImportRow(row, errors.Count == 0 ? details : null, errors);
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;

    private static (string Zh, string En) PaymentLabel(PaymentMode m) => m switch
    {
        PaymentMode.LumpSumOnce => ("一次总算一次总付", "Lump sum"),
        PaymentMode.LumpSumInstallments => ("一次总算分期支付", "Instalments"),
        PaymentMode.Royalty => ("提成支付", "Royalty"),
        PaymentMode.EntryFeePlusRoyalty => ("提成支付附加预付入门费", "Entry fee plus royalty"),
        PaymentMode.Equity => ("作价投资", "Equity"),
        _ => (m.ToString(), m.ToString()),
    };

    private static T? ParseEnum<T>(string text, Func<T, (string Zh, string En)> label) where T : struct, Enum
    {
        if (text.Length == 0) return null;
        foreach (var v in Enum.GetValues<T>())
        {
            var (zh, en) = label(v);
            if (string.Equals(text, v.ToString(), StringComparison.OrdinalIgnoreCase) || text == zh || string.Equals(text, en, StringComparison.OrdinalIgnoreCase))
                return v;
        }
        return null;
    }

    /// <summary>An empty template with the headers and one example row.</summary>
    public static byte[] Template()
    {
        var example = new Dictionary<string, object?>
        {
            ["项目名称"] = "基于深度学习的锂电池缺陷检测方法开发", ["合同类别"] = "技术开发", ["合同子类"] = "委托开发", ["合同形式"] = "书面",
            ["签订日期"] = "2026-03-01", ["生效日期"] = "2026-03-01", ["终止日期"] = "2027-02-28",
            ["卖方名称"] = "复旦大学", ["卖方统一社会信用代码"] = UnifiedSocialCreditCode.WithCheckCharacter("12100000425006117"), ["卖方性质代码"] = "022",
            ["卖方国别"] = "CHN", ["卖方行政区划"] = "310110",
            ["买方名称"] = "南京某科技有限公司", ["买方统一社会信用代码"] = UnifiedSocialCreditCode.WithCheckCharacter("91320100MA1XY0001"), ["买方性质代码"] = "150",
            ["买方国别"] = "CHN", ["买方行政区划"] = "320102",
            ["合同成交额"] = 1000000m, ["非技术性款项"] = 0m, ["技术领域"] = "电子信息", ["支付方式"] = "一次总算一次总付",
        };
        using var ms = new MemoryStream();
        ms.SaveAs(new[] { example });
        return ms.ToArray();
    }

    /// <summary>The row-level error report as xlsx.</summary>
    public static byte[] ErrorReport(IEnumerable<ImportRow> rows)
    {
        var data = rows.SelectMany(r => r.Errors).Select(e => new Dictionary<string, object?>
        {
            ["行号 Row"] = e.Row, ["字段 Field"] = e.Field, ["代码 Code"] = e.Code, ["规则 Rule"] = e.Rule ?? "",
            ["说明"] = e.Zh, ["Message"] = e.En,
        }).ToList();
        if (data.Count == 0) data.Add(new Dictionary<string, object?> { ["行号 Row"] = null, ["说明"] = "无错误", ["Message"] = "No errors" });
        using var ms = new MemoryStream();
        ms.SaveAs(data);
        return ms.ToArray();
    }
}

/// <summary>Failures of a contract import as a whole (a row's own problems are its <see cref="ImportRowError"/>s).</summary>
public static class ContractImportErrors
{
    public static readonly Error Empty = Error.Validation("file", "import.empty", "文件中没有数据行", "The file has no data rows.");

    public static readonly FieldError FileUnreadable = new("file", "import.file_unreadable", "无法读取文件，请使用 .xlsx 模板", "The file cannot be read; use the .xlsx template.");

    public static FieldError HeadersMissing(IReadOnlyList<string> headers) => new(string.Join(",", headers), "import.headers_missing",
        $"缺少列：{string.Join("、", headers)}", $"Missing columns: {string.Join(", ", headers)}");

    // ---- one cell of a row (the field is the column's header) ----
    public static FieldError DateRequired(string header) => new(header, "import.date_required", $"“{header}”为必填日期", $"'{header}' is a required date.");

    public static FieldError DateInvalid(string header, string cell) => new(header, "import.date_invalid",
        $"“{header}”不是有效日期：{cell}", $"'{header}' is not a valid date: {cell}");

    public static FieldError AmountRequired(string header) => new(header, "import.amount_required", $"“{header}”为必填金额", $"'{header}' is a required amount.");

    public static FieldError AmountInvalid(string header, string cell) => new(header, "import.amount_invalid",
        $"“{header}”不是有效金额：{cell}", $"'{header}' is not a valid amount: {cell}");

    public static FieldError CategoryInvalid(string cell) => new("合同类别", "import.category_invalid", $"合同类别无效：{cell}", $"Unknown category: {cell}");

    public static FieldError SubTypeInvalid(string cell) => new("合同子类", "import.sub_type_invalid", $"合同子类无效：{cell}", $"Unknown sub-type: {cell}");

    public static FieldError FormInvalid(string cell) => new("合同形式", "import.form_invalid", $"合同形式无效：{cell}", $"Unknown contract form: {cell}");

    public static FieldError PaymentModeInvalid(string cell) => new("支付方式", "import.payment_mode_invalid", $"支付方式无效：{cell}", $"Unknown payment mode: {cell}");

    /// <summary>Nothing was imported because rows are invalid; each row problem is a field error <c>rows[n].field</c>.</summary>
    public static Error RowsInvalid(int invalid, IReadOnlyList<ImportRowError> errors) => new("contract_import.rows_invalid",
        $"有 {invalid} 行数据有误，未导入任何合同", $"{invalid} rows are invalid; nothing was imported.", "file", 422)
    {
        FieldErrors = errors.Select(e => new FieldError($"rows[{e.Row}].{e.Field}", e.Code, $"第 {e.Row} 行：{e.Zh}", $"Row {e.Row}: {e.En}") { Rule = e.Rule }).ToList(),
    };
}
