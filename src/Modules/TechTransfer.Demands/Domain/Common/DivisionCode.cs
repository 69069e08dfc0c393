using System.Text.RegularExpressions;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// 行政区划代码 (GB/T 2260 administrative division code): six digits, province (2) + prefecture (2) + county (2),
/// with a province prefix that exists and no county without a prefecture (rule DM.4). Examples: 310000 上海市, 310115 浦东新区.
/// </summary>
public static partial class DivisionCode
{
    /// <summary>GB/T 2260 province-level prefixes (incl. 71 台湾, 81 香港, 82 澳门).</summary>
    public static readonly IReadOnlySet<string> Provinces = new HashSet<string>(StringComparer.Ordinal)
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    };

    /// <summary>Shanghai (上海市).</summary>
    public const string Shanghai = "310000";

    public static Result<string> Parse(string? raw, string field = "divisionCode")
    {
        var text = (raw ?? "").Trim();
        if (!SixDigits().IsMatch(text) || !Provinces.Contains(text[..2]) || (text[2..4] == "00" && text[4..] != "00"))
            return DemandErrors.DivisionCodeInvalid(raw ?? "", field);
        return text;
    }

    /// <summary>The province-level code of a division, e.g. 310115 → 310000.</summary>
    public static string ProvinceOf(string code) => code[..2] + "0000";

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex SixDigits();
}
