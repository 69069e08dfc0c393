namespace TechTransfer.SharedKernel.References;

/// <summary>The record types other modules may name by id in a request (stable names, used in DI and tests).</summary>
public static class RecordTypes
{
    public const string Achievement = "achievement";
    public const string Patent = "patent";
    /// <summary>A patent open-licence declaration (专利开放许可声明), named e.g. as a match in match feedback.</summary>
    public const string OpenLicense = "open_license";
    public const string Organization = "organization";
    public const string Demand = "demand";
    public const string Contract = "contract";
    public const string User = "user";
    /// <summary>An exchange listing (挂牌项目), named e.g. as a match in match feedback.</summary>
    public const string Listing = "listing";
    /// <summary>An exchange deal (成交), named e.g. by the Settlement module's ledger.</summary>
    public const string ExchangeDeal = "exchange_deal";
}

/// <summary>
/// Implemented by the module that owns a record type: which of the given ids exist <b>and</b> are visible to the
/// caller, by the same rule the module's own reads use. Registered as <c>IReferenceResolver</c>; one per type.
/// </summary>
public interface IReferenceResolver
{
    string RecordType { get; }

    Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct);
}

/// <summary>
/// The one check of every id a request references (see docs/architecture.md, Conventions): each id must exist and be
/// visible to the caller, else a 422 field error that reads the same for "no such record" and "not yours".
/// </summary>
public interface IReferenceCheck
{
    /// <summary>Null when the id is visible; else the field error for <paramref name="field"/>.</summary>
    Task<FieldError?> CheckAsync(string field, string recordType, Guid id, CancellationToken ct);

    /// <summary>One field error per id that is not visible, at <c>field[i]</c>.</summary>
    Task<IReadOnlyList<FieldError>> CheckAllAsync(string field, string recordType, IReadOnlyList<Guid> ids, CancellationToken ct);
}

public static class ReferenceErrors
{
    /// <summary>The same text whether the record does not exist or the caller may not see it (no existence oracle).</summary>
    public static FieldError NotFound(string field) => new(field, "reference.not_found",
        "所引用的记录不存在或您无权查看", "The referenced record does not exist or you may not see it.");
}
