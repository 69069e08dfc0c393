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
}
