using System.Text.RegularExpressions;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// 国际专利分类号 (IPC code) at subclass level or below, normalised to "G06F" or "G06F 17/30" (rule DM.3).
/// Section A–H, two-digit class, subclass letter, optional main group (1–4 digits) "/" subgroup (2–6 digits).
/// </summary>
public sealed partial record IpcCode
{
    private IpcCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The subclass (first four characters), e.g. "G06F".</summary>
    public string Subclass => Value[..4];

    public override string ToString() => Value;

    public static Result<IpcCode> Parse(string? raw, string field = "ipcCodes")
    {
        var text = (raw ?? "").Trim().ToUpperInvariant();
        var match = Pattern().Match(text);
        if (!match.Success) return DemandErrors.IpcCodeInvalid(raw ?? "", field);
        var subclass = match.Groups["sub"].Value;
        if (!match.Groups["main"].Success) return new IpcCode(subclass);
        var main = int.Parse(match.Groups["main"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (main == 0) return DemandErrors.IpcCodeInvalid(raw ?? "", field);
        return new IpcCode($"{subclass} {main}/{match.Groups["group"].Value}");
    }

    /// <summary>Parses a list; returns the distinct normalised codes or one field error per bad entry.</summary>
    public static (IReadOnlyList<IpcCode> Codes, IReadOnlyList<FieldError> Errors) ParseAll(IEnumerable<string>? raw, string field = "ipcCodes")
    {
        var codes = new List<IpcCode>();
        var errors = new FieldErrors();
        foreach (var item in raw ?? [])
        {
            var parsed = Parse(item, field);
            if (parsed.IsFailure) errors.AddRange(parsed.Error!.FieldErrors);
            else if (!codes.Contains(parsed.Value)) codes.Add(parsed.Value);
        }
        return (codes, errors.All);
    }

    [GeneratedRegex(@"^(?<sub>[A-H]\d{2}[A-Z])(?:\s*(?<main>\d{1,4})\s*/\s*(?<group>\d{2,6}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
