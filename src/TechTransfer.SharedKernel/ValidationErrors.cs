namespace TechTransfer.SharedKernel;

/// <summary>
/// The platform-wide field errors of input shape (<c>validation.*</c>), whatever the record: reported by the API's
/// request-shape check (<c>Platform/RequestShape</c>) before any handler runs, and by the save guard that holds text to
/// its column (<c>Data/ColumnLengthGuard</c>). A module's own rules have their codes in the module's catalogue.
/// </summary>
public static class ValidationErrors
{
    public static FieldError TextTooLong(string field, int max) => new(field, "validation.text_too_long",
        $"文本过长：最多 {max} 个字符", $"The text is too long: at most {max} characters.");

    public static FieldError InvalidText(string field) => new(field, "validation.invalid_text",
        "文本含有无效字符（空字符或不成对的代理项）", "The text contains an invalid character (NUL or an unpaired surrogate).");

    public static FieldError NullNotAllowed(string field) => new(field, "validation.null_not_allowed",
        "此项必须填写，不能为 null（列表中也不能有 null 元素）", "A value is required here; null is not allowed (nor a null element in a list).");

    public static FieldError NumberOutOfRange(string field) => new(field, "validation.number_out_of_range",
        "数值超出范围：整数部分最多 16 位", "The number is out of range: at most 16 digits before the decimal point.");

    public static FieldError DateOutOfRange(string field, DateOnly earliest, DateOnly latest) => new(field, "validation.date_out_of_range",
        $"日期须在 {earliest:yyyy-MM-dd} 至 {latest:yyyy-MM-dd} 之间", $"The date must be between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}.");

    public static FieldError UnknownValue(string field) => new(field, "validation.unknown_value",
        "取值不在允许的范围内", "The value is not one of the allowed values.");
}
