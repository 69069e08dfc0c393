namespace TechTransfer.SharedKernel;

/// <summary>
/// A failure a user can cause, with a stable code (API), both languages (people) and an HTTP status.
/// Codes are <c>&lt;aggregate&gt;.&lt;snake_reason&gt;</c>; clients and tests match on them, never on the messages.
/// </summary>
public sealed record Error(string Code, string Zh, string En, string? Field = null, int Status = 409)
{
    /// <summary>Extra field-level failures carried with a validation error (one entry per field message).</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    public static Error NotFound(string what, string whatZh) =>
        new($"{what}.not_found", $"未找到{whatZh}，或您无权查看", $"The {what.Replace('_', ' ')} was not found, or you may not see it.", Status: 404);

    public static readonly Error Forbidden = new(
        "auth.forbidden", "您的角色或所属机构无权执行此操作", "Your role or organisation may not do this.", Status: 403);

    public static readonly Error ConcurrencyConflict = new(
        "concurrency.conflict", "记录已被他人修改，请刷新后重试", "The record was changed by someone else; reload and try again.", Status: 409);

    /// <summary>A validation failure made of one or more field errors (422).</summary>
    public static Error Validation(IReadOnlyList<FieldError> fields) => new(
        "validation.failed", "提交的数据有误，请按字段提示修改", "Some fields are not valid; see the messages for each field.", Status: 422)
    { FieldErrors = fields };

    public static Error Validation(string field, string code, string zh, string en) =>
        Validation([new FieldError(field, code, zh, en)]);

    /// <summary>The message in the language asked for: English for "en*", Chinese otherwise (zh-CN is the default).</summary>
    public string Message(string? language) => Bilingual.IsEnglish(language) ? En : Zh;
}

/// <summary>One message about one input field, in both languages.</summary>
public sealed record FieldError(string Field, string Code, string Zh, string En)
{
    public string Message(string? language) => Bilingual.IsEnglish(language) ? En : Zh;
}
