using System.Text;

namespace TechTransfer.Search.Analysis;

/// <summary>Length-preserving normalisation applied before segmentation: full-width ASCII to half-width,
/// ideographic space to space. Offsets stay valid because every char maps to exactly one char.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var n = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (n != c)
            {
                sb ??= new StringBuilder(text);
                sb[i] = n;
            }
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>The form used for exact keyword matching: normalised, lower-case, without spaces and punctuation.</summary>
    public static string KeywordKey(string text)
    {
        var s = Normalize(text).Trim().ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
