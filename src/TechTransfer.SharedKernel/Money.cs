using System.Globalization;

namespace TechTransfer.SharedKernel;

/// <summary>Money is <see cref="decimal"/> yuan (元), two decimals; 万元/亿元 only when displayed (spec R0.1).</summary>
public static class Yuan
{
    public const int Precision = 18;
    public const int Scale = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Scale, MidpointRounding.ToEven);

    /// <summary>Display in 元, 万元 or 亿元 by size (Chinese) or ¥ with thousands separators (English).</summary>
    public static string Display(decimal amount, bool english)
    {
        if (english) return "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);
        var abs = Math.Abs(amount);
        if (abs >= 100_000_000m) return (amount / 100_000_000m).ToString("0.####", CultureInfo.InvariantCulture) + " 亿元";
        if (abs >= 10_000m) return (amount / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + " 万元";
        return amount.ToString("0.00", CultureInfo.InvariantCulture) + " 元";
    }
}
