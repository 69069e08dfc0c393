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

/// <summary>The priced annual fee: reduced fee, surcharge for late payment, total.</summary>
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

    public static Result<AnnualFeeQuote> Quote(AnnualFeeQuery q, OpenLicensingOptions options)
    {
        if (q.FullFeeYuan < 0) return AnnualFeeErrors.NegativeFee;
        if (q.OtherReductions?.Any(r => r.Rate is < 0 or > 1) == true) return AnnualFeeErrors.ReductionOutOfRange;

        // R3.15: while the declaration is active the fee is reduced by 15 %; if other reductions apply,
        // only the single most favourable one is used (no stacking).
        var candidates = new List<FeeReduction>(q.OtherReductions ?? []);
        if (q.OpenLicenceActiveOnDueDate) candidates.Add(new(OpenLicenceReductionName, options.AnnualFeeReductionRate));
        var best = candidates.OrderByDescending(r => r.Rate).FirstOrDefault();
        var rate = best?.Rate ?? 0m;
        var reduced = Yuan.Round(q.FullFeeYuan * (1 - rate));

        // R3.16: 6 months' grace; each started month late costs 5 % of that year's full fee.
        var graceEnds = q.DueDate.AddMonths(options.AnnualFeeGraceMonths);
        var monthsLate = MonthsLate(q.DueDate, q.PaymentDate);
        if (monthsLate > options.AnnualFeeGraceMonths) return AnnualFeeErrors.GraceExpired(graceEnds);
        var surcharge = Yuan.Round(q.FullFeeYuan * options.LateSurchargeRatePerMonth * monthsLate);
        return new AnnualFeeQuote(q.FullFeeYuan, best?.Name, rate, reduced, monthsLate, surcharge, reduced + surcharge, graceEnds);
    }

    /// <summary>Started months after the due date: paid on or before due → 0; up to one month later → 1; …</summary>
    public static int MonthsLate(DateOnly due, DateOnly paid)
    {
        if (paid <= due) return 0;
        var m = 1;
        while (paid > due.AddMonths(m)) m++;
        return m;
    }
}

public static class AnnualFeeErrors
{
    public static readonly Error NegativeFee = new("annual_fee.negative_fee", "年费金额不能为负数", "The fee cannot be negative.", "fullFeeYuan", 422);

    public static readonly Error ReductionOutOfRange = new("annual_fee.reduction_out_of_range",
        "减缴比例须在 0 到 1 之间", "Reduction rates must be between 0 and 1.", "otherReductions", 422);

    public static Error GraceExpired(DateOnly graceEnds) => new("annual_fee.grace_expired",
        $"R3.16 已超过 6 个月滞纳期（截至 {graceEnds:yyyy-MM-dd}），专利权自应缴年费期满之日起终止",
        $"R3.16 The 6-month grace period ended on {graceEnds:yyyy-MM-dd}; the patent terminates from the original due date.", "paymentDate", 422);
}
