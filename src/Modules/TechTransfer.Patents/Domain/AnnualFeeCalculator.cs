using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

/// <summary>Another fee reduction the patentee enjoys (e.g. 费减 for individuals or small firms), as a rate 0–1.</summary>
public sealed record FeeReduction(string Name, decimal Rate);

/// <summary>One annual fee (年费) to price.</summary>
public sealed record AnnualFeeQuery(
    decimal FullFeeYuan,
    DateOnly DueDate,
    DateOnly PaymentDate,
    bool OpenLicenceActiveOnDueDate,
    IReadOnlyList<FeeReduction>? OtherReductions = null);

/// <summary>
/// The priced annual fee: reduced fee, surcharge for late payment, total. <see cref="MonthsLate"/> counts the <b>full</b>
/// months of lateness the surcharge is charged for (paid within the first month after the due date: 0).
/// </summary>
public sealed record AnnualFeeQuote(
    decimal FullFeeYuan,
    string? AppliedReduction,
    decimal ReductionRate,
    decimal ReducedFeeYuan,
    int MonthsLate,
    decimal SurchargeYuan,
    decimal TotalYuan,
    DateOnly GraceEndsOn);

/// <summary>年费减缴计算器 (R3.15–R3.16).</summary>
public static class AnnualFeeCalculator
{
    public const string OpenLicenceReductionName = "open_license";

    /// <summary>Every problem with a quote request at once (amounts, rates, dates); empty when it can be priced.</summary>
    public static IReadOnlyList<FieldError> Check(AnnualFeeQuery q)
    {
        var errors = new FieldErrors();
        if (q.FullFeeYuan < 0) errors.AddFrom(AnnualFeeErrors.NegativeFee);
        else PatentChecks.Amount(errors, q.FullFeeYuan, "fullFeeYuan");
        if (q.OtherReductions?.Any(r => r is null || r.Rate is < 0 or > 1) == true) errors.AddFrom(AnnualFeeErrors.ReductionOutOfRange);
        PatentChecks.Date(errors, q.DueDate, "dueDate");
        PatentChecks.Date(errors, q.PaymentDate, "paymentDate");
        return errors.All;
    }

    public static Result<AnnualFeeQuote> Quote(AnnualFeeQuery q, OpenLicensingOptions options)
    {
        if (Check(q) is { Count: > 0 } invalid) return Error.Validation(invalid);

        // R3.15: while the declaration is active the fee is reduced by 15 %; if other reductions apply,
        // only the single most favourable one is used (no stacking).
        var candidates = new List<FeeReduction>(q.OtherReductions ?? []);
        if (q.OpenLicenceActiveOnDueDate) candidates.Add(new(OpenLicenceReductionName, options.AnnualFeeReductionRate));
        var best = candidates.OrderByDescending(r => r.Rate).FirstOrDefault();
        var rate = best?.Rate ?? 0m;
        var reduced = Yuan.Round(q.FullFeeYuan * (1 - rate));

        // R3.16 (专利法实施细则第一百一十五条): 6 months' grace; each FULL month late costs 5 % of that year's full fee.
        var graceEnds = BusinessTime.EndOfMonths(q.DueDate, options.AnnualFeeGraceMonths);
        if (q.PaymentDate > graceEnds) return AnnualFeeErrors.GraceExpired(graceEnds, options.AnnualFeeGraceMonths);
        var monthsLate = FullMonthsLate(q.DueDate, q.PaymentDate);
        var surcharge = Yuan.Round(q.FullFeeYuan * options.LateSurchargeRatePerMonth * monthsLate);
        return new AnnualFeeQuote(q.FullFeeYuan, best?.Name, rate, reduced, monthsLate, surcharge, reduced + surcharge, graceEnds);
    }

    /// <summary>
    /// Full months of lateness (CNIPA bands under 细则 115): paid on or before the due date, or within one month after it → 0;
    /// over 1 up to 2 months → 1; … over 5 up to 6 months → 5. A month after the due date ends on
    /// <see cref="BusinessTime.EndOfMonths"/> (民法典 202), so due 2026-01-31 → 2026-02-28 is still within the first month.
    /// </summary>
    public static int FullMonthsLate(DateOnly due, DateOnly paid)
    {
        if (paid <= due) return 0;
        // Upper bound: the calendar months between the two; the period of m months ends in paid's month at the latest.
        var months = (paid.Year - due.Year) * 12 + paid.Month - due.Month;
        while (months > 0 && paid <= BusinessTime.EndOfMonths(due, months)) months--;
        return months;
    }
}

public static class AnnualFeeErrors
{
    public static readonly Error NegativeFee = new Error("annual_fee.negative_fee", "年费金额不能为负数", "The fee cannot be negative.", "fullFeeYuan", 422)
        .ForRule("R3.15");

    public static readonly Error ReductionOutOfRange = new Error("annual_fee.reduction_out_of_range",
        "减缴比例须在 0 到 1 之间", "Reduction rates must be between 0 and 1.", "otherReductions", 422).ForRule("R3.15");

    public static Error GraceExpired(DateOnly graceEnds, int graceMonths) => new Error("annual_fee.grace_expired",
        $"已超过 {graceMonths} 个月的滞纳期（截至 {graceEnds:yyyy-MM-dd}），专利权自应当缴纳年费期满之日起终止（专利法实施细则第一百一十五条）",
        $"The {graceMonths}-month grace period ended on {graceEnds:yyyy-MM-dd}; the patent terminates from the original due date (Implementing Regulations of the Patent Law, art. 115).",
        "paymentDate", 422).ForRule("R3.16");
}
