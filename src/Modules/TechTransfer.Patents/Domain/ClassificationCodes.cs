using System.Text.RegularExpressions;

namespace TechTransfer.Patents.Domain;

/// <summary>
/// Splits a patent's classification text into whole codes: IPC symbols (<c>G06T 7/00</c>, <c>H01M 10/0525</c>, or a subclass
/// <c>G06T</c>) and Locarno classes of designs (<c>14-02</c>, LOC(14) Cl. 14-02) stay whole — the space inside an IPC
/// symbol is not a separator. Codes are separated by semicolons, commas (either width), line breaks or spaces between
/// codes; text that is no recognised code is kept as one value.
/// </summary>
public static partial class ClassificationCodes
{
    [GeneratedRegex(@"[A-H]\s?\d{2}\s?[A-Z](?:\s*\d{1,4}\s*/\s*\d{1,6})?|\b\d{1,2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var codes = new List<string>();
        foreach (var piece in text.Split([';', ',', '；', '，', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = Code().Matches(piece.ToUpperInvariant());
            if (found.Count == 0) codes.Add(piece);
            else codes.AddRange(found.Select(m => Tidy(m.Value)));
        }
        return codes.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>One space between an IPC subclass and its group (<c>G06T7/00</c> → <c>G06T 7/00</c>); no other spaces.</summary>
    private static string Tidy(string code)
    {
        var compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return compact.Length > 4 && char.IsAsciiLetter(compact[0]) && compact.Contains('/') ? $"{compact[..4]} {compact[4..]}" : compact;
    }
}
