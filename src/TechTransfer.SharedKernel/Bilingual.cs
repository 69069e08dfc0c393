using System.Globalization;

namespace TechTransfer.SharedKernel;

/// <summary>Chinese first, English complete: picks one of two texts by the current UI culture.</summary>
public static class Bilingual
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsEnglish(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static bool CurrentIsEnglish => IsEnglish(CultureInfo.CurrentUICulture.Name);

    /// <summary>The Chinese or the English text, by <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public static string T(string zh, string en) => CurrentIsEnglish ? en : zh;

    /// <summary>Alternatives as a sentence lists them: "a、b 或 c" in Chinese, "a, b or c" in English.</summary>
    public static string JoinOr(IReadOnlyList<string> items, bool english) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(english ? ", " : "、", items.Take(items.Count - 1)) + (english ? " or " : " 或 ") + items[^1],
    };
}
