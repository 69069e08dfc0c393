using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

/// <summary>
/// Shape checks shared by the module's checklists: text that fits its column, dates a patent record can have, amounts that
/// fit <c>decimal(18,2)</c>. Each adds a field error of <see cref="PatentErrors"/> to the request's <see cref="FieldErrors"/>.
/// </summary>
public static class PatentChecks
{
    /// <summary>The largest amount any request of the module may state: 1,000 亿元 (well inside decimal(18,2)).</summary>
    public const decimal MaxYuan = 100_000_000_000m;

    /// <summary>The first day of the patent system (专利法 in force 1985-04-01) and a far bound for dates.</summary>
    public static readonly DateOnly EarliestDate = new(1985, 4, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>Adds a field error when <paramref name="value"/> is longer than its column.</summary>
    public static void Text(FieldErrors errors, string? value, string field, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(PatentErrors.TooLong(field, max));
    }

    /// <summary>A required text: present and within its column.</summary>
    public static void RequiredText(FieldErrors errors, string? value, string field, int max, FieldError? whenMissing = null)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(whenMissing ?? PatentErrors.Required(field));
        else Text(errors, value, field, max);
    }

    /// <summary>An amount in yuan: 0 ≤ amount ≤ <see cref="MaxYuan"/>.</summary>
    public static void Amount(FieldErrors errors, decimal? amount, string field)
    {
        if (amount is { } a && (a < 0 || a > MaxYuan)) errors.Add(PatentErrors.AmountOutOfRange(field));
    }

    /// <summary>A date that must be given and plausible.</summary>
    public static void Date(FieldErrors errors, DateOnly date, string field) =>
        errors.When(!IsPlausible(date), PatentErrors.DateOutOfRange(field));
}
