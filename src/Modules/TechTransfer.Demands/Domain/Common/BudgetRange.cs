using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>预算区间: a budget in decimal yuan (元); both ends or neither (面议, negotiable); 0 ≤ min ≤ max; two decimals (R0.1, DM.5).</summary>
public static class BudgetRange
{
    /// <summary>Upper bound any amount may state (1,000 亿元), well inside decimal(18,2).</summary>
    public const decimal MaxYuan = 100_000_000_000m;

    public static IReadOnlyList<FieldError> Validate(decimal? min, decimal? max, string minField = "budgetMinYuan", string maxField = "budgetMaxYuan")
    {
        var errors = new FieldErrors();
        if (min is null && max is null) return errors.All;
        if (min is null || max is null)
        {
            errors.Add(DemandErrors.BudgetIncomplete(min is null ? minField : maxField));
            return errors.All;
        }
        ValidateAmount(min.Value, minField, errors);
        ValidateAmount(max.Value, maxField, errors);
        if (!errors.Any && min > max) errors.Add(DemandErrors.BudgetMinAboveMax(minField));
        return errors.All;
    }

    /// <summary>One amount: 0 ≤ amount ≤ <see cref="MaxYuan"/>, at most two decimals.</summary>
    public static void ValidateAmount(decimal amount, string field, FieldErrors errors)
    {
        if (amount < 0 || amount > MaxYuan) errors.Add(DemandErrors.AmountOutOfRange(field));
        else if (Yuan.Round(amount) != amount) errors.Add(DemandErrors.AmountTooManyDecimals(field));
    }
}
