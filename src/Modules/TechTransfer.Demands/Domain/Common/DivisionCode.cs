using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// 行政区划代码 (GB/T 2260 administrative division code) of a demand or challenge: a division of the shared table
/// (<see cref="Divisions"/>, all of China at province, prefecture and county level; rule DM.4).
/// Examples: 310000 上海市, 310115 浦东新区.
/// </summary>
public static class DivisionCode
{
    /// <summary>Shanghai (上海市).</summary>
    public const string Shanghai = Divisions.Shanghai;

    public static Result<string> Parse(string? raw, string field = "divisionCode")
    {
        var text = (raw ?? "").Trim();
        return Divisions.IsKnown(text) ? text : DemandErrors.DivisionCodeInvalid(raw ?? "", field);
    }

    /// <summary>The province-level code of a division, e.g. 310115 → 310000.</summary>
    public static string ProvinceOf(string code) => Divisions.ProvinceOf(code) ?? code;
}
