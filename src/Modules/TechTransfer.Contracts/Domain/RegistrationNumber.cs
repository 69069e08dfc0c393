using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TechTransfer.Contracts.Domain;

/// <summary>
/// 合同登记编号 layout [CFG] (spec §2.1, §12). Tokens: <c>{YYYY}</c> year, <c>{YY}</c> 2-digit year, <c>{DIV6}</c> the registry
/// office's 6-digit division code, <c>{PROV2}</c> its province, <c>{SERIAL6}</c>/<c>{SERIALn}</c> the per-year serial, digits as literals.
/// The default is the suspected YYYY + 6-digit division + 6-digit serial [INF]. A layout must produce exactly 16 digits.
/// </summary>
public sealed partial class RegistrationNumberLayout
{
    public const string DefaultPattern = "{YYYY}{DIV6}{SERIAL6}";

    private readonly List<(string Token, int Width, string? Literal)> _parts = [];

    public RegistrationNumberLayout(string pattern = DefaultPattern)
    {
        Pattern = pattern;
        var pos = 0;
        foreach (Match m in TokenRegex().Matches(pattern))
        {
            if (m.Index > pos) AddLiteral(pattern[pos..m.Index]);
            var t = m.Groups[1].Value;
            var width = t switch
            {
                "YYYY" => 4,
                "YY" => 2,
                "DIV6" => 6,
                "PROV2" => 2,
                _ when t.StartsWith("SERIAL", StringComparison.Ordinal) => int.Parse(t[6..], CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unknown token {{{t}}} in registration number layout.", nameof(pattern)),
            };
            _parts.Add((t.StartsWith("SERIAL", StringComparison.Ordinal) ? "SERIAL" : t, width, null));
            pos = m.Index + m.Length;
        }
        if (pos < pattern.Length) AddLiteral(pattern[pos..]);
        var total = _parts.Sum(p => p.Width);
        if (total != 16) throw new ArgumentException($"The registration number layout gives {total} digits, not 16.", nameof(pattern));
        SerialWidth = _parts.Where(p => p.Token == "SERIAL").Sum(p => p.Width);
        if (SerialWidth == 0) throw new ArgumentException("The registration number layout needs a {SERIALn} token.", nameof(pattern));
    }

    public string Pattern { get; }
    public int SerialWidth { get; }
    public long MaxSerial => (long)Math.Pow(10, SerialWidth) - 1;

    private void AddLiteral(string lit)
    {
        if (!lit.All(char.IsAsciiDigit)) throw new ArgumentException("Layout literals must be digits.", nameof(lit));
        _parts.Add(("LIT", lit.Length, lit));
    }

    /// <summary>Builds the number; the caller supplies the next per-year serial for the office.</summary>
    public string Format(int year, string officeDivisionCode, long serial)
    {
        if (!DivisionCodes.IsValid(officeDivisionCode)) throw new ArgumentException("The office division code must have 6 digits.", nameof(officeDivisionCode));
        if (serial < 1 || serial > MaxSerial) throw new ArgumentOutOfRangeException(nameof(serial), $"Serial must be 1..{MaxSerial}.");
        var sb = new StringBuilder(16);
        foreach (var (token, width, literal) in _parts)
        {
            sb.Append(token switch
            {
                "YYYY" => year.ToString("D4", CultureInfo.InvariantCulture),
                "YY" => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
                "DIV6" => officeDivisionCode,
                "PROV2" => officeDivisionCode[..2],
                "SERIAL" => serial.ToString(new string('0', width), CultureInfo.InvariantCulture),
                _ => literal,
            });
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\{([A-Z]+[0-9]*)\}")]
    private static partial Regex TokenRegex();
}

/// <summary>Checks of a registration number's shape (spec §2.1). Semantics are never parsed outside the layout.</summary>
public static partial class RegistrationNumbers
{
    /// <summary>16 digits (current), or 14 digits (legacy YY+prov2+city2+point2+serial6) when <paramref name="allowLegacy"/>.</summary>
    public static bool IsValid(string? number, bool allowLegacy = false) =>
        number is not null && (Current().IsMatch(number) || (allowLegacy && Legacy().IsMatch(number)));

    [GeneratedRegex(@"^\d{16}$")]
    private static partial Regex Current();

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex Legacy();
}
