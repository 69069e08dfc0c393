using System.Globalization;

namespace TechTransfer.SharedKernel;

/// <summary>Money is <see cref="decimal"/> yuan (元), two decimals; 万元/亿元 only when displayed (spec R0.1).</summary>
public static class Yuan
{
    public const int Precision = 18;
    public const int Scale = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Scale, MidpointRounding.ToEven);

    /// <summary>
    /// The one money format of every page and message: two decimals always — in Chinese 元, 万元 or 亿元 by size
    /// (<c>1,234.50 元</c>, <c>25.00 万元</c>, <c>1.20 亿元</c>), in English ¥ with thousands separators (<c>¥250,000.00</c>).
    /// </summary>
    public static string Display(decimal amount, bool english)
    {
        if (english) return (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var abs = Math.Abs(amount);
        if (abs >= 100_000_000m) return (amount / 100_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 亿元";
        if (abs >= 10_000m) return (amount / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 万元";
        return amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";
    }

    /// <summary><see cref="Display(decimal, bool)"/> in the current UI language; "—" for no amount.</summary>
    public static string Display(decimal? amount) => amount is { } a ? Display(a, Bilingual.CurrentIsEnglish) : "—";

    /// <summary>
    /// Splits <paramref name="total"/> yuan among payees in proportion to <paramref name="weights"/> by the largest
    /// remainder method at the fen (分): each payee first gets its share rounded down to the fen, then the fen left over
    /// go one each to the payees with the largest remainders. Tie-break: equal remainders go to the payee listed
    /// first. The parts always sum exactly to the total. Weights must be non-negative with a positive sum.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Count == 0) return [];
        if (weights.Any(w => w < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "Weights must not be negative.");
        var sum = weights.Sum();
        if (sum <= 0) throw new ArgumentOutOfRangeException(nameof(weights), "Weights must have a positive sum.");
        var totalFen = decimal.Round(total * 100m, 0, MidpointRounding.ToEven);
        var parts = new decimal[weights.Count];
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = totalFen * weights[i] / sum;
            parts[i] = decimal.Floor(exact);
            remainders[i] = (exact - parts[i], i);
            given += parts[i];
        }
        var left = (int)(totalFen - given);
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(left))
            parts[index] += 1m;
        return parts.Select(p => p / 100m).ToArray();
    }
}
