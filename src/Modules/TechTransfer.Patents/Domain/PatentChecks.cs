using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

/// <summary>
/// Shape checks shared by the module's checklists: text that fits its column, dates a patent record can have, amounts that
/// fit <c>decimal(18,2)</c>. Each adds a bilingual field error to the request's <see cref="FieldErrors"/>.
/// </summary>
public static class PatentChecks
{
    /// <summary>The largest amount any request of the module may state: 1,000 亿元 (well inside decimal(18,2)).</summary>
    public const decimal MaxYuan = 100_000_000_000m;

    /// <summary>The first day of the patent system (专利法 in force 1985-04-01) and a far bound for dates.</summary>
    public static readonly DateOnly EarliestDate = new(1985, 4, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static FieldError DateOutOfRange(string field) => new(field, "patent.date_out_of_range",
        "日期须在 1985-04-01 至 2199-12-31 之间", "The date must be between 1985-04-01 and 2199-12-31.");

    public static FieldError TooLong(string field, int max) => new(field, "patent.text_too_long",
        $"内容不能超过 {max} 个字符", $"At most {max} characters.");

    public static FieldError Required(string field) => new(field, "patent.field_required", "此项为必填项", "This field is required.");

    public static FieldError AmountOutOfRange(string field) => new(field, "patent.amount_out_of_range",
        "金额须在 0 元到 1000 亿元之间", "Amounts must be between ¥0 and ¥100,000,000,000.");

    /// <summary>An edit (PUT) names the version of the record it changes (optimistic concurrency).</summary>
    public static readonly FieldError VersionRequired = new("version", "concurrency.version_required",
        "修改时须提供所读取记录的版本号 version", "Send the version of the record you read (field 'version').");

    /// <summary>A single-field error as a field error of a checklist.</summary>
    public static FieldError FieldOf(Error error) => new(error.Field ?? "", error.Code, error.Zh, error.En) { Rule = error.Rule };

    /// <summary>Adds a field error when <paramref name="value"/> is longer than its column.</summary>
    public static void Text(FieldErrors errors, string? value, string field, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(TooLong(field, max));
    }

    /// <summary>A required text: present and within its column.</summary>
    public static void RequiredText(FieldErrors errors, string? value, string field, int max, FieldError? whenMissing = null)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(whenMissing ?? Required(field));
        else Text(errors, value, field, max);
    }

    /// <summary>An amount in yuan: 0 ≤ amount ≤ <see cref="MaxYuan"/>.</summary>
    public static void Amount(FieldErrors errors, decimal? amount, string field)
    {
        if (amount is { } a && (a < 0 || a > MaxYuan)) errors.Add(AmountOutOfRange(field));
    }

    /// <summary>A date that must be given and plausible.</summary>
    public static void Date(FieldErrors errors, DateOnly date, string field) =>
        errors.When(!IsPlausible(date), DateOutOfRange(field));
}
