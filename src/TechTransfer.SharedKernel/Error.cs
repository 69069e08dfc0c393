namespace TechTransfer.SharedKernel;

/// <summary>
/// A failure a user can cause, with a stable code (API), both languages (people) and an HTTP status.
/// Codes are <c>&lt;aggregate&gt;.&lt;snake_reason&gt;</c>; clients and tests match on them, never on the messages.
/// </summary>
public sealed record Error(string Code, string Zh, string En, string? Field = null, int Status = 409)
{
    /// <summary>
    /// The spec rule this error enforces (e.g. "R2.5"), written to problem details as <c>rule</c>. Rule ids are a field,
    /// never part of the message text; messages may cite the law article instead (e.g. 专利法实施细则第八十五条).
    /// </summary>
    public string? Rule { get; init; }

    /// <summary>The same error, naming the spec rule it enforces.</summary>
    public Error ForRule(string rule) => this with { Rule = rule };

    /// <summary>Extra field-level failures carried with a validation error (one entry per field message).</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    public static Error NotFound(string what, string whatZh) =>
        new($"{what}.not_found", $"未找到{whatZh}，或您无权查看", $"The {what.Replace('_', ' ')} was not found, or you may not see it.", Status: 404);

    public static readonly Error Forbidden = new(
        "auth.forbidden", "您的角色或所属机构无权执行此操作", "Your role or organisation may not do this.", Status: 403);

    /// <summary>A lost update: the record changed since the caller read it (stale <c>version</c>, or a concurrent save).</summary>
    public static readonly Error ConcurrencyConflict = new(
        "concurrency.conflict", "记录已被他人修改，请刷新后重试", "The record was changed by someone else; reload and try again.", Status: 409);

    /// <summary>
    /// The one optimistic-concurrency check for a request that names the version it read: null when it matches (or
    /// the request did not name one and the use case allows that), else <see cref="ConcurrencyConflict"/> (409).
    /// </summary>
    public static Error? StaleVersion(int current, int? expected) =>
        expected is { } v && v != current ? ConcurrencyConflict : null;

    /// <summary>A validation failure made of one or more field errors (422).</summary>
    public static Error Validation(IReadOnlyList<FieldError> fields) => new(
        "validation.failed", "提交的数据有误，请按字段提示修改", "Some fields are not valid; see the messages for each field.", Status: 422)
    { FieldErrors = fields };

    public static Error Validation(string field, string code, string zh, string en) =>
        Validation([new FieldError(field, code, zh, en)]);

    /// <summary>This error as one field error (its field, or "" when it names none), for a checklist that collects field errors.</summary>
    public FieldError AsFieldError() => new(Field ?? "", Code, Zh, En) { Rule = Rule };

    /// <summary>The field errors to show next to inputs: the ones it carries, else itself when it names a field, else none.</summary>
    public IReadOnlyList<FieldError> AsFieldErrors() =>
        FieldErrors.Count > 0 ? FieldErrors : Field is not null ? [AsFieldError()] : [];

    /// <summary>The message in the language asked for: English for "en*", Chinese otherwise (zh-CN is the default).</summary>
    public string Message(string? language) => Bilingual.IsEnglish(language) ? En : Zh;
}

/// <summary>One message about one input field, in both languages.</summary>
public sealed record FieldError(string Field, string Code, string Zh, string En)
{
    /// <summary>The spec rule this field error enforces, or null (see <see cref="Error.Rule"/>).</summary>
    public string? Rule { get; init; }

    public FieldError ForRule(string rule) => this with { Rule = rule };

    public string Message(string? language) => Bilingual.IsEnglish(language) ? En : Zh;
}

/// <summary>
/// Collects every field error of a request or a rule checklist, so a caller gets all of them at once (one 422) in both
/// languages. The one validation path: use cases and domain checklists add to it, then return <see cref="ToError"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;
    public bool Any => _errors.Count > 0;

    public FieldErrors Add(FieldError error)
    {
        _errors.Add(error);
        return this;
    }

    public FieldErrors AddRange(IEnumerable<FieldError> errors)
    {
        _errors.AddRange(errors);
        return this;
    }

    /// <summary>Adds the error when <paramref name="failed"/> is true.</summary>
    public FieldErrors When(bool failed, FieldError error) => failed ? Add(error) : this;

    /// <summary>A field error list carried by an error (a validation error or one naming a field).</summary>
    public FieldErrors AddFrom(Error error) =>
        error.FieldErrors.Count > 0 ? AddRange(error.FieldErrors) : Add(error.AsFieldError());

    /// <summary>422 with every collected field error, or null when there is none.</summary>
    public Error? ToError() => _errors.Count == 0 ? null : Error.Validation(_errors.ToList());
}
